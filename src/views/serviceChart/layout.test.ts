import { describe, expect, it } from 'vitest';
import { countTicks, layoutServiceChart, revisionKeys, timeTicks, type ChartRevision, type ChartSample } from './layout';

const rev = (id: string, label: string, counts: Partial<ChartRevision> = {}): ChartRevision => ({
  id,
  label,
  status: 'PRIMARY',
  desired: 0,
  running: 0,
  pending: 0,
  healthy: 0,
  ...counts,
});

const sample = (t: number, revisions: ChartRevision[], extra: Partial<ChartSample> = {}): ChartSample => ({
  t,
  desired: 4,
  lower: 4,
  upper: 8,
  failed: 0,
  revisions,
  ...extra,
});

const opts = { width: 400, formatTime: (ms: number) => `${ms / 1000}s` };

/** A rolling update: web:1 running 4, then web:2 comes in (newest first, as DescribeServices lists them). */
const rolling: ChartSample[] = [
  sample(0, [rev('d1', 'web:1', { desired: 4, running: 4, healthy: 4 })]),
  sample(10_000, [rev('d2', 'web:2', { desired: 4, pending: 4 }), rev('d1', 'web:1', { status: 'ACTIVE', desired: 4, running: 4, healthy: 4 })]),
  sample(20_000, [rev('d2', 'web:2', { desired: 4, running: 4, healthy: 4 }), rev('d1', 'web:1', { status: 'ACTIVE', desired: 0, running: 0 })]),
  sample(30_000, [rev('d2', 'web:2', { desired: 4, running: 4, healthy: 4 })]),
];

describe('layoutServiceChart', () => {
  it('draws four count lines per deployment, keyed by deployment and metric', () => {
    const l = layoutServiceChart(rolling, opts);
    expect(l.counts.map((c) => c.key)).toEqual([
      'd1|desired',
      'd1|running',
      'd1|healthy',
      'd1|pending',
      'd2|desired',
      'd2|running',
      'd2|healthy',
      'd2|pending',
    ]);
    expect(l.counts.every((c) => c.d.startsWith('M'))).toBe(true);
  });

  it('starts a deployment line where the deployment appears and ends it where it goes', () => {
    const l = layoutServiceChart(rolling, { ...opts, width: 356 });
    const plot = l.plotWidth;
    expect(plot).toBe(300);
    const d2 = l.counts.find((c) => c.key === 'd2|running')!.d;
    const d1 = l.counts.find((c) => c.key === 'd1|running')!.d;
    expect(d2.startsWith(`M${plot / 3},`)).toBe(true);
    expect(d1.endsWith(`${(plot * 2) / 3},${l.panels[0].top + l.panels[0].height}`)).toBe(true);
  });

  it('scales counts to the highest of upper bound, desired and running + pending', () => {
    const l = layoutServiceChart(rolling, opts);
    const tasks = l.panels[0];
    expect(tasks.key).toBe('tasks');
    expect(tasks.yTicks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8]);
    expect(tasks.yTicks[tasks.yTicks.length - 1].at).toBe(tasks.top);
    expect(l.band.startsWith('M0,')).toBe(true);
  });

  it('adds a traffic panel only when a sample has traffic, stacking shares to 100 %', () => {
    expect(layoutServiceChart(rolling, opts).panels.map((p) => p.key)).toEqual(['tasks']);
    const withLb = rolling.map((s, i) => ({
      ...s,
      revisions: s.revisions.map((r) => ({ ...r, traffic: r.id === 'd2' ? [0, 0, 60, 100][i] : [100, 100, 40, 0][i] })),
    }));
    const l = layoutServiceChart(withLb, opts);
    expect(l.panels.map((p) => p.key)).toEqual(['tasks', 'traffic']);
    expect(l.traffic.map((t) => t.key)).toEqual(['d1|traffic', 'd2|traffic']);
    expect(l.panels[1].yTicks.map((t) => t.label)).toEqual(['0%', '50%', '100%']);
  });

  it('adds a circuit breaker panel with failures and threshold when the breaker is on', () => {
    const withCb = rolling.map((s, i) => ({ ...s, threshold: 3, failed: [0, 1, 2, 0][i] }));
    const l = layoutServiceChart(withCb, opts);
    expect(l.panels.map((p) => p.key)).toEqual(['tasks', 'breaker']);
    expect(l.breaker.map((b) => b.key)).toEqual(['threshold', 'failed']);
    const breaker = l.panels[1];
    expect(breaker.yTicks.map((t) => t.value)).toEqual([0, 3]);
    expect(l.height).toBe(breaker.top + breaker.height + l.margin.bottom);
  });

  it('is empty without samples, and keeps a readable width on a phone', () => {
    const l = layoutServiceChart([], { ...opts, width: 200 });
    expect(l.empty).toBe(true);
    expect(l.width).toBe(280);
    expect(l.counts).toEqual([]);
    const phone = layoutServiceChart(rolling, { ...opts, width: 340 });
    expect(phone.xTicks.length).toBeLessThanOrEqual(4);
    expect(phone.xTicks.every((t) => t.at >= 0 && t.at <= phone.plotWidth)).toBe(true);
  });
});

describe('revisionKeys', () => {
  it('gives deployments colours in the order they first appear, oldest first', () => {
    const keys = revisionKeys(rolling);
    expect(keys.map((k) => k.label)).toEqual(['web:1', 'web:2']);
    expect(keys[0].color).not.toBe(keys[1].color);
  });
});

describe('countTicks', () => {
  it('steps by 1 up to 4, by 2 up to 10, else by multiples of 5', () => {
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(40)).toEqual([0, 10, 20, 30, 40]);
    expect(countTicks(0)).toEqual([0]);
  });
});

describe('timeTicks', () => {
  it('puts ticks on whole minutes, as many as fit the width', () => {
    expect(timeTicks(0, 23 * 60_000, 600)).toEqual([0, 5, 10, 15, 20].map((m) => m * 60_000));
    expect(timeTicks(0, 23 * 60_000, 260)).toEqual([0, 10, 20].map((m) => m * 60_000));
  });

  it('starts at the first whole step after the first sample', () => {
    expect(timeTicks(7_000, 52_000, 400)).toEqual([10_000, 20_000, 30_000, 40_000, 50_000]);
  });
});
