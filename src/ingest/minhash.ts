// Near-duplicate detection: MinHash signatures over word 3-shingles of the analysed terms, and
// locality-sensitive hashing into bands so that candidates are found by exact lookups.
// 64 hash functions in 16 bands of 4 rows: two documents share a band with probability
// 1 - (1 - J^4)^16 — about 0.5 at Jaccard 0.33, 0.96 at 0.6, so every true near-duplicate above
// the verification threshold (NEAR_DUP_THRESHOLD on the estimated Jaccard) is found.

import { fmix, hashString } from '../text/hash.js';

const SIG_SIZE = 64;
const BANDS = 16;
const ROWS = SIG_SIZE / BANDS;
const SHINGLE = 3;
/** Estimated Jaccard similarity at or above which two documents are one story. */
export const NEAR_DUP_THRESHOLD = 0.5;
/** Fewer shingles than this: too short to judge, the document is its own cluster. */
const MIN_SHINGLES = 8;

const SEEDS = new Uint32Array(SIG_SIZE);
for (let i = 0; i < SIG_SIZE; i++) SEEDS[i] = fmix((i + 1) * 0x9e3779b1);

/** MinHash signature of a term sequence, or null when it has too few shingles. */
export function signature(terms: readonly string[]): Uint32Array | null {
  const n = terms.length - SHINGLE + 1;
  if (n < MIN_SHINGLES) return null;
  const sig = new Uint32Array(SIG_SIZE).fill(0xffffffff);
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const h = hashString(terms[i] + ' ' + terms[i + 1] + ' ' + terms[i + 2]);
    if (seen.has(h)) continue;
    seen.add(h);
    for (let k = 0; k < SIG_SIZE; k++) {
      const v = fmix(h ^ SEEDS[k]);
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

/** The LSH bucket of each band, as signed 32-bit integers (fit INTEGER and int4 columns). */
export function bands(sig: Uint32Array): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) {
      h ^= sig[b * ROWS + r];
      h = Math.imul(h, 0x01000193);
    }
    out.push(fmix(h) | 0);
  }
  return out;
}

/** Estimated Jaccard similarity: the fraction of equal signature slots. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < SIG_SIZE; i++) if (a[i] === b[i]) eq++;
  return eq / SIG_SIZE;
}

export function sigToBytes(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function sigFromBytes(buf: Uint8Array): Uint32Array {
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Uint32Array(copy.buffer);
}
