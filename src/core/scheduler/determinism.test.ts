/** Same seed and calls → the same event log; a snapshot taken mid-deployment continues identically. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { serviceWorld } from './testWorld';

function scenario(seed: number) {
  const { sim, cluster } = serviceWorld({ seed });
  sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 5, deploymentConfiguration: { minimumHealthyPercent: 50 } });
  sim.advance(120_000);
  sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128 }] });
  sim.ecs.updateService({ cluster, service: 'api', taskDefinition: 'web' });
  sim.advance(20_000);
  return { sim, cluster };
}

describe('service scheduler determinism', () => {
  it('replays byte for byte', () => {
    const a = scenario(11);
    const b = scenario(11);
    a.sim.advance(10 * 60_000);
    b.sim.advance(10 * 60_000);
    expect(JSON.stringify(b.sim.events)).toBe(JSON.stringify(a.sim.events));
  });

  it('a snapshot taken mid-deployment continues exactly like the uninterrupted run', () => {
    const a = scenario(12);
    const restored = createSimulation({ snapshot: JSON.parse(JSON.stringify(a.sim.snapshot())) });
    a.sim.advance(10 * 60_000);
    restored.advance(10 * 60_000);
    expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(a.sim.snapshot()));
    const svc = restored.ecs.describeServices({ cluster: 'demo', services: ['api'] }).services![0];
    expect(svc.deployments!.map((d) => d.rolloutState)).toEqual(['COMPLETED']);
  });
});
