// Loader for data/numbers/words.json: Arabic number words as normalised lookup tables.
import { loadDataFile } from '../resources.js';
import { PhraseTable, entryTokens } from './view.js';

const NUMBER_WORDS_SCHEMA = 'marsad/number-words/1';

interface Named {
  value: number;
  names: string[];
}
interface ScaleEntry {
  value: number;
  singular: string[];
  dual: string[];
  plural: string[];
}
interface OrdinalEntry {
  value: number;
  masc: string[];
  fem: string[];
  compoundOnly?: boolean;
}
interface FractionEntry {
  value: number;
  names: string[];
  joined: string[];
}

export interface NumberWordsFile {
  schema: string;
  units: Named[];
  teenUnits: Named[];
  teen: string[];
  tens: Named[];
  hundreds: Named[];
  scales: ScaleEntry[];
  vague: Named[];
  fractions: FractionEntry[];
  approxBefore: string[];
  notCounted: string[];
  ordinals: OrdinalEntry[];
  ordinalTeen: string[];
  ordinalTens: Named[];
}

export type ScaleForm = 'singular' | 'dual' | 'plural';

export interface NumberWords {
  units: Map<string, number>;
  teenUnits: Map<string, number>;
  teen: Set<string>;
  tens: Map<string, number>;
  hundreds: Map<string, number>;
  scales: Map<string, { value: number; form: ScaleForm }>;
  vague: Map<string, number>;
  fractions: PhraseTable<number>;
  joinedFractions: Map<string, number>;
  approxBefore: PhraseTable<true>;
  notCounted: Set<string>;
  /** Ordinals, masculine (day of month) and feminine (clock hour), with compound-only flags. */
  ordMasc: Map<string, { value: number; compoundOnly: boolean }>;
  ordFem: Map<string, { value: number; compoundOnly: boolean }>;
  ordinalTeen: Set<string>;
  ordinalTens: Map<string, number>;
}

function fail(field: string, what: string): never {
  throw new Error(`data file numbers/words.json: field "${field}" ${what}`);
}

function single(field: string, name: string): string {
  const t = entryTokens(name);
  if (t.length !== 1) fail(field, `expects one-word entries, got ${JSON.stringify(name)}`);
  return t[0];
}

function named(field: string, list: Named[] | undefined): Map<string, number> {
  if (!Array.isArray(list)) fail(field, 'must be a list of { value, names }');
  const m = new Map<string, number>();
  for (const e of list) {
    if (typeof e.value !== 'number' || !Array.isArray(e.names))
      fail(field, 'entries must be { value: number, names: string[] }');
    for (const nm of e.names) m.set(single(field, nm), e.value);
  }
  return m;
}

function words(field: string, list: string[] | undefined): Set<string> {
  if (!Array.isArray(list)) fail(field, 'must be a list of strings');
  return new Set(list.map((w) => single(field, w)));
}

export function compileNumberWords(f: NumberWordsFile): NumberWords {
  const scales = new Map<string, { value: number; form: ScaleForm }>();
  if (!Array.isArray(f.scales)) fail('scales', 'must be a list');
  for (const s of f.scales) {
    for (const form of ['singular', 'dual', 'plural'] as const) {
      if (!Array.isArray(s[form])) fail('scales', `entries need a "${form}" list`);
      for (const nm of s[form]) scales.set(single('scales', nm), { value: s.value, form });
    }
  }
  const fractions = new PhraseTable<number>();
  const joinedFractions = new Map<string, number>();
  if (!Array.isArray(f.fractions)) fail('fractions', 'must be a list');
  for (const fr of f.fractions) {
    for (const nm of fr.names) fractions.add(nm, fr.value);
    for (const nm of fr.joined) {
      const t = entryTokens(nm);
      if (t.length === 1) joinedFractions.set(t[0], fr.value);
    }
  }
  const approxBefore = new PhraseTable<true>();
  if (!Array.isArray(f.approxBefore)) fail('approxBefore', 'must be a list of strings');
  for (const a of f.approxBefore) approxBefore.add(a, true);
  const ordMasc = new Map<string, { value: number; compoundOnly: boolean }>();
  const ordFem = new Map<string, { value: number; compoundOnly: boolean }>();
  if (!Array.isArray(f.ordinals)) fail('ordinals', 'must be a list');
  for (const o of f.ordinals) {
    const v = { value: o.value, compoundOnly: o.compoundOnly === true };
    for (const nm of o.masc) ordMasc.set(single('ordinals', nm), v);
    for (const nm of o.fem) ordFem.set(single('ordinals', nm), v);
  }
  return {
    units: named('units', f.units),
    teenUnits: named('teenUnits', f.teenUnits),
    teen: words('teen', f.teen),
    tens: named('tens', f.tens),
    hundreds: named('hundreds', f.hundreds),
    scales,
    vague: named('vague', f.vague),
    fractions,
    joinedFractions,
    approxBefore,
    notCounted: words('notCounted', f.notCounted),
    ordMasc,
    ordFem,
    ordinalTeen: words('ordinalTeen', f.ordinalTeen),
    ordinalTens: named('ordinalTens', f.ordinalTens),
  };
}

export function loadNumberWords(): NumberWords {
  return compileNumberWords(loadDataFile<NumberWordsFile>('numbers/words.json', NUMBER_WORDS_SCHEMA));
}
