// Feature extraction shared by training, evaluation and the pipeline stage. Every token becomes a
// fixed number (FEATURES) of 32-bit feature hashes; word-level attributes are computed once per
// distinct surface form and cached, so tagging a token costs a Map lookup and integer mixing.
import { normaliseWord } from '../text/normalise.js';
import type { ClusterTable } from './clusters.js';
import { hashRange, hashString, mix } from '../text/hash.js';

const EMPTY = hashString('');

/** Gazetteer: phrase key (chained stem hashes) → bitmask of classes (1 PER, 2 LOC, 4 ORG). */
export interface Gazetteer {
  phrases: Map<number, number>;
  maxLen: number;
  /** hashes of every proper prefix (2+ words) of a multi-word phrase, to stop scanning early */
  prefixes?: Set<number>;
}

export const GAZ_CLASSES = ['PER', 'LOC', 'ORG'] as const;

// word attributes (indices into the per-word attribute vector)
const A_WORD = 0;
const A_NORM = 1;
const A_STEM = 2;
const A_PRE = 3;
const A_P2 = 4;
const A_P3 = 5;
const A_S1 = 6;
const A_S2 = 7;
const A_S3 = 8;
const A_SHAPE = 9;
const A_C0 = 10;
const A_C1 = 11;
const A_C2 = 12;
const A_GAZ = 13;
const A_FREQ = 14;
const A_STEMC = 15;
const A_P4 = 16;
const A_S4 = 17;
const A_SS2 = 18;
const A_SS3 = 19;
const A_TOP = 20; // topic cluster (bag-of-words window vectors)
const A_C3 = 21; // finer positional clustering
const A_STEMT = 22; // topic cluster of the stem
const A_DEFR = 23; // how much more often the stem occurs without the article than with it (names rarely take it)
const NATTR = 24;
const A_GAZBIO = 24; // per-sentence, not per word
const A_DOC = 25; // document evidence (second pass), per token
const A_QUOTE = 26; // position inside a short quoted title: 0 none, 1 first, 2 inside

// templates: [offset, attribute] pairs, then bigram templates
const UNIGRAMS: [number, number][] = [
  [0, A_WORD],
  [0, A_NORM],
  [0, A_STEM],
  [0, A_PRE],
  [0, A_P2],
  [0, A_P3],
  [0, A_S1],
  [0, A_S2],
  [0, A_S3],
  [0, A_SHAPE],
  [0, A_C0],
  [0, A_C1],
  [0, A_C2],
  [0, A_GAZ],
  [0, A_FREQ],
  [0, A_STEMC],
  [0, A_GAZBIO],
  [0, A_QUOTE],
  [0, A_DOC],
  [-1, A_DOC],
  [1, A_DOC],
  [0, A_P4],
  [0, A_S4],
  [0, A_SS2],
  [0, A_SS3],
  [-1, A_S2],
  [1, A_S2],
  [-1, A_P3],
  [1, A_P3],
  [-1, A_STEMC],
  [1, A_STEMC],
  [-1, A_C0],
  [1, A_C0],
  [-1, A_NORM],
  [-1, A_STEM],
  [-1, A_PRE],
  [-1, A_SHAPE],
  [-1, A_C1],
  [-1, A_C2],
  [-1, A_GAZ],
  [-1, A_GAZBIO],
  [1, A_NORM],
  [1, A_STEM],
  [1, A_PRE],
  [1, A_SHAPE],
  [1, A_C1],
  [1, A_C2],
  [1, A_GAZ],
  [1, A_GAZBIO],
  [-2, A_NORM],
  [-2, A_C1],
  [2, A_NORM],
  [2, A_C1],
  [0, A_TOP],
  [-1, A_TOP],
  [1, A_TOP],
  [0, A_C3],
  [-1, A_C3],
  [1, A_C3],
  [0, A_STEMT],
  [0, A_DEFR],
  [-1, A_DEFR],
  [1, A_DEFR],
];
const BIGRAMS: [number, number, number, number][] = [
  [-1, A_NORM, 0, A_NORM],
  [0, A_NORM, 1, A_NORM],
  [-1, A_STEM, 0, A_STEM],
  [-1, A_C2, 0, A_C2],
  [0, A_C2, 1, A_C2],
  [-1, A_C1, 0, A_C1],
  [0, A_C1, 1, A_C1],
  [-1, A_NORM, 0, A_C2],
  [0, A_C2, 1, A_NORM],
  [-2, A_NORM, -1, A_NORM],
  [1, A_NORM, 2, A_NORM],
];
/** Number of feature hashes per token (the last is the bias). */
export const FEATURES = UNIGRAMS.length + BIGRAMS.length + 1;
const NCOLS = NATTR + 3;

// flat positions (row offset × NCOLS + attribute) of the templates, relative to the token's row
const U_POS = Int32Array.from(UNIGRAMS.map(([off, at]) => off * NCOLS + at));
const B_POS1 = Int32Array.from(BIGRAMS.map(([o1, a1]) => o1 * NCOLS + a1));
const B_POS2 = Int32Array.from(BIGRAMS.map(([, , o2, a2]) => o2 * NCOLS + a2));

/** Where the document-evidence features sit in a token's feature vector, and their offsets. */
export const DOC_SLOTS = Int32Array.from(
  UNIGRAMS.map(([, at], u) => (at === A_DOC ? u : -1)).filter((u) => u >= 0),
);
const DOC_OFFSETS = Int32Array.from([...DOC_SLOTS].map((u) => UNIGRAMS[u][0]));

// Score cache (see FeatureExtractor.freeze): unigram templates over a per-word attribute at offset
// k ∈ −2..+2 depend on that word's string alone, so their summed weight vector per (word, k) is
// computed once per word type. Only the contextual templates (gazetteer BIO, quotes, document
// evidence, bigrams) are hashed per token; their hashes go into a compact row of CTX entries.
const STATIC_U = Int32Array.from(
  UNIGRAMS.map(([, at], u) => (at < NATTR ? u : -1))
    .filter((u) => u >= 0)
    .sort((a, b) => UNIGRAMS[a][0] - UNIGRAMS[b][0] || a - b),
);
const STATIC_ATTR = Int32Array.from([...STATIC_U].map((u) => UNIGRAMS[u][1]));
/** STATIC_U[STATIC_FROM[k + 2] .. STATIC_FROM[k + 3]) are the templates at offset k */
const STATIC_FROM = Int32Array.from(
  [-2, -1, 0, 1, 2, 3]
    .map((k) => STATIC_U.findIndex((u) => UNIGRAMS[u][0] >= k))
    .map((i) => (i < 0 ? STATIC_U.length : i)),
);
const CTX_U = Int32Array.from(UNIGRAMS.map(([, at], u) => (at >= NATTR ? u : -1)).filter((u) => u >= 0));
/** Contextual feature hashes per token in the cached path (unigrams over per-token columns, then bigrams). */
export const CTX = CTX_U.length + BIGRAMS.length;
/** Where the document-evidence hashes sit in a token's compact row (same order as DOC_SLOTS). */
export const CTX_DOC_SLOTS = Int32Array.from([...DOC_SLOTS].map((u) => CTX_U.indexOf(u)));
const BIAS = 0x12345;
const CACHE_MAX = 500_000;
const CACHE_MAX_FROZEN = 150_000;

/** Frozen int16 weights the per-word score vectors were computed against. */
interface Frozen {
  w: Int16Array;
  L: number;
  mask: number;
  /** score vectors of the padding rows (BOS before the sentence, EOS after) */
  bos: Int32Array;
  eos: Int32Array;
  /** scratch: weight row offsets of one token's contextual features */
  bases: Int32Array;
  staticBases: Int32Array;
}

const BOS = new Int32Array(NCOLS).map((_, i) => mix(i, 0x5b05));
const EOS = new Int32Array(NCOLS).map((_, i) => mix(i, 0xe05e));

// one-letter and compound clitic prefixes, longest first; ال-bearing ones strip unconditionally
const DEF_PREFIXES = ['وبال', 'وكال', 'فبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال'];
const LIGHT_PREFIXES = ['وب', 'ول', 'وك', 'فب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك', 'س'];

export class FeatureExtractor {
  private cache = new Map<string, Int32Array>();
  private rows = new Int32Array(0);
  private frozen: Frozen | null = null;
  private ents: Int32Array[] = [];
  private readonly unknownRank: number;
  constructor(
    readonly clusters: ClusterTable,
    readonly gazetteer: Gazetteer,
  ) {
    this.unknownRank = clusters.rank.size + 1;
  }

  private rankOf(w: string): number {
    const r = this.clusters.rank.get(hashString(w));
    return r < 0 ? this.unknownRank : r;
  }

  /** Split a normalised word into (clitic prefix, stem) using corpus frequencies. */
  split(norm: string): [string, string] {
    if (norm.length < 3) return ['', norm];
    for (const p of DEF_PREFIXES) {
      if (norm.length >= p.length + 2 && norm.startsWith(p)) {
        return [p, norm.slice(p.length)];
      }
    }
    const own = this.rankOf(norm);
    for (const p of LIGHT_PREFIXES) {
      if (norm.length >= p.length + 2 && norm.startsWith(p)) {
        const rest = norm.slice(p.length);
        // strip only when the remainder is a more frequent word than the whole
        if (this.rankOf(rest) < own) return [p, rest];
      }
    }
    return ['', norm];
  }

  /**
   * Cache, per word type, the summed int16 weights of every template that depends on that word
   * alone (for each offset −2..+2 it can be seen from), so `scoreSentence` hashes and looks up only
   * the contextual templates. Results are bit-identical to `sentence` + `Tagger.scores`: the sums
   * are exact integers in both. Pass null to drop the cache.
   */
  freeze(weights: Int16Array | null, L = 0, bucketBits = 0): void {
    this.cache.clear();
    if (weights === null) {
      this.frozen = null;
      return;
    }
    if (weights.length !== L << bucketBits)
      throw new Error(`freeze: ${weights.length} weights for ${L} labels × 2^${bucketBits} buckets`);
    const f: Frozen = {
      w: weights,
      L,
      mask: (1 << bucketBits) - 1,
      bos: new Int32Array(NATTR + 5 * L),
      eos: new Int32Array(NATTR + 5 * L),
      bases: new Int32Array(CTX),
      staticBases: new Int32Array(STATIC_U.length + 1),
    };
    this.frozen = f;
    f.bos.set(BOS.subarray(0, NATTR));
    f.eos.set(EOS.subarray(0, NATTR));
    this.staticScores(f.bos, false);
    this.staticScores(f.eos, false);
  }

  /** The weights the score cache was built for, or null. */
  get frozenWeights(): Int16Array | null {
    return this.frozen === null ? null : this.frozen.w;
  }

  /** Fill e[NATTR + (k + 2) × L + y] with the static templates' weights at offset k. */
  private staticScores(e: Int32Array, bias: boolean): void {
    const f = this.frozen!;
    const { w, L, mask } = f;
    const sb = f.staticBases;
    for (let s = 0; s < STATIC_U.length; s++) {
      const u = STATIC_U[s];
      sb[s] = (mix(u + 1, e[STATIC_ATTR[s]]) & mask) * L;
    }
    sb[STATIC_U.length] = bias ? (BIAS & mask) * L : -1;
    for (let k = 0; k < 5; k++) {
      const from = STATIC_FROM[k];
      const to = STATIC_FROM[k + 1];
      const o = NATTR + k * L;
      for (let y = 0; y < L; y++) {
        let sum = 0;
        for (let s = from; s < to; s++) sum += w[sb[s] + y];
        if (k === 2 && bias) sum += w[sb[STATIC_U.length] + y];
        e[o + y] = sum;
      }
    }
  }

  /** Hash of a word's stem (the key of document-level evidence). */
  stemKey(word: string): number {
    return this.attrs(word)[A_STEM];
  }

  /** Stem used for gazetteer keys and stem features. */
  stem(word: string): string {
    return this.split(normaliseWord(word))[1];
  }

  private clusterRank(norm: string, stem: string): number {
    const r = this.clusters.rank;
    let k = r.get(hashString(norm));
    if (k < 0) k = r.get(hashString(stem));
    if (k < 0) k = r.get(hashString('ال' + stem));
    return k;
  }

  /**
   * Corpus evidence of definiteness: frequency ranks of the bare stem and of ال + stem compared
   * (rank ∝ 1 / frequency), in bands of log2 ratio; 99 when neither form is in the vocabulary,
   * 98 when only the bare form is, 96 only the definite one; + 1000 when the word has the article.
   */
  private definiteness(pre: string, stem: string): number {
    const art = pre.endsWith('ال') || pre.endsWith('لل') ? 1000 : 0;
    if (stem.length < 2) return art + 97;
    const bare = this.clusters.rank.get(hashString(stem));
    const def = this.clusters.rank.get(hashString('ال' + stem));
    if (bare < 0) return art + (def < 0 ? 99 : 96);
    if (def < 0) return art + 98;
    const r = Math.round(Math.log2((def + 1) / (bare + 1)));
    return art + Math.max(-6, Math.min(6, r));
  }

  /** Per-word attribute hashes (cached by surface form). */
  attrs(word: string): Int32Array {
    let a = this.cache.get(word);
    if (a !== undefined) return a;
    a = new Int32Array(this.frozen === null ? NATTR : NATTR + 5 * this.frozen.L);
    const norm = normaliseWord(word);
    const [pre, stem] = this.split(norm);
    a[A_WORD] = hashString(word);
    a[A_NORM] = hashString(norm);
    a[A_STEM] = hashString(stem);
    a[A_PRE] = hashString(pre);
    a[A_P2] = hashRange(stem, 0, Math.min(2, stem.length));
    a[A_P3] = hashRange(stem, 0, Math.min(3, stem.length));
    a[A_S1] = hashRange(norm, Math.max(0, norm.length - 1), norm.length);
    a[A_S2] = hashRange(norm, Math.max(0, norm.length - 2), norm.length);
    a[A_S3] = hashRange(norm, Math.max(0, norm.length - 3), norm.length);
    a[A_SHAPE] = shape(word);
    a[A_P4] = stem.length > 4 ? hashRange(stem, 0, 4) : EMPTY;
    a[A_S4] = norm.length > 4 ? hashRange(norm, norm.length - 4, norm.length) : EMPTY;
    a[A_SS2] = hashRange(stem, Math.max(0, stem.length - 2), stem.length);
    a[A_SS3] = hashRange(stem, Math.max(0, stem.length - 3), stem.length);
    const cr = this.clusterRank(norm, stem);
    const paths = this.clusters.paths;
    a[A_C0] = cr < 0 ? -1 : paths[0][cr];
    a[A_C1] = cr < 0 ? -1 : paths[Math.min(1, paths.length - 1)][cr];
    a[A_C2] = cr < 0 ? -1 : paths[paths.length - 1][cr];
    const sr = this.clusters.rank.get(a[A_STEM]);
    a[A_STEMC] = sr < 0 ? -1 : paths[paths.length - 1][sr];
    const ex = this.clusters.extra;
    a[A_TOP] = cr < 0 || ex.length < 1 ? -1 : ex[0][cr];
    a[A_C3] = cr < 0 || ex.length < 2 ? -1 : ex[1][cr];
    a[A_STEMT] = sr < 0 || ex.length < 1 ? -1 : ex[0][sr];
    a[A_DEFR] = this.definiteness(pre, stem);
    a[A_GAZ] = this.gazetteer.phrases.get(mix(0, a[A_STEM])) ?? 0;
    const fr = this.rankOf(norm);
    a[A_FREQ] = fr >= this.unknownRank ? 99 : 31 - Math.clz32(fr + 1);
    if (this.frozen !== null) this.staticScores(a, true);
    if (this.cache.size > (this.frozen === null ? CACHE_MAX : CACHE_MAX_FROZEN)) this.cache.clear();
    this.cache.set(word, a);
    return a;
  }

  /**
   * Features of a sentence (`words` are surface forms) into `out` (length ≥ n × FEATURES).
   * `extra` may hold one additional attribute per token (document-level evidence), or null.
   */
  sentence(words: readonly string[], out: Int32Array, extra: Int32Array | null = null): void {
    const n = words.length;
    // rows of attributes with two padding rows on each side: row r of token i is i + 2
    const need = (n + 4) * NCOLS;
    if (this.rows.length < need) this.rows = new Int32Array(need * 2);
    const R = this.rows;
    R.set(BOS, 0);
    R.set(BOS, NCOLS);
    for (let i = 0; i < n; i++) {
      const o = (i + 2) * NCOLS;
      const a = this.attrs(words[i]);
      for (let c = 0; c < NATTR; c++) R[o + c] = a[c];
      R[o + A_GAZBIO] = 0;
      R[o + A_DOC] = extra === null ? 0 : extra[i];
      R[o + A_QUOTE] = 0;
    }
    R.set(EOS, (n + 2) * NCOLS);
    R.set(EOS, (n + 3) * NCOLS);
    this.gazetteerBio(R, n);
    quoted(words, R, n);
    const nu = U_POS.length;
    const nb = B_POS1.length;
    for (let i = 0; i < n; i++) {
      const base = (i + 2) * NCOLS;
      let k = i * FEATURES;
      for (let u = 0; u < nu; u++) out[k++] = mix(u + 1, R[base + U_POS[u]]);
      for (let b = 0; b < nb; b++) out[k++] = mix(1000 + b, mix(R[base + B_POS1[b]], R[base + B_POS2[b]]));
      out[k++] = BIAS;
    }
  }

  /**
   * The cached path (after `freeze`): emission scores of a sentence into `emit` (n × L, multiplied
   * by `scale`, `oBias` added to label 0, exactly as `Tagger.scores`), the contextual feature
   * hashes into `ctx` (n × CTX) and each token's stem hash into `stems` (n).
   */
  scoreSentence(
    words: readonly string[],
    emit: Float32Array,
    ctx: Int32Array,
    stems: Int32Array,
    scale: number,
    oBias: number,
  ): void {
    const f = this.frozen;
    if (f === null) throw new Error('scoreSentence: call freeze(weights) first');
    const { w, L, mask } = f;
    const n = words.length;
    const need = (n + 4) * NCOLS;
    if (this.rows.length < need) this.rows = new Int32Array(need * 2);
    const R = this.rows;
    const ents = this.ents;
    R.set(BOS, 0);
    R.set(BOS, NCOLS);
    for (let i = 0; i < n; i++) {
      const o = (i + 2) * NCOLS;
      const a = this.attrs(words[i]);
      ents[i] = a;
      for (let c = 0; c < NATTR; c++) R[o + c] = a[c];
      R[o + A_GAZBIO] = 0;
      R[o + A_DOC] = 0;
      R[o + A_QUOTE] = 0;
      stems[i] = a[A_STEM];
    }
    R.set(EOS, (n + 2) * NCOLS);
    R.set(EOS, (n + 3) * NCOLS);
    this.gazetteerBio(R, n);
    quoted(words, R, n);
    // all contextual hashes first (arithmetic only), then the weight sums: the loads of one token
    // are independent of each other, so the CPU overlaps their cache misses
    const nu = CTX_U.length;
    const nb = B_POS1.length;
    for (let i = 0; i < n; i++) {
      const base = (i + 2) * NCOLS;
      let c = i * CTX;
      for (let s = 0; s < nu; s++) {
        const u = CTX_U[s];
        ctx[c++] = mix(u + 1, R[base + U_POS[u]]);
      }
      for (let b = 0; b < nb; b++) ctx[c++] = mix(1000 + b, mix(R[base + B_POS1[b]], R[base + B_POS2[b]]));
    }
    const wb = f.bases;
    for (let i = 0; i < n; i++) {
      const c0 = i * CTX;
      for (let c = 0; c < CTX; c++) wb[c] = (ctx[c0 + c] & mask) * L;
      const e0 = i < 2 ? f.bos : ents[i - 2];
      const e1 = i < 1 ? f.bos : ents[i - 1];
      const e2 = ents[i];
      const e3 = i + 1 >= n ? f.eos : ents[i + 1];
      const e4 = i + 2 >= n ? f.eos : ents[i + 2];
      const eo = i * L;
      for (let y = 0; y < L; y++) {
        let sum =
          e0[NATTR + y] +
          e1[NATTR + L + y] +
          e2[NATTR + 2 * L + y] +
          e3[NATTR + 3 * L + y] +
          e4[NATTR + 4 * L + y];
        for (let c = 0; c < CTX; c++) sum += w[wb[c] + y];
        emit[eo + y] = sum;
      }
      if (scale !== 1) for (let y = 0; y < L; y++) emit[eo + y] *= scale;
      emit[eo] += oBias;
    }
  }

  /**
   * Rewrite the document-evidence features of a sentence's feature vectors in place (the second
   * pass changes only these), writing the previous hashes to `old` (n × DOC_SLOTS.length).
   */
  static setEvidence(
    feats: Int32Array,
    n: number,
    ev: Int32Array,
    old: Int32Array,
    stride: number = FEATURES,
    slots: Int32Array = DOC_SLOTS,
  ): void {
    const d = DOC_SLOTS.length;
    for (let i = 0; i < n; i++)
      for (let s = 0; s < d; s++) {
        const j = i + DOC_OFFSETS[s];
        const v = j < 0 ? BOS[A_DOC] : j >= n ? EOS[A_DOC] : ev[j];
        const k = i * stride + slots[s];
        old[i * d + s] = feats[k];
        feats[k] = mix(DOC_SLOTS[s] + 1, v);
      }
  }

  /** Longest gazetteer phrase matches as BIO codes (class bits × 2 + inside) in column A_GAZBIO. */
  private gazetteerBio(R: Int32Array, n: number): void {
    const g = this.gazetteer;
    let i = 0;
    while (i < n) {
      let h = 0;
      let bestLen = 0;
      let bestBits = 0;
      const pre = g.prefixes;
      for (let len = 1; len <= g.maxLen && i + len <= n; len++) {
        h = mix(h, R[(i + len + 1) * NCOLS + A_STEM]);
        if (len === 1) {
          if (pre !== undefined && !pre.has(h)) break; // no phrase starts with this word
          continue; // single words are A_GAZ
        }
        const bits = g.phrases.get(h);
        if (bits !== undefined) {
          bestLen = len;
          bestBits = bits;
        }
        if (pre !== undefined && !pre.has(h)) break;
      }
      if (bestLen > 0) {
        R[(i + 2) * NCOLS + A_GAZBIO] = bestBits * 2 + 1;
        for (let j = 1; j < bestLen; j++) R[(i + j + 2) * NCOLS + A_GAZBIO] = bestBits * 2 + 2;
        i += bestLen;
      } else i++;
    }
  }

  /** Build a gazetteer from phrases and their class bit. */
  static buildGazetteer(entries: Iterable<[string, number]>, stem: (w: string) => string): Gazetteer {
    const phrases = new Map<number, number>();
    const prefixes = new Set<number>();
    let maxLen = 1;
    for (const [phrase, bit] of entries) {
      const words = phrase.split(' ').filter((w) => w.length > 0);
      if (words.length === 0) continue;
      let h = 0;
      for (let k = 0; k < words.length; k++) {
        if (k > 0) prefixes.add(h);
        h = mix(h, hashString(stem(words[k])));
      }
      phrases.set(h, (phrases.get(h) ?? 0) | bit);
      if (words.length > maxLen) maxLen = words.length;
    }
    return { phrases, maxLen: Math.min(maxLen, 8), prefixes };
  }
}

const isOpenQuote = (w: string): boolean => w === '«' || w === '"' || w === '“';
const isCloseQuote = (w: string): boolean => w === '»' || w === '"' || w === '”';

/** Mark tokens inside short quotations («…», "…" up to 8 tokens): titles of programmes, books, operations. */
function quoted(words: readonly string[], R: Int32Array, n: number): void {
  let i = 0;
  while (i < n) {
    if (!isOpenQuote(words[i])) {
      i++;
      continue;
    }
    let k = i + 1;
    while (k < n && k - i <= 9 && !isCloseQuote(words[k])) k++;
    if (k < n && k - i <= 9 && k > i + 1) {
      R[(i + 3) * NCOLS + A_QUOTE] = 1;
      for (let j = i + 2; j < k; j++) R[(j + 2) * NCOLS + A_QUOTE] = 2;
      i = k + 1;
    } else i++;
  }
}

function shape(w: string): number {
  let ar = 0;
  let lat = 0;
  let dig = 0;
  let upper = 0;
  let other = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) {
      if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) dig++;
      else ar++;
    } else if (c >= 0x30 && c <= 0x39) dig++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      lat++;
      if (c <= 0x5a) upper++;
    } else other++;
  }
  const len = w.length <= 2 ? w.length : w.length <= 4 ? 3 : w.length <= 7 ? 4 : 5;
  const kind = ar ? (dig || lat ? 1 : 2) : lat ? (upper ? 3 : 4) : dig ? (other ? 5 : 6) : 7;
  return kind * 16 + len + (kind === 7 ? w.charCodeAt(0) * 256 : 0);
}
