/**
 * The service chart's data: a bounded time series per service, sampled app-side from the live
 * simulation whenever the virtual clock passes the next sample time (docs/service-panel.md says why
 * not from the event log). Each series holds at most MAX_POINTS; when full, every other point is
 * dropped and the interval doubles, so a long run costs the same as a short one and the clock at
 * 600× never waits for the chart. Going back in time (time travel) drops the points after the new
 * present; another simulation (a loaded session, a reset) starts the series over.
 */
import { untrack } from 'svelte';
import type { Simulation } from '../../core';
import { sampleService, type ServiceSample } from './serviceSample';

export const MAX_POINTS = 240;
export const FIRST_INTERVAL_MS = 5_000;

interface Series {
  points: ServiceSample[];
  intervalMs: number;
  nextAt: number;
}

/** Halves a full series: keeps the first, every second one after it, and the newest. */
export function downsample(points: readonly ServiceSample[]): ServiceSample[] {
  const out = points.filter((_, i) => i % 2 === 0);
  const last = points[points.length - 1];
  if (last && out[out.length - 1] !== last) out.push(last);
  return out;
}

function fingerprint(sim: Simulation): string {
  const s = sim.state;
  return `${s.seed}|${s.epochMs}|${JSON.stringify(s.journal[0] ?? null)}`;
}

export class ServiceHistory {
  /** bumps whenever a series changes, for views to re-read */
  version = $state(0);
  /** the count behind `version`, so bumping it never reads reactive state (observe runs inside an effect) */
  #bumps = 0;
  readonly #series = new Map<string, Series>();
  #sim: Simulation | undefined;
  #print = '';
  #lastNow = -1;

  /** Takes the samples that are due. Cheap when none is: call it on every clock tick. */
  observe(sim: Simulation, options: { force?: boolean } = {}): void {
    const now = sim.now();
    let changed = false;
    if (sim !== this.#sim) {
      const print = fingerprint(sim);
      if (print !== this.#print) changed = this.#clear() || changed;
      this.#sim = sim;
      this.#print = print;
    }
    if (now < this.#lastNow) changed = this.#truncate(now) || changed;
    this.#lastNow = now;
    const services = sim.state.services ?? {};
    for (const arn in services) {
      const svc = services[arn];
      if (svc.status === 'INACTIVE') continue;
      let series = this.#series.get(arn);
      if (!series) {
        series = { points: [], intervalMs: FIRST_INTERVAL_MS, nextAt: now };
        this.#series.set(arn, series);
      }
      if (now < series.nextAt && !options.force) continue;
      const sample = sampleService(sim.state, arn);
      if (!sample) continue;
      const last = series.points[series.points.length - 1];
      // A new array on every change: views compare by identity.
      series.points = last && last.t === now ? [...series.points.slice(0, -1), sample] : [...series.points, sample];
      if (series.points.length > MAX_POINTS) {
        series.points = downsample(series.points);
        series.intervalMs *= 2;
      }
      series.nextAt = now + series.intervalMs;
      changed = true;
    }
    for (const arn of this.#series.keys()) {
      if (!services[arn]) {
        this.#series.delete(arn);
        changed = true;
      }
    }
    if (changed) this.version = ++this.#bumps;
  }

  /** The points of one service, oldest first (read reactively). */
  series(serviceArn: string): readonly ServiceSample[] {
    void this.version;
    return this.#series.get(serviceArn)?.points ?? [];
  }

  #clear(): boolean {
    const had = this.#series.size > 0;
    this.#series.clear();
    this.#lastNow = -1;
    return had;
  }

  #truncate(now: number): boolean {
    for (const series of this.#series.values()) {
      series.points = series.points.filter((p) => p.t <= now);
      series.nextAt = now;
    }
    return true;
  }
}

const histories = new WeakMap<object, ServiceHistory>();

/** What the history follows: a simulation that changes, and a revision that bumps when it does. */
export interface HistorySource {
  readonly sim: Simulation;
  readonly revision: number;
}

/**
 * One history per playground, shared by every panel that shows it. The first call starts following
 * the playground for the rest of the page's life: every change samples what is due, and a change
 * without the clock moving (an action, such as UpdateService) replaces the sample of that instant.
 */
export function serviceHistoryFor(source: HistorySource): ServiceHistory {
  let h = histories.get(source);
  if (h) return h;
  const history = new ServiceHistory();
  histories.set(source, history);
  let lastNow = -1;
  $effect.root(() => {
    $effect(() => {
      const sim = source.sim;
      void source.revision;
      const now = sim.now();
      // untracked: observing bumps `version`, which this effect must not depend on
      untrack(() => history.observe(sim, { force: now === lastNow }));
      lastNow = now;
    });
  });
  return history;
}
