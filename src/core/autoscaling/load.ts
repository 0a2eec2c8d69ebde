/**
 * Load profiles: how many requests per second a service receives at a virtual time. Plain JSON,
 * times relative to when the profile was set (docs/service-auto-scaling.md):
 *
 *   constant {rps}                          rps all the time
 *   ramp     {from, to, durationMs}         linear from `from` to `to` over durationMs, then `to`
 *   spike    {base, peak, atMs, durationMs} `peak` during [atMs, atMs + durationMs), `base` otherwise
 *   wave     {min, max, periodMs}           min + (max − min) × (1 − cos(2πt / periodMs)) / 2: starts at min
 */
import { AutoScalingError } from './errors';
import { LoadMessages } from './messages';
import type { LoadProfile } from './records';

/** Requests per second `t` ms after the profile was set. */
export function rpsAt(p: LoadProfile, t: number): number {
  switch (p.type) {
    case 'constant':
      return p.rps;
    case 'ramp':
      return t >= p.durationMs ? p.to : p.from + ((p.to - p.from) * Math.max(0, t)) / p.durationMs;
    case 'spike':
      return t >= p.atMs && t < p.atMs + p.durationMs ? p.peak : p.base;
    case 'wave':
      return p.min + ((p.max - p.min) * (1 - Math.cos((2 * Math.PI * t) / p.periodMs))) / 2;
  }
}

/** Samples per minute used to average a profile over a minute (every 10 s, at the sample's middle). */
export const SAMPLES_PER_MINUTE = 6;

/** Requests received in the minute that ends `t` ms after the profile was set (clipped at the profile's start). */
export function requestsInMinute(p: LoadProfile, t: number): number {
  let sum = 0;
  const step = 60_000 / SAMPLES_PER_MINUTE;
  for (let i = 0; i < SAMPLES_PER_MINUTE; i++) {
    const at = t - 60_000 + step * (i + 0.5);
    if (at < 0) continue;
    sum += rpsAt(p, at) * (step / 1000);
  }
  return sum;
}

function num(raw: Record<string, unknown>, member: string, positive = false): number {
  const v = raw[member];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (positive && v === 0)) {
    throw new AutoScalingError('ValidationException', positive ? LoadMessages.positive(member) : LoadMessages.number(member));
  }
  return v;
}

/** Checks a profile given from outside and returns a clean copy. */
export function checkProfile(raw: unknown): LoadProfile {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AutoScalingError('ValidationException', LoadMessages.profile);
  const r = raw as Record<string, unknown>;
  switch (r.type) {
    case 'constant':
      return { type: 'constant', rps: num(r, 'rps') };
    case 'ramp':
      return { type: 'ramp', from: num(r, 'from'), to: num(r, 'to'), durationMs: num(r, 'durationMs', true) };
    case 'spike':
      return { type: 'spike', base: num(r, 'base'), peak: num(r, 'peak'), atMs: num(r, 'atMs'), durationMs: num(r, 'durationMs', true) };
    case 'wave':
      return { type: 'wave', min: num(r, 'min'), max: num(r, 'max'), periodMs: num(r, 'periodMs', true) };
    default:
      throw new AutoScalingError('ValidationException', LoadMessages.profile);
  }
}
