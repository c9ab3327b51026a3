// The NER model at run time: feature extractor + first-pass tagger + optional second-pass tagger that
// also sees document-level evidence (how the first pass labelled the same stem elsewhere in the
// document).
import { CTX, CTX_DOC_SLOTS, DOC_SLOTS, FEATURES, FeatureExtractor } from './features.js';
import { Tagger } from './tagger.js';

export interface NerModel {
  fx: FeatureExtractor;
  labels: string[];
  pass1: Tagger;
  pass2: Tagger | null;
  /**
   * One tagger for both passes: pass 1 sees "no evidence" document features, pass 2 re-scores only
   * those features (a few weight lookups per token) and decodes again.
   */
  shared: boolean;
}

export interface Tagged {
  /** label ids per token */
  labels: Int32Array;
  /** per-token confidence in [0, 1] (emission margin of the chosen label, squashed) */
  conf: Float32Array;
}

let featBuf = new Int32Array(0);
function feats(n: number): Int32Array {
  if (featBuf.length < n * FEATURES) featBuf = new Int32Array(Math.max(n, 256) * 2 * FEATURES);
  return featBuf;
}

function tagOne(
  m: NerModel,
  tagger: Tagger,
  words: readonly string[],
  extra: Int32Array | null,
  withConf: boolean,
): Tagged {
  const n = words.length;
  const f = feats(n);
  m.fx.sentence(words, f, extra);
  const labels = new Int32Array(n);
  const emit = tagger.decode(f, n, labels);
  const conf = new Float32Array(withConf ? n : 0);
  if (withConf) confidences(emit, tagger.L, labels, conf);
  return { labels, conf };
}

/**
 * Document evidence per token: how the other occurrences of the same stem in `block` were labelled.
 * 1 = no other occurrence, 2 = only outside entities, 3 + type × 4 + share bucket otherwise.
 */
export function evidence(
  fx: FeatureExtractor,
  labelsOf: readonly string[],
  block: readonly (readonly string[])[],
  preds: readonly Int32Array[],
  stemKeys: readonly Int32Array[] | null = null,
): Int32Array[] {
  const ntypes = (labelsOf.length - 1) / 2;
  const width = ntypes + 1;
  const counts = new Map<number, Int32Array>();
  const keys: readonly Int32Array[] =
    stemKeys ??
    block.map((words) => {
      const k = new Int32Array(words.length);
      for (let i = 0; i < words.length; i++) k[i] = fx.stemKey(words[i]);
      return k;
    });
  const cls = (y: number): number => (y === 0 ? 0 : ((y - 1) >> 1) + 1);
  for (let s = 0; s < block.length; s++)
    for (let i = 0; i < block[s].length; i++) {
      let c = counts.get(keys[s][i]);
      if (!c) counts.set(keys[s][i], (c = new Int32Array(width)));
      c[cls(preds[s][i])]++;
    }
  return block.map((words, s) => {
    const out = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const c = counts.get(keys[s][i])!;
      const own = cls(preds[s][i]);
      let total = -1;
      let best = 0;
      let bestN = 0;
      for (let t = 0; t < width; t++) {
        const v = c[t] - (t === own ? 1 : 0);
        total += c[t];
        if (t > 0 && v > bestN) {
          bestN = v;
          best = t;
        }
      }
      if (total <= 0) out[i] = 1;
      else if (bestN === 0) out[i] = 2;
      else out[i] = 3 + (best - 1) * 4 + Math.min(3, Math.floor((bestN / total) * 4));
    }
    return out;
  });
}

function confidences(emit: Float32Array, L: number, labels: Int32Array, conf: Float32Array): void {
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    let second = -Infinity;
    for (let k = 0; k < L; k++) if (k !== y && emit[i * L + k] > second) second = emit[i * L + k];
    conf[i] = 1 / (1 + Math.exp(-(emit[i * L + y] - second) / 4));
  }
}

/** tagShared with the per-word score cache (the extractor is frozen on this tagger's weights). */
function tagCached(m: NerModel, block: readonly (readonly string[])[], withConf: boolean): Tagged[] {
  const t = m.pass1;
  const L = t.L;
  const scale = t.p.scale ?? 1;
  const cs: Int32Array[] = [];
  const es: Float32Array[] = [];
  const first: Int32Array[] = [];
  const stems: Int32Array[] = [];
  for (const words of block) {
    const n = words.length;
    const c = new Int32Array(n * CTX);
    const e = new Float32Array(n * L);
    const k = new Int32Array(n);
    m.fx.scoreSentence(words, e, c, k, scale, t.oBias);
    const y = new Int32Array(n);
    t.viterbi(e, n, y);
    cs.push(c);
    es.push(e);
    first.push(y);
    stems.push(k);
  }
  const ev = evidence(m.fx, m.labels, block, first, stems);
  return block.map((words, s) => {
    const n = words.length;
    const old = new Int32Array(n * DOC_SLOTS.length);
    FeatureExtractor.setEvidence(cs[s], n, ev[s], old, CTX, CTX_DOC_SLOTS);
    t.rescore(es[s], cs[s], n, CTX_DOC_SLOTS, old, CTX);
    const labels = first[s];
    t.viterbi(es[s], n, labels);
    const conf = new Float32Array(withConf ? n : 0);
    if (withConf) confidences(es[s], L, labels, conf);
    return { labels, conf };
  });
}

function tagShared(m: NerModel, block: readonly (readonly string[])[], withConf: boolean): Tagged[] {
  const t = m.pass1;
  if (m.fx.frozenWeights !== null && m.fx.frozenWeights === t.p.weights) return tagCached(m, block, withConf);
  const L = t.L;
  const fs: Int32Array[] = [];
  const es: Float32Array[] = [];
  const first: Int32Array[] = [];
  for (const words of block) {
    const n = words.length;
    const f = new Int32Array(n * FEATURES);
    m.fx.sentence(words, f, null);
    const e = t.scores(f, n).slice(0, n * L);
    const y = new Int32Array(n);
    t.viterbi(e, n, y);
    fs.push(f);
    es.push(e);
    first.push(y);
  }
  const ev = evidence(m.fx, m.labels, block, first);
  return block.map((words, s) => {
    const n = words.length;
    const old = new Int32Array(n * DOC_SLOTS.length);
    FeatureExtractor.setEvidence(fs[s], n, ev[s], old);
    t.rescore(es[s], fs[s], n, DOC_SLOTS, old);
    const labels = new Int32Array(n);
    t.viterbi(es[s], n, labels);
    const conf = new Float32Array(withConf ? n : 0);
    if (withConf) confidences(es[s], L, labels, conf);
    return { labels, conf };
  });
}

/** Tag a block of sentences (a document) with both passes. */
export function tagBlock(m: NerModel, block: readonly (readonly string[])[], withConf = false): Tagged[] {
  if (m.shared) return tagShared(m, block, withConf);
  const first = block.map((w) => tagOne(m, m.pass1, w, null, withConf && m.pass2 === null));
  if (m.pass2 === null) return first;
  const ev = evidence(
    m.fx,
    m.labels,
    block,
    first.map((t) => t.labels),
  );
  return block.map((w, s) => tagOne(m, m.pass2!, w, ev[s], withConf));
}
