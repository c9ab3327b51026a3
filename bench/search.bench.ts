// Search latency on a SaudiNewsNet store: p50/p95/p99 over ≥ 500 queries each for single-term,
// multi-term and multi-term + date-filter queries, without facets (the ranked page with snippets)
// and with facets. Store: MARSAD_BENCH_DB (an existing store, e.g. after ingesting all 30,676
// articles) or built here from the first 1,000 (1x) and 10,000 (10x) articles.
import { createReadStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { ingest } from '../src/ingest/ingest.js';
import { sharedDir } from '../src/resources.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import type { BenchResult } from './types.js';

const SNN = join(sharedDir, 'data/saudinewsnet/saudinewsnet.jsonl.gz');

// Everyday news words and names (our own choice of query terms).
const SINGLE = [
  'الصواريخ',
  'أمريكا',
  'الرياض',
  'الوزير',
  'النفط',
  'التعليم',
  'اليمن',
  'الحوثيين',
  'المستشفى',
  'الأمطار',
  'الاقتصاد',
  'المملكة',
  'الإرهاب',
  'الطلاب',
  'السياحة',
  'الشرطة',
  'إيران',
  'مكة',
  'الحج',
  'الأسعار',
];
const MULTI = [
  'وزير الخارجية',
  'أسعار النفط',
  'التحالف اليمن',
  'وزارة الصحة',
  'الأمطار الرياض',
  'الاتفاق النووي إيران',
  'خادم الحرمين',
  'الأمن العام',
  'سوق الأسهم',
  'كرة القدم',
];

async function firstLines(n: number): Promise<string> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(SNN).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const l of rl) {
    lines.push(l);
    if (lines.length >= n) break;
  }
  rl.close();
  return lines.join('\n') + '\n';
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function measure(store: Store, size: string): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const days = (await store.timeline()).map((t) => t.day);
  const mid = days[Math.floor(days.length / 2)] ?? '2015-08-01';
  const kinds: [string, () => [string, Record<string, string>]][] = [
    ['single-term', () => [SINGLE[Math.floor(Math.random() * SINGLE.length)], {}]],
    ['multi-term', () => [MULTI[Math.floor(Math.random() * MULTI.length)], {}]],
    [
      'multi-term + date filter',
      () => [MULTI[Math.floor(Math.random() * MULTI.length)], { from: days[0] ?? mid, to: mid }],
    ],
  ];
  for (const facets of [false, true]) {
    for (const [name, make] of kinds) {
      const times: number[] = [];
      for (let i = 0; i < 520; i++) {
        const [q, f] = make();
        const t = performance.now();
        await store.searchDocuments(q, f, { limit: 10, facets });
        if (i >= 20) times.push(performance.now() - t); // 20 warm-up queries
      }
      times.sort((a, b) => a - b);
      for (const p of [50, 95, 99])
        out.push({
          name: `${name}${facets ? ' + facets' : ''} p${p}`,
          size,
          value: pct(times, p),
          unit: 'ms',
          note: `${times.length} queries`,
        });
    }
  }
  return out;
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  if (process.env.MARSAD_BENCH_DB) {
    const store = await openStore(process.env.MARSAD_BENCH_DB);
    const n = (await store.stats()).documents;
    out.push(...(await measure(store, `${n} docs`)));
    await store.close();
    return out;
  }
  if (!existsSync(SNN)) return [{ name: 'skipped', value: 0, unit: '', note: `needs ${SNN}` }];
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-search-'));
  try {
    for (const [label, n] of [
      ['1x', 1000],
      ['10x', 10000],
    ] as const) {
      const input = join(dir, `snn-${n}.jsonl`);
      writeFileSync(input, await firstLines(n));
      const store = await openStore(join(dir, `search-${label}.db`));
      await ingest([input], store, { workers: availableParallelism() });
      out.push(...(await measure(store, label)));
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
