/**
 * Benchmark contract. Each file in bench/cases/ exports `cases: BenchCase[]`; bench/run.ts runs them
 * all, prints a table, writes bench/results/latest.json and appends a summary to bench/history.json.
 */
export type BenchUnit = 'ms' | 'KB' | 'ratio' | 'x';

export interface BenchCase {
  /** what is measured, e.g. "validate 64 KiB task definition (median)" */
  name: string;
  unit: BenchUnit;
  /** the target; `ok` is value <= budget, or value >= budget when higherIsBetter */
  budget: number;
  higherIsBetter?: boolean;
  /** measures once and returns the figure in `unit` */
  run: () => number | Promise<number>;
}

export interface BenchRow {
  name: string;
  value: number;
  unit: BenchUnit;
  budget: number;
  ok: boolean;
}

/** Median wall time in ms of `fn` over `iterations` runs after `warmup` unmeasured runs. */
export function medianMs(fn: () => void, iterations = 30, warmup = 5): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
}

/** Wall time in ms of one run of `fn`. */
export function onceMs(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}
