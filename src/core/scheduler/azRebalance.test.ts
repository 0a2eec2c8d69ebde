/** Availability Zone rebalancing (reference §12.3): start in the emptiest AZ, then stop in the fullest. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { messages, runToSteady } from './testWorld';

function azCounts(sim: ReturnType<typeof createSimulation>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of Object.values(sim.state.tasks)) {
    if (t.group !== 'service:api' || t.desiredStatus !== 'RUNNING') continue;
    out[t.availabilityZone!] = (out[t.availabilityZone!] ?? 0) + 1;
  }
  return out;
}

describe('AZ rebalancing', () => {
  it('moves tasks one at a time into an AZ that gains an instance, with the §12.3 events', () => {
    const sim = createSimulation({ seed: 9, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1, availabilityZone: 'us-east-1a' });
    const [b] = sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1, availabilityZone: 'us-east-1b' }).instanceIds;
    sim.advance(5 * 60_000);
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
    sim.ecs.createService({ cluster: 'demo', serviceName: 'api', taskDefinition: 'web', desiredCount: 4 });
    expect(runToSteady(sim, 'demo', 'api')).toBe(true);
    expect(azCounts(sim)).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2 });

    sim.infra.terminateInstance(b);
    expect(sim.runUntil(() => azCounts(sim)['us-east-1a'] === 4, { maxMs: 10 * 60_000 })).toBe(true);
    expect(runToSteady(sim, 'demo', 'api')).toBe(true);

    sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1, availabilityZone: 'us-east-1b' });
    expect(
      sim.runUntil(() => messages(sim, 'demo', 'api').some((m) => m.includes('is AZ balanced')), { maxMs: 30 * 60_000 }),
    ).toBe(true);
    const log = messages(sim, 'demo', 'api');
    const first = log.findIndex((m) => m.includes('is not AZ balanced'));
    expect(log[first]).toBe('service (api) is not AZ balanced with 4 tasks in us-east-1a and 0 in us-east-1b. AZ Rebalancing in progress.');
    const rest = log.slice(first + 1);
    expect(rest.filter((m) => /^api has started 1 tasks in Availability Zone us-east-1b to AZ Rebalance: [0-9a-f]{32}\.$/.test(m))).toHaveLength(2);
    expect(rest.filter((m) => /^api has stopped 1 running tasks in Availability Zone us-east-1a due to AZ rebalancing: [0-9a-f]{32}\.$/.test(m))).toHaveLength(2);
    expect(log.at(-2)).toBe('service (api) is AZ balanced with 2 tasks in us-east-1a and 2 tasks in us-east-1b.');
    expect(log.at(-1)).toBe('(service api) has reached a steady state.');
    expect(runToSteady(sim, 'demo', 'api')).toBe(true);
    expect(azCounts(sim)).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2 });
  });

  it('does nothing when rebalancing is DISABLED', () => {
    const sim = createSimulation({ seed: 9, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1, availabilityZone: 'us-east-1a' });
    sim.advance(5 * 60_000);
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
    sim.ecs.createService({ cluster: 'demo', serviceName: 'api', taskDefinition: 'web', desiredCount: 4, availabilityZoneRebalancing: 'DISABLED' });
    expect(runToSteady(sim, 'demo', 'api')).toBe(true);
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1, availabilityZone: 'us-east-1b' });
    sim.advance(20 * 60_000);
    expect(azCounts(sim)).toEqual({ 'us-east-1a': 4 });
  });
});
