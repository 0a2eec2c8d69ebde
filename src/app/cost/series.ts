/**
 * The Cost tab's plot data: cost per hour over virtual time, split into EC2, Fargate and Fargate Spot,
 * at most `maxSamples` evenly spaced points from time 0 to now. Read from the core's billing lines
 * (which keep every task and instance ever billed), so the series is exact and bounded, and follows
 * restore, reset and time travel by construction: it is always the history of the state shown.
 */
import type { CostLine } from '../../core';

export type CostKind = 'ec2' | 'fargate' | 'spot';
export const COST_KINDS: readonly CostKind[] = ['ec2', 'fargate', 'spot'];

export interface CostSplitSample {
  /** virtual ms */
  at: number;
  ec2: number;
  fargate: number;
  spot: number;
}

export const MAX_SAMPLES = 121;

export function kindOf(line: CostLine): CostKind {
  if (line.kind === 'instance') return 'ec2';
  return line.capacityProvider === 'FARGATE_SPOT' ? 'spot' : 'fargate';
}

/** Sample times: 0, then an even step (whole seconds) up to `now`, `now` itself last. */
export function sampleTimes(now: number, maxSamples = MAX_SAMPLES): number[] {
  if (now <= 0) return [0];
  const step = Math.max(1000, Math.ceil(now / Math.max(1, maxSamples - 1) / 1000) * 1000);
  const times: number[] = [];
  for (let at = 0; at < now; at += step) times.push(at);
  times.push(now);
  return times;
}

/**
 * USD per hour by kind at each sample time: a line counts at `at` when start < at < end (as the core's
 * meter does). One sweep over sorted starts and ends: O(lines · log lines + samples).
 */
export function costSplitSeries(lines: readonly CostLine[], now: number, maxSamples = MAX_SAMPLES): CostSplitSample[] {
  // a line that ended where it started never counts (the core's meter agrees)
  const billed = lines.filter((l) => l.end === undefined || l.end > l.start);
  const starts = billed.map((l) => ({ t: l.start, kind: kindOf(l), rate: l.usdPerHour })).sort((a, b) => a.t - b.t);
  const ends = billed
    .filter((l) => l.end !== undefined)
    .map((l) => ({ t: l.end as number, kind: kindOf(l), rate: l.usdPerHour }))
    .sort((a, b) => a.t - b.t);
  const rate: Record<CostKind, number> = { ec2: 0, fargate: 0, spot: 0 };
  let s = 0;
  let e = 0;
  return sampleTimes(now, maxSamples).map((at) => {
    for (; s < starts.length && starts[s].t < at; s++) rate[starts[s].kind] += starts[s].rate;
    for (; e < ends.length && ends[e].t <= at; e++) rate[ends[e].kind] -= ends[e].rate;
    // sums of floats drift: what is off by less than a millionth of a cent is nothing
    const clean = (v: number) => (Math.abs(v) < 1e-9 ? 0 : v);
    return { at, ec2: clean(rate.ec2), fargate: clean(rate.fargate), spot: clean(rate.spot) };
  });
}
