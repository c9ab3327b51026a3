// Whole-pipeline extraction throughput (all layers) on SaudiNewsNet, one core, with the time
// spent in each stage — the number that says whether a country's daily news takes seconds.
import { loadavg } from 'node:os';
import { extract, loadResources, stages } from '../src/pipeline.js';
import { createDoc } from '../src/doc/doc.js';
import { loadCorpus } from './corpus.js';
import { FULL, sizes } from './scale.js';
import type { BenchResult } from './types.js';

export async function run(): Promise<BenchResult[]> {
  const plan = sizes(10, 30);
  const largest = plan[plan.length - 1][1];
  // The steady state is measured on as many further, unseen articles as the largest size.
  const all = loadCorpus(2 * largest);
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
  for (const d of all.slice(0, FULL ? 200 : 50)) extract(input(d), res); // JIT warm-up
  for (const [size, n] of plan) {
    const docs = all.slice(0, n);
    const c1 = process.cpuUsage();
    const t1 = process.hrtime.bigint();
    for (const d of docs) extract(input(d), res);
    const sec = Number(process.hrtime.bigint() - t1) / 1e9;
    const c = process.cpuUsage(c1);
    const cpuSec = (c.user + c.system) / 1e6;
    out.push({ name: 'extract (all layers)', size, value: docs.length / sec, unit: 'articles/s' });
    // One thread: articles per CPU-second is the rate per core, whatever else runs on the machine.
    out.push({
      name: 'extract (all layers) per CPU-second',
      size,
      value: docs.length / cpuSec,
      unit: 'articles/s per core',
      note: `load ${loadavg()[0].toFixed(1)}`,
    });
  }
  // Steady state: a worker's rate once its per-word-type caches (NER scores, actor readings, event
  // word information, normalised types) have seen the articles above — measured on articles it has
  // never seen, as an ingest worker meets them after its first few thousand.
  const fresh = all.slice(largest, 2 * largest);
  if (fresh.length === largest) {
    const c2 = process.cpuUsage();
    for (const d of fresh) extract(input(d), res);
    const c = process.cpuUsage(c2);
    out.push({
      name: 'extract (all layers), warm caches, per CPU-second',
      size: `${fresh.length} new after ${largest}`,
      value: fresh.length / ((c.user + c.system) / 1e6),
      unit: 'articles/s per core',
      note: `load ${loadavg()[0].toFixed(1)}`,
    });
  }
  // Per-stage cost on the 10x articles: run the stages by hand, timing each.
  const perStage = new Map<string, number>();
  const staged = all.slice(0, plan[1][1]);
  for (const d of staged) {
    const doc = createDoc(d.text, { title: d.title, date: d.date });
    for (const s of stages) {
      const t = process.hrtime.bigint();
      Object.assign(doc, s.run(doc, res.byStage.get(s.name)));
      perStage.set(s.name, (perStage.get(s.name) ?? 0) + Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  for (const [name, ms] of perStage)
    out.push({ name: `stage ${name}`, value: ms / staged.length, unit: 'ms/article' });
  return out;
}
