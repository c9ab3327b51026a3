// Word clusters learned from unlabelled news (SaudiNewsNet): a cheap distributional clustering.
//
// 1. Count normalised word forms; targets = the `vocab` most frequent, contexts = the `contexts`
//    most frequent. 2. Count left/right neighbour contexts per target (saturating Uint16).
// 3. Positive PMI, then a fixed random ±1 projection to `dim` dimensions, L2-normalised.
// 4. Spherical k-means into `k` fine clusters (on the most frequent `fitWords`, then every
//    target assigned to its nearest centroid), and the fine centroids clustered again into
//    coarser levels, so each word gets a small hierarchy of ids (coarse → fine) like Brown prefixes.
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, gzipSync, gunzipSync } from 'node:zlib';
import { tokenise } from '../text/tokenise.js';
import { normaliseWord } from '../text/normalise.js';
import { TokenKind } from '../doc/types.js';

export const CLUSTERS_SCHEMA = 'marsad/ner-clusters@1';

export interface ClusterTable {
  /** hash of a normalised word → its frequency rank in the news corpus (0 = most frequent) */
  rank: WordRanks;
  /** number of clusters at each level, coarse → fine */
  levels: number[];
  /** paths[level][rank] = cluster id of that word at that level */
  paths: Int32Array[];
  /**
   * Independent extra clusterings (may be empty): extra[0][rank] = topic cluster (bag-of-words
   * window vectors), extra[1][rank] = a finer clustering of the positional vectors.
   */
  extraLevels: number[];
  extra: Int32Array[];
}

export interface ClusterOptions {
  corpus: string;
  out: string;
  vocab: number;
  contexts: number;
  dim: number;
  levels: number[]; // e.g. [32, 256, 1024] coarse → fine
  fitWords: number;
  iterations: number;
  /** extra clusterings: [topic clusters over ±window bag-of-words vectors, finer positional clusters]; 0 = none */
  topic?: number;
  fineExtra?: number;
  /** bag-of-words window half-width and context words (ranks topicSkip .. topicSkip + topicContexts) */
  window?: number;
  topicSkip?: number;
  topicContexts?: number;
  log: (msg: string) => void;
}

/** Normalised token forms of one text (Arabic, Latin, numbers as '0'). */
export function corpusTokens(text: string, into: string[]): void {
  const t = tokenise(text);
  for (let i = 0; i < t.count; i++) {
    const k = t.kind[i];
    if (k === TokenKind.Number || k === TokenKind.Percent || k === TokenKind.Date) into.push('<num>');
    else into.push(normaliseWord(text.slice(t.start[i], t.end[i])));
  }
}

export async function readArticles(
  path: string,
  each: (text: string) => void,
  limit = Infinity,
): Promise<void> {
  const rl = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    if (!line) continue;
    if (n++ >= limit) break;
    const o = JSON.parse(line) as { title?: string; text?: string };
    if (o.title) each(o.title);
    if (o.text) each(o.text);
  }
  rl.close();
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function kmeans(
  vecs: Float32Array,
  n: number,
  dim: number,
  k: number,
  iterations: number,
  seed: number,
  log: (m: string) => void,
): Float32Array {
  const r = rng(seed);
  const cent = new Float32Array(k * dim);
  // init: k distinct random rows
  const used = new Set<number>();
  for (let c = 0; c < k; c++) {
    let i = Math.floor(r() * n);
    while (used.has(i)) i = Math.floor(r() * n);
    used.add(i);
    cent.set(vecs.subarray(i * dim, i * dim + dim), c * dim);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const a = nearest(vecs, i, cent, k, dim);
      if (a !== assign[i]) moved++;
      assign[i] = a;
    }
    cent.fill(0);
    const count = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assign[i];
      count[c]++;
      for (let d = 0; d < dim; d++) cent[c * dim + d] += vecs[i * dim + d];
    }
    for (let c = 0; c < k; c++) {
      if (count[c] === 0) {
        const i = Math.floor(r() * n);
        cent.set(vecs.subarray(i * dim, i * dim + dim), c * dim);
      }
      normaliseRow(cent, c, dim);
    }
    log(`  k-means k=${k} iteration ${it + 1}: ${moved} moved`);
    if (moved < n * 0.002) break;
  }
  return cent;
}

function nearest(vecs: Float32Array, i: number, cent: Float32Array, k: number, dim: number): number {
  let best = 0;
  let bestDot = -Infinity;
  const o = i * dim;
  for (let c = 0; c < k; c++) {
    let dot = 0;
    const co = c * dim;
    for (let d = 0; d < dim; d++) dot += vecs[o + d] * cent[co + d];
    if (dot > bestDot) {
      bestDot = dot;
      best = c;
    }
  }
  return best;
}

function normaliseRow(m: Float32Array, row: number, dim: number): void {
  let ss = 0;
  for (let d = 0; d < dim; d++) ss += m[row * dim + d] ** 2;
  const inv = ss > 0 ? 1 / Math.sqrt(ss) : 0;
  for (let d = 0; d < dim; d++) m[row * dim + d] *= inv;
}

export async function trainClusters(o: ClusterOptions): Promise<void> {
  // pass 1: frequencies (the corpus is read twice rather than held in memory as strings)
  const freq = new Map<string, number>();
  let total = 0;
  const buf: string[] = [];
  await readArticles(o.corpus, (text) => {
    buf.length = 0;
    corpusTokens(text, buf);
    for (const w of buf) freq.set(w, (freq.get(w) ?? 0) + 1);
    total += buf.length;
  });
  o.log(`clusters: ${total} tokens, ${freq.size} types`);
  const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const V = Math.min(o.vocab, byFreq.length);
  const C = Math.min(o.contexts, byFreq.length);
  const targetId = new Map<string, number>();
  for (let i = 0; i < V; i++) targetId.set(byFreq[i][0], i);
  const W = 4 * C; // positions -2, -1, +1, +2
  const counts = new Uint16Array(V * W);
  const ids: number[] = [];
  /** Reads the corpus again, with each article's tokens as target ids (-1: not a target) in `ids`. */
  const forEachArticleIds = (each: (n: number) => void) =>
    readArticles(o.corpus, (text) => {
      buf.length = 0;
      corpusTokens(text, buf);
      ids.length = 0;
      for (const w of buf) ids.push(targetId.get(w) ?? -1);
      each(ids.length);
    });
  await forEachArticleIds((n) => {
    for (let i = 0; i < n; i++) {
      const t = ids[i];
      if (t < 0) continue;
      const row = t * W;
      for (let p = 0; p < 4; p++) {
        const j = i + (p < 2 ? p - 2 : p - 1);
        if (j < 0 || j >= n) continue;
        const c = ids[j];
        if (c < 0 || c >= C) continue;
        const idx = row + p * C + c;
        if (counts[idx] < 65535) counts[idx]++;
      }
    }
  });
  o.log(`clusters: counted contexts for ${V} targets × ${W} contexts`);
  const vecs = ppmiProject(counts, V, W, o.dim, 7);
  o.log(`clusters: vectors ready (${o.dim} dims)`);
  const extraLevels: number[] = [];
  const extra: Int32Array[] = [];
  /** One extra clustering: k-means fitted on the most frequent words, every target assigned. */
  const addExtra = (v: Float32Array, k: number, seed: number) => {
    const cent = kmeans(v, Math.min(o.fitWords, V), o.dim, k, o.iterations, seed, o.log);
    const assign = new Int32Array(V);
    for (let t = 0; t < V; t++) assign[t] = nearest(v, t, cent, k, o.dim);
    extraLevels.push(k);
    extra.push(assign);
  };
  if ((o.topic ?? 0) > 0) {
    // topical vectors: bag of words within ±window over mid-frequency context words
    const skip = Math.min(o.topicSkip ?? 100, byFreq.length);
    const TC = Math.min(o.topicContexts ?? 2000, byFreq.length - skip);
    const win = o.window ?? 6;
    const tcount = new Uint16Array(V * TC);
    await forEachArticleIds((n) => {
      for (let i = 0; i < n; i++) {
        const t = ids[i];
        if (t < 0) continue;
        const row = t * TC;
        const a = Math.max(0, i - win);
        const b = Math.min(n - 1, i + win);
        for (let j = a; j <= b; j++) {
          const c = ids[j] - skip;
          if (j === i || c < 0 || c >= TC) continue;
          if (tcount[row + c] < 65535) tcount[row + c]++;
        }
      }
    });
    const tv = ppmiProject(tcount, V, TC, o.dim, 17);
    o.log(`clusters: topic vectors ready (±${win} words over ${TC} contexts)`);
    addExtra(tv, o.topic!, 23);
  }
  if ((o.fineExtra ?? 0) > 0) {
    addExtra(vecs, o.fineExtra!, 29);
  }
  const levels = [...o.levels].sort((a, b) => a - b);
  const fine = levels[levels.length - 1];
  const fit = Math.min(o.fitWords, V);
  const cent = kmeans(vecs, fit, o.dim, fine, o.iterations, 11, o.log);
  const assign = new Int32Array(V);
  for (let t = 0; t < V; t++) assign[t] = nearest(vecs, t, cent, fine, o.dim);
  // coarser levels: cluster the fine centroids
  const parent: Int32Array[] = [];
  for (let l = 0; l < levels.length - 1; l++) {
    const cc = kmeans(cent, fine, o.dim, levels[l], 30, 13 + l, () => {});
    const p = new Int32Array(fine);
    for (let c = 0; c < fine; c++) p[c] = nearest(cent, c, cc, levels[l], o.dim);
    parent.push(p);
  }
  const extraHead = extraLevels.length ? ` extra ${extraLevels.join(',')}` : '';
  const lines: string[] = [`# schema ${CLUSTERS_SCHEMA} levels ${levels.join(',')}${extraHead}`];
  for (let t = 0; t < V; t++) {
    const f = assign[t];
    const path = parent.map((p) => p[f]);
    path.push(f);
    for (const e of extra) path.push(e[t]);
    lines.push(`${byFreq[t][0]}\t${path.join(' ')}`);
  }
  writeFileSync(o.out, gzipSync(lines.join('\n') + '\n', { level: 9 }));
  o.log(`clusters: wrote ${V} words to ${o.out}`);
}

/** Positive PMI (context smoothing 0.75) of a count matrix, randomly projected to `dim` (±1), rows L2-normalised. */
function ppmiProject(counts: Uint16Array, V: number, W: number, dim: number, seed: number): Float32Array {
  const colSum = new Float64Array(W);
  const rowSum = new Float64Array(V);
  for (let t = 0; t < V; t++)
    for (let c = 0; c < W; c++) {
      const x = counts[t * W + c];
      if (x) {
        colSum[c] += x;
        rowSum[t] += x;
      }
    }
  const r = rng(seed);
  const proj = new Float32Array(W * dim);
  for (let i = 0; i < proj.length; i++) proj[i] = r() < 0.5 ? -1 : 1;
  const vecs = new Float32Array(V * dim);
  // context distribution smoothing (alpha 0.75) as in word2vec-style PMI
  let smoothAll = 0;
  const smooth = new Float64Array(W);
  for (let c = 0; c < W; c++) smoothAll += smooth[c] = Math.pow(colSum[c], 0.75);
  for (let t = 0; t < V; t++) {
    if (rowSum[t] === 0) continue;
    for (let c = 0; c < W; c++) {
      const x = counts[t * W + c];
      if (!x) continue;
      const pmi = Math.log(x / rowSum[t] / (smooth[c] / smoothAll));
      if (pmi <= 0) continue;
      const po = c * dim;
      const vo = t * dim;
      for (let d = 0; d < dim; d++) vecs[vo + d] += pmi * proj[po + d];
    }
    normaliseRow(vecs, t, dim);
  }
  return vecs;
}

/** Read a cluster table written by trainClusters. */
export function readClusters(path: string): ClusterTable {
  let text: string;
  try {
    text = gunzipSync(readFileSync(path)).toString('utf8');
  } catch (e) {
    throw new Error(`cluster table ${path}: ${(e as Error).message}`);
  }
  return parseClusters(text, path);
}

/** Open-addressing map from a word's 32-bit FNV-1a hash (see hash.ts) to its frequency rank. */
export class WordRanks {
  private readonly keys: Uint32Array;
  private readonly vals: Int32Array; // rank + 1; 0 = empty slot
  private readonly mask: number;
  size = 0;
  constructor(capacity: number) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }
  /** Insert (first insertion of a hash wins). */
  add(hash: number, rank: number): void {
    let i = (hash ^ (hash >>> 15)) & this.mask;
    while (this.vals[i] !== 0) {
      if (this.keys[i] === hash) return;
      i = (i + 1) & this.mask;
    }
    this.keys[i] = hash;
    this.vals[i] = rank + 1;
    this.size++;
  }
  /** Rank of the word with this hash, or -1. */
  get(hash: number): number {
    hash >>>= 0;
    let i = (hash ^ (hash >>> 15)) & this.mask;
    for (;;) {
      const v = this.vals[i];
      if (v === 0) return -1;
      if (this.keys[i] === hash) return v - 1;
      i = (i + 1) & this.mask;
    }
  }
}

export function parseClusters(text: string, path: string): ClusterTable {
  const nl = text.indexOf('\n');
  const head = text.slice(0, nl).split(' ');
  if (head[0] !== '#' || head[2] !== CLUSTERS_SCHEMA || head[3] !== 'levels')
    throw new Error(`cluster table ${path}: expected a "# schema ${CLUSTERS_SCHEMA} levels …" first line`);
  const levels = head[4].split(',').map(Number);
  const extraLevels = head[5] === 'extra' && head[6] ? head[6].split(',').map(Number) : [];
  const L = levels.length + extraLevels.length;
  let lines = 0;
  for (let k = nl + 1; k < text.length; k++) if (text.charCodeAt(k) === 10) lines++;
  const rank = new WordRanks(lines + 1);
  const paths = [...levels, ...extraLevels].map(() => new Int32Array(lines + 1));
  // one pass over the characters: the word's FNV-1a hash, then L space-separated ids; no allocation
  let n = 0;
  let i = nl + 1;
  const end = text.length;
  while (i < end) {
    let h = 0x811c9dc5;
    let c = text.charCodeAt(i);
    if (c === 10) {
      i++;
      continue;
    }
    while (i < end && c !== 9 && c !== 10) {
      h ^= c;
      h = Math.imul(h, 0x01000193);
      c = text.charCodeAt(++i);
    }
    if (c !== 9) throw new Error(`cluster table ${path}: line ${n + 2}: expected "word<TAB>ids"`);
    i++;
    let l = 0;
    let v = 0;
    let digits = 0;
    for (;;) {
      c = i < end ? text.charCodeAt(i) : 10;
      if (c >= 48 && c <= 57) {
        v = v * 10 + (c - 48);
        digits++;
      } else if ((c === 32 || c === 10) && digits > 0) {
        if (l < L) paths[l][n] = v;
        l++;
        v = 0;
        digits = 0;
      } else if (c !== 32 && c !== 13 && c !== 10) l = L + 1;
      i++;
      if (c === 10) break;
    }
    if (l !== L) throw new Error(`cluster table ${path}: line ${n + 2}: expected ${L} cluster ids`);
    rank.add(h >>> 0, n++);
  }
  return {
    rank,
    levels,
    paths: paths.slice(0, levels.length),
    extraLevels,
    extra: paths.slice(levels.length),
  };
}
