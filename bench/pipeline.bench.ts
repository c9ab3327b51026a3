// Whole-pipeline extraction throughput (all layers) on SaudiNewsNet, one core, with the time
// spent in each stage — the number that says whether a country's daily news takes seconds.
import { extract, loadResources, stages } from '../src/pipeline.js';
import { createDoc } from '../src/doc/doc.js';
import { loadCorpus } from './corpus.js';
import type { BenchResult } from './types.js';

export async function run(): Promise<BenchResult[]> {
  const all = loadCorpus(3000);
  if (!all) return [{ name: 'skipped: needs ../shared/data/saudinewsnet', value: 0, unit: '' }];
  const t0 = process.hrtime.bigint();
  const res = loadResources();
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const out: BenchResult[] = [{ name: 'load all resources', value: loadMs, unit: 'ms' }];
  const input = (d: (typeof all)[number]) => ({
    text: d.text,
    title: d.title,
    date: d.date,
    titleInText: false,
  });
  for (const d of all.slice(0, 200)) extract(input(d), res); // JIT warm-up
  for (const [size, n] of [
    ['1x', 30],
    ['10x', 300],
    ['100x', 3000],
  ] as const) {
    const docs = all.slice(0, n);
    const t1 = process.hrtime.bigint();
    for (const d of docs) extract(input(d), res);
    const sec = Number(process.hrtime.bigint() - t1) / 1e9;
    out.push({ name: 'extract (all layers)', size, value: docs.length / sec, unit: 'articles/s' });
  }
  // Per-stage cost on 300 articles: run the stages by hand, timing each.
  const perStage = new Map<string, number>();
  for (const d of all.slice(0, 300)) {
    const doc = createDoc(d.text, { title: d.title, date: d.date });
    for (const s of stages) {
      const t = process.hrtime.bigint();
      Object.assign(doc, s.run(doc, res.byStage.get(s.name)));
      perStage.set(s.name, (perStage.get(s.name) ?? 0) + Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  for (const [name, ms] of perStage) out.push({ name: `stage ${name}`, value: ms / 300, unit: 'ms/article' });
  return out;
}
