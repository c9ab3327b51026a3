// Second stage: splits a place span (ANERcorp LOC) into the contract's GPE / LOC / FAC, learned
// from NewsFANE's fine classes (Nation, Population-Center … → GPE; Water-Body, Continent … → LOC;
// Building-Grounds, Airport … → FAC). A multiclass averaged perceptron over hashed span features.
import type { FeatureExtractor } from './features.js';
import { hashString, mix } from '../text/hash.js';

export interface SubtypeParams {
  classes: string[];
  bits: number;
  /** sparse weights: [index, value], index = bucket × classes + class */
  weights: [number, number][];
}

export interface SpanExample {
  words: string[];
  start: number;
  end: number;
  cls: number;
}

const MAX_FEATS = 24;

/** Feature hashes of span [start, end) of `words`; returns how many were written. */
export function spanFeatures(
  fx: FeatureExtractor,
  words: readonly string[],
  start: number,
  end: number,
  out: Int32Array,
): number {
  let k = 0;
  const stem = (i: number): number => (i < 0 ? 1 : i >= words.length ? 2 : fx.stemKey(words[i]));
  let whole = 0;
  for (let i = start; i < end && k < MAX_FEATS - 8; i++) {
    out[k++] = mix(1, stem(i));
    whole = mix(whole, stem(i));
  }
  out[k++] = mix(2, whole);
  out[k++] = mix(3, stem(start));
  out[k++] = mix(4, stem(end - 1));
  out[k++] = mix(5, stem(start - 1));
  out[k++] = mix(6, mix(stem(start - 2), stem(start - 1)));
  out[k++] = mix(7, stem(end));
  out[k++] = mix(8, Math.min(end - start, 4));
  const last = fx.stem(words[end - 1]);
  out[k++] = mix(9, hashString(last.slice(-2)));
  return k;
}

export class SubtypeClassifier {
  private readonly w: Float32Array;
  private readonly mask: number;
  private readonly buf = new Int32Array(MAX_FEATS);
  constructor(readonly p: SubtypeParams) {
    const C = p.classes.length;
    this.w = new Float32Array((1 << p.bits) * C);
    for (const [i, v] of p.weights) this.w[i] = v;
    this.mask = (1 << p.bits) - 1;
  }

  classify(fx: FeatureExtractor, words: readonly string[], start: number, end: number): string {
    const C = this.p.classes.length;
    const n = spanFeatures(fx, words, start, end, this.buf);
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < C; c++) {
      let s = 0;
      for (let f = 0; f < n; f++) s += this.w[(this.buf[f] & this.mask) * C + c];
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return this.p.classes[best];
  }
}

export function trainSubtype(
  fx: FeatureExtractor,
  classes: string[],
  data: SpanExample[],
  epochs: number,
  bits = 16,
): SubtypeParams {
  const C = classes.length;
  const size = (1 << bits) * C;
  const w = new Float32Array(size);
  const u = new Float32Array(size);
  const mask = (1 << bits) - 1;
  const buf = new Int32Array(MAX_FEATS);
  let c = 1;
  for (let ep = 0; ep < epochs; ep++) {
    for (let j = 0; j < data.length; j++) {
      const ex = data[(j * 7919 + ep * 104729) % data.length];
      const n = spanFeatures(fx, ex.words, ex.start, ex.end, buf);
      let best = 0;
      let bestScore = -Infinity;
      for (let k = 0; k < C; k++) {
        let s = 0;
        for (let f = 0; f < n; f++) s += w[(buf[f] & mask) * C + k];
        if (s > bestScore) {
          bestScore = s;
          best = k;
        }
      }
      if (best !== ex.cls) {
        for (let f = 0; f < n; f++) {
          const b = (buf[f] & mask) * C;
          w[b + ex.cls] += 1;
          u[b + ex.cls] += c;
          w[b + best] -= 1;
          u[b + best] -= c;
        }
      }
      c++;
    }
  }
  const weights: [number, number][] = [];
  for (let i = 0; i < size; i++) {
    const v = w[i] - u[i] / c;
    if (Math.abs(v) > 1e-3) weights.push([i, Math.round(v * 1000) / 1000]);
  }
  return { classes, bits, weights };
}
