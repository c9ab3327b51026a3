// Tokeniser + sentence splitter throughput on SaudiNewsNet, at 1x/10x/100x input sizes.
import { normalise } from '../src/text/normalise.js';
import { splitSentences } from '../src/text/sentences.js';
import { tokenise } from '../src/text/tokenise.js';
import { loadCorpus } from './corpus.js';
import type { BenchResult } from './types.js';

export async function run(): Promise<BenchResult[]> {
  const all = loadCorpus(20_000);
  if (!all) return [{ name: 'skipped: needs ../shared/data/saudinewsnet', value: 0, unit: '' }];
  const out: BenchResult[] = [];
  for (const [size, n] of [
    ['1x', 200],
    ['10x', 2000],
    ['100x', 20000],
  ] as const) {
    const docs = all.slice(0, n).map((d) => d.text);
    // JIT warm-up, then the best of three runs: steady-state cost per token at each size
    for (const t of all.slice(0, 500)) splitSentences(t.text, tokenise(t.text));
    let tokens = 0;
    let chars = 0;
    for (const t of docs) chars += t.length;
    let best = Infinity;
    let bestNorm = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      tokens = 0;
      const t0 = process.hrtime.bigint();
      for (const t of docs) {
        const tk = tokenise(t);
        splitSentences(t, tk);
        tokens += tk.count;
      }
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
      const t1 = process.hrtime.bigint();
      for (const t of docs) normalise(t);
      bestNorm = Math.min(bestNorm, Number(process.hrtime.bigint() - t1) / 1e9);
    }
    out.push({
      name: 'tokenise+split',
      size,
      value: tokens / best,
      unit: 'tokens/s',
      note: `${docs.length} docs, ${tokens} tokens`,
    });
    out.push({ name: 'normalise (with offset map)', size, value: chars / bestNorm / 1e6, unit: 'M chars/s' });
  }
  return out;
}
