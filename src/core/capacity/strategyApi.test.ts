import { describe, expect, it } from 'vitest';
import type { SimState } from '../engine/state';
import { awsvpc, fargateWorld } from './fargateWorld';
import { asgWorld, registerWorker } from './testWorld';

const strategy = [
  { capacityProvider: 'FARGATE', base: 2, weight: 1 },
  { capacityProvider: 'FARGATE_SPOT', weight: 3 },
];

function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected an error');
}

function byProvider(list: { capacityProviderName?: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of list) out[t.capacityProviderName ?? '-'] = (out[t.capacityProviderName ?? '-'] ?? 0) + 1;
  return out;
}

describe('capacity provider strategies in RunTask', () => {
  it('RunTask count 10 with base 2 / weights 1:3 starts FARGATE 4, FARGATE_SPOT 6', () => {
    const sim = fargateWorld();
    const { tasks } = sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', count: 10, capacityProviderStrategy: strategy, networkConfiguration: awsvpc });
    expect(byProvider(tasks!)).toEqual({ FARGATE: 4, FARGATE_SPOT: 6 });
    expect(tasks!.every((t) => t.launchType === 'FARGATE')).toBe(true);
  });

  it("the cluster's default strategy applies when neither launchType nor a strategy is given", () => {
    const sim = fargateWorld();
    sim.ecs.putClusterCapacityProviders({ cluster: 'f', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
    const { tasks } = sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', count: 2, networkConfiguration: awsvpc });
    expect(byProvider(tasks!)).toEqual({ FARGATE_SPOT: 2 });
    const lt = sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', launchType: 'FARGATE', networkConfiguration: awsvpc }).tasks![0];
    expect(lt.capacityProviderName).toBeUndefined();
  });

  it('every strategy error text of RunTask', () => {
    const sim = fargateWorld();
    const run = (s: unknown, extra: Record<string, unknown> = {}) =>
      thrown(() => sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', capacityProviderStrategy: s as never, networkConfiguration: awsvpc, ...extra }));
    expect(run(strategy, { launchType: 'FARGATE' })).toMatchObject({
      name: 'InvalidParameterException',
      message: 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    });
    expect(run([{ capacityProvider: 'FARGATE' }, { capacityProvider: 'FARGATE_SPOT' }]).message).toBe(
      'There are no capacity providers with a weight value greater than zero defined in the capacity provider strategy. At least one capacity provider must have a weight value greater than zero specified. Specify a valid capacity provider strategy and try again.',
    );
    expect(run([{ capacityProvider: 'cp', weight: 1 }]).message).toBe(
      'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
    );
    expect(run([{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', base: 1, weight: 1 }]).message).toBe(
      'Only one capacity provider in a capacity provider strategy can have a base defined.',
    );
    expect(run([{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: 'FARGATE', weight: 2 }]).message).toBe(
      'The capacity provider strategy names FARGATE more than once. Specify each capacity provider once and try again.',
    );
    expect(run([{ capacityProvider: 'FARGATE', weight: -1 }]).message).toBe('The weight of a capacity provider strategy item must be between 0 and 1000.');
    expect(run(Array.from({ length: 21 }, (_, i) => ({ capacityProvider: `cp${i}`, weight: 1 }))).message).toBe('capacityProviderStrategy must contain at most 20 items.');
  });

  it('an Auto Scaling group provider runs EC2 tasks: on its instances when they fit, else waiting in PROVISIONING', () => {
    const { sim, state } = asgWorld({ managedScaling: null, desiredCapacity: 1, maxSize: 2 });
    registerWorker(sim, 'w', 1024, 1024);
    sim.advance(60_000);
    const { tasks, failures } = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'w', count: 3, capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] });
    expect(failures).toEqual([]);
    // t3... m5.large: two 1-vCPU tasks fit, the third waits (managed scaling is off, so it waits until capacity is added).
    expect(tasks!.map((t) => t.containerInstanceArn !== undefined)).toEqual([true, true, false]);
    expect(tasks!.map((t) => t.capacityProviderName)).toEqual(['cp', 'cp', 'cp']);
    sim.advance(5 * 60_000);
    const waiting = tasks![2].taskArn!;
    expect(state.tasks[waiting].lastStatus).toBe('PROVISIONING');
    sim.infra.setDesiredCapacity({ autoScalingGroupName: 'asg', desiredCapacity: 2 });
    sim.advance(60_000);
    expect(state.tasks[waiting].lastStatus).toBe('RUNNING');
    expect(state.tasks[waiting].containerInstanceArn).toBeDefined();
    const trail = sim.events.filter((e) => e.resource === waiting && e.type === 'task.stateChange').map((e) => (e.data as { lastStatus: string }).lastStatus);
    expect(trail).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
  });

  it('refuses RunTask beyond 500 tasks waiting in PROVISIONING in the cluster (ClientException)', () => {
    const { sim } = asgWorld({ managedScaling: null });
    registerWorker(sim);
    for (let i = 0; i < 50; i++) sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'worker', count: 10 });
    expect(thrown(() => sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'worker' }))).toMatchObject({
      name: 'ClientException',
      message: 'The cluster already has 500 tasks in the PROVISIONING state. Wait for capacity and try again.',
    });
  });

  it('a GPU task that waited for capacity gets the GPU of the instance it is placed on', () => {
    const { sim, state } = asgWorld({ instanceType: 'g4dn.xlarge', managedScaling: { instanceWarmupPeriod: 60 } });
    sim.ecs.registerTaskDefinition({
      family: 'gpu',
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [
        { name: 'side', image: 'busybox:1.36', memory: 128, essential: false, command: ['sleep', '86400'] },
        { name: 'infer', image: 'nvidia/cuda:12.4.1-base-ubuntu22.04', memory: 2048, resourceRequirements: [{ type: 'GPU', value: '1' }], command: ['sleep', '86400'] },
      ],
    });
    const arn = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'gpu' }).tasks![0].taskArn!;
    expect(state.tasks[arn].lastStatus).toBe('PROVISIONING');
    sim.advance(5 * 60_000);
    const t = state.tasks[arn];
    expect(t.lastStatus).toBe('RUNNING');
    const ci = state.containerInstances[t.containerInstanceArn!];
    expect(t.containers.map((c) => c.gpuIds)).toEqual([undefined, ci.registered.gpuIds]);
  });

  it('StopTask on a task waiting for capacity stops it without ever placing it', () => {
    const { sim, state } = asgWorld({ managedScaling: null });
    registerWorker(sim);
    const arn = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'worker' }).tasks![0].taskArn!;
    sim.ecs.stopTask({ cluster: 'demo', task: arn });
    sim.advance(60_000);
    expect(state.tasks[arn]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'UserInitiated' });
    expect(state.capacity.waiting).toEqual({});
  });
});

describe('capacity provider strategies in CreateService / UpdateService', () => {
  it('a service of 10 with base 2 / weights 1:3 runs FARGATE 4, FARGATE_SPOT 6; scaling to 11 adds FARGATE_SPOT', () => {
    const sim = fargateWorld();
    sim.ecs.createService({ cluster: 'f', serviceName: 's', taskDefinition: 'api', desiredCount: 10, capacityProviderStrategy: strategy, networkConfiguration: awsvpc });
    sim.advance(2 * 60_000);
    const live = () => Object.values((sim.state as SimState).tasks).filter((t) => t.desiredStatus === 'RUNNING');
    expect(byProvider(live())).toEqual({ FARGATE: 4, FARGATE_SPOT: 6 });
    expect(live().every((t) => t.launchType === 'FARGATE')).toBe(true);
    sim.ecs.updateService({ cluster: 'f', service: 's', desiredCount: 11 });
    sim.advance(60_000);
    expect(byProvider(live())).toEqual({ FARGATE: 4, FARGATE_SPOT: 7 });
    const svc = sim.ecs.describeServices({ cluster: 'f', services: ['s'] }).services![0];
    expect(svc.capacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', base: 2, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 3 },
    ]);
    expect(svc.launchType).toBeUndefined();
  });

  it('CreateService and UpdateService refuse a launch type with a strategy, and unassociated providers', () => {
    const sim = fargateWorld();
    expect(
      thrown(() => sim.ecs.createService({ cluster: 'f', serviceName: 'x', taskDefinition: 'api', desiredCount: 1, launchType: 'FARGATE', capacityProviderStrategy: strategy, networkConfiguration: awsvpc })),
    ).toMatchObject({ name: 'InvalidParameterException', message: 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.' });
    sim.ecs.createService({ cluster: 'f', serviceName: 's', taskDefinition: 'api', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: awsvpc });
    expect(thrown(() => sim.ecs.updateService({ cluster: 'f', service: 's', capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] })).message).toMatch(
      /^The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster\./,
    );
  });

  it('a service on an empty group provider without managed scaling: tasks wait, the service says so (§12.1 E23), and they start once instances are added', () => {
    const { sim, state } = asgWorld({ managedScaling: null });
    registerWorker(sim, 'w', 1024, 1024);
    sim.ecs.createService({ cluster: 'demo', serviceName: 'svc', taskDefinition: 'w', desiredCount: 2 });
    sim.advance(5 * 60_000);
    const svc = sim.ecs.describeServices({ cluster: 'demo', services: ['svc'] }).services![0];
    expect(svc.events!.map((e) => e.message)).toContain('(service svc) was unable to reach steady state. Reason: No Container Instances were found in your capacity provider.');
    expect(svc.pendingCount).toBe(2);
    sim.infra.setDesiredCapacity({ autoScalingGroupName: 'asg', desiredCapacity: 1 });
    sim.advance(2 * 60_000);
    expect(Object.values(state.tasks).filter((t) => t.lastStatus === 'RUNNING')).toHaveLength(2);
  });

  it('a service on an Auto Scaling group provider starts from zero instances: tasks wait in PROVISIONING, managed scaling brings instances, the service reaches steady state', () => {
    const { sim, state } = asgWorld({ managedScaling: { instanceWarmupPeriod: 60 } });
    registerWorker(sim, 'w', 1024, 1024);
    sim.ecs.createService({ cluster: 'demo', serviceName: 'svc', taskDefinition: 'w', desiredCount: 5 });
    sim.advance(1000);
    const live = () => Object.values(state.tasks).filter((t) => t.desiredStatus === 'RUNNING');
    expect(live().map((t) => [t.lastStatus, t.capacityProviderName, t.launchType])).toEqual(Array(5).fill(['PROVISIONING', 'cp', 'EC2']));
    sim.advance(20 * 60_000);
    expect(live().length).toBe(5);
    expect(live().every((t) => t.lastStatus === 'RUNNING')).toBe(true);
    const svc = sim.ecs.describeServices({ cluster: 'demo', services: ['svc'] }).services![0];
    expect(svc.runningCount).toBe(5);
    expect(svc.events!.some((e) => e.message === '(service svc) has reached a steady state.')).toBe(true);
    // 5 one-vCPU tasks on m5.large (two each) need 3 instances.
    expect(state.capacity.providers.cp.scaling.samples.at(-1)).toMatchObject({ m: 3, n: 3, metric: 100 });
  });
});
