// The actor knowledge base: countries (CLDR names + hand-written variants and nisbas), places,
// organisations and people from data/actors, plus the role/agent dictionary. Loaded once,
// validated, and compiled into one token trie over normalised forms (see index.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../doc/types.js';
import { dataDir, loadDataFile } from '../resources.js';
import { normaliseWord } from '../text/normalise.js';

export type ActorKind = 'country' | 'place' | 'org' | 'person';

export interface KbActor {
  id: string;
  kind: ActorKind;
  type: EntityType;
  /** ISO 3166-1 alpha-3 or a CAMEO regional code; null for global bodies. */
  country: string | null;
  sectors: string[];
  en: string;
  /** Arabic names; the first is canonical. */
  ar: string[];
  geo: { lat: number; lon: number } | null;
  /** Years in the role (inclusive); `to` null = still in office. Empty = timeless. */
  years: { from: number | null; to: number | null }[];
  /** For capitals: the ISO3 code of the country they stand for (capital metonymy). */
  capitalOf: string | null;
  /** Nisba adjectives, masculine singular, as written: of countries (the country), and of
   * organisations (extra `adj=`: الحوثية → the Houthis). */
  nisba: string[];
  /** Broken plurals of a country's nisba (أتراك، روس، ألمان), used as written and with the article:
   * they cannot be derived from the singular. */
  nisbaPlurals: string[];
  /** Countries one of which a story must name for the contextual names to apply (extra `ctx=`):
   * bare التحالف is the Saudi-led coalition in a story about Yemen, the US-led one in a story
   * about Iraq or Syria, and nobody in a story about German politics. */
  context: string[];
  /** Names written with a leading ~ in the data: they stand for this actor only in context. */
  contextualAr: string[];
}

export interface RoleEntry {
  sector: string;
  rank: number;
  standalone: boolean;
  forms: string[];
}

export interface RolesFile {
  schema: 'marsad.roles/1';
  sectors: Record<string, string>;
  regions: Record<string, string>;
  roles: RoleEntry[];
  heads: string[];
  modifiers: string[];
  locativeCues: string[];
  locativeClitics: string[];
  /** Words next to a capital that make it an actor (أوامر طهران، رفضت موسكو، مع واشنطن). */
  metonymyCues: string[];
  issuerNouns: string[];
  issuerBlockers: string[];
  speechVerbs: string[];
  /** Sectors whose unnamed, definite role phrases take the article's main country (marked inferred). */
  inferCountrySectors?: string[];
  /** Role forms too generic for that inference (الدولة، التنظيم، المبعوث …). */
  noInference?: string[];
  /** Role forms that, before a place name, are part of the place's name (محافظة صنعاء). */
  placeNouns?: string[];
  /** Names that are also common adjectives (مالي "financial"): right after a word other than a
   * locative cue or a role noun they are the adjective, not the name. */
  adjectiveHomographs?: string[];
}

interface MinistriesFile {
  schema: 'marsad.ministries/1';
  countries: string[];
  ministries: { key: string; en: string; sector: string; ar: string[] }[];
}

interface CountriesFile {
  schema: 'marsad.countries/1';
  countries: { iso3: string; iso2: string; en: string; ar: string[] }[];
}

export interface KnowledgeBase {
  actors: Map<string, KbActor>;
  roles: RolesFile;
  /** Valid country codes: ISO3 codes of countries.json plus CAMEO regions of roles.json. */
  countryCodes: Set<string>;
}

export const ACTOR_FILES = [
  'places.tsv',
  'places-more.tsv',
  'places-region.tsv',
  'organisations.tsv',
  'organisations-more.tsv',
  'people.tsv',
  'people-more.tsv',
] as const;
const ACTOR_SCHEMA = 'marsad.actors/1';
/** The fields an actor built from a list (a country, a ministry) leaves empty, as fresh arrays
 * (country-extras.tsv later adds nisbas and context words to them). */
const noExtras = () => ({
  geo: null,
  years: [],
  capitalOf: null,
  nisba: [],
  nisbaPlurals: [],
  context: [],
  contextualAr: [],
});
const EXTRAS_SCHEMA = 'marsad.country-extras/1';

/** A data error: names the file, line and field. */
export class KbError extends Error {}

interface TsvRow {
  line: number;
  cells: string[];
}

/** Read a TSV data file whose first line is `#schema<TAB>name`; `#` lines are comments. */
function readTsv(relPath: string, schema: string): TsvRow[] {
  const path = join(dataDir, relPath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new KbError(`data file ${path}: ${(err as Error).message}`);
  }
  const lines = text.split('\n');
  const head = lines[0].split('\t');
  if (head[0] !== '#schema' || head[1]?.trim() !== schema)
    throw new KbError(`data file ${path}: expected first line "#schema\t${schema}"`);
  const rows: TsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i].replace(/\r$/, '');
    if (l === '' || l.startsWith('#')) continue;
    rows.push({ line: i + 1, cells: l.split('\t').map((c) => c.trim()) });
  }
  return rows;
}

const TYPES = new Set<EntityType>(['PER', 'ORG', 'GPE', 'LOC', 'FAC', 'MISC']);

function parseNumber(s: string, where: string, field: string): number | null {
  if (s === '') return null;
  const n = Number(s);
  if (!Number.isFinite(n)) throw new KbError(`${where}: field ${field} must be a number, got "${s}"`);
  return n;
}

/** "2017-2021;2025-" → spells; "-2020" = until 2020. */
export function parseYears(s: string, where: string): KbActor['years'] {
  if (s === '') return [];
  return s.split(';').map((spell) => {
    const m = /^(\d{4})?-(\d{4})?$/.exec(spell.trim());
    if (!m || (!m[1] && !m[2]))
      throw new KbError(`${where}: field years must look like 2017-2021, 2021- or -2020; got "${spell}"`);
    const from = m[1] ? Number(m[1]) : null;
    const to = m[2] ? Number(m[2]) : null;
    if (from !== null && to !== null && to < from)
      throw new KbError(`${where}: field years ends before it starts: "${spell}"`);
    return { from, to };
  });
}

function kindOf(id: string, where: string): ActorKind {
  if (id.startsWith('place:')) return 'place';
  if (id.startsWith('org:')) return 'org';
  if (id.startsWith('per:')) return 'person';
  throw new KbError(`${where}: field id must start with place:, org: or per:; got "${id}"`);
}

function parseActorRow(file: string, row: TsvRow): KbActor {
  const where = `data/actors/${file} line ${row.line}`;
  const [
    id = '',
    type = '',
    country = '',
    sectors = '',
    en = '',
    ar = '',
    lat = '',
    lon = '',
    years = '',
    extra = '',
  ] = row.cells;
  if (!/^[a-z]+:[a-z0-9-]+$/.test(id))
    throw new KbError(`${where}: field id must be like org:un; got "${id}"`);
  if (!TYPES.has(type as EntityType))
    throw new KbError(`${where}: field type must be one of ${[...TYPES].join(' ')}; got "${type}"`);
  if (en === '') throw new KbError(`${where}: field en (English name) is empty`);
  const all = ar
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const names = all.filter((s) => !s.startsWith('~'));
  const contextualAr = all.filter((s) => s.startsWith('~')).map((s) => s.slice(1));
  if (names.length === 0) throw new KbError(`${where}: field ar (Arabic names) is empty`);
  const la = parseNumber(lat, where, 'lat');
  const lo = parseNumber(lon, where, 'lon');
  if ((la === null) !== (lo === null)) throw new KbError(`${where}: lat and lon must be given together`);
  let capitalOf: string | null = null;
  const adjectives: string[] = [];
  const context: string[] = [];
  for (const kv of extra.split(/\s+/)) {
    if (kv === '') continue;
    const [k, v] = kv.split('=');
    if (k === 'capital' && v) capitalOf = v;
    else if (k === 'adj' && v) adjectives.push(...v.split('|').filter((x) => x !== ''));
    else if (k === 'ctx' && v) context.push(...v.split('|').filter((x) => x !== ''));
    else
      throw new KbError(
        `${where}: field extra: unknown "${kv}" (expected capital=ISO3, adj=nisba|nisba or ctx=ISO3|ISO3)`,
      );
  }
  return {
    id,
    kind: kindOf(id, where),
    type: type as EntityType,
    country: country === '' ? null : country,
    sectors: sectors === '' ? [] : sectors.split(',').map((s) => s.trim()),
    en,
    ar: [...new Set(names)],
    geo: la !== null && lo !== null ? { lat: la, lon: lo } : null,
    years: parseYears(years, where),
    capitalOf,
    nisba: adjectives,
    nisbaPlurals: [],
    context,
    contextualAr,
  };
}

/** Load every data file of the knowledge base (no validation beyond parsing; see validateKb). */
export function loadKb(): KnowledgeBase {
  const roles = loadDataFile<RolesFile>('actors/roles.json', 'marsad.roles/1');
  const countries = loadDataFile<CountriesFile>('actors/countries.json', 'marsad.countries/1');
  const actors = new Map<string, KbActor>();
  const countryCodes = new Set<string>(Object.keys(roles.regions ?? {}));
  for (const c of countries.countries) {
    countryCodes.add(c.iso3);
    actors.set(c.iso3, {
      id: c.iso3,
      kind: 'country',
      type: 'GPE',
      country: c.iso3,
      sectors: [],
      en: c.en,
      ar: [...c.ar],
      ...noExtras(),
    });
  }
  for (const row of readTsv('actors/country-extras.tsv', EXTRAS_SCHEMA)) {
    const where = `data/actors/country-extras.tsv line ${row.line}`;
    const [iso3 = '', en = '', ar = '', nisba = '', lat = '', lon = '', plurals = ''] = row.cells;
    const a = actors.get(iso3);
    if (!a) throw new KbError(`${where}: field iso3 "${iso3}" is not in countries.json`);
    if (en) a.en = en;
    for (const n0 of ar.split('|')) {
      const n = n0.trim();
      // ~المملكة: Saudi Arabia, Jordan, Morocco … only in a story that names that country.
      if (n.startsWith('~')) {
        a.contextualAr.push(n.slice(1));
        a.context = [iso3];
      } else if (n && !a.ar.includes(n)) a.ar.push(n);
    }
    a.nisba = nisba
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    a.nisbaPlurals = plurals
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const la = parseNumber(lat, where, 'lat');
    const lo = parseNumber(lon, where, 'lon');
    if (la !== null && lo !== null) a.geo = { lat: la, lon: lo };
  }
  for (const file of ACTOR_FILES) {
    for (const row of readTsv(`actors/${file}`, ACTOR_SCHEMA)) {
      const a = parseActorRow(file, row);
      if (actors.has(a.id)) throw new KbError(`data/actors/${file} line ${row.line}: duplicate id "${a.id}"`);
      actors.set(a.id, a);
    }
  }
  addMinistries(actors);
  // Countries without a centroid fall back to their capital's coordinates.
  for (const a of actors.values()) {
    if (a.capitalOf && a.geo) {
      const c = actors.get(a.capitalOf);
      if (c && !c.geo) c.geo = a.geo;
    }
  }
  return { actors, roles, countryCodes };
}

/** Ministries of data/actors/ministries.json, one per listed country and ministry (see its about). */
function addMinistries(actors: Map<string, KbActor>): void {
  const file = loadDataFile<MinistriesFile>('actors/ministries.json', 'marsad.ministries/1');
  const where = 'data/actors/ministries.json';
  const taken = new Set<string>();
  for (const a of actors.values()) for (const n of a.ar) taken.add(normaliseWord(n));
  for (const iso of file.countries) {
    const c = actors.get(iso);
    if (!c || c.kind !== 'country')
      throw new KbError(`${where}: countries: "${iso}" is not in countries.json`);
    if (c.nisba.length === 0)
      throw new KbError(`${where}: countries: "${iso}" has no nisba in country-extras.tsv`);
    for (const m of file.ministries) {
      if (!/^[a-z]+$/.test(m.key))
        throw new KbError(`${where}: ministries: key must be lower-case letters, got "${m.key}"`);
      const names: string[] = [];
      for (const form of m.ar)
        for (const nisba of c.nisba) {
          const name = `${form} ال${nisba}ة`;
          if (!taken.has(normaliseWord(name))) names.push(name);
        }
      if (names.length === 0) continue;
      const id = `org:${iso.toLowerCase()}-ministry-${m.key}`;
      if (actors.has(id)) throw new KbError(`${where}: duplicate id "${id}"`);
      actors.set(id, {
        id,
        kind: 'org',
        type: 'ORG',
        country: iso,
        sectors: [m.sector],
        en: `${c.en} ${m.en}`,
        ar: names,
        ...noExtras(),
      });
    }
  }
}

/** Every problem in the knowledge base, as messages naming the actor and field. */
export function validateKb(kb: KnowledgeBase): string[] {
  const errors: string[] = [];
  const sectors = new Set(Object.keys(kb.roles.sectors));
  for (const a of kb.actors.values()) {
    if (a.country !== null && !kb.countryCodes.has(a.country))
      errors.push(
        `${a.id}: country "${a.country}" is neither an ISO3 code of countries.json nor a region of roles.json`,
      );
    for (const s of a.sectors) if (!sectors.has(s)) errors.push(`${a.id}: unknown sector "${s}"`);
    if (a.geo && (!(a.geo.lat >= -90 && a.geo.lat <= 90) || !(a.geo.lon >= -180 && a.geo.lon <= 180)))
      errors.push(`${a.id}: coordinates out of range (${a.geo.lat}, ${a.geo.lon})`);
    if ((a.type === 'LOC' || a.type === 'FAC' || a.kind === 'place') && !a.geo)
      errors.push(`${a.id}: a place needs coordinates`);
    if (a.nisbaPlurals.length > 0 && a.kind !== 'country')
      errors.push(`${a.id}: only countries take broken-plural nisbas`);
    if (a.nisba.length > 0 && a.kind !== 'country' && a.kind !== 'org')
      errors.push(`${a.id}: only countries and organisations take nisba adjectives (adj=)`);
    if (a.contextualAr.length > 0 && a.context.length === 0)
      errors.push(`${a.id}: names marked ~ (contextual) need ctx=ISO3 in field extra`);
    for (const c of a.context)
      if (!kb.countryCodes.has(c) && !kb.actors.has(c))
        errors.push(`${a.id}: ctx "${c}" is neither an ISO3 code nor an actor id`);
    if (a.capitalOf !== null && !kb.actors.has(a.capitalOf))
      errors.push(`${a.id}: capital of unknown country "${a.capitalOf}"`);
  }
  for (const s of kb.roles.inferCountrySectors ?? [])
    if (!sectors.has(s)) errors.push(`roles.json: inferCountrySectors: unknown sector "${s}"`);
  for (const r of kb.roles.roles) {
    if (!sectors.has(r.sector)) errors.push(`roles.json: unknown sector "${r.sector}"`);
    if (![0, 1, 2].includes(r.rank)) errors.push(`roles.json: rank must be 0, 1 or 2 (sector ${r.sector})`);
  }
  return errors;
}

/** The years rule of candidate ranking: how well an actor fits a document year (higher = better). */
export function yearFit(a: KbActor, year: number | null): number {
  if (a.years.length === 0 || year === null) return 1;
  let best = 0;
  for (const y of a.years) {
    const from = y.from ?? -Infinity;
    const to = y.to ?? Infinity;
    if (year >= from && year <= to) best = Math.max(best, 3 + (from === -Infinity ? 0 : from / 1e5));
    else if (to < year) best = Math.max(best, 1 + to / 1e5);
  }
  return best;
}
