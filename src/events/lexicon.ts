// The Arabic event lexicon (data/events/lexicon.json) and the function-word grammar
// (data/events/grammar.json), validated and compiled into hash indexes of generated forms.
import { loadDataFile } from '../resources.js';
import { norm, nounForms, verbForms } from './morphology.js';
import type { Ontology } from './ontology.js';

export type EntryKind = 'event' | 'report' | 'light' | 'light-passive';

export interface CtxRuleData {
  words: string[];
  code: string | null;
  before?: boolean;
  within?: number;
}

export interface LexEntryData {
  verb?: string;
  imperfect?: string;
  nouns?: string[];
  kind?: EntryKind;
  code: string | null;
  ctx?: CtxRuleData[];
  gen?: 'source' | 'target';
  exclude?: string[];
  not?: string[];
  notAfter?: string[];
  preps?: string[];
  absorbs?: boolean;
  negates?: boolean;
  passiveIfNoObject?: boolean;
}

interface LexiconFile {
  schema: string;
  entries: LexEntryData[];
}

/** A set of bare words; entries ending in * match as prefixes. */
export interface WordSet {
  exact: Set<string>;
  prefixes: string[];
}

export function wordSet(words: readonly string[]): WordSet {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const w of words) {
    if (w.endsWith('*')) prefixes.push(norm(w.slice(0, -1)));
    else exact.add(norm(w));
  }
  return { exact, prefixes };
}

/** Does any of a token's bare forms belong to the set? */
export function inSet(cands: readonly string[], ws: WordSet): boolean {
  for (const c of cands) {
    if (ws.exact.has(c)) return true;
    for (const p of ws.prefixes) if (c.length >= p.length && c.startsWith(p)) return true;
  }
  return false;
}

export interface CtxRule {
  words: WordSet;
  code: string | null;
  before: boolean;
  within: number;
}

export interface LexEntry {
  index: number;
  label: string;
  kind: EntryKind;
  code: string | null;
  ctx: CtxRule[];
  gen: 'source' | 'target';
  not: WordSet | null;
  notAfter: WordSet | null;
  preps: WordSet | null;
  absorbs: boolean;
  negates: boolean;
  passiveIfNoObject: boolean;
}

export interface VerbHit {
  entry: number;
  future: boolean;
  rank: number;
  /** A passive-only form (اغتيل): the noun after it is the target. */
  passive: boolean;
  /** A circumstantial participle (مشيدا): its subject is the main verb's. */
  participle: boolean;
  /** Carries an object pronoun (دمرتها). */
  object: boolean;
  /** An imperfect form (يقاتل, تدعو). */
  imperfect: boolean;
}

export interface Lexicon {
  entries: LexEntry[];
  verbs: Map<string, VerbHit>;
  /** Noun form → entry index; negative (−index − 1) when the form carries a possessive pronoun. */
  nouns: Map<string, number>;
}

export const LEXICON_SCHEMA = 'marsad/event-lexicon@1';
export const LEXICON_FILE = 'events/lexicon.json';
const KINDS = new Set<EntryKind>(['event', 'report', 'light', 'light-passive']);
const DEFAULT_WITHIN = 4;

const isStrArray = (x: unknown): x is string[] =>
  Array.isArray(x) && x.every((s) => typeof s === 'string' && s.length > 0);

/** Validate and compile the lexicon; every error names the entry and the field. */
export function compileLexicon(file: LexiconFile, onto: Ontology, where = LEXICON_FILE): Lexicon {
  const fail = (msg: string): never => {
    throw new Error(`data file ${where}: ${msg}`);
  };
  if (!Array.isArray(file.entries)) fail('"entries" must be an array');
  const checkCode = (at: string, c: unknown): string | null => {
    if (c === null) return null;
    if (typeof c !== 'string' || !onto.codes.has(c))
      fail(`${at}: ${JSON.stringify(c)} is not a CAMEO code in cameo.json`);
    return c as string;
  };
  const entries: LexEntry[] = [];
  const verbs = new Map<string, VerbHit>();
  const nouns = new Map<string, number>();
  for (const [i, d] of file.entries.entries()) {
    const at = `entries[${i}]${d.verb ? ` (${d.verb})` : d.nouns?.length ? ` (${d.nouns[0]})` : ''}`;
    if (d.verb !== undefined && (typeof d.verb !== 'string' || d.verb.length < 2))
      fail(`${at}.verb: expected a word`);
    if (d.nouns !== undefined && !(Array.isArray(d.nouns) && (d.nouns.length === 0 || isStrArray(d.nouns))))
      fail(`${at}.nouns: expected an array of words`);
    if (!d.verb && !(d.nouns && d.nouns.length)) fail(`${at}: needs "verb" or "nouns"`);
    if (!('code' in d)) fail(`${at}.code: required (a CAMEO code, or null when only ctx rules fire)`);
    const kind = d.kind ?? 'event';
    if (!KINDS.has(kind)) fail(`${at}.kind: expected one of ${[...KINDS].join(', ')}`);
    const code = checkCode(`${at}.code`, d.code);
    const ctx: CtxRule[] = [];
    for (const [k, r] of (d.ctx ?? []).entries()) {
      if (!isStrArray(r.words)) fail(`${at}.ctx[${k}].words: expected an array of words`);
      if (r.within !== undefined && !(Number.isInteger(r.within) && r.within > 0 && r.within < 20))
        fail(`${at}.ctx[${k}].within: expected an integer 1–19`);
      ctx.push({
        words: wordSet(r.words),
        code: checkCode(`${at}.ctx[${k}].code`, r.code),
        before: r.before === true,
        within: r.within ?? DEFAULT_WITHIN,
      });
    }
    for (const f of ['exclude', 'not', 'notAfter', 'preps'] as const)
      if (d[f] !== undefined && !isStrArray(d[f])) fail(`${at}.${f}: expected an array of words`);
    if (d.gen !== undefined && d.gen !== 'source' && d.gen !== 'target')
      fail(`${at}.gen: expected "source" or "target"`);
    if (kind === 'event' && code === null && ctx.every((r) => r.code === null))
      fail(`${at}: an event entry with code null needs a ctx rule with a code`);
    entries.push({
      index: i,
      label: d.verb ?? d.nouns![0],
      kind,
      code,
      ctx,
      gen: d.gen ?? 'target',
      not: d.not?.length ? wordSet(d.not) : null,
      notAfter: d.notAfter?.length ? wordSet(d.notAfter) : null,
      preps: d.preps?.length ? wordSet(d.preps) : null,
      absorbs: d.absorbs === true,
      negates: d.negates === true,
      passiveIfNoObject: d.passiveIfNoObject === true,
    });
    const exclude = new Set((d.exclude ?? []).map(norm));
    if (d.verb) {
      for (const f of verbForms(d.verb, d.imperfect ?? null)) {
        if (exclude.has(f.form)) continue;
        // Participles of force verbs are agent nouns (مقاتل, مهاجم): verbal-event verbs only.
        if (
          f.participle &&
          !(kind === 'event' && [code, ...ctx.map((r) => r.code)].every((c) => !c || c < '14'))
        )
          continue;
        const prev = verbs.get(f.form);
        const r = f.rank + (kind === 'event' ? 0 : 0.5);
        if (!prev || r < prev.rank)
          verbs.set(f.form, {
            entry: i,
            future: f.future,
            rank: r,
            passive: f.passive,
            participle: f.participle === true,
            object: f.object === true,
            imperfect: f.imperfect === true,
          });
      }
    }
    for (const n of d.nouns ?? [])
      for (const [f, pron] of nounForms(n))
        // A word that is itself a lexicon noun (وقفة) is that noun, not another noun with a
        // possessive pronoun (وقف + ه), whichever entry comes first.
        if (!exclude.has(f) && (!nouns.has(f) || (!pron && nouns.get(f)! < 0)))
          nouns.set(f, pron ? -i - 1 : i);
  }
  return { entries, verbs, nouns };
}

export function loadLexicon(onto: Ontology): Lexicon {
  return compileLexicon(loadDataFile<LexiconFile>(LEXICON_FILE, LEXICON_SCHEMA), onto);
}

// ---- grammar: function words

interface GrammarFile {
  schema: string;
  targetPreps: string[];
  locationPreps: string[];
  otherPreps: string[];
  agent: string[][];
  complementizers: string[];
  pronounComplementizers: string[];
  relatives: string[];
  clauseBreaks: string[];
  skipAfterVerb: string[];
  copulas: string[];
  actorHeads: string[];
  partitiveHeads: string[];
  personNouns: string[];
  topicWords: string[];
  backgroundHeads: string[];
  eventAdjectives: string[];
  negation: string[];
  nounNegation: string[];
  future: string[];
  planned: string[];
  conditional: string[];
  conditionalPhrases: string[][];
  reportPhrases: string[];
}

export interface Grammar {
  targetPreps: Set<string>;
  locationPreps: Set<string>;
  allPreps: Set<string>;
  agent: string[][];
  complementizers: Set<string>;
  pronounComplementizers: Set<string>;
  relatives: Set<string>;
  clauseBreaks: Set<string>;
  skipAfterVerb: Set<string>;
  copulas: Set<string>;
  actorHeads: WordSet;
  partitiveHeads: WordSet;
  /** Nouns naming people (جندي, مدني, صحفي): a nisba after one names a person's state. */
  personNouns: WordSet;
  /** Verbs of discussing (بحث, تناول, استعرض): event nouns after them are topics, not events. */
  topicWords: WordSet;
  backgroundHeads: WordSet;
  /** Adjectives describing an event noun (الجوية, المكثفة): a nisba after them is still the actor. */
  eventAdjectives: WordSet;
  negation: Set<string>;
  nounNegation: WordSet;
  future: Set<string>;
  planned: WordSet;
  conditional: Set<string>;
  conditionalPhrases: string[][];
  reportPhrases: WordSet;
}

export const GRAMMAR_SCHEMA = 'marsad/event-grammar@1';
export const GRAMMAR_FILE = 'events/grammar.json';

export function compileGrammar(g: GrammarFile, where = GRAMMAR_FILE): Grammar {
  const lists = [
    'targetPreps',
    'locationPreps',
    'otherPreps',
    'complementizers',
    'pronounComplementizers',
    'relatives',
    'clauseBreaks',
    'skipAfterVerb',
    'copulas',
    'actorHeads',
    'partitiveHeads',
    'personNouns',
    'topicWords',
    'backgroundHeads',
    'eventAdjectives',
    'negation',
    'nounNegation',
    'future',
    'planned',
    'conditional',
    'reportPhrases',
  ] as const;
  for (const k of lists)
    if (!isStrArray(g[k])) throw new Error(`data file ${where}: "${k}" must be an array of words`);
  for (const k of ['agent', 'conditionalPhrases'] as const)
    if (!Array.isArray(g[k]) || !g[k].every(isStrArray))
      throw new Error(`data file ${where}: "${k}" must be an array of word sequences`);
  const set = (a: string[]): Set<string> => new Set(a.map(norm));
  const phrases = (a: string[][]): string[][] => a.map((p) => p.map(norm));
  return {
    targetPreps: set(g.targetPreps),
    locationPreps: set(g.locationPreps),
    allPreps: set([...g.targetPreps, ...g.locationPreps, ...g.otherPreps]),
    agent: phrases(g.agent),
    complementizers: set(g.complementizers),
    pronounComplementizers: set(g.pronounComplementizers),
    relatives: set(g.relatives),
    clauseBreaks: set(g.clauseBreaks),
    skipAfterVerb: set(g.skipAfterVerb),
    copulas: set(g.copulas),
    actorHeads: wordSet(g.actorHeads),
    partitiveHeads: wordSet(g.partitiveHeads),
    personNouns: wordSet(g.personNouns),
    topicWords: wordSet(g.topicWords),
    backgroundHeads: wordSet(g.backgroundHeads),
    eventAdjectives: wordSet(g.eventAdjectives),
    negation: set(g.negation),
    nounNegation: wordSet(g.nounNegation),
    future: set(g.future),
    planned: wordSet(g.planned),
    conditional: set(g.conditional),
    conditionalPhrases: phrases(g.conditionalPhrases),
    reportPhrases: wordSet(g.reportPhrases),
  };
}

export function loadGrammar(): Grammar {
  return compileGrammar(loadDataFile<GrammarFile>(GRAMMAR_FILE, GRAMMAR_SCHEMA));
}
