// The speech-cue lexicon (data/quotes/cues.json) and the small morphology that recognises its verbs
// in any 3rd-person inflection: stems × affix tables, folded into one map of normalised surface
// forms at load time so the hot path is a single Map lookup per word.
import { loadDataFile } from '../resources.js';
import { normaliseWord } from '../text/normalise.js';

const CUES_FILE = 'quotes/cues.json';
export const CUES_SCHEMA = 'marsad.quote-cues/1';

export type Gender = 'm' | 'f' | null;

export interface CueVerbEntry {
  lemma: string;
  gloss?: string;
  perfect: string;
  perfectWeak?: string;
  imperfect: string;
  imperfectWeak?: string;
  participle?: string;
  roles: ('speech' | 'issue')[];
  objectFirst?: boolean;
  noBare?: boolean;
  /** the imperfect also reads as an impersonal passive at a sentence start (يُذكر أن) */
  impersonal?: boolean;
  /** a preposition that introduces the real source after the subject (نقلت الوكالة عن فلان) */
  source?: string;
}

export interface CuesFile {
  schema: typeof CUES_SCHEMA;
  morphology: {
    conjunctions: string[];
    perfectSuffixes: Record<string, string>;
    objectSuffixes: string[];
    imperfectPrefixes: Record<string, string>;
    futurePrefixes: string[];
    imperfectSuffixes: Record<string, string>;
    participleSuffixes: Record<string, string>;
  };
  verbs: CueVerbEntry[];
  nominalCues: { phrase: string; gloss?: string; reports?: boolean }[];
  pronounPhrases: string[];
  complementizers: string[];
  pronounSuffixes: string[];
  linkWords: string[];
  statementNouns: string[];
  nounPhraseStops: string[];
  nounPhraseStopsExact: string[];
  adverbs: string[];
  auxiliaries: string[];
  impersonalBefore: string[];
  feminineRelativePronouns: string[];
  relativePronouns: string[];
  clauseOpeners: string[];
}

/** What a word is, as a cue. */
export interface CueForm {
  lemma: string;
  kind: 'perfect' | 'imperfect' | 'participle';
  gender: Gender;
  /** Carries a و/ف conjunction prefix (a new clause). */
  conj: boolean;
  speech: boolean;
  issue: boolean;
  objectFirst: boolean;
  impersonal: boolean;
  /** normalised preposition introducing the real source (نقل … عن), or null */
  source: string | null;
}

export interface NominalCue {
  /** normalised words of the phrase; a final word ending in "ل" marks a clitic (لـX) */
  words: string[];
  /** the next word carries the clitic ل (وفقا لـ) */
  clitic: boolean;
  /** takes a complementizer directly (جاء في البيان أن), not only فإن (بحسب X، فإن) */
  reports: boolean;
}

export interface CueLexicon {
  forms: Map<string, CueForm>;
  nominal: NominalCue[];
  pronounPhrases: string[][];
  /** normalised complementizers with every pronoun suffix and conjunction */
  complementizers: Set<string>;
  linkWords: Set<string>;
  statementNouns: Set<string>;
  npStops: Set<string>;
  /** stops matched on the unnormalised word (أي "any" but not آي in ميدل إيست آي) */
  npStopsExact: Set<string>;
  /** words that may stand between a verb and its subject (وذكر حينها فلان) */
  adverbs: Set<string>;
  /** كان / قد before a subject: وكان رئيس النادي قد أعلن */
  auxiliaries: Set<string>;
  /** a word before a cue that makes it impersonal: الجدير ذكره أن */
  impersonalBefore: Set<string>;
  relativePronouns: Set<string>;
  /** relative pronouns whose antecedent is feminine (agreement with the verb) */
  feminineRelatives: Set<string>;
  clauseOpeners: Set<string>;
}

const gender = (g: string | undefined): Gender => (g === 'm' || g === 'f' ? g : null);

function fail(field: string, expected: string): never {
  throw new Error(`data file data/${CUES_FILE}: ${field}: expected ${expected}`);
}

function strings(v: unknown, field: string): string[] {
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.length === 0))
    fail(field, 'a list of non-empty strings');
  return v as string[];
}

function table(v: unknown, field: string): Record<string, string> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(field, 'an object of affix → gender');
  for (const [k, g] of Object.entries(v as Record<string, unknown>))
    if (typeof g !== 'string' || !['m', 'f', ''].includes(g)) fail(`${field}.${k}`, '"m", "f" or ""');
  return v as Record<string, string>;
}

/** Check the shape of a parsed cues file; throws naming the field that is wrong. */
function validateCues(file: CuesFile): void {
  const m = file.morphology;
  if (!m || typeof m !== 'object') fail('morphology', 'an object');
  strings(m.conjunctions, 'morphology.conjunctions');
  table(m.perfectSuffixes, 'morphology.perfectSuffixes');
  if (!Array.isArray(m.objectSuffixes)) fail('morphology.objectSuffixes', 'a list');
  table(m.imperfectPrefixes, 'morphology.imperfectPrefixes');
  if (!Array.isArray(m.futurePrefixes)) fail('morphology.futurePrefixes', 'a list');
  table(m.imperfectSuffixes, 'morphology.imperfectSuffixes');
  table(m.participleSuffixes, 'morphology.participleSuffixes');
  if (!Array.isArray(file.verbs) || file.verbs.length === 0) fail('verbs', 'a non-empty list');
  file.verbs.forEach((v, i) => {
    const at = `verbs[${i}]`;
    for (const k of ['lemma', 'perfect', 'imperfect'] as const)
      if (typeof v[k] !== 'string' || v[k].length === 0) fail(`${at}.${k}`, 'a non-empty string');
    for (const k of ['perfectWeak', 'imperfectWeak', 'participle', 'source'] as const)
      if (v[k] !== undefined && (typeof v[k] !== 'string' || v[k].length === 0))
        fail(`${at}.${k}`, 'a non-empty string when present');
    if (
      !Array.isArray(v.roles) ||
      v.roles.length === 0 ||
      v.roles.some((r) => r !== 'speech' && r !== 'issue')
    )
      fail(`${at}.roles`, 'a non-empty list of "speech" | "issue"');
  });
  if (!Array.isArray(file.nominalCues)) fail('nominalCues', 'a list');
  file.nominalCues.forEach((c, i) => {
    if (typeof c.phrase !== 'string' || c.phrase.trim() === '') fail(`nominalCues[${i}].phrase`, 'a string');
  });
  strings(file.pronounPhrases, 'pronounPhrases');
  strings(file.complementizers, 'complementizers');
  strings(file.pronounSuffixes, 'pronounSuffixes');
  strings(file.linkWords, 'linkWords');
  strings(file.statementNouns, 'statementNouns');
  strings(file.nounPhraseStops, 'nounPhraseStops');
  strings(file.nounPhraseStopsExact, 'nounPhraseStopsExact');
  strings(file.adverbs, 'adverbs');
  strings(file.auxiliaries, 'auxiliaries');
  strings(file.impersonalBefore, 'impersonalBefore');
  strings(file.feminineRelativePronouns, 'feminineRelativePronouns');
  strings(file.relativePronouns, 'relativePronouns');
  strings(file.clauseOpeners, 'clauseOpeners');
}

const words = (s: string): string[] => normaliseWord(s).split(/\s+/).filter(Boolean);

/** Every 3rd-person surface form of one verb, with its gender, from the affix tables. */
function inflect(
  v: CueVerbEntry,
  m: CuesFile['morphology'],
): { form: string; kind: CueForm['kind']; gender: Gender; bare?: boolean }[] {
  const out: { form: string; kind: CueForm['kind']; gender: Gender; bare?: boolean }[] = [];
  const perfect = normaliseWord(v.perfect);
  const pWeak = v.perfectWeak ? normaliseWord(v.perfectWeak) : null;
  for (const [suf, g] of Object.entries(m.perfectSuffixes)) {
    // weak (defective) verbs: the bare form keeps its final letter, suffixed forms drop it
    const stem = pWeak !== null && suf !== '' && suf !== 'ا' ? pWeak : perfect;
    for (const obj of m.objectSuffixes) {
      // noBare: the bare form is also a common particle (بيّن ~ بين، بينها "between"), with or
      // without an object suffix; it counts only with a conjunction (وبيّن), see buildLexicon
      const bare = suf === '' && v.noBare === true;
      out.push({ form: stem + suf + obj, kind: 'perfect', gender: gender(g), bare });
    }
  }
  const imp = normaliseWord(v.imperfect);
  const iWeak = v.imperfectWeak ? normaliseWord(v.imperfectWeak) : null;
  for (const fut of m.futurePrefixes)
    for (const [pre, g] of Object.entries(m.imperfectPrefixes))
      for (const [suf, g2] of Object.entries(m.imperfectSuffixes)) {
        const stem = iWeak !== null && suf !== '' ? iWeak : imp;
        out.push({ form: fut + pre + stem + suf, kind: 'imperfect', gender: gender(g2 || g) });
      }
  if (v.participle) {
    const p = normaliseWord(v.participle);
    for (const [suf, g] of Object.entries(m.participleSuffixes)) {
      out.push({ form: p + suf, kind: 'participle', gender: gender(g) });
    }
  }
  return out;
}

export function buildLexicon(file: CuesFile): CueLexicon {
  validateCues(file);
  const m = file.morphology;
  const forms = new Map<string, CueForm>();
  const conj = m.conjunctions.map(normaliseWord);
  for (const v of file.verbs) {
    const speech = v.roles.includes('speech');
    const issue = v.roles.includes('issue');
    for (const f of inflect(v, m)) {
      const entry = (c: boolean): CueForm => ({
        lemma: v.lemma,
        kind: f.kind,
        gender: f.gender,
        conj: c,
        speech,
        issue,
        objectFirst: v.objectFirst === true,
        impersonal: v.impersonal === true,
        source: v.source ? normaliseWord(v.source) : null,
      });
      if (!forms.has(f.form) && !f.bare) forms.set(f.form, entry(false));
      for (const c of conj) if (!forms.has(c + f.form)) forms.set(c + f.form, entry(true));
    }
  }
  const complementizers = new Set<string>();
  const suffixes = ['', ...file.pronounSuffixes.map(normaliseWord)];
  for (const c of file.complementizers.map(normaliseWord))
    for (const s of suffixes) {
      complementizers.add(c + s);
      complementizers.add('و' + c + s);
    }
  const nominal = file.nominalCues.map((c) => {
    const w = words(c.phrase);
    const clitic = w.length > 0 && w[w.length - 1] === 'ل';
    return { words: clitic ? w.slice(0, -1) : w, clitic, reports: c.reports === true };
  });
  const npStops = new Set(file.nounPhraseStops.map(normaliseWord));
  for (const c of nominal) if (c.words.length) npStops.add(c.words[0]);
  for (const a of file.adverbs) npStops.add(normaliseWord(a));
  return {
    forms,
    nominal,
    pronounPhrases: file.pronounPhrases.map(words),
    complementizers,
    linkWords: new Set(file.linkWords.map(normaliseWord)),
    statementNouns: new Set(file.statementNouns.map(normaliseWord)),
    npStops,
    npStopsExact: new Set(file.nounPhraseStopsExact),
    adverbs: new Set(file.adverbs.map(normaliseWord)),
    auxiliaries: new Set(file.auxiliaries.map(normaliseWord)),
    impersonalBefore: new Set(file.impersonalBefore.map(normaliseWord)),
    feminineRelatives: new Set(file.feminineRelativePronouns.map(normaliseWord)),
    relativePronouns: new Set(file.relativePronouns.map(normaliseWord)),
    clauseOpeners: new Set(file.clauseOpeners.map(normaliseWord)),
  };
}

export function loadCues(): CueLexicon {
  return buildLexicon(loadDataFile<CuesFile>(CUES_FILE, CUES_SCHEMA));
}
