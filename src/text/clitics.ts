// Clitic segmentation of Arabic words: proclitics (و ف · ب ل ك س · ال) and enclitic pronouns
// (ه ها هم هما هن ك كم كن ي ني نا), decided by corpus statistics rather than by letters alone.
//
// A word is peeled layer by layer in the order Arabic stacks clitics:
//   conjunction (و ف) → preposition or future (ب ل ك س; ل + ال is written لل) → article (ال)
//   → stem → enclitic pronoun.
// At each layer a split w = p + r is accepted only when the corpus (frequency table of word types,
// data/text/clitic-stats.json, derived from SaudiNewsNet by `npm run train:clitics`) says so:
//
// 1. r is attested: seen alone, with ال, or analysable itself (its evidence `ev`);
// 2. the rate test: w is not much more frequent than p + r would predict:
//      count(w) ≤ K × rate(p) × ev(r)
//    where rate(p) is the corpus-wide ratio count(p + x) / count(x) over frequent words x. كامل is
//    not ك + امل (كامل is ~3× أمل while ك + x is ~1% of x), بعد is not ب + عد;
// 3. the lexeme test: w is not seen in forms that are impossible if p were a clitic. ال cannot
//    precede و/ب/ل or follow them twice, and an enclitic cannot carry ال or a second enclitic:
//    الوطن, الوزير, والولي… prove وطن, وزير, ولي are words; السعودي, البنك, الملك prove that the
//    final ي/ك of سعودي, بنك, ملك are not pronouns.
// The article is peeled whenever the rest is attested, unless the word carries enclitics itself
// (التقاه: التقى is a verb) and fails the rate test, or it is a listed lexicalised form (الذي, الله).
//
// The ta marbuta is kept distinct from heh in the keys (see clitics-key.ts), so مدرسة never looks
// like مدرس + ه; before an enclitic it is written ت, and حكومته → حكومت + ه with base حكومه.

import { loadDataFile } from '../resources.js';
import { keyWithOffsets } from './clitics-key.js';
import { normaliseWord } from './normalise.js';

export const CLITIC_STATS_SCHEMA = 'marsad/clitic-stats/1';
const CLITIC_EXCEPTIONS_SCHEMA = 'marsad/clitic-exceptions/1';

export interface CliticStatsFile {
  schema: typeof CLITIC_STATS_SCHEMA;
  source: string;
  documents: number;
  tokens: number;
  types: number;
  minCount: number;
  /**
   * Clitic rates estimated on the corpus: `count(p + x) / count(x)` summed over frequent words x
   * (keys: a proclitic `و`, a proclitic before the article `ب|ال`, the article `ال`, an enclitic `+ه`).
   */
  rates: Record<string, number>;
  /** Word types (segmentation keys), most frequent first, separated by single spaces. */
  words: string;
  /** Counts of `words` in order, as runs `[count, howManyWords]`. */
  counts: [number, number][];
}

export interface CliticExceptionsFile {
  schema: typeof CLITIC_EXCEPTIONS_SCHEMA;
  /** Lexicalised words that begin with ال but are never ال + stem (relative pronouns, الله, الآن). */
  whole: string[];
}

export interface Segmentation {
  /** Proclitics in their canonical spelling, outermost first (و, ب, ال; لل gives ل, ال). */
  proclitics: string[];
  /** The stem, normalised (`normaliseWord` of `word.slice(stemStart, stemEnd)`). */
  stem: string;
  /** Enclitic pronouns, normalised. */
  enclitics: string[];
  /** Offsets of the stem in the original word (UTF-16). */
  stemStart: number;
  stemEnd: number;
  /**
   * The stem's citation spelling, normalised: ta marbuta restored before an enclitic (حكومت+ه →
   * حكومه), alef maqsura restored (مستوا+ه → مستوي). Equal to `stem` otherwise.
   */
  base: string;
}

export interface CliticModel {
  count(key: string): number;
  readonly rates: Readonly<Record<string, number>>;
  readonly exceptions: ReadonlySet<string>;
  /** Memo of segmentations by original word; results are shared, do not mutate them. */
  readonly cache: Map<string, Segmentation>;
}

/**
 * Enclitics: the rate test's tolerance, how many times more frequent than predicted (rate ×
 * evidence of the stem) a split word may be. Enclitic rates vary a lot between stems (نفسه is ~20×
 * the average rate of ه); lexicalised endings are off by far more (هناك ≈ 700× هنا + ك).
 */
const RATE_TOLERANCE = 100;
/** The article: the same tolerance (only applied when the word also carries enclitics, see below). */
const ARTICLE_TOLERANCE = 20;
/**
 * Proclitics: how many times more frequent than its rest a word may be. Proclitics are strongly
 * collocational (وأضاف is ~25× أضاف, بشكل ~7× شكل+الشكل), so this bound is flat; it still stops
 * lexicalised words whose rest is a rare string (بعد ≈ 200× عد, بين, فقط, لكن ≈ 40–110×).
 */
const PROCLITIC_TOLERANCE = 30;
/** The lexeme test: impossible forms at least this often (and this share of the word) block a split. */
const LEXEME_MIN = 3;
// Under the lexeme reading such forms run at ~0.13 (verbs: و, ف) to ~0.8 (nouns: ال, و, ب, ل) of the
// word's count; a split word has none but noise. The bar sits well below the verb rate.
const LEXEME_SHARE = 0.05;
/** Minimum corpus evidence for a stem. */
const MIN_EVIDENCE = 2;
/**
 * A word seen more often than this whose rest (after the proclitic) is never seen on its own is
 * not split: لديه is not ل + ديه although دي + ه could be predicted.
 */
const UNSEEN_REST_MAX = 20;
/** One-letter stems (له, لي, بها): the share of w + enclitic forms that marks a lexeme (لكن: لكنه). */
const ONE_LETTER_LEXEME_SHARE = 0.1;
const CACHE_LIMIT = 200_000;

const PRONOUN_STRINGS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كن', 'ي', 'ني', 'نا']);
/** Enclitics, longest first so هما is tried before هم and ه. */
const ENCLITICS = ['هما', 'هم', 'هن', 'ها', 'ه', 'كم', 'كن', 'ك', 'ني', 'نا', 'ي'];
/** Prepositions that stand as a stem of one letter before a pronoun: له, به, لي. */
const ONE_LETTER_STEMS = new Set(['ل', 'ب']);
const IMPERFECT_PREFIX = new Set(['ي', 'ت', 'ن', 'ا']);
const PREPOSITIONS = ['ب', 'ل', 'ك'];

/** Build a model from parsed data (validated). */
export function cliticModelFrom(stats: CliticStatsFile, exceptions: CliticExceptionsFile): CliticModel {
  const where = 'data/text/clitic-stats.json';
  if (typeof stats.words !== 'string' || !Array.isArray(stats.counts))
    throw new Error(`${where}: expected "words" (string) and "counts" (array of [count, n])`);
  if (typeof stats.rates !== 'object' || stats.rates === null)
    throw new Error(`${where}: expected "rates" (object of numbers)`);
  const words = stats.words.length === 0 ? [] : stats.words.split(' ');
  const counts = new Map<string, number>();
  let i = 0;
  for (const run of stats.counts) {
    if (!Array.isArray(run) || typeof run[0] !== 'number' || typeof run[1] !== 'number')
      throw new Error(`${where}: "counts" entries must be [count, howMany], found ${JSON.stringify(run)}`);
    for (let k = 0; k < run[1]; k++) counts.set(words[i++], run[0]);
  }
  if (i !== words.length)
    throw new Error(`${where}: "counts" cover ${i} words but "words" has ${words.length}`);
  if (!Array.isArray(exceptions.whole))
    throw new Error(`data/text/clitic-exceptions.json: expected "whole" (array of words)`);
  return {
    count: (key) => counts.get(key) ?? 0,
    rates: stats.rates,
    exceptions: new Set(exceptions.whole.map((w) => keyWithOffsets(w).key)),
    cache: new Map(),
  };
}

let shared: CliticModel | undefined;

/** Load the clitic model (data/text/clitic-stats.json + clitic-exceptions.json) once per process. */
export function loadCliticModel(): CliticModel {
  shared ??= cliticModelFrom(
    loadDataFile<CliticStatsFile>('text/clitic-stats.json', CLITIC_STATS_SCHEMA),
    loadDataFile<CliticExceptionsFile>('text/clitic-exceptions.json', CLITIC_EXCEPTIONS_SCHEMA),
  );
  return shared;
}

/** One analysis of (part of) a key: stem bounds in key code units. */
interface Analysis {
  pre: string[];
  s: number;
  e: number;
  enc: string[];
  /** Evidence for the analysed form: its own count, or what its accepted split predicts. */
  ev: number;
  /** What the analysis' own split predicts for the count of the form (0 when unsplit). */
  score: number;
  /** For the base form: the stem's final letter should be read as this (ة, ى) or ''. */
  restore: string;
}

function isArabicKey(key: string): boolean {
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a) return false;
  }
  return true;
}

class Segmenter {
  constructor(readonly m: CliticModel) {}

  c(key: string): number {
    return this.m.count(key);
  }
  rate(name: string): number {
    return this.m.rates[name] ?? 0;
  }

  whole(w: string, off: number): Analysis {
    const ev = this.c(w) + (w.startsWith('ال') ? 0 : this.c('ال' + w));
    return { pre: [], s: off, e: off + w.length, enc: [], ev, score: 0, restore: '' };
  }

  /** Forms of w that could not exist if its first letter were the given kind of proclitic. */
  lexemeEvidence(w: string, blockers: readonly string[]): number {
    let n = 0;
    for (const b of blockers) n += this.c(b + w);
    return n;
  }

  /** `limit`: the most times more frequent than `ev` the word w may be. */
  passes(w: string, limit: number, ev: number, lexeme: number, rest?: string): boolean {
    const cw = this.c(w);
    if (rest !== undefined && cw > UNSEEN_REST_MAX && this.c(rest) === 0) return false;
    if (ev < MIN_EVIDENCE && cw > 0) return false;
    if (ev <= 0) return false;
    if (cw > limit * ev) return false;
    return lexeme < Math.max(LEXEME_MIN, LEXEME_SHARE * cw);
  }

  conj(w: string): Analysis {
    const rest = this.prep(w, 0);
    const p = w[0];
    if ((p === 'و' || p === 'ف') && w.length >= 3) {
      const inner = this.prep(w.slice(1), 1);
      const rate = this.rate(w.startsWith('ال', 1) ? p + '|ال' : p);
      const lex = this.lexemeEvidence(w, ['ال', 'و', 'ف', 'ب', 'ل', 'ك']);
      const score = rate * inner.ev;
      if (
        this.passes(w, PROCLITIC_TOLERANCE, inner.ev, lex, w.slice(1)) &&
        this.prefer(inner, score, rest, w, (stem) => this.conj(stem))
      ) {
        inner.pre.unshift(p);
        inner.ev = Math.max(this.c(w), score);
        inner.score = score;
        return inner;
      }
    }
    return rest;
  }

  /**
   * A proclitic split that passed its tests against the best analysis without it (`rest`). When both
   * end in the same enclitic, the question is whether rest's stem takes the proclitic (وفيه: وفي
   * does, و + في + ه; لديه: لدي does not, لدي + ه); otherwise the better-supported split wins
   * (فيه = في + ه, not ف + يه).
   */
  prefer(
    inner: Analysis,
    score: number,
    rest: Analysis,
    w: string,
    layer: (stem: string) => Analysis,
  ): boolean {
    if (rest.score === 0) return true;
    if (rest.pre.length === 0 && rest.enc.length > 0 && sameList(inner.enc, rest.enc)) {
      let stem = w.slice(0, w.length - rest.enc.join('').length);
      if (rest.restore === 'ة') stem = stem.slice(0, -1) + 'ة';
      else if (rest.restore === 'ى') stem = stem.slice(0, -1) + 'ي';
      return layer(stem).pre.length > 0;
    }
    return score > rest.score;
  }

  prep(w: string, off: number): Analysis {
    const cw = this.c(w);
    let best: Analysis | undefined;
    let bestScore = 0;
    const consider = (a: Analysis, rate: number, lex: number, rest: string): void => {
      const score = rate * a.ev;
      if (score > bestScore && this.passes(w, PROCLITIC_TOLERANCE, a.ev, lex, rest)) {
        best = a;
        bestScore = score;
      }
    };
    const p = w[0];
    if (w.length >= 3 && PREPOSITIONS.includes(p)) {
      // ل + a word in ل is written لل and reads as ل + ال (للوزير), so it proves nothing about لوزير.
      const lex = this.lexemeEvidence(w, p === 'ل' ? ['ال', 'ب', 'ك'] : ['ال', 'ب', 'ل', 'ك']);
      if (p === 'ل' && w[1] === 'ل' && w.length >= 4) {
        // ل + ال is written لل; a stem that begins with ل shares it (للجنة = ل + ال + لجنة).
        for (const start of [2, 1]) {
          const stem = w.slice(start);
          if (stem.length < 2 || this.m.exceptions.has('ال' + stem)) continue;
          const ev = this.c('ال' + stem) + this.rate('ال') * this.c(stem);
          const a: Analysis = {
            pre: ['ل', 'ال'],
            s: off + start,
            e: off + w.length,
            enc: [],
            ev,
            score: 0,
            restore: '',
          };
          consider(a, this.rate('ل|ال'), lex, 'ال' + stem);
        }
      } else {
        const r = w.slice(1);
        if (!PRONOUN_STRINGS.has(r)) {
          const inner = this.article(r, off + 1);
          const rate = this.rate(r.startsWith('ال') ? p + '|ال' : p);
          inner.pre.unshift(p);
          consider(inner, rate, lex, r);
        }
      }
    }
    if (p === 'س' && w.length >= 4 && IMPERFECT_PREFIX.has(w[1])) {
      const inner = this.enclitic(w.slice(1), off + 1);
      inner.pre.unshift('س');
      consider(inner, this.rate('س'), this.lexemeEvidence(w, ['ال', 'ب', 'ل', 'ك', 'س']), w.slice(1));
    }
    const rest = this.article(w, off);
    if (best !== undefined && this.prefer(best, bestScore, rest, w, (stem) => this.prep(stem, 0))) {
      best.ev = Math.max(cw, bestScore);
      best.score = bestScore;
      return best;
    }
    return rest;
  }

  article(w: string, off: number): Analysis {
    const rest = this.enclitic(w, off);
    if (w.length >= 4 && w.startsWith('ال') && !this.m.exceptions.has(w)) {
      const stem = w.slice(2);
      // Attested as a stem: alone, with a conjunction or preposition, or with an enclitic.
      let ev = this.c(stem) + this.c('و' + stem) + this.c('ب' + stem) + this.c('ل' + stem);
      for (const e of ENCLITICS) ev += this.c(stem + e);
      const cw = this.c(w);
      const rate = this.rate('ال');
      let ok = ev >= MIN_EVIDENCE || (cw === 0 && stem.length >= 3);
      if (ok && cw > ARTICLE_TOLERANCE * rate * ev) {
        // A frequent ال-word whose rest is rare: trust the split unless the word itself carries
        // enclitics, which an article + noun cannot (التقاه, اللهم).
        ok = this.encliticForms(w, false) < Math.max(LEXEME_MIN, LEXEME_SHARE * cw);
      }
      if (ok && rate * ev > rest.score) {
        return {
          pre: ['ال'],
          s: off + 2,
          e: off + w.length,
          enc: [],
          ev: Math.max(cw, rate * ev),
          score: rate * ev,
          restore: '',
        };
      }
    }
    return rest;
  }

  /**
   * Occurrences of w followed by an enclitic pronoun (final ى/ي written ا, ة written ت). Without
   * `withYa` the pronoun ي is left out: after an ال-word it is the nisba suffix (الملك → الملكي).
   */
  encliticForms(w: string, withYa = true): number {
    const last = w[w.length - 1];
    const stem = last === 'ي' ? w.slice(0, -1) + 'ا' : last === 'ة' ? w.slice(0, -1) + 'ت' : w;
    let n = 0;
    for (const e of ENCLITICS) if (withYa || e !== 'ي') n += this.c(stem + e);
    if (stem !== w) for (const e of ENCLITICS) if (withYa || e !== 'ي') n += this.c(w + e);
    return n;
  }

  literalEncliticForms(w: string): number {
    let n = 0;
    for (const e of ENCLITICS) n += this.c(w + e);
    return n;
  }

  enclitic(w: string, off: number): Analysis {
    const cw = this.c(w);
    let best: Analysis | undefined;
    let bestScore = 0;
    let lex = -1;
    for (const e of ENCLITICS) {
      if (w.length <= e.length || !w.endsWith(e)) continue;
      const s = w.slice(0, w.length - e.length);
      if (s.length >= 4 && s.startsWith('ال')) continue; // an article never carries an enclitic
      let ev: number;
      let restore = '';
      if (s.length === 1) {
        if (!ONE_LETTER_STEMS.has(s)) continue;
        ev = Math.max(cw, MIN_EVIDENCE); // لي, له, بها: closed class
      } else {
        ev = this.c(s) + this.c('ال' + s);
        const last = s[s.length - 1];
        const head = s.slice(0, -1);
        if (last === 'ت') {
          const v = this.c(head + 'ة') + this.c('ال' + head + 'ة');
          if (v > ev) restore = 'ة';
          ev += v;
        } else if (last === 'ا') {
          const v = this.c(head + 'ي') + this.c('ال' + head + 'ي');
          if (v > ev) restore = 'ى';
          ev += v;
        } else if (last === 'ؤ' || last === 'ئ') {
          ev += this.c(head + 'ء') + this.c('ال' + head + 'ء');
        }
      }
      const rate = this.rate('+' + e);
      const score = rate * ev;
      if (score <= bestScore) continue;
      if (lex < 0) lex = this.c('ال' + w) + this.encliticForms(w);
      const ok =
        s.length === 1
          ? this.literalEncliticForms(w) < Math.max(LEXEME_MIN, ONE_LETTER_LEXEME_SHARE * cw)
          : this.passes(w, RATE_TOLERANCE * rate, ev, lex);
      if (ok) {
        best = { pre: [], s: off, e: off + s.length, enc: [e], ev: Math.max(cw, score), score, restore };
        bestScore = score;
      }
    }
    return best ?? this.whole(w, off);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const segmenters = new WeakMap<CliticModel, Segmenter>();

/**
 * Segment one word (original token text, unnormalised) into proclitics, stem and enclitics.
 * Results are memoised per word; the returned object is shared and must not be mutated.
 */
export function segmentWord(word: string, model: CliticModel): Segmentation {
  const hit = model.cache.get(word);
  if (hit !== undefined) return hit;
  let seg = segmenters.get(model);
  if (seg === undefined) {
    seg = new Segmenter(model);
    segmenters.set(model, seg);
  }
  const { key, offsets } = keyWithOffsets(word);
  let result: Segmentation;
  if (!isArabicKey(key) || key.length < 2) {
    result = unsplit(word);
  } else {
    const a = seg.conj(key);
    const stemStart = offsets[a.s];
    const stemEnd = a.e >= key.length ? word.length : offsets[a.e];
    const stem = normaliseWord(word.slice(stemStart, stemEnd));
    const base = a.restore === '' ? stem : normaliseWord(stem.slice(0, -1) + a.restore);
    result = { proclitics: a.pre, stem, enclitics: a.enc, stemStart, stemEnd, base };
  }
  if (model.cache.size >= CACHE_LIMIT) model.cache.clear();
  model.cache.set(word, result);
  return result;
}

function unsplit(word: string): Segmentation {
  const stem = normaliseWord(word);
  return { proclitics: [], stem, enclitics: [], stemStart: 0, stemEnd: word.length, base: stem };
}

/** The segmentation as `و+ال+وزير` (normalised pieces). */
export function formatSegmentation(s: Segmentation): string {
  return [...s.proclitics, s.stem, ...s.enclitics].join('+');
}
