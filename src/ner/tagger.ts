// Linear-chain tagger: hashed feature weights per label, first-order transitions, Viterbi decoding
// under BIO constraints, trained as an averaged structured perceptron.
import { FEATURES } from './features.js';

export interface TaggerParams {
  /** labels: 'O', then B-X, I-X for each type X in order */
  labels: string[];
  bucketBits: number;
  /** emission weights [bucket × L + label]: float while training, int16 × `scale` when loaded */
  weights: Float32Array | Int16Array;
  /** multiplier of `weights` (1 for float weights) */
  scale?: number;
  /** transitions [(prev + 1) × L + cur]; prev = -1 is the sentence start */
  trans: Float32Array;
}

export function labelSet(types: readonly string[]): string[] {
  const out = ['O'];
  for (const t of types) out.push('B-' + t, 'I-' + t);
  return out;
}

/** allowed[(prev + 1) × L + cur]: I-X only after B-X or I-X. */
export function bioConstraints(labels: readonly string[]): Uint8Array {
  const L = labels.length;
  const ok = new Uint8Array((L + 1) * L);
  for (let p = -1; p < L; p++)
    for (let c = 0; c < L; c++) {
      const cur = labels[c];
      let allowed = true;
      if (cur.startsWith('I-')) {
        const prev = p < 0 ? 'O' : labels[p];
        allowed = prev !== 'O' && prev.slice(2) === cur.slice(2);
      }
      ok[(p + 1) * L + c] = allowed ? 1 : 0;
    }
  return ok;
}

export class Tagger {
  readonly L: number;
  readonly mask: number;
  readonly allowed: Uint8Array;
  /** for each label, the labels allowed before it (flattened, `predStart` offsets) */
  private readonly preds: Int32Array;
  private readonly predStart: Int32Array;
  /** added to the O label's emission score at decoding time (negative favours recall) */
  oBias = 0;
  private emit = new Float32Array(0);
  private delta = new Float32Array(0);
  private back = new Int32Array(0);

  constructor(readonly p: TaggerParams) {
    this.L = p.labels.length;
    this.mask = (1 << p.bucketBits) - 1;
    this.allowed = bioConstraints(p.labels);
    const L = this.L;
    const preds: number[] = [];
    this.predStart = new Int32Array(L + 1);
    for (let y = 0; y < L; y++) {
      this.predStart[y] = preds.length;
      for (let q = 0; q < L; q++) if (this.allowed[(q + 1) * L + y]) preds.push(q);
    }
    this.predStart[L] = preds.length;
    this.preds = Int32Array.from(preds);
  }

  private ensure(n: number): void {
    if (this.emit.length < n * this.L) {
      const cap = Math.max(n, 64) * 2;
      this.emit = new Float32Array(cap * this.L);
      this.delta = new Float32Array(cap * this.L);
      this.back = new Int32Array(cap * this.L);
    }
  }

  /** Emission scores of n tokens into this.emit. */
  scores(feats: Int32Array, n: number): Float32Array {
    this.ensure(n);
    const L = this.L;
    const w = this.p.weights;
    const mask = this.mask;
    const emit = this.emit;
    const scale = this.p.scale ?? 1;
    emit.fill(0, 0, n * L);
    for (let i = 0; i < n; i++) {
      const eo = i * L;
      const fo = i * FEATURES;
      for (let f = 0; f < FEATURES; f++) {
        const base = (feats[fo + f] & mask) * L;
        for (let y = 0; y < L; y++) emit[eo + y] += w[base + y];
      }
      if (scale !== 1) for (let y = 0; y < L; y++) emit[eo + y] *= scale;
      emit[eo] += this.oBias;
    }
    return emit;
  }

  /**
   * Update emission scores `emit` (n × L) after some features changed: for each token, features at
   * `slots` now hold `feats` values and used to hold `old` (n × slots.length).
   */
  rescore(
    emit: Float32Array,
    feats: Int32Array,
    n: number,
    slots: Int32Array,
    old: Int32Array,
    stride: number = FEATURES,
  ): void {
    const L = this.L;
    const w = this.p.weights;
    const mask = this.mask;
    const d = slots.length;
    const scale = this.p.scale ?? 1;
    for (let i = 0; i < n; i++) {
      const eo = i * L;
      for (let s = 0; s < d; s++) {
        const nb = (feats[i * stride + slots[s]] & mask) * L;
        const ob = (old[i * d + s] & mask) * L;
        if (nb === ob) continue;
        for (let y = 0; y < L; y++) emit[eo + y] += (w[nb + y] - w[ob + y]) * scale;
      }
    }
  }

  /**
   * Best label sequence into `out` (length ≥ n). Returns emission scores (valid until the next call)
   * so callers can compute confidences.
   */
  decode(feats: Int32Array, n: number, out: Int32Array): Float32Array {
    const emit = this.scores(feats, n);
    this.viterbi(emit, n, out);
    return emit;
  }

  viterbi(emit: Float32Array, n: number, out: Int32Array): void {
    if (n === 0) return;
    this.ensure(n);
    const L = this.L;
    const trans = this.p.trans;
    const ok = this.allowed;
    const delta = this.delta;
    const back = this.back;
    for (let y = 0; y < L; y++) delta[y] = ok[y] ? emit[y] + trans[y] : -Infinity;
    for (let i = 1; i < n; i++) {
      const po = (i - 1) * L;
      const co = i * L;
      for (let y = 0; y < L; y++) {
        let best = -Infinity;
        let arg = 0;
        const pe = this.predStart[y + 1];
        for (let k = this.predStart[y]; k < pe; k++) {
          const p = this.preds[k];
          const s = delta[po + p] + trans[(p + 1) * L + y];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        delta[co + y] = best + emit[co + y];
        back[co + y] = arg;
      }
    }
    let best = -Infinity;
    let arg = 0;
    const lo = (n - 1) * L;
    for (let y = 0; y < L; y++)
      if (delta[lo + y] > best) {
        best = delta[lo + y];
        arg = y;
      }
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]];
  }
}

export interface TrainExample {
  feats: Int32Array;
  gold: Int32Array;
  n: number;
}

/** Averaged structured perceptron over shuffled examples; returns the averaged parameters. */
export function trainPerceptron(
  labels: string[],
  bucketBits: number,
  data: TrainExample[],
  epochs: number,
  log: (m: string) => void,
  seed = 1,
): TaggerParams {
  const L = labels.length;
  const size = (1 << bucketBits) * L;
  const w = new Float32Array(size);
  const u = new Float32Array(size); // accumulated c × update, for averaging
  const tr = new Float32Array((L + 1) * L);
  const tu = new Float32Array((L + 1) * L);
  const params: TaggerParams = { labels, bucketBits, weights: w, trans: tr };
  const tagger = new Tagger(params);
  const mask = tagger.mask;
  const pred = new Int32Array(4096);
  const order = data.map((_, i) => i);
  let s = seed;
  const rand = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  let c = 1;
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    let tokens = 0;
    for (const idx of order) {
      const ex = data[idx];
      const n = ex.n;
      if (pred.length < n) throw new Error(`sentence of ${n} tokens is too long to train on`);
      tagger.decode(ex.feats, n, pred);
      tokens += n;
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = ex.gold[i];
        const p = pred[i];
        if (g !== p) {
          wrong = true;
          errors++;
          const fo = i * FEATURES;
          for (let f = 0; f < FEATURES; f++) {
            const base = (ex.feats[fo + f] & mask) * L;
            w[base + g] += 1;
            u[base + g] += c;
            w[base + p] -= 1;
            u[base + p] -= c;
          }
        }
        const gp = i === 0 ? 0 : ex.gold[i - 1] + 1;
        const pp = i === 0 ? 0 : pred[i - 1] + 1;
        if (gp !== pp || g !== p) {
          tr[gp * L + g] += 1;
          tu[gp * L + g] += c;
          tr[pp * L + p] -= 1;
          tu[pp * L + p] -= c;
        }
      }
      void wrong;
      c++;
    }
    log(`  epoch ${ep + 1}: ${errors} token errors / ${tokens}`);
  }
  for (let i = 0; i < size; i++) w[i] -= u[i] / c;
  for (let i = 0; i < tr.length; i++) tr[i] -= tu[i] / c;
  return params;
}
