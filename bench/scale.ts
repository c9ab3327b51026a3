// Input sizes of the benchmarks. The default `npm run bench` is bounded (a few minutes on 2
// cores); `npm run bench -- --full` (or MARSAD_BENCH_FULL=1) runs the sizes PERFORMANCE.md reports.
export const FULL = process.env.MARSAD_BENCH_FULL === '1';

/** Labelled sizes 1x, 10x, 100x… from a base count: `base` by default, `fullBase` with --full. */
export function sizes(base: number, fullBase: number, steps = 3): [label: string, n: number][] {
  const b = FULL ? fullBase : base;
  return Array.from({ length: steps }, (_, i) => [`${10 ** i}x`, b * 10 ** i]);
}
