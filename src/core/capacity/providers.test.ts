import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import type { SimState } from '../engine/state';
import { asgWorld } from './testWorld';

function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as { name: string; message: string };
  }
  throw new Error('expected an error');
}

function world() {
  const sim = createSimulation({ seed: 3, timingProfile: 'fast' });
  sim.ecs.createCluster({ clusterName: 'demo' });
  const { autoScalingGroupArn } = sim.infra.createAutoScalingGroup({
    autoScalingGroupName: 'asg',
    cluster: 'demo',
    instanceType: 't3.medium',
    minSize: 0,
    maxSize: 4,
    desiredCapacity: 0,
    newInstancesProtectedFromScaleIn: true,
  });
  return { sim, asgArn: autoScalingGroupArn };
}

describe('sim.infra Auto Scaling groups', () => {
  it('createAutoScalingGroup returns the ARN; the group launches desiredCapacity instances whose agents join the cluster', () => {
    const sim = createSimulation({ seed: 1, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'demo' });
    const { autoScalingGroupArn } = sim.infra.createAutoScalingGroup({
      autoScalingGroupName: 'web-asg',
      cluster: 'demo',
      instanceType: 'c5.large',
      minSize: 1,
      maxSize: 3,
      desiredCapacity: 2,
      availabilityZones: ['us-east-1a', 'us-east-1b'],
    });
    expect(autoScalingGroupArn).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/web-asg$/);
    sim.advance(60_000);
    const g = sim.infra.describeAutoScalingGroups().autoScalingGroups[0];
    expect(g).toMatchObject({ autoScalingGroupName: 'web-asg', minSize: 1, maxSize: 3, desiredCapacity: 2 });
    expect(g.instances.map((i) => [i.availabilityZone, i.lifecycleState, i.instanceType])).toEqual([
      ['us-east-1a', 'InService', 'c5.large'],
      ['us-east-1b', 'InService', 'c5.large'],
    ]);
    expect(sim.ecs.listContainerInstances({ cluster: 'demo' }).containerInstanceArns).toHaveLength(2);
    sim.infra.setDesiredCapacity({ autoScalingGroupName: 'web-asg', desiredCapacity: 1 });
    sim.advance(60_000);
    expect(sim.infra.describeAutoScalingGroups().autoScalingGroups[0].instances).toHaveLength(1);
  });

  it('replaces an instance terminated behind its back at the next minute', () => {
    const sim = createSimulation({ seed: 1, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.createAutoScalingGroup({ autoScalingGroupName: 'g', cluster: 'demo', instanceType: 't3.small', minSize: 1, maxSize: 1, desiredCapacity: 1 });
    sim.advance(30_000);
    const first = sim.infra.describeAutoScalingGroups().autoScalingGroups[0].instances[0].instanceId;
    sim.infra.terminateInstance(first);
    sim.advance(90_000);
    const now = sim.infra.describeAutoScalingGroups().autoScalingGroups[0].instances.map((i) => i.instanceId);
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(first);
  });

  it('answers EC2 Auto Scaling errors for a duplicate name and sizes out of bounds', () => {
    const { sim } = world();
    expect(thrown(() => sim.infra.createAutoScalingGroup({ autoScalingGroupName: 'asg', cluster: 'demo', instanceType: 't3.small', minSize: 0, maxSize: 1 }))).toMatchObject({
      name: 'AlreadyExists',
      message: 'AutoScalingGroup by this name already exists - A group with the name asg already exists',
    });
    expect(thrown(() => sim.infra.createAutoScalingGroup({ autoScalingGroupName: 'b', cluster: 'demo', instanceType: 't3.small', minSize: 2, maxSize: 1 }))).toMatchObject({
      name: 'ValidationError',
      message: 'Max bound, 1, must be greater than or equal to min bound, 2',
    });
    expect(thrown(() => sim.infra.setDesiredCapacity({ autoScalingGroupName: 'asg', desiredCapacity: 9 }))).toMatchObject({
      name: 'ValidationError',
      message: 'Desired capacity:9 must be between the specified min size:0 and max size:4',
    });
  });
});

describe('CreateCapacityProvider / DescribeCapacityProviders / UpdateCapacityProvider / DeleteCapacityProvider', () => {
  it('creates an EC2_AUTOSCALING provider with the documented managed scaling defaults', () => {
    const { sim, asgArn } = world();
    const cp = sim.ecs.createCapacityProvider({ name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: asgArn, managedScaling: { status: 'ENABLED' } } }).capacityProvider!;
    expect(cp).toMatchObject({
      capacityProviderArn: 'arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp',
      name: 'cp',
      status: 'ACTIVE',
      type: 'EC2_AUTOSCALING',
      autoScalingGroupProvider: {
        autoScalingGroupArn: asgArn,
        managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
        managedTerminationProtection: 'DISABLED',
        managedDraining: 'ENABLED',
      },
    });
    const all = sim.ecs.describeCapacityProviders().capacityProviders!.map((p) => p.name);
    expect(all).toEqual(['FARGATE', 'FARGATE_SPOT', 'cp']);
    expect(sim.ecs.describeCapacityProviders({ capacityProviders: ['nope'] }).failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:123456789012:capacity-provider/nope', reason: 'MISSING' },
    ]);
    const up = sim.ecs.updateCapacityProvider({ name: 'cp', autoScalingGroupProvider: { managedScaling: { status: 'ENABLED', targetCapacity: 90 } } }).capacityProvider!;
    expect(up.autoScalingGroupProvider!.managedScaling!.targetCapacity).toBe(90);
    expect(up.updateStatus).toBe('UPDATE_COMPLETE');
  });

  it('every CreateCapacityProvider error text', () => {
    const { sim, asgArn } = world();
    const create = (req: Record<string, unknown>) => thrown(() => sim.ecs.createCapacityProvider(req as never));
    sim.ecs.createCapacityProvider({ name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: asgArn } });
    expect(create({ name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: asgArn } })).toEqual(
      expect.objectContaining({ name: 'ClientException', message: 'The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.' }),
    );
    expect(create({ name: 'cp2', autoScalingGroupProvider: { autoScalingGroupArn: asgArn } })).toEqual(
      expect.objectContaining({ name: 'ClientException', message: 'The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.' }),
    );
    expect(create({ name: 'ecs-cp', autoScalingGroupProvider: { autoScalingGroupArn: asgArn } })).toMatchObject({
      name: 'InvalidParameterException',
      message: 'The capacity provider name cannot begin with "aws", "ecs", or "fargate".',
    });
    expect(create({ name: 'x', autoScalingGroupProvider: { autoScalingGroupArn: 'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:0:autoScalingGroupName/none' } }).name).toBe('ClientException');
    sim.infra.createAutoScalingGroup({ autoScalingGroupName: 'plain', cluster: 'demo', instanceType: 't3.small', minSize: 0, maxSize: 1 });
    const plainArn = sim.infra.describeAutoScalingGroups({ autoScalingGroupNames: ['plain'] }).autoScalingGroups[0].autoScalingGroupARN;
    expect(create({ name: 'p', autoScalingGroupProvider: { autoScalingGroupArn: plainArn, managedScaling: { status: 'ENABLED' }, managedTerminationProtection: 'ENABLED' } })).toMatchObject({
      name: 'ClientException',
      message:
        'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.',
    });
    expect(create({ name: 'p', autoScalingGroupProvider: { autoScalingGroupArn: plainArn, managedScaling: { targetCapacity: 0 } } })).toMatchObject({
      name: 'InvalidParameterException',
      message: 'targetCapacity must be between 1 and 100.',
    });
    expect(create({ name: 'p', autoScalingGroupProvider: { autoScalingGroupArn: plainArn, managedScaling: { minimumScalingStepSize: 5, maximumScalingStepSize: 2 } } }).message).toBe(
      'minimumScalingStepSize must not be greater than maximumScalingStepSize.',
    );
    expect(thrown(() => sim.ecs.deleteCapacityProvider({ capacityProvider: 'FARGATE' }))).toMatchObject({
      name: 'ClientException',
      message: 'The FARGATE capacity provider is managed by Amazon ECS and cannot be created, updated or deleted.',
    });
    expect(thrown(() => sim.ecs.updateCapacityProvider({ name: 'ghost', autoScalingGroupProvider: {} }))).toMatchObject({
      name: 'ClientException',
      message: 'The specified capacity provider was not found. Specify a valid capacity provider and try again.',
    });
  });

  it('DeleteCapacityProvider fails on the provider while a cluster has it, and deletes it once removed', () => {
    const { sim } = asgWorld({ managedScaling: null });
    const r = sim.ecs.deleteCapacityProvider({ capacityProvider: 'cp' }).capacityProvider!;
    expect([r.status, r.updateStatus, r.updateStatusReason]).toEqual([
      'ACTIVE',
      'DELETE_FAILED',
      'The specified capacity provider is associated with a cluster. Remove it from the cluster with PutClusterCapacityProviders and try again.',
    ]);
    sim.ecs.putClusterCapacityProviders({ cluster: 'demo', capacityProviders: [], defaultCapacityProviderStrategy: [] });
    const d = sim.ecs.deleteCapacityProvider({ capacityProvider: 'arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp' }).capacityProvider!;
    expect([d.status, d.updateStatus]).toEqual(['INACTIVE', 'DELETE_COMPLETE']);
  });
});

describe('PutClusterCapacityProviders and CreateCluster capacity members', () => {
  it('CreateCluster with providers and a default strategy; DescribeClusters shows them', () => {
    const sim = createSimulation({ seed: 2 });
    sim.ecs.createCluster({
      clusterName: 'mixed',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 4 }],
    });
    const c = sim.ecs.describeClusters({ clusters: ['mixed'] }).clusters![0];
    expect(c.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(c.defaultCapacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 4 },
    ]);
  });

  it('every PutClusterCapacityProviders error text', () => {
    const { sim, asgArn } = world();
    sim.ecs.createCapacityProvider({ name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: asgArn } });
    const put = (providers: string[], strategy: unknown[]) =>
      thrown(() => sim.ecs.putClusterCapacityProviders({ cluster: 'demo', capacityProviders: providers, defaultCapacityProviderStrategy: strategy as never }));
    expect(put(['FARGATE', 'cp'], [{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: 'cp', weight: 1 }])).toMatchObject({
      name: 'InvalidParameterException',
      message: 'A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.',
    });
    expect(put(['nope'], [])).toMatchObject({ name: 'InvalidParameterException', message: 'The specified capacity provider was not found. Specify a valid capacity provider and try again.' });
    expect(put(['FARGATE'], [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]).message).toBe(
      'The default capacity provider strategy can only contain capacity providers that are in the capacityProviders list.',
    );
    expect(put(['FARGATE', 'FARGATE_SPOT'], [{ capacityProvider: 'FARGATE' }, { capacityProvider: 'FARGATE_SPOT' }]).message).toBe(
      "There are no capacity providers with a weight value greater than zero defined in the default capacity provider strategy. At least one capacity provider must have a weight value greater than zero specified. Update the cluster's default capacity provider strategy or specify a valid capacity provider strategy and try again.",
    );
    expect(put(['FARGATE', 'FARGATE_SPOT'], [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', base: 1, weight: 1 }]).message).toBe(
      'Only one capacity provider in a capacity provider strategy can have a base defined.',
    );
    expect(put(['FARGATE'], [{ capacityProvider: 'FARGATE', weight: 1001 }]).message).toBe('The weight of a capacity provider strategy item must be between 0 and 1000.');
    expect(put(['FARGATE'], [{ capacityProvider: 'FARGATE', base: 100001 }]).message).toBe('The base of a capacity provider strategy item must be between 0 and 100000.');
    expect(put(Array.from({ length: 21 }, () => 'FARGATE'), []).message).toBe('The maximum number of capacity providers per cluster has been exceeded.');
  });

  it('refuses to remove a provider that tasks still use (ResourceInUseException)', () => {
    const sim = createSimulation({ seed: 2, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'f', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] });
    sim.ecs.registerTaskDefinition({ family: 'api', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'a', image: 'nginx:1.27' }] });
    sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } });
    expect(thrown(() => sim.ecs.putClusterCapacityProviders({ cluster: 'f', capacityProviders: [], defaultCapacityProviderStrategy: [] }))).toMatchObject({
      name: 'ResourceInUseException',
      message: 'The specified capacity provider is in use and cannot be removed.',
    });
  });

  it('a provider with managed scaling joins one cluster only', () => {
    const { sim } = asgWorld();
    sim.ecs.createCluster({ clusterName: 'other' });
    expect(thrown(() => sim.ecs.putClusterCapacityProviders({ cluster: 'other', capacityProviders: ['cp'], defaultCapacityProviderStrategy: [] })).message).toBe(
      'The capacity provider cp uses managed scaling and is already associated with cluster demo. A capacity provider with managed scaling can be associated with only one cluster.',
    );
    expect((sim.state as SimState).clusters.other.capacityProviders).toEqual([]);
  });
});

describe('capacity provider tags', () => {
  it('TagResource, ListTagsForResource and UntagResource work on a capacity provider ARN', () => {
    const { sim } = asgWorld({ managedScaling: null });
    const arn = 'arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp';
    sim.ecs.tagResource({ resourceArn: arn, tags: [{ key: 'team', value: 'blue' }] });
    expect(sim.ecs.listTagsForResource({ resourceArn: arn }).tags).toEqual([{ key: 'team', value: 'blue' }]);
    expect(sim.ecs.describeCapacityProviders({ capacityProviders: ['cp'], include: ['TAGS'] }).capacityProviders![0].tags).toEqual([{ key: 'team', value: 'blue' }]);
    sim.ecs.untagResource({ resourceArn: arn, tagKeys: ['team'] });
    expect(sim.ecs.listTagsForResource({ resourceArn: arn }).tags).toEqual([]);
  });
});
