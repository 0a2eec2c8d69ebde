import { describe, expect, it } from 'vitest';
import { replay, recipeOf } from '../engine/replay';
import { createSimulation } from '../engine/simulation';
import { serviceMetrics } from './metrics';
import { cpuTracking, scalingWorld } from './testWorld';

function run(seed: number) {
  const { sim } = scalingWorld({ desiredCount: 2, seed });
  cpuTracking(sim, 1, 12);
  sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'wave', min: 5, max: 120, periodMs: 60 * 60_000 } });
  return sim;
}

describe('auto scaling is deterministic', () => {
  it('same seed and same calls give the same event log, byte for byte', () => {
    const a = run(5);
    const b = run(5);
    a.advance(3 * 60 * 60_000);
    b.advance(3 * 60 * 60_000);
    expect(a.events.filter((e) => e.type === 'autoscaling.activity').length).toBeGreaterThan(4);
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
  });

  it('a snapshot taken mid-run continues exactly as the uninterrupted run', () => {
    const a = run(6);
    a.advance(47 * 60_000 + 123);
    const restored = createSimulation({ snapshot: JSON.parse(JSON.stringify(a.snapshot())) });
    a.advance(2 * 60 * 60_000);
    restored.advance(2 * 60 * 60_000);
    expect(JSON.stringify(restored.state)).toBe(JSON.stringify(a.state));
  });

  it('a recipe replays the load profile, the target and the policy', () => {
    const a = run(7);
    a.advance(90 * 60_000);
    const b = replay(recipeOf(a));
    expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
  });

  it('serviceMetrics gives the UI one datapoint per minute with cpu, memory, request count, desired and running', () => {
    const a = run(8);
    a.advance(10 * 60_000);
    const arn = Object.keys(a.state.services)[0];
    const m = serviceMetrics(a.state as never, arn);
    expect(m.points.map((p) => p.at)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => n * 60_000));
    expect(Object.keys(m.points[0])).toEqual(['at', 'cpu', 'memory', 'requestCount', 'requestCountPerTarget', 'desired', 'running']);
    m.points[0].desired = 99;
    expect(serviceMetrics(a.state as never, arn).points[0].desired).not.toBe(99);
  });
});
