// Ingest throughput on SaudiNewsNet (full extraction, worker threads, ordered batched writes):
// documents/s into SQLite at 1x (300 articles; --full: 1,000) and 10x (3,000; --full: 10,000),
// and into PostgreSQL at 1x when MARSAD_TEST_PG is set (in a scratch database beside it); CPU
// per document of the whole process; and the store's own share (prepare + write the same
// documents without extraction). --full adds all 30,676 articles on SQLite.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ingest } from '../src/ingest/ingest.js';
import { sharedDir } from '../src/resources.js';
import { openStore } from '../src/store/open.js';
import { copyInto } from './search.bench.js';
import { FULL, sizes } from './scale.js';
import { firstLines } from './corpus.js';
import type { BenchResult } from './types.js';

const SNN = join(sharedDir, 'data/saudinewsnet/saudinewsnet.jsonl.gz');

const drops: (() => Promise<void>)[] = [];

/** An empty PostgreSQL database beside MARSAD_TEST_PG (dropped at the end), so every run starts empty. */
async function scratchPg(): Promise<{ url: string }> {
  const admin = new pg.Client({ connectionString: process.env.MARSAD_TEST_PG });
  await admin.connect();
  const name = `marsad_bench_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  drops.push(async () => {
    const a = new pg.Client({ connectionString: process.env.MARSAD_TEST_PG });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  const u = new URL(process.env.MARSAD_TEST_PG!);
  u.pathname = `/${name}`;
  return { url: u.toString() };
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(SNN)) return [{ name: 'skipped', value: 0, unit: '', note: `needs ${SNN}` }];
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-ingest-'));
  const out: BenchResult[] = [];
  const workers = availableParallelism();
  try {
    // 1x and 10x articles (300 and 3,000; with --full 1,000 and 10,000 and then all 30,676).
    const plan: [string, number | null][] = sizes(300, 1000, 2);
    if (FULL) plan.push(['all', null]);
    for (const [label, n] of plan) {
      const input = n === null ? SNN : join(dir, `snn-${n}.jsonl`);
      if (n !== null) writeFileSync(input, await firstLines(n));
      const targets: [string, string][] = [['sqlite', join(dir, `bench-${label}.db`)]];
      const pgDb = process.env.MARSAD_TEST_PG && label === '1x' ? await scratchPg() : null;
      if (pgDb) targets.push(['postgres', pgDb.url]);
      for (const [kind, db] of targets) {
        const store = await openStore(db);
        const cpu0 = process.cpuUsage();
        const s = await ingest([input], store, { workers });
        const cpu = process.cpuUsage(cpu0);
        const stats = await store.stats();
        await store.close();
        const docs = s.new + s.duplicate + s.failed;
        const load = `load ${loadavg()[0].toFixed(1)}`;
        out.push({
          name: `ingest ${kind} (${workers} workers)`,
          size: label,
          value: docs / s.seconds,
          unit: 'docs/s',
          note: `${docs} docs in ${s.seconds.toFixed(1)} s; ${load}`,
        });
        // All threads of the process (reading, extraction workers incl. their start-up, writes).
        out.push({
          name: `ingest ${kind} CPU per document`,
          size: label,
          value: (cpu.user + cpu.system) / 1000 / docs,
          unit: 'ms',
          note: load,
        });
        if (kind === 'sqlite') {
          // The store's share alone: the same documents prepared again (analysis, MinHash) and
          // written into a fresh store, without extraction.
          const copyDb = join(dir, `copy-${label}.db`);
          const copy = await openStore(copyDb);
          const c0 = process.cpuUsage();
          const t0 = performance.now();
          const n = await copyInto(copy, db);
          const secs = (performance.now() - t0) / 1000;
          const c = process.cpuUsage(c0);
          await copy.close();
          out.push({
            name: 'prepare + write sqlite (no extraction)',
            size: label,
            value: n / secs,
            unit: 'docs/s',
            note: `${((c.user + c.system) / 1000 / n).toFixed(2)} ms CPU per document; ${load}`,
          });
        }
        out.push({
          name: `near-duplicate clusters ${kind}`,
          size: label,
          value: stats.multiDocClusters,
          unit: 'clusters',
        });
        if (kind === 'sqlite')
          out.push({
            name: 'database size sqlite',
            size: label,
            value: statSync(db).size / 2 ** 20,
            unit: 'MB',
          });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const drop of drops) await drop();
  }
  return out;
}
