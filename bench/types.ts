// One measured number of a benchmark. `size` labels the input scale (1x, 10x, 100x) so growth shows.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  size?: string;
  note?: string;
}

/** A benchmark module (bench/<name>.bench.ts) exports `run`. */
export type BenchRun = () => Promise<BenchResult[]>;
