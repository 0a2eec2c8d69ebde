import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../core';
import { filterClusterMap, mapFacets, NO_FILTER, taskMatches } from './filter';
import { extractClusterMap } from './model';

/** Two services on three m5.large instances (one per AZ) plus a Fargate task; web's tasks still PENDING or RUNNING. */
function cluster() {
  const sim = createSimulation({ seed: 3 });
  sim.ecs.createCluster({ clusterName: 'demo' });
  sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 3 });
  sim.advance(10 * 60_000);
  sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 256, memory: 256 }] });
  sim.ecs.registerTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', image: 'httpd', cpu: 256, memory: 256 }] });
  sim.ecs.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 4 });
  sim.ecs.createService({ cluster: 'demo', serviceName: 'api', taskDefinition: 'api', desiredCount: 2 });
  sim.advance(5 * 60_000);
  return extractClusterMap(sim.state, 'demo');
}

describe('mapFacets', () => {
  it('counts tasks per service, per lastStatus in lifecycle order and per AZ, listing empty AZs with 0', () => {
    const model = cluster();
    const facets = mapFacets(model);
    expect(facets.tasks).toBe(6);
    expect(facets.groups).toEqual([
      { value: 'service:api', count: 2 },
      { value: 'service:web', count: 4 },
    ]);
    expect(facets.statuses).toEqual([{ value: 'RUNNING', count: 6 }]);
    expect(facets.zones.map((z) => z.value)).toEqual(model.availabilityZones);
    expect(facets.zones.reduce((n, z) => n + z.count, 0)).toBe(6);
  });

  it('orders statuses as the task lifecycle goes', () => {
    const model = cluster();
    const [a, b] = model.instances[0].tasks.length >= 2 ? model.instances[0].tasks : model.instances.flatMap((i) => i.tasks);
    a.lastStatus = 'STOPPING';
    b.lastStatus = 'PENDING';
    expect(mapFacets(model).statuses.map((s) => s.value)).toEqual(['PENDING', 'RUNNING', 'STOPPING']);
  });
});

describe('filterClusterMap', () => {
  it('returns the very same model when nothing is filtered', () => {
    const model = cluster();
    const out = filterClusterMap(model, NO_FILTER);
    expect(out.model).toBe(model);
    expect(out.dimmed.size).toBe(0);
    expect(out.matching).toBe(6);
  });

  it('dims the tasks of other services but keeps them on their instances', () => {
    const model = cluster();
    const out = filterClusterMap(model, { ...NO_FILTER, group: 'service:api' });
    expect(out.matching).toBe(2);
    expect(out.dimmed.size).toBe(4);
    expect(out.model.instances.flatMap((i) => i.tasks)).toHaveLength(6);
    for (const arn of out.dimmed) expect(model.instances.flatMap((i) => i.tasks).find((t) => t.taskArn === arn)?.group).toBe('service:web');
  });

  it('shows only the chosen AZ, and counts only its matching tasks', () => {
    const model = cluster();
    const az = model.availabilityZones[1];
    const out = filterClusterMap(model, { ...NO_FILTER, az });
    expect(out.model.availabilityZones).toEqual([az]);
    expect(out.model.instances.every((i) => i.availabilityZone === az)).toBe(true);
    expect(out.matching).toBe(model.instances.filter((i) => i.availabilityZone === az).flatMap((i) => i.tasks).length);
  });

  it('matches nothing when the status has no task, so the panel can say what to change', () => {
    const out = filterClusterMap(cluster(), { ...NO_FILTER, status: 'PENDING' });
    expect(out.matching).toBe(0);
    expect(out.dimmed.size).toBe(6);
  });

  it('taskMatches needs both the service and the status to match', () => {
    const [task] = cluster().instances.flatMap((i) => i.tasks);
    expect(taskMatches(task, { ...NO_FILTER, group: task.group, status: 'RUNNING' })).toBe(true);
    expect(taskMatches(task, { ...NO_FILTER, group: task.group, status: 'PENDING' })).toBe(false);
  });
});
