/**
 * The service chart's geometry, computed from a bounded series of samples: three panels over one
 * virtual-time axis — task counts per deployment with the min/max bounds as a band, traffic share per
 * deployment (only when the service has a load balancer), and circuit breaker failures against the
 * threshold (only when the breaker is on). Pure: numbers and SVG path strings, no DOM.
 */
import { scaleLinear } from 'd3-scale';
import { area, curveStepAfter, line } from 'd3-shape';
import { GROUP_PALETTE } from '../palette';

/** What the chart needs of one sample (src/app/service/serviceSample.ts produces it). */
export interface ChartRevision {
  id: string;
  label: string;
  status: string;
  desired: number;
  running: number;
  pending: number;
  healthy: number;
  traffic?: number;
}

export interface ChartSample {
  t: number;
  desired: number;
  lower: number;
  upper: number;
  failed: number;
  threshold?: number;
  revisions: ChartRevision[];
}

export type CountMetric = 'desired' | 'running' | 'pending' | 'healthy';
export const COUNT_METRICS: readonly CountMetric[] = ['desired', 'running', 'healthy', 'pending'];

export interface RevisionKey {
  id: string;
  label: string;
  color: string;
}

export interface SeriesPath {
  /** `<deployment id>|<metric>` */
  key: string;
  revision: string;
  metric: CountMetric | 'traffic' | 'failed' | 'threshold';
  color: string;
  d: string;
}

export interface Tick {
  value: number;
  /** x or y in chart coordinates */
  at: number;
  label: string;
}

export interface Panel {
  key: 'tasks' | 'traffic' | 'breaker';
  top: number;
  height: number;
  yTicks: Tick[];
}

export interface ServiceChartLayout {
  width: number;
  height: number;
  margin: { left: number; right: number; top: number; bottom: number };
  /** plot area width */
  plotWidth: number;
  panels: Panel[];
  xTicks: Tick[];
  /** the [lower, upper] band of the rolling-update bounds */
  band: string;
  counts: SeriesPath[];
  /** stacked traffic areas, one per deployment */
  traffic: SeriesPath[];
  breaker: SeriesPath[];
  revisions: RevisionKey[];
  empty: boolean;
}

export interface LayoutOptions {
  width: number;
  /** axis label for a virtual time in ms */
  formatTime: (ms: number) => string;
}

const TASKS_HEIGHT = 150;
const TRAFFIC_HEIGHT = 56;
const BREAKER_HEIGHT = 48;
/** space above each panel for its title */
const TITLE = 16;
const GAP = 10;
/** horizontal room one time label needs (e.g. "+16m 40s") */
const LABEL_WIDTH = 64;
const TIME_STEPS = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400].map((s) => s * 1000);

/** Time ticks on whole seconds, minutes or hours, as many as fit without the labels touching. */
export function timeTicks(t0: number, t1: number, plotWidth: number): number[] {
  const max = Math.max(2, Math.floor(plotWidth / LABEL_WIDTH));
  const span = Math.max(1, t1 - t0);
  const step = TIME_STEPS.find((s) => span / s <= max - 1) ?? Math.ceil(span / (max - 1) / 86_400_000) * 86_400_000;
  const out: number[] = [];
  for (let v = Math.ceil(t0 / step) * step; v <= t1; v += step) out.push(v);
  return out;
}

/** Deployments in the order they first appear, each with a stable palette colour. */
export function revisionKeys(samples: readonly ChartSample[]): RevisionKey[] {
  const out: RevisionKey[] = [];
  const seen = new Set<string>();
  // Oldest first, so the first deployment keeps the first colour as new ones arrive.
  for (const s of samples) {
    for (let i = s.revisions.length - 1; i >= 0; i--) {
      const r = s.revisions[i];
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ id: r.id, label: r.label, color: GROUP_PALETTE[out.length % GROUP_PALETTE.length] });
    }
  }
  return out;
}

/** Round tick values for a count axis from 0 to max (at most about 4 ticks). */
export function countTicks(max: number): number[] {
  if (max <= 0) return [0];
  const step = max <= 4 ? 1 : max <= 10 ? 2 : Math.ceil(max / 4 / 5) * 5;
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

export function layoutServiceChart(samples: readonly ChartSample[], options: LayoutOptions): ServiceChartLayout {
  const width = Math.max(280, Math.round(options.width));
  const margin = { left: 34, right: 22, top: 0, bottom: 22 };
  const plotWidth = width - margin.left - margin.right;
  const revisions = revisionKeys(samples);
  const hasTraffic = samples.some((s) => s.revisions.some((r) => r.traffic !== undefined));
  const hasBreaker = samples.some((s) => s.threshold !== undefined);
  const panels: Panel[] = [];
  let top = margin.top;
  const addPanel = (key: Panel['key'], height: number) => {
    const p: Panel = { key, top: top + TITLE, height, yTicks: [] };
    panels.push(p);
    top += TITLE + height + GAP;
    return p;
  };
  const tasks = addPanel('tasks', TASKS_HEIGHT);
  const trafficPanel = hasTraffic ? addPanel('traffic', TRAFFIC_HEIGHT) : undefined;
  const breakerPanel = hasBreaker ? addPanel('breaker', BREAKER_HEIGHT) : undefined;
  const height = top - GAP + margin.bottom;
  const empty = samples.length === 0;
  const base = { width, height, margin, plotWidth, panels, revisions, empty };
  if (empty) return { ...base, xTicks: [], band: '', counts: [], traffic: [], breaker: [] };

  const t0 = samples[0].t;
  const t1 = Math.max(samples[samples.length - 1].t, t0 + 1_000);
  const x = scaleLinear().domain([t0, t1]).range([0, plotWidth]);
  const xTicks = timeTicks(t0, t1, plotWidth).map((v) => ({ value: v, at: x(v), label: options.formatTime(v) }));

  // Task counts
  let maxCount = 1;
  for (const s of samples) {
    maxCount = Math.max(maxCount, s.upper, s.desired);
    for (const r of s.revisions) maxCount = Math.max(maxCount, r.desired, r.running + r.pending);
  }
  const yTicksValues = countTicks(maxCount);
  const yMax = Math.max(maxCount, yTicksValues[yTicksValues.length - 1]);
  const y = scaleLinear().domain([0, yMax]).range([tasks.top + tasks.height, tasks.top]);
  tasks.yTicks = yTicksValues.map((v) => ({ value: v, at: y(v), label: String(v) }));
  const band = area<ChartSample>()
    .curve(curveStepAfter)
    .x((s) => x(s.t))
    .y0((s) => y(s.lower))
    .y1((s) => y(s.upper))(samples as ChartSample[]) ?? '';

  const counts: SeriesPath[] = [];
  const traffic: SeriesPath[] = [];
  for (const rev of revisions) {
    // Only where the deployment exists: a line starts when it is created and ends when it goes.
    const points = samples.flatMap((s) => {
      const r = s.revisions.find((q) => q.id === rev.id);
      return r ? [{ t: s.t, r }] : [];
    });
    for (const metric of COUNT_METRICS) {
      const d = line<{ t: number; r: ChartRevision }>()
        .curve(curveStepAfter)
        .x((p) => x(p.t))
        .y((p) => y(p.r[metric]))(points);
      counts.push({ key: `${rev.id}|${metric}`, revision: rev.id, metric, color: rev.color, d: d ?? '' });
    }
  }

  if (trafficPanel) {
    const ty = scaleLinear().domain([0, 100]).range([trafficPanel.top + trafficPanel.height, trafficPanel.top]);
    trafficPanel.yTicks = [0, 50, 100].map((v) => ({ value: v, at: ty(v), label: `${v}%` }));
    // Stacked: each deployment's share sits on top of the ones before it.
    const lowerOf = new Map<number, number>();
    for (const rev of revisions) {
      const stack = samples.map((s, i) => {
        const share = s.revisions.find((q) => q.id === rev.id)?.traffic ?? 0;
        const lo = lowerOf.get(i) ?? 0;
        lowerOf.set(i, lo + share);
        return { t: s.t, lo, hi: Math.min(100, lo + share) };
      });
      const d = area<{ t: number; lo: number; hi: number }>()
        .curve(curveStepAfter)
        .x((p) => x(p.t))
        .y0((p) => ty(p.lo))
        .y1((p) => ty(p.hi))(stack);
      traffic.push({ key: `${rev.id}|traffic`, revision: rev.id, metric: 'traffic', color: rev.color, d: d ?? '' });
    }
  }

  const breaker: SeriesPath[] = [];
  if (breakerPanel) {
    const maxB = Math.max(1, ...samples.map((s) => Math.max(s.failed, s.threshold ?? 0)));
    const by = scaleLinear().domain([0, maxB]).range([breakerPanel.top + breakerPanel.height, breakerPanel.top]);
    breakerPanel.yTicks = [0, maxB].map((v) => ({ value: v, at: by(v), label: String(v) }));
    const withThreshold = samples.filter((s) => s.threshold !== undefined);
    const step = (value: (s: ChartSample) => number) =>
      line<ChartSample>()
        .curve(curveStepAfter)
        .x((s) => x(s.t))
        .y((s) => by(value(s)))(withThreshold) ?? '';
    breaker.push({ key: 'threshold', revision: '', metric: 'threshold', color: '', d: step((s) => s.threshold ?? 0) });
    breaker.push({ key: 'failed', revision: '', metric: 'failed', color: '', d: step((s) => s.failed) });
  }

  return { ...base, xTicks, band, counts, traffic, breaker };
}
