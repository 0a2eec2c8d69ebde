import { describe, expect, it } from 'vitest';
import { Playground } from './playground.svelte';

describe('Playground state', () => {
  it('advances the simulation and bumps its revision', () => {
    const p = new Playground({ seed: 1 });
    const before = p.revision;
    p.advance(5_000);
    expect(p.now).toBe(5_000);
    expect(p.revision).toBeGreaterThan(before);
  });

  it('steps one virtual second when nothing is scheduled', () => {
    const p = new Playground();
    p.step();
    expect(p.now).toBe(1_000);
  });

  it('turns ECS errors into values with the AWS code and message', () => {
    const p = new Playground();
    const result = p.act((sim) => sim.ecs.deleteCluster({ cluster: 'missing' }));
    expect(result).toEqual({ ok: false, error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } });
  });

  it('returns the response of a successful action', () => {
    const p = new Playground();
    const result = p.act((sim) => sim.ecs.createCluster({ clusterName: 'demo' }));
    expect(result.ok && result.value.cluster?.status).toBe('ACTIVE');
  });

  it('reset starts an empty simulation and pauses the clock', () => {
    const p = new Playground();
    p.act((sim) => sim.ecs.createCluster({ clusterName: 'demo' }));
    p.advance(10_000);
    p.reset();
    expect(p.now).toBe(0);
    expect(p.sim.ecs.listClusters().clusterArns).toEqual([]);
    expect(p.clock.playing).toBe(false);
  });
});
