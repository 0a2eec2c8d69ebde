/**
 * Seeded pseudo-random numbers whose whole state is one 32-bit integer kept in the
 * simulation state, so snapshots capture it and replays draw the same numbers.
 * Algorithm: mulberry32 (public domain, Tommy Ettinger); small, fast and good enough for a simulator.
 */
export interface RngState {
  /** unsigned 32-bit state word */
  s: number;
}

export function createRng(seed: number): RngState {
  // Mix the seed once so that nearby seeds (1, 2, 3 …) do not start on nearby streams.
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return { s: (h ^ (h >>> 16)) >>> 0 };
}

/** Next 32-bit unsigned integer. */
export function nextUint32(rng: RngState): number {
  rng.s = (rng.s + 0x6d2b79f5) >>> 0;
  let t = rng.s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** Uniform float in [0, 1). */
export function nextFloat(rng: RngState): number {
  return nextUint32(rng) / 4294967296;
}

/** Uniform integer in [min, max] (both inclusive). */
export function nextInt(rng: RngState, min: number, max: number): number {
  if (max < min) throw new RangeError(`nextInt: max ${max} < min ${min}`);
  return min + Math.floor(nextFloat(rng) * (max - min + 1));
}

/** A duration drawn uniformly around `mean` by ±`jitter` (fraction of mean), rounded to whole ms. */
export function jittered(rng: RngState, mean: number, jitter: number): number {
  const spread = mean * jitter;
  return Math.max(0, Math.round(mean - spread + nextFloat(rng) * 2 * spread));
}

/** Picks one element uniformly. The array must not be empty. */
export function pick<T>(rng: RngState, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick: empty array');
  return items[Math.floor(nextFloat(rng) * items.length)];
}

const HEX = '0123456789abcdef';

/** `n` lowercase hex digits. */
export function hex(rng: RngState, n: number): string {
  let out = '';
  while (out.length < n) {
    let word = nextUint32(rng);
    for (let i = 0; i < 8 && out.length < n; i++) {
      out += HEX[word & 15];
      word >>>= 4;
    }
  }
  return out;
}

/** `n` decimal digits; the first is never 0. */
export function digits(rng: RngState, n: number): string {
  let out = String(nextInt(rng, 1, 9));
  while (out.length < n) out += String(nextInt(rng, 0, 9));
  return out;
}
