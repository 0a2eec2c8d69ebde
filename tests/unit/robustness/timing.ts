/**
 * Per-input time bound for fuzz tests: a ceiling that catches hangs and blow-ups (a quadratic
 * parser on the 600 KB inputs would take minutes), not a benchmark. Generous, because CI shares two
 * cores with the browser tests and a garbage-collection pause must not fail the run.
 */
export const PER_INPUT_MS = 2_000;

/** Runs `fn(input)`, returns its wall time in ms; rethrows whatever it throws. */
export function timed<T>(fn: (input: T) => unknown, input: T): number {
  const t0 = performance.now();
  fn(input);
  return performance.now() - t0;
}

/** Short, printable description of an input for failure messages. */
export function show(input: unknown): string {
  const s = typeof input === 'string' ? input : JSON.stringify(input);
  return s === undefined ? String(input) : s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
}
