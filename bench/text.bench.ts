// Tokeniser + sentence splitter throughput on SaudiNewsNet, at 1x/10x/100x input sizes.
import { normalise } from '../src/text/normalise.js';
import { splitSentences } from '../src/text/sentences.js';
import { tokenise } from '../src/text/tokenise.js';
import { loadCorpus } from './corpus.js';
import { sizes } from './scale.js';
import type { BenchResult } from './types.js';

export async function run(): Promise<BenchResult[]> {
  const plan = sizes(100, 200);
  const all = loadCorpus(plan[plan.length - 1][1]);
  if (!all) return [{ name: 'skipped: needs ../shared/data/saudinewsnet', value: 0, unit: '' }];
  const out: BenchResult[] = [];
  for (const [size, n] of plan) {
    const docs = all.slice(0, n).map((d) => d.text);
    // JIT warm-up, then the best of three runs: steady-state cost per token at each size
    for (const t of all.slice(0, 500)) splitSentences(t.text, tokenise(t.text));
    let tokens = 0;
    let chars = 0;
    for (const t of docs) chars += t.length;
    let best = Infinity;
    let bestNorm = Infinity;
    let bestCpu = Infinity;
    for (let rep = 0; rep < 3; rep++) {
      tokens = 0;
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      for (const t of docs) {
        const tk = tokenise(t);
        splitSentences(t, tk);
        tokens += tk.count;
      }
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
      const c = process.cpuUsage(c0);
      bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
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
    out.push({
      name: 'tokenise+split per CPU-second',
      size,
      value: tokens / bestCpu,
      unit: 'tokens/s per core',
    });
    out.push({ name: 'normalise (with offset map)', size, value: chars / bestNorm / 1e6, unit: 'M chars/s' });
  }
  return out;
}
