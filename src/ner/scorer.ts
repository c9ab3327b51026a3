// Entity-level scoring with conlleval semantics: a predicted entity counts only when its span and
// type both match a gold entity exactly.
import { chunks } from './corpus.js';

export interface TypeScore {
  type: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  types: TypeScore[];
  micro: TypeScore;
}

function prf(type: string, tp: number, fp: number, fn: number): TypeScore {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { type, tp, fp, fn, precision, recall, f1 };
}

/** Score predicted BIO sequences against gold ones (same sentence and token counts). */
export function score(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): Score {
  if (gold.length !== pred.length)
    throw new Error(`score: ${gold.length} gold sentences but ${pred.length} predicted`);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const get = (t: string) => {
    let c = counts.get(t);
    if (!c) counts.set(t, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (let s = 0; s < gold.length; s++) {
    if (gold[s].length !== pred[s].length)
      throw new Error(
        `score: sentence ${s + 1} has ${gold[s].length} gold tags but ${pred[s].length} predicted`,
      );
    const g = chunks(gold[s]);
    const p = chunks(pred[s]);
    const key = (c: { start: number; end: number; type: string }) => `${c.start}:${c.end}:${c.type}`;
    const gs = new Set(g.map(key));
    const ps = new Set(p.map(key));
    for (const c of p) {
      if (gs.has(key(c))) get(c.type).tp++;
      else get(c.type).fp++;
    }
    for (const c of g) if (!ps.has(key(c))) get(c.type).fn++;
  }
  const types = [...counts.keys()].sort().map((t) => {
    const c = counts.get(t)!;
    return prf(t, c.tp, c.fp, c.fn);
  });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const t of types) {
    tp += t.tp;
    fp += t.fp;
    fn += t.fn;
  }
  return { types, micro: prf('micro', tp, fp, fn) };
}
