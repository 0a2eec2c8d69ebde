import { describe, expect, it } from 'vitest';
import { layoutCostPlot, timeTicks, type PlotSample } from './layout';

const SIZE = { width: 400, height: 160 };
const MIN = 60_000;

/** The y of every vertex of an SVG path made of M/L/H/V/Z commands, in order. */
function points(path: string): [number, number][] {
  return [...path.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('cost plot layout', () => {
  it('time ticks: the smallest readable step giving at most six intervals, from 0', () => {
    expect(timeTicks(0)).toEqual([0, MIN]);
    expect(timeTicks(10 * MIN)).toEqual([0, 2 * MIN, 4 * MIN, 6 * MIN, 8 * MIN, 10 * MIN]);
    expect(timeTicks(3 * 3_600_000)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => i * 30 * MIN));
    expect(timeTicks(30 * 24 * 3_600_000).length).toBeLessThanOrEqual(7);
  });

  it('stacks EC2, then Fargate, then Fargate Spot: each area starts where the one below ends', () => {
    const samples: PlotSample[] = [
      { at: 0, ec2: 0.1, fargate: 0.05, spot: 0.02 },
      { at: 5 * MIN, ec2: 0.1, fargate: 0.05, spot: 0.02 },
    ];
    const l = layoutCostPlot(samples, SIZE);
    expect(l.areas.map((a) => a.kind)).toEqual(['ec2', 'fargate', 'spot']);
    expect(l.yMax).toBe(0.2); // 0.17 rounded up to a nice number
    const scaleY = (v: number) => l.inner.bottom - (v / l.yMax) * (l.inner.bottom - l.inner.top);
    const topY = (kind: number) => Math.min(...points(l.areas[kind].path).map((p) => p[1]));
    const bottomY = (kind: number) => Math.max(...points(l.areas[kind].path).map((p) => p[1]));
    expect(bottomY(0)).toBeCloseTo(scaleY(0), 6);
    expect(topY(0)).toBeCloseTo(scaleY(0.1), 6);
    expect(bottomY(1)).toBeCloseTo(scaleY(0.1), 6);
    expect(topY(1)).toBeCloseTo(scaleY(0.15), 6);
    expect(topY(2)).toBeCloseTo(scaleY(0.17), 6);
    // the outline runs along the total
    expect(points(l.total).every(([, yy]) => Math.abs(yy - scaleY(0.17)) < 1e-6)).toBe(true);
  });

  it('time runs left to right inside the margins; the last sample sits at the right edge', () => {
    const samples: PlotSample[] = [
      { at: 0, ec2: 0, fargate: 0, spot: 0 },
      { at: 30 * MIN, ec2: 0.2, fargate: 0, spot: 0 },
    ];
    const l = layoutCostPlot(samples, SIZE);
    const xs = points(l.areas[0].path).map((p) => p[0]);
    expect(Math.min(...xs)).toBe(l.inner.left);
    expect(Math.max(...xs)).toBe(l.inner.right);
    expect(l.xTicks.map((t) => t.value)).toEqual([0, 5 * MIN, 10 * MIN, 15 * MIN, 20 * MIN, 25 * MIN, 30 * MIN]);
    expect(l.xTicks.at(-1)!.pos).toBe(l.inner.right);
    expect(l.yTicks[0]).toEqual({ value: 0, pos: l.inner.bottom });
  });

  it('nothing billed yet: a flat zero plot with a minimum USD axis, no error', () => {
    const l = layoutCostPlot([{ at: 0, ec2: 0, fargate: 0, spot: 0 }], SIZE);
    expect(l.yMax).toBe(0.01);
    expect(l.xTicks.map((t) => t.value)).toEqual([0, MIN]);
    expect(layoutCostPlot([], SIZE).areas.every((a) => a.path === '')).toBe(true);
  });
});
