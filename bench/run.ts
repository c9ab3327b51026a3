// npm run bench [-- NAME…] [-- --full]: runs every bench/*.bench.ts (or the named ones), each in
// its own child process so that its peak memory (maxRSS) is its own, prints a table and writes
// the machine-readable report to .bench/report.json. The default sizes keep the whole run to a few
// minutes on 2 cores; --full (or MARSAD_BENCH_FULL=1) runs the sizes docs/PERFORMANCE.md reports.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult, BenchRun } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));

/** What one bench's child process reports back. */
interface ChildReport {
  results: BenchResult[];
  peakRssMB: number;
  cpuSeconds: number;
  wallSeconds: number;
  loadStart: number;
  loadEnd: number;
}

/** In the child: run one bench module and write its results and resource use to `out`. */
async function child(name: string, out: string): Promise<void> {
  const t0 = performance.now();
  const loadStart = loadavg()[0];
  const mod = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as { run: BenchRun };
  const results = await mod.run();
  const u = process.resourceUsage();
  const report: ChildReport = {
    results,
    peakRssMB: Math.round(u.maxRSS / 1024),
    cpuSeconds: Math.round((u.userCPUTime + u.systemCPUTime) / 1e4) / 100,
    wallSeconds: Math.round((performance.now() - t0) / 10) / 100,
    loadStart,
    loadEnd: loadavg()[0],
  };
  writeFileSync(out, JSON.stringify(report));
}

function main(): void {
  const args = process.argv.slice(2);
  const full = args.includes('--full') || process.env.MARSAD_BENCH_FULL === '1';
  const wanted = args.filter((a) => !a.startsWith('--'));
  const known = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace('.bench.ts', ''))
    .sort();
  const unknown = wanted.filter((w) => !known.includes(w));
  if (unknown.length > 0) {
    process.stderr.write(`bench: no bench named ${unknown.join(', ')} (known: ${known.join(', ')})\n`);
    process.exitCode = 2;
    return;
  }
  const names = wanted.length === 0 ? known : known.filter((k) => wanted.includes(k));
  const tmp = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
  const benches: (ChildReport & { bench: string; error?: string })[] = [];
  try {
    for (const bench of names) {
      process.stderr.write(`bench ${bench}…\n`);
      const out = join(tmp, `${bench}.json`);
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', bench, out],
        {
          stdio: ['ignore', 'inherit', 'inherit'],
          env: { ...process.env, MARSAD_BENCH_FULL: full ? '1' : '' },
        },
      );
      try {
        benches.push({ bench, ...(JSON.parse(readFileSync(out, 'utf8')) as ChildReport) });
      } catch {
        const why = r.signal ? `killed by ${r.signal}` : `exit code ${r.status}`;
        process.stderr.write(`bench ${bench}: failed (${why})\n`);
        benches.push({
          bench,
          error: why,
          results: [],
          peakRssMB: 0,
          cpuSeconds: 0,
          wallSeconds: 0,
          loadStart: 0,
          loadEnd: 0,
        });
        process.exitCode = 1;
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const report = {
    date: new Date().toISOString(),
    full,
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    benches: benches.map((b) => ({ ...b, results: undefined })),
    results: benches.flatMap((b) => b.results.map((r) => ({ bench: b.bench, ...r }))),
  };
  const outDir = join(here, '..', '.bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');

  const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));
  console.log(`| bench | measure | size | value | unit |\n|---|---|---|---:|---|`);
  for (const r of report.results)
    console.log(`| ${r.bench} | ${r.name} | ${r.size ?? ''} | ${fmt(r.value)} | ${r.unit} |`);
  console.log(
    `\n| bench | peak RSS MB | CPU s | wall s | load average (start → end) |\n|---|---:|---:|---:|---|`,
  );
  for (const b of benches)
    console.log(
      `| ${b.bench} | ${b.error ? `failed: ${b.error}` : b.peakRssMB} | ${b.cpuSeconds} | ${b.wallSeconds} | ${b.loadStart.toFixed(1)} → ${b.loadEnd.toFixed(1)} |`,
    );
  console.log(
    `\n${report.cores}× ${report.cpu} · ${report.memoryGB} GB · node ${report.node}${full ? ' · --full' : ''}`,
  );
  console.log(`report: .bench/report.json`);
}

const i = process.argv.indexOf('--child');
if (i >= 0) await child(process.argv[i + 1], process.argv[i + 2]);
else main();
