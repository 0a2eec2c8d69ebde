import { describe, expect, it } from 'vitest';
import { checkProfile, requestsInMinute, rpsAt } from './load';
import { measure } from './metrics';
import { cpuUsed, memoryUsed } from './utilisation';
import { scalingWorld } from './testWorld';

describe('load profiles', () => {
  it('constant gives its rps at every time', () => {
    expect(rpsAt({ type: 'constant', rps: 40 }, 0)).toBe(40);
    expect(rpsAt({ type: 'constant', rps: 40 }, 9e9)).toBe(40);
  });

  it('ramp goes linearly from `from` to `to` over durationMs, then holds `to`', () => {
    const p = { type: 'ramp', from: 10, to: 110, durationMs: 100_000 } as const;
    expect([0, 50_000, 100_000, 500_000].map((t) => rpsAt(p, t))).toEqual([10, 60, 110, 110]);
  });

  it('spike is `peak` during [atMs, atMs + durationMs) and `base` otherwise', () => {
    const p = { type: 'spike', base: 5, peak: 200, atMs: 60_000, durationMs: 30_000 } as const;
    expect([59_999, 60_000, 89_999, 90_000].map((t) => rpsAt(p, t))).toEqual([5, 200, 200, 5]);
  });

  it('wave starts at min, peaks at max half a period later, and is back at min after a period', () => {
    const p = { type: 'wave', min: 10, max: 50, periodMs: 86_400_000 } as const;
    expect(rpsAt(p, 0)).toBe(10);
    expect(rpsAt(p, 43_200_000)).toBe(50);
    expect(rpsAt(p, 86_400_000)).toBeCloseTo(10, 9);
  });

  it('requestsInMinute averages six 10-second samples and counts nothing before the profile started', () => {
    expect(requestsInMinute({ type: 'constant', rps: 10 }, 60_000)).toBe(600);
    expect(requestsInMinute({ type: 'constant', rps: 10 }, 30_000)).toBe(300);
    expect(requestsInMinute({ type: 'ramp', from: 0, to: 60, durationMs: 60_000 }, 60_000)).toBe(1800);
  });

  it('checkProfile rejects an unknown type and bad numbers with the catalogue texts', () => {
    expect(() => checkProfile({ type: 'square' })).toThrow(
      'profile must be an object with a type: constant {rps}, ramp {from, to, durationMs}, spike {base, peak, atMs, durationMs} or wave {min, max, periodMs}.',
    );
    expect(() => checkProfile({ type: 'ramp', from: 1, to: 2, durationMs: 0 })).toThrow('profile.durationMs must be a finite number > 0.');
    expect(() => checkProfile({ type: 'constant', rps: -1 })).toThrow('profile.rps must be a finite number >= 0.');
    expect(checkProfile({ type: 'constant', rps: 3, extra: true })).toEqual({ type: 'constant', rps: 3 });
  });
});

describe('utilisation from load', () => {
  it('a request costs 10 ms of one vCPU; idle is 2 %; CPU is capped at the task size', () => {
    // 256 units: 2 % idle = 5.12 units; 10 rps × 10 ms = 0.1 vCPU = 102.4 units
    expect(cpuUsed(10, 256)).toBeCloseTo(107.52, 9);
    expect(cpuUsed(1000, 256)).toBe(256);
  });

  it('memory is a quarter of the task plus 4 MiB per in-flight request (rps × 200 ms)', () => {
    expect(memoryUsed(10, 512)).toBe(128 + 8);
    expect(memoryUsed(1e6, 512)).toBe(512);
  });

  it('the service datapoint averages used over reserved across RUNNING tasks; no RUNNING task gives null metrics', () => {
    const { sim } = scalingWorld({ desiredCount: 2 });
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 20 } });
    sim.advance(60_000 - (sim.now() % 60_000));
    const svc = Object.values(sim.state.services)[0];
    const point = measure(sim.state as never, svc);
    // the profile started mid-minute: only the samples after it count
    const requests = point.requestCount;
    const perTask = requests / 60 / 2;
    expect(point.running).toBe(2);
    // no load balancer: the profile is the service's traffic, and there is no ALB metric
    expect(requests).toBeGreaterThan(0);
    expect(point.requestCountPerTarget).toBeNull();
    expect(point.cpu).toBe(Math.round(((0.02 * 256 + perTask * 0.01 * 1024) / 256) * 100 * 1000) / 1000);
    expect(point.memory).toBe(Math.round(((128 + perTask * 0.2 * 4) / 512) * 100 * 1000) / 1000);
    sim.ecs.updateService({ cluster: 'demo', service: 'web', desiredCount: 0 });
    sim.advance(120_000);
    expect(measure(sim.state as never, svc)).toMatchObject({ cpu: null, memory: null, requestCountPerTarget: null, running: 0, desired: 0 });
  });

  it('setLoad names a service of the cluster; null clears the profile', () => {
    const { sim } = scalingWorld({ desiredCount: 1 });
    expect(() => sim.faults.setLoad({ cluster: 'demo', service: 'nope', profile: { type: 'constant', rps: 1 } })).toThrow('Service nope was not found in the cluster.');
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'spike', base: 1, peak: 9, atMs: 60_000, durationMs: 120_000 } });
    expect(sim.events.at(-1)!.message).toBe('Load profile of service web set: spike from 1 to 9 requests/s at 60 s for 120 s.');
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: null });
    expect(sim.events.at(-1)!.message).toBe('Load profile of service web cleared.');
    expect(sim.state.autoscaling.loads).toEqual({});
  });
});
