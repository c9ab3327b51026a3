// npm run fuzz [-- --budget SECONDS] [--seed N] [--scale CHARS] [--families a,b] [--linear CHARS]
//
// Fuzz the whole extraction pipeline for a time budget: random Unicode, adversarial patterns,
// mixtures, and random cuts + mutations of real SaudiNewsNet articles (skipped when ../shared is
// absent). Every result is checked against the marsad/1 invariants (test/fixtures/fuzz-lib.ts);
// then each adversarial pattern's time at 10× its size is compared with 1× (linear ≈ 10×).
// Failing cases are written to $TMPDIR/marsad-fuzz-failures.jsonl (family, seed: regenerate with --seed).
// Exit status 1 when any case failed or grew superlinearly.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadResources } from '../src/pipeline.js';
import {
  describeCase,
  FAMILIES,
  type FuzzCase,
  generate,
  linearity,
  loadArticles,
  PATTERNS,
  runCase,
} from '../test/fixtures/fuzz-lib.js';

const usage =
  'usage: npm run fuzz -- [--budget SECONDS] [--seed N] [--scale CHARS] [--families a,b] [--linear CHARS]';

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        budget: { type: 'string', default: '120' },
        seed: { type: 'string' },
        scale: { type: 'string', default: '100000' },
        families: { type: 'string' },
        linear: { type: 'string', default: '10000' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    process.stderr.write(`fuzz: ${(e as Error).message}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(usage + '\n');
    return 0;
  }
  const num = (name: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min) {
      process.stderr.write(`fuzz: --${name}: expected a number ≥ ${min}, got ${JSON.stringify(v)}\n`);
      process.exit(2);
    }
    return n;
  };
  const budget = num('budget', values.budget, 0);
  const scale = num('scale', values.scale, 1);
  const linearN = num('linear', values.linear, 0);
  const seed0 = values.seed !== undefined ? num('seed', values.seed, 0) : Date.now() % 1e9;
  const articles = loadArticles();
  let families: string[] = values.families ? values.families.split(',') : [...FAMILIES];
  for (const f of families)
    if (!(FAMILIES as readonly string[]).includes(f)) {
      process.stderr.write(`fuzz: unknown family ${f} (known: ${FAMILIES.join(', ')})\n`);
      return 2;
    }
  if (!articles && families.includes('articles')) {
    process.stderr.write('fuzz: skipping the articles family (needs ../shared/data/saudinewsnet)\n');
    families = families.filter((f) => f !== 'articles');
  }

  const res = loadResources();
  process.stderr.write(`fuzz: seed ${seed0}, budget ${budget} s, scale ${scale}, families ${families}\n`);
  const tried: Record<string, number> = Object.fromEntries(families.map((f) => [f, 0]));
  let chars = 0;
  let slowest = { ms: 0, desc: '' };
  const failures: (FuzzCase & { problems: string[]; error: string | null })[] = [];
  const t0 = performance.now();
  let seed = seed0;
  while ((performance.now() - t0) / 1000 < budget) {
    const family = families[seed % families.length];
    const c = generate(family, seed++, scale, articles);
    const r = runCase(c, res);
    tried[family]++;
    chars += c.text.length;
    // Slow: more than 2 s plus 40 µs per code unit (normal extraction is ~10× faster than that).
    if (r.ms > slowest.ms) slowest = { ms: r.ms, desc: describeCase(c) };
    if (r.error || r.problems.length > 0 || r.ms > 2000 + 0.04 * c.text.length) {
      const problems = r.ms > 2000 + 0.04 * c.text.length ? [...r.problems, `slow: ${r.ms} ms`] : r.problems;
      failures.push({ ...c, problems, error: r.error });
      process.stderr.write(`FAIL ${describeCase(c)}\n  ${r.error ?? problems.join('\n  ')}\n`);
    }
  }
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  console.log(
    `fuzz: ${total} inputs (${Object.entries(tried)
      .map(([f, n]) => `${f} ${n}`)
      .join(', ')}), ${(chars / 1e6).toFixed(1)} M code units, ${failures.length} failing, ` +
      `${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  console.log(`slowest: ${slowest.ms.toFixed(0)} ms: ${slowest.desc}`);

  let superlinear = 0;
  if (linearN > 0) {
    console.log(`linearity (${linearN} vs ${10 * linearN} code units; linear ≈ 10×):`);
    for (const name of Object.keys(PATTERNS)) {
      const l = linearity(name, linearN, res);
      const bad = l.t10 > 30 * l.t1 + 300;
      if (bad) superlinear++;
      console.log(
        `  ${bad ? 'SUPERLINEAR ' : ''}${name}: ${l.t1.toFixed(0)} ms → ${l.t10.toFixed(0)} ms (${l.ratio.toFixed(1)}×)`,
      );
    }
  }
  if (failures.length > 0) {
    const out = join(tmpdir(), 'marsad-fuzz-failures.jsonl');
    writeFileSync(out, failures.map((f) => JSON.stringify(f)).join('\n') + '\n');
    console.log(`failing cases written to ${out}`);
  }
  return failures.length > 0 || superlinear > 0 ? 1 : 0;
}

process.exitCode = main();
