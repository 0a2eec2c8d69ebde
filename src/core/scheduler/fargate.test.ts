/** Fargate services: awsvpc network configuration, tasks spread over the subnets' AZs, tags propagated. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { describe1, runToSteady } from './testWorld';

describe('Fargate services', () => {
  it('spreads tasks across the AZs of the subnets and reports platform version and network configuration', () => {
    const sim = createSimulation({ seed: 5, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'f' });
    sim.ecs.registerTaskDefinition({
      family: 'app',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'app', image: 'nginx' }],
    });
    const s = sim.ecs.createService({
      cluster: 'f',
      serviceName: 'app',
      taskDefinition: 'app',
      desiredCount: 6,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-aaaa1111', 'subnet-bbbb2222', 'subnet-cccc3333'] } },
      propagateTags: 'SERVICE',
      enableECSManagedTags: true,
      tags: [{ key: 'team', value: 'web' }],
    }).service!;
    expect(s).toMatchObject({ launchType: 'FARGATE', platformVersion: 'LATEST', platformFamily: 'Linux' });
    expect(s.networkConfiguration?.awsvpcConfiguration?.subnets).toHaveLength(3);
    expect(runToSteady(sim, 'f', 'app')).toBe(true);
    const arns = sim.ecs.listTasks({ cluster: 'f', serviceName: 'app' }).taskArns!;
    const tasks = sim.ecs.describeTasks({ cluster: 'f', tasks: arns, include: ['TAGS'] }).tasks!;
    const perAz = new Map<string, number>();
    for (const t of tasks) perAz.set(t.availabilityZone!, (perAz.get(t.availabilityZone!) ?? 0) + 1);
    expect(Math.max(...perAz.values()) - Math.min(...perAz.values())).toBeLessThanOrEqual(1);
    expect(tasks[0].tags).toEqual([
      { key: 'aws:ecs:clusterName', value: 'f' },
      { key: 'aws:ecs:serviceName', value: 'app' },
      { key: 'team', value: 'web' },
    ]);
    expect(tasks[0]).toMatchObject({ launchType: 'FARGATE', platformVersion: '1.4.0' });
    expect(describe1(sim, 'f', 'app').runningCount).toBe(6);
  });

  it('needs a network configuration for awsvpc task definitions', () => {
    const sim = createSimulation();
    sim.ecs.createCluster({ clusterName: 'f' });
    sim.ecs.registerTaskDefinition({ family: 'app', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'nginx' }] });
    expect(() => sim.ecs.createService({ cluster: 'f', serviceName: 'app', taskDefinition: 'app', desiredCount: 1, launchType: 'FARGATE' })).toThrow(
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
  });
});
