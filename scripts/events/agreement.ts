// Inter-annotator agreement between two event gold files over the articles they share (by
// default the batch C gold and the second annotator's re-annotation of ten of its articles):
//   node --import tsx scripts/events/agreement.ts [GOLD_A GOLD_B] [--verbose] [--json]
// Events are paired one-to-one when their trigger spans (main or alternative) overlap, best pairs
// first (same CAMEO root, then same source and target states), as `marsad eval events` pairs system
// and gold. Reported: trigger agreement (precision of B against A, recall, F1 — F1 is symmetric),
// on the paired events the agreement of CAMEO root and code (with Cohen's kappa for the root),
// source and target state, argument span (both empty or overlapping) and modality, and the F1 of
// the per-article sets of (source state, root, target state) and (source state, code, target
// state) triples, the measure `marsad eval events` reports for the system.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GoldArg as Arg, GoldEvent, GoldFile, GoldSpan as Span } from '../../src/events/eval.js';
import { packageRoot } from '../../src/resources.js';

export interface Agreement {
  docs: number;
  eventsA: number;
  eventsB: number;
  paired: number;
  trigger: { precision: number; recall: number; f1: number };
  root: number;
  rootKappa: number;
  code: number;
  sourceState: number;
  targetState: number;
  sourceSpan: number;
  targetSpan: number;
  modality: number;
  rootTriples: { a: number; b: number; both: number; f1: number };
  codeTriples: { a: number; b: number; both: number; f1: number };
  disagreements: string[];
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const root = (e: GoldEvent): string => e.cameo.slice(0, 2);
const state = (a: Arg | null): string => a?.country ?? '-';
const sameSpan = (a: Arg | null, b: Arg | null): boolean => (a && b ? overlaps(a, b) : a === b);
const ratio = (x: number, n: number): number => (n ? x / n : 0);
const f1 = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0);

function show(e: GoldEvent): string {
  const arg = (a: Arg | null): string => (a ? `${a.text}@${a.country ?? '-'}` : '-');
  return `${e.cameo} ${e.trigger.text}@${e.trigger.start} ${arg(e.source)} > ${arg(e.target)} ${e.modality}`;
}

/** Cohen's kappa of two label sequences of equal length. */
export function kappa(a: string[], b: string[]): number {
  const n = a.length;
  if (n === 0) return 0;
  let agree = 0;
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++;
    ca.set(a[i], (ca.get(a[i]) ?? 0) + 1);
    cb.set(b[i], (cb.get(b[i]) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [k, x] of ca) pe += (x / n) * ((cb.get(k) ?? 0) / n);
  return pe === 1 ? 1 : (po - pe) / (1 - pe);
}

/** Agreement of annotator B with annotator A over the articles both annotated. */
export function agreement(goldA: GoldFile, goldB: GoldFile): Agreement {
  const byId = new Map(goldA.docs.map((d) => [d.id, d.events]));
  const shared = goldB.docs.filter((d) => byId.has(d.id));
  const n = {
    eventsA: 0,
    eventsB: 0,
    paired: 0,
    root: 0,
    code: 0,
    src: 0,
    tgt: 0,
    srcSpan: 0,
    tgtSpan: 0,
    mod: 0,
  };
  const rootsA: string[] = [];
  const rootsB: string[] = [];
  const triples = { root: { a: 0, b: 0, both: 0 }, code: { a: 0, b: 0, both: 0 } };
  const disagreements: string[] = [];
  for (const d of shared) {
    const A = byId.get(d.id)!;
    const B = d.events;
    n.eventsA += A.length;
    n.eventsB += B.length;
    const pairs: [number, number, number][] = [];
    for (const [i, a] of A.entries())
      for (const [j, b] of B.entries()) {
        const sa = [a.trigger, ...a.alt];
        if (![b.trigger, ...b.alt].some((x) => sa.some((y) => overlaps(x, y)))) continue;
        const score =
          (root(a) === root(b) ? 4 : 0) +
          (state(a.source) === state(b.source) ? 1 : 0) +
          (state(a.target) === state(b.target) ? 1 : 0) +
          (sameSpan(a.source, b.source) ? 0.5 : 0) +
          (sameSpan(a.target, b.target) ? 0.5 : 0);
        pairs.push([score, i, j]);
      }
    pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
    const usedA = new Set<number>();
    const usedB = new Set<number>();
    for (const [, i, j] of pairs) {
      if (usedA.has(i) || usedB.has(j)) continue;
      usedA.add(i);
      usedB.add(j);
      const a = A[i];
      const b = B[j];
      n.paired++;
      rootsA.push(root(a));
      rootsB.push(root(b));
      if (root(a) === root(b)) n.root++;
      if (a.cameo === b.cameo) n.code++;
      if (state(a.source) === state(b.source)) n.src++;
      if (state(a.target) === state(b.target)) n.tgt++;
      if (sameSpan(a.source, b.source)) n.srcSpan++;
      if (sameSpan(a.target, b.target)) n.tgtSpan++;
      if (a.modality === b.modality) n.mod++;
      if (show(a).replace(/ \S+@\d+ /, ' ') !== show(b).replace(/ \S+@\d+ /, ' '))
        disagreements.push(`${d.id} DIFF  A: ${show(a)}  |  B: ${show(b)}`);
    }
    for (const [i, a] of A.entries()) if (!usedA.has(i)) disagreements.push(`${d.id} ONLY A: ${show(a)}`);
    for (const [j, b] of B.entries()) if (!usedB.has(j)) disagreements.push(`${d.id} ONLY B: ${show(b)}`);
    for (const level of ['root', 'code'] as const) {
      const key = (e: GoldEvent): string =>
        `${state(e.source)}|${level === 'root' ? root(e) : e.cameo}|${state(e.target)}`;
      const ka = new Set(A.map(key));
      const kb = new Set(B.map(key));
      triples[level].a += ka.size;
      triples[level].b += kb.size;
      for (const k of kb) if (ka.has(k)) triples[level].both++;
    }
  }
  const p = ratio(n.paired, n.eventsB);
  const r = ratio(n.paired, n.eventsA);
  const tri = (t: { a: number; b: number; both: number }): Agreement['rootTriples'] => ({
    ...t,
    f1: f1(ratio(t.both, t.b), ratio(t.both, t.a)),
  });
  return {
    docs: shared.length,
    eventsA: n.eventsA,
    eventsB: n.eventsB,
    paired: n.paired,
    trigger: { precision: p, recall: r, f1: f1(p, r) },
    root: ratio(n.root, n.paired),
    rootKappa: kappa(rootsA, rootsB),
    code: ratio(n.code, n.paired),
    sourceState: ratio(n.src, n.paired),
    targetState: ratio(n.tgt, n.paired),
    sourceSpan: ratio(n.srcSpan, n.paired),
    targetSpan: ratio(n.tgtSpan, n.paired),
    modality: ratio(n.mod, n.paired),
    rootTriples: tri(triples.root),
    codeTriples: tri(triples.code),
    disagreements,
  };
}

function readGold(path: string): GoldFile {
  let g: GoldFile;
  try {
    g = JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
  } catch (e) {
    throw new Error(`${path}: cannot read an events gold file (${(e as Error).message})`);
  }
  if (g.schema !== 'marsad/events-gold@1' || !Array.isArray(g.docs))
    throw new Error(`${path}: expected schema "marsad/events-gold@1" with a "docs" array`);
  return g;
}

function main(argv: string[]): number {
  const files = argv.filter((a) => !a.startsWith('--'));
  const bad = argv.find((a) => a.startsWith('--') && a !== '--json' && a !== '--verbose');
  if (bad || (files.length !== 0 && files.length !== 2)) {
    process.stderr.write('usage: agreement.ts [GOLD_A GOLD_B] [--verbose] [--json]\n');
    return 2;
  }
  const [pa, pb] = files.length
    ? files.map((f) => join(process.cwd(), f))
    : ['test/fixtures/events-gold-c.json', 'test/fixtures/events-gold-c2.json'].map((f) =>
        join(packageRoot, f),
      );
  let r: Agreement;
  try {
    r = agreement(readGold(pa), readGold(pb));
  } catch (e) {
    process.stderr.write(`agreement: ${(e as Error).message}\n`);
    return 1;
  }
  if (argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ ...r, disagreements: undefined }, null, 1) + '\n');
    return 0;
  }
  const x = (v: number): string => v.toFixed(3);
  const out = [
    `A: ${pa}\nB: ${pb}`,
    `${r.docs} shared articles; A ${r.eventsA} events, B ${r.eventsB}; ${r.paired} paired by trigger overlap`,
    `trigger: P(B vs A) ${x(r.trigger.precision)}  R ${x(r.trigger.recall)}  F1 ${x(r.trigger.f1)}`,
    `on paired events: root ${x(r.root)} (kappa ${x(r.rootKappa)})  code ${x(r.code)}  ` +
      `source state ${x(r.sourceState)}  target state ${x(r.targetState)}  ` +
      `source span ${x(r.sourceSpan)}  target span ${x(r.targetSpan)}  modality ${x(r.modality)}`,
    `root triples: A ${r.rootTriples.a}, B ${r.rootTriples.b}, both ${r.rootTriples.both}, F1 ${x(r.rootTriples.f1)}`,
    `code triples: A ${r.codeTriples.a}, B ${r.codeTriples.b}, both ${r.codeTriples.both}, F1 ${x(r.codeTriples.f1)}`,
  ];
  if (argv.includes('--verbose')) out.push(...r.disagreements);
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main(process.argv.slice(2));
