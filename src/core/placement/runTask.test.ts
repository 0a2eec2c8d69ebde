import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../engine/simulation';
import type { SimState } from '../engine/state';

function world(instanceTypes: string[], seed = 3): Simulation {
  const sim = createSimulation({ seed });
  sim.ecs.createCluster({ clusterName: 'default' });
  for (const instanceType of instanceTypes) sim.infra.launchInstances({ cluster: 'default', instanceType });
  sim.runUntil((s) => s.ecs.describeClusters({}).clusters![0].registeredContainerInstancesCount === instanceTypes.length, { maxMs: 600_000 });
  sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 512, cpu: 256 }] });
  return sim;
}

function instanceTypeOf(sim: Simulation, containerInstanceArn: string): string {
  const ci = (sim.state as SimState).containerInstances[containerInstanceArn];
  return ci.attributes.find((a) => a.name === 'ecs.instance-type')!.value!;
}

describe('RunTask with placementConstraints and placementStrategy', () => {
  it('memberOf keeps tasks on matching instances', () => {
    const sim = world(['t3.small', 'm5.large', 't3.small']);
    const out = sim.ecs.runTask({ taskDefinition: 'web', count: 3, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }] });
    expect(out.tasks!.map((t) => instanceTypeOf(sim, t.containerInstanceArn!))).toEqual(['m5.large', 'm5.large', 'm5.large']);
  });

  it('binpack(memory) fills the smallest instance first', () => {
    const sim = world(['m5.large', 't3.small']);
    const out = sim.ecs.runTask({ taskDefinition: 'web', count: 2, placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    expect(out.tasks!.map((t) => instanceTypeOf(sim, t.containerInstanceArn!))).toEqual(['t3.small', 't3.small']);
  });

  it('an unsatisfiable memberOf answers with the ECS reason for every instance', () => {
    const sim = world(['t3.small', 't3.small']);
    const out = sim.ecs.runTask({ taskDefinition: 'web', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == windows' }] });
    expect(out.tasks).toEqual([]);
    expect(out.failures!.map((f) => f.reason)).toEqual(['MemberOf placement constraint unsatisfied.', 'MemberOf placement constraint unsatisfied.']);
  });

  it('a bad expression is an InvalidParameterException naming the column', () => {
    const sim = world(['t3.small']);
    expect(() => sim.ecs.runTask({ taskDefinition: 'web', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type = linux' }] })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException', message: expect.stringContaining('at column 23') }),
    );
    expect(() => sim.ecs.runTask({ taskDefinition: 'web', placementStrategy: [{ type: 'binpack', field: 'disk' }] })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException' }),
    );
  });

  it('task-definition constraints apply and count toward the limit of 10', () => {
    const sim = world(['t3.small', 'm5.large']);
    sim.ecs.registerTaskDefinition({
      family: 'pinned',
      containerDefinitions: [{ name: 'a', image: 'nginx', memory: 128 }],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }],
    });
    const out = sim.ecs.runTask({ taskDefinition: 'pinned', count: 2 });
    expect(out.tasks!.map((t) => instanceTypeOf(sim, t.containerInstanceArn!))).toEqual(['t3.small', 't3.small']);
    const ten = Array.from({ length: 10 }, () => ({ type: 'memberOf' as const, expression: 'agentConnected == true' }));
    expect(() => sim.ecs.runTask({ taskDefinition: 'pinned', placementConstraints: ten })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
  });

  it('stores the explanation on the task record: the chosen instance and every instance\'s standing', () => {
    const sim = world(['t3.small', 'm5.large']);
    const out = sim.ecs.runTask({ taskDefinition: 'web', placementStrategy: [{ type: 'binpack', field: 'cpu' }] });
    const task = (sim.state as SimState).tasks[out.tasks![0].taskArn!];
    expect(task.placement?.chosen?.containerInstanceArn).toBe(task.containerInstanceArn);
    expect(task.placement?.strategies).toEqual([{ type: 'binpack', field: 'cpu' }]);
    expect(task.placement?.instances).toHaveLength(2);
    expect(task.placement?.instances.every((r) => r.scores?.[0].detail.endsWith('CPU units left after placing'))).toBe(true);
  });
});
