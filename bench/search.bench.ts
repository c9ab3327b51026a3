// Search latency on a SaudiNewsNet store: p50/p95/p99 (wall clock) and CPU per query for
// single-term and multi-term queries, with and without a random date range, and with facets
// separately: MARSAD_BENCH_QUERIES queries per kind (default 120, --full 520; the first 20 warm
// up). Each query asks for a page of 10 with snippets and the exact total. Store: MARSAD_BENCH_DB
// (an existing store, e.g. after ingesting all 30,676 articles; a postgres:// URL too, filled from
// the SQLite store named by MARSAD_BENCH_COPY_FROM when empty) or built here from the first 300
// (1x) and 3,000 (10x) articles (--full: 1,000 and 10,000).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/ingest/ingest.js';
import { sharedDir } from '../src/resources.js';
import { openStore } from '../src/store/open.js';
import { prepareJson } from '../src/store/prepare.js';
import type { SearchFilters, Store } from '../src/store/types.js';
import { FULL, sizes } from './scale.js';
import { firstLines } from './corpus.js';
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

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** A small deterministic generator (mulberry32), so every run asks the same queries. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUERIES = Number(process.env.MARSAD_BENCH_QUERIES ?? (FULL ? 520 : 120));
const WARMUP = 20;

type Kind = [name: string, facets: boolean, make: () => [string, SearchFilters]];

async function measure(store: Store, size: string): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const days = (await store.timeline()).map((t) => t.day);
  const rand = rng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  // A random range of whole days (from ≤ to) within the store's dates.
  const range = (): SearchFilters => {
    if (days.length === 0) return { from: '2015-07-21', to: '2015-08-01' };
    const i = Math.floor(rand() * days.length);
    const j = i + Math.floor(rand() * (days.length - i));
    return { from: days[i], to: days[j] };
  };
  const kinds: Kind[] = [
    ['single-term', false, () => [pick(SINGLE), {}]],
    ['single-term + date filter', false, () => [pick(SINGLE), range()]],
    ['multi-term', false, () => [pick(MULTI), {}]],
    ['multi-term + date filter', false, () => [pick(MULTI), range()]],
    ['single-term + facets', true, () => [pick(SINGLE), {}]],
    ['multi-term + date filter + facets', true, () => [pick(MULTI), range()]],
  ];
  for (const [name, facets, make] of kinds) {
    const times: number[] = [];
    let cpu = 0;
    for (let i = 0; i < QUERIES; i++) {
      const [q, f] = make();
      const c = process.cpuUsage();
      const t = performance.now();
      await store.searchDocuments(q, f, { limit: 10, facets });
      const dt = performance.now() - t;
      const u = process.cpuUsage(c);
      if (i >= WARMUP) {
        times.push(dt);
        cpu += (u.user + u.system) / 1000;
      }
    }
    times.sort((a, b) => a - b);
    const note = `${times.length} queries, page of 10 with snippets; load ${loadavg()[0].toFixed(1)}`;
    for (const p of [50, 95, 99])
      out.push({ name: `${name} p${p}`, size, value: pct(times, p), unit: 'ms', note });
    out.push({ name: `${name} CPU per query`, size, value: cpu / times.length, unit: 'ms', note });
  }
  return out;
}

/**
 * Fill an empty store (e.g. PostgreSQL) with the documents of an existing one, without
 * re-extracting: each stored marsad/1 document is prepared again (search terms, MinHash) and
 * written in batches, so both back-ends can be measured on the same documents.
 */
export async function copyInto(target: Store, fromDb: string): Promise<number> {
  const src = await openStore(fromDb);
  let n = 0;
  try {
    let after: string | undefined;
    for (;;) {
      const page = await src.staleDocuments('', 256, after);
      if (page.length === 0) break;
      after = page[page.length - 1].id;
      const docs = [];
      for (const d of page) {
        const j = await src.getDocument(d.id);
        if (!j) continue;
        docs.push(
          prepareJson(j, {
            titleInText: d.titleInText,
            pipelineVersion: 'bench-copy',
            origin: { where: `copy:${d.id}`, source: d.source, url: d.url, date: d.date },
          }),
        );
      }
      for (let i = 0; i < docs.length; i += 64) await target.write({ docs: docs.slice(i, i + 64) });
      n += docs.length;
    }
  } finally {
    await src.close();
  }
  return n;
}

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  if (process.env.MARSAD_BENCH_DB) {
    const store = await openStore(process.env.MARSAD_BENCH_DB);
    let n = (await store.stats()).documents;
    if (n === 0 && process.env.MARSAD_BENCH_COPY_FROM) {
      const t = performance.now();
      n = await copyInto(store, process.env.MARSAD_BENCH_COPY_FROM);
      out.push({
        name: `copy into ${store.kind} (prepare + write, no extraction)`,
        size: `${n} docs`,
        value: n / ((performance.now() - t) / 1000),
        unit: 'docs/s',
      });
    }
    out.push(...(await measure(store, `${n} docs`)));
    await store.close();
    return out;
  }
  if (!existsSync(SNN)) return [{ name: 'skipped', value: 0, unit: '', note: `needs ${SNN}` }];
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-search-'));
  try {
    for (const [label, n] of sizes(300, 1000, 2)) {
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
