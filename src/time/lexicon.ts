// Loader for data/time/lexicon.json: Arabic time vocabulary compiled into normalised lookup tables.
import type { TimeMod } from '../doc/types.js';
import { loadDataFile } from '../resources.js';
import { PhraseTable, entryTokens } from '../numbers/view.js';

const TIME_LEXICON_SCHEMA = 'marsad/time-lexicon/1';

export type Unit = 'hour' | 'day' | 'week' | 'month' | 'year' | 'decade';
export type PartOfDay = 'MO' | 'AF' | 'EV' | 'NI';

interface MonthEntry {
  month: number;
  names: string[];
  ambiguous: string[];
}

export interface TimeLexiconFile {
  schema: string;
  gregorianMonths: MonthEntry[];
  hijriMonths: MonthEntry[];
  monthWords: string[];
  hijriMarkers: string[];
  gregorianMarkers: string[];
  weekdays: { day: number; names: string[] }[];
  dayWords: string[];
  deictics: { names: string[]; days: number }[];
  partsOfDay: { names: string[]; part: PartOfDay }[];
  units: { unit: Unit; singular: string[]; dual: string[]; plural: string[] }[];
  periods: { unit: Unit; names: string[] }[];
  recentPlurals: { unit: Unit; names: string[] }[];
  yearWords: string[];
  past: string[];
  future: string[];
  current: string[];
  this: string[];
  few: string[];
  preceding: string[];
  following: string[];
  positions: { mod: TimeMod; names: string[] }[];
  prepositions: { names: string[]; mod: TimeMod | null; count: number | null }[];
  approx: string[];
  earlierLater: string[];
  hourWords: string[];
  hourNoise: string[];
  hourFractions: { names: string[]; minutes: number }[];
  meridiem: { names: string[]; pm: boolean | null }[];
  equals: string[];
  generalNouns: string[];
  weekdayBlockers: string[];
  futureMarkers: string[];
  futureFalsePrefixes: string[];
  vagueCount: string[];
  bareYearBlockers: string[];
  centuryWords: string[];
  seasons: string[];
  holidays: { names: string[]; calendar: 'gregorian' | 'hijri'; month: number; day: number }[];
  holidayDays: { names: string[]; offset: number }[];
}

export interface Holiday {
  calendar: 'gregorian' | 'hijri';
  month: number;
  day: number;
}

export interface MonthName {
  calendar: 'gregorian' | 'hijri';
  month: number;
  ambiguous: boolean;
}

export interface Preposition {
  mod: TimeMod | null;
  /** Direction for counted offsets (منذ ثلاثة أيام → -1, بعد يومين → +1); null: not a count preposition. */
  count: number | null;
}

export interface TimeLexicon {
  months: PhraseTable<MonthName>;
  monthWords: Set<string>;
  hijriMarkers: PhraseTable<true>;
  gregorianMarkers: PhraseTable<true>;
  weekdays: Map<string, number>;
  dayWords: Set<string>;
  deictics: PhraseTable<number>;
  partsOfDay: PhraseTable<PartOfDay>;
  units: Map<string, { unit: Unit; form: 'singular' | 'dual' | 'plural' }>;
  periods: Map<string, Unit>;
  recentPlurals: Map<string, Unit>;
  yearWords: Set<string>;
  /** Relative adjectives: -1 past, 0 current, +1 next. */
  relAdj: Map<string, number>;
  this: Set<string>;
  few: Set<string>;
  anchored: PhraseTable<number>;
  positions: PhraseTable<TimeMod>;
  prepositions: PhraseTable<Preposition>;
  approx: Set<string>;
  earlierLater: PhraseTable<true>;
  hourWords: Set<string>;
  hourNoise: Set<string>;
  hourFractions: PhraseTable<number>;
  meridiem: PhraseTable<boolean | null>;
  equals: PhraseTable<true>;
  generalNouns: Set<string>;
  weekdayBlockers: Set<string>;
  futureMarkers: Set<string>;
  futureFalsePrefixes: string[];
  vagueCount: Set<string>;
  bareYearBlockers: Set<string>;
  centuryWords: Set<string>;
  seasons: Set<string>;
  holidays: PhraseTable<Holiday>;
  holidayDays: PhraseTable<number>;
}

function fail(field: string, what: string): never {
  throw new Error(`data file time/lexicon.json: field "${field}" ${what}`);
}

function list<T>(f: TimeLexiconFile, field: keyof TimeLexiconFile): T[] {
  const v = f[field];
  if (!Array.isArray(v)) fail(field, 'must be a list');
  return v as T[];
}

function single(field: string, name: string): string {
  const t = entryTokens(name);
  if (t.length !== 1) fail(field, `expects one-word entries, got ${JSON.stringify(name)}`);
  return t[0];
}

function wordSet(f: TimeLexiconFile, field: keyof TimeLexiconFile): Set<string> {
  return new Set(list<string>(f, field).map((w) => single(field, w)));
}

function phrases<T>(f: TimeLexiconFile, field: keyof TimeLexiconFile, value: T): PhraseTable<T> {
  const t = new PhraseTable<T>();
  for (const w of list<string>(f, field)) t.add(w, value);
  return t;
}

export function compileTimeLexicon(f: TimeLexiconFile): TimeLexicon {
  const months = new PhraseTable<MonthName>();
  for (const [field, calendar] of [
    ['gregorianMonths', 'gregorian'],
    ['hijriMonths', 'hijri'],
  ] as const) {
    const entries = list<MonthEntry>(f, field);
    if (entries.length !== 12) fail(field, 'must list the 12 months');
    for (const e of entries) {
      if (!Number.isInteger(e.month) || e.month < 1 || e.month > 12 || !Array.isArray(e.names))
        fail(field, 'entries must be { month: 1..12, names: [...], ambiguous: [...] }');
      const amb = new Set((e.ambiguous ?? []).map((a) => entryTokens(a).join(' ')));
      for (const nm of e.names)
        months.add(nm, { calendar, month: e.month, ambiguous: amb.has(entryTokens(nm).join(' ')) });
    }
  }
  const weekdays = new Map<string, number>();
  for (const e of list<{ day: number; names: string[] }>(f, 'weekdays')) {
    if (!Number.isInteger(e.day) || e.day < 0 || e.day > 6) fail('weekdays', 'day must be 0 (Sunday) … 6');
    for (const nm of e.names) weekdays.set(single('weekdays', nm), e.day);
  }
  const deictics = new PhraseTable<number>();
  for (const e of list<{ names: string[]; days: number }>(f, 'deictics'))
    for (const nm of e.names) deictics.add(nm, e.days);
  const partsOfDay = new PhraseTable<PartOfDay>();
  for (const e of list<{ names: string[]; part: PartOfDay }>(f, 'partsOfDay'))
    for (const nm of e.names) partsOfDay.add(nm, e.part);
  const units = new Map<string, { unit: Unit; form: 'singular' | 'dual' | 'plural' }>();
  for (const e of list<TimeLexiconFile['units'][number]>(f, 'units'))
    for (const form of ['singular', 'dual', 'plural'] as const) {
      if (!Array.isArray(e[form])) fail('units', `entries need a "${form}" list`);
      for (const nm of e[form]) units.set(single('units', nm), { unit: e.unit, form });
    }
  const unitMap = (field: 'periods' | 'recentPlurals'): Map<string, Unit> => {
    const m = new Map<string, Unit>();
    for (const e of list<{ unit: Unit; names: string[] }>(f, field))
      for (const nm of e.names) m.set(single(field, nm), e.unit);
    return m;
  };
  const relAdj = new Map<string, number>();
  for (const [field, dir] of [
    ['past', -1],
    ['future', 1],
    ['current', 0],
  ] as const)
    for (const w of list<string>(f, field)) relAdj.set(single(field, w), dir);
  const anchored = new PhraseTable<number>();
  for (const w of list<string>(f, 'preceding')) anchored.add(w, -1);
  for (const w of list<string>(f, 'following')) anchored.add(w, 1);
  const positions = new PhraseTable<TimeMod>();
  for (const e of list<{ mod: TimeMod; names: string[] }>(f, 'positions'))
    for (const nm of e.names) positions.add(nm, e.mod);
  const prepositions = new PhraseTable<Preposition>();
  for (const e of list<{ names: string[]; mod: TimeMod | null; count: number | null }>(f, 'prepositions'))
    for (const nm of e.names) prepositions.add(nm, { mod: e.mod, count: e.count });
  const hourFractions = new PhraseTable<number>();
  for (const e of list<{ names: string[]; minutes: number }>(f, 'hourFractions'))
    for (const nm of e.names) hourFractions.add(nm, e.minutes);
  const meridiem = new PhraseTable<boolean | null>();
  for (const e of list<{ names: string[]; pm: boolean | null }>(f, 'meridiem'))
    for (const nm of e.names) meridiem.add(nm, e.pm);
  const holidays = new PhraseTable<Holiday>();
  for (const e of list<TimeLexiconFile['holidays'][number]>(f, 'holidays')) {
    if (e.calendar !== 'gregorian' && e.calendar !== 'hijri')
      fail('holidays', 'calendar must be "gregorian" or "hijri"');
    for (const nm of e.names) holidays.add(nm, { calendar: e.calendar, month: e.month, day: e.day });
  }
  const holidayDays = new PhraseTable<number>();
  for (const e of list<{ names: string[]; offset: number }>(f, 'holidayDays'))
    for (const nm of e.names) holidayDays.add(nm, e.offset);
  return {
    months,
    monthWords: wordSet(f, 'monthWords'),
    hijriMarkers: phrases(f, 'hijriMarkers', true),
    gregorianMarkers: phrases(f, 'gregorianMarkers', true),
    weekdays,
    dayWords: wordSet(f, 'dayWords'),
    deictics,
    partsOfDay,
    units,
    periods: unitMap('periods'),
    recentPlurals: unitMap('recentPlurals'),
    yearWords: wordSet(f, 'yearWords'),
    relAdj,
    this: wordSet(f, 'this'),
    few: wordSet(f, 'few'),
    anchored,
    positions,
    prepositions,
    approx: wordSet(f, 'approx'),
    earlierLater: phrases(f, 'earlierLater', true),
    hourWords: wordSet(f, 'hourWords'),
    hourNoise: wordSet(f, 'hourNoise'),
    hourFractions,
    meridiem,
    equals: phrases(f, 'equals', true),
    generalNouns: wordSet(f, 'generalNouns'),
    weekdayBlockers: wordSet(f, 'weekdayBlockers'),
    futureMarkers: wordSet(f, 'futureMarkers'),
    futureFalsePrefixes: list<string>(f, 'futureFalsePrefixes').map((w) => single('futureFalsePrefixes', w)),
    vagueCount: wordSet(f, 'vagueCount'),
    bareYearBlockers: wordSet(f, 'bareYearBlockers'),
    centuryWords: wordSet(f, 'centuryWords'),
    seasons: wordSet(f, 'seasons'),
    holidays,
    holidayDays,
  };
}

export function loadTimeLexicon(): TimeLexicon {
  return compileTimeLexicon(loadDataFile<TimeLexiconFile>('time/lexicon.json', TIME_LEXICON_SCHEMA));
}
