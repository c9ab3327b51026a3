// npm run bench [-- NAME…]: runs every bench/*.bench.ts (or the named ones), prints a table and
// writes the machine-readable report to .bench/report.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult, BenchRun } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')))
  .sort();

const all: (BenchResult & { bench: string })[] = [];
for (const f of files) {
  const bench = f.replace('.bench.ts', '');
  process.stderr.write(`bench ${bench}…\n`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: BenchRun };
  for (const r of await mod.run()) all.push({ bench, ...r });
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGB: Math.round(totalmem() / 2 ** 30),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  results: all,
};
const outDir = join(here, '..', '.bench');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');

const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(2));
console.log(`| bench | measure | size | value | unit |\n|---|---|---|---:|---|`);
for (const r of all)
  console.log(`| ${r.bench} | ${r.name} | ${r.size ?? ''} | ${fmt(r.value)} | ${r.unit} |`);
console.log(`\npeak RSS ${report.peakRssMB} MB · ${report.cores}× ${report.cpu} · node ${report.node}`);
console.log(`report: .bench/report.json`);
