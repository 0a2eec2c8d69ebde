import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import type { SimState } from '../engine/state';
import { acceptsNewTasks, findContainerInstance } from '../infra/instances';
import { worldWithInstances } from '../infra/testWorld';
import { reserveResources } from '../placement/fit';
import { EcsError } from './errors';

const int = (name: string, integerValue: number) => ({ name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue });
const set = (name: string, stringSetValue: string[]) => ({ name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue });

describe('DescribeContainerInstances', () => {
  it('shows an m5.large with its exact registered resources', () => {
    const w = worldWithInstances({ instanceType: 'm5.large' });
    const res = w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [w.arns[0]] });
    expect(res.failures).toEqual([]);
    const ci = res.containerInstances![0];
    const expected = [int('CPU', 2048), int('MEMORY', 7985), set('PORTS', ['22', '2375', '2376', '51678', '51679']), set('PORTS_UDP', [])];
    expect(ci.registeredResources).toEqual(expected);
    expect(ci.remainingResources).toEqual(expected);
    expect(ci).toMatchObject({
      containerInstanceArn: w.arns[0],
      ec2InstanceId: w.instanceIds[0],
      status: 'ACTIVE',
      agentConnected: true,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      version: 1,
      versionInfo: { agentVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/), agentHash: expect.any(String), dockerVersion: expect.stringMatching(/^DockerVersion: /) },
      attachments: [],
      tags: [],
    });
    expect(ci.registeredAt).toBeInstanceOf(Date);
    expect(ci.healthStatus).toBeUndefined();
  });

  it('adds the GPU resource on GPU instances', () => {
    const w = worldWithInstances({ instanceType: 'g4dn.xlarge' });
    const ci = w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [w.arns[0]] }).containerInstances![0];
    expect(ci.registeredResources!.map((r) => r.name)).toEqual(['CPU', 'MEMORY', 'PORTS', 'PORTS_UDP', 'GPU']);
    expect(ci.registeredResources![4].stringSetValue).toHaveLength(1);
    expect(ci.registeredResources![4].stringSetValue![0]).toMatch(/^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('lists the built-in attributes placement uses', () => {
    const w = worldWithInstances({ instanceType: 'c6g.large' });
    const attrs = w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [w.arns[0]] }).containerInstances![0].attributes!;
    const byName = Object.fromEntries(attrs.map((a) => [a.name, a.value]));
    expect(byName).toMatchObject({
      'ecs.availability-zone': 'us-east-1a',
      'ecs.instance-type': 'c6g.large',
      'ecs.os-type': 'linux',
      'ecs.cpu-architecture': 'arm64',
    });
    expect(byName['ecs.ami-id']).toMatch(/^ami-/);
    expect(byName['ecs.vpc-id']).toMatch(/^vpc-/);
    expect(byName['ecs.subnet-id']).toMatch(/^subnet-/);
    for (const cap of ['ecs.capability.task-eni', 'com.amazonaws.ecs.capability.logging-driver.awslogs', 'ecs.capability.execution-role-ecr-pull', 'com.amazonaws.ecs.capability.docker-remote-api.1.18']) {
      expect(attrs).toContainEqual({ name: cap });
    }
  });

  it('includes tags and instance health only when asked', () => {
    const w = worldWithInstances();
    w.sim.ecs.tagResource({ resourceArn: w.arns[0], tags: [{ key: 'team', value: 'blue' }] });
    const ci = w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [w.arns[0]], include: ['TAGS', 'CONTAINER_INSTANCE_HEALTH'] }).containerInstances![0];
    expect(ci.tags).toEqual([{ key: 'team', value: 'blue' }]);
    expect(ci.healthStatus).toMatchObject({ overallStatus: 'OK', details: [{ type: 'CONTAINER_RUNTIME', status: 'OK' }] });
    expect(() => w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [w.arns[0]], include: ['FOO' as never] })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException' }),
    );
  });

  it('accepts the 32-hex id, and reports unknown ones as MISSING failures with their ARN', () => {
    const w = worldWithInstances();
    const id = w.arns[0].split('/').pop()!;
    const res = w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [id, '0123456789abcdef0123456789abcdef'] });
    expect(res.containerInstances!.map((c) => c.containerInstanceArn)).toEqual([w.arns[0]]);
    expect(res.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/demo/0123456789abcdef0123456789abcdef', reason: 'MISSING' }]);
  });

  it('shows agentConnected=false while the agent is disconnected', () => {
    const w = worldWithInstances();
    w.sim.faults.disconnectAgent(w.instanceIds[0]);
    expect(w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [w.arns[0]] }).containerInstances![0].agentConnected).toBe(false);
  });

  it('keeps describing a deregistered instance for an hour, then answers MISSING', () => {
    const w = worldWithInstances();
    w.sim.ecs.deregisterContainerInstance({ cluster: 'demo', containerInstance: w.arns[0] });
    w.sim.advance(59 * 60_000);
    expect(w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [w.arns[0]] }).containerInstances![0].status).toBe('INACTIVE');
    w.sim.advance(2 * 60_000);
    expect(w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [w.arns[0]] }).failures).toEqual([{ arn: w.arns[0], reason: 'MISSING' }]);
  });

  it('requires containerInstances and at most 100 of them', () => {
    const w = worldWithInstances();
    expect(() => w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [] })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(() => w.sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: Array(101).fill('x') })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException' }),
    );
    expect(() => w.sim.ecs.describeContainerInstances({ cluster: 'nope', containerInstances: ['x'] })).toThrow(new EcsError('ClusterNotFoundException', 'Cluster not found.'));
  });
});

describe('ListContainerInstances', () => {
  it('lists ACTIVE and DRAINING instances, filters by status, never lists INACTIVE ones', () => {
    const w = worldWithInstances({ count: 3 });
    w.sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: [w.arns[1]], status: 'DRAINING' });
    w.sim.infra.terminateInstance(w.instanceIds[2]);
    expect([...w.sim.ecs.listContainerInstances({ cluster: 'demo' }).containerInstanceArns!].sort()).toEqual([w.arns[0], w.arns[1]].sort());
    expect(w.sim.ecs.listContainerInstances({ cluster: 'demo', status: 'DRAINING' }).containerInstanceArns).toEqual([w.arns[1]]);
    expect(w.sim.ecs.listContainerInstances({ cluster: 'demo', status: 'ACTIVE' }).containerInstanceArns).toEqual([w.arns[0]]);
    expect(() => w.sim.ecs.listContainerInstances({ cluster: 'demo', status: 'INACTIVE' as never })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
  });

  it('pages with maxResults and nextToken', () => {
    const w = worldWithInstances({ count: 3 });
    // registration order
    const all = [...w.arns].sort((a, b) => w.sim.state.containerInstances[a].registeredAt - w.sim.state.containerInstances[b].registeredAt);
    const p1 = w.sim.ecs.listContainerInstances({ cluster: 'demo', maxResults: 2 });
    expect(p1.containerInstanceArns).toEqual(all.slice(0, 2));
    const p2 = w.sim.ecs.listContainerInstances({ cluster: 'demo', maxResults: 2, nextToken: p1.nextToken });
    expect(p2).toEqual({ containerInstanceArns: [all[2]] });
  });

  it('filters with the cluster query language and rejects a bad expression with its column', () => {
    const w = worldWithInstances({ count: 3 });
    w.sim.ecs.putAttributes({ cluster: 'demo', attributes: [{ name: 'stack', value: 'prod', targetId: w.arns[1] }] });
    expect(w.sim.ecs.listContainerInstances({ cluster: 'demo', filter: 'attribute:stack == prod' }).containerInstanceArns).toEqual([w.arns[1]]);
    expect(w.sim.ecs.listContainerInstances({ cluster: 'demo', filter: 'agentConnected == true and not(attribute:stack exists)' }).containerInstanceArns).toHaveLength(2);
    expect(() => w.sim.ecs.listContainerInstances({ cluster: 'demo', filter: 'attribute:stack ==' })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException', message: "Invalid filter expression: Expected an argument for '==' at column 19, found end of expression." }),
    );
  });
});

describe('UpdateContainerInstancesState', () => {
  it('drains and re-activates, bumping version and leaving an event', () => {
    const w = worldWithInstances();
    const res = w.sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: [w.arns[0]], status: 'DRAINING' });
    expect(res.failures).toEqual([]);
    expect(res.containerInstances![0]).toMatchObject({ status: 'DRAINING', version: 2 });
    expect(acceptsNewTasks(w.sim.state as SimState, w.arns[0])).toBe(false);
    expect(w.sim.events.at(-1)).toMatchObject({ type: 'containerInstance.statusChanged', resource: w.arns[0], data: { previousStatus: 'ACTIVE', status: 'DRAINING' } });
    w.sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: [w.arns[0]], status: 'ACTIVE' });
    expect(acceptsNewTasks(w.sim.state as SimState, w.arns[0])).toBe(true);
  });

  it('DRAINING keeps standalone tasks and their resources', () => {
    const w = worldWithInstances();
    const state = w.sim.state as SimState;
    reserveResources(state, w.arns[0], 'standalone', { cpu: 256, memory: 512, gpu: 0, ports: [], dynamicPorts: 0, needsEni: false });
    w.sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: [w.arns[0]], status: 'DRAINING' });
    w.sim.advance(10 * 60_000);
    expect(state.containerInstances[w.arns[0]].reservations.standalone).toBeDefined();
    expect(state.containerInstances[w.arns[0]].status).toBe('DRAINING');
  });

  it('reports unknown instances as MISSING and deregistered ones as INACTIVE failures', () => {
    const w = worldWithInstances({ count: 2 });
    w.sim.ecs.deregisterContainerInstance({ cluster: 'demo', containerInstance: w.arns[1] });
    const res = w.sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: [w.arns[0], 'ffffffffffffffffffffffffffffffff', w.arns[1]], status: 'DRAINING' });
    expect(res.containerInstances!.map((c) => c.containerInstanceArn)).toEqual([w.arns[0]]);
    expect(res.failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/demo/ffffffffffffffffffffffffffffffff', reason: 'MISSING' },
      { arn: w.arns[1], reason: 'INACTIVE', detail: 'The container instance is INACTIVE.' },
    ]);
  });

  it('accepts only ACTIVE or DRAINING and at most 10 instances', () => {
    const w = worldWithInstances();
    expect(() => w.sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: [w.arns[0]], status: 'INACTIVE' as never })).toThrow(
      new EcsError('InvalidParameterException', 'Container instance status must be ACTIVE or DRAINING.'),
    );
    expect(() => w.sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: Array(11).fill(w.arns[0]), status: 'DRAINING' })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException' }),
    );
  });
});

describe('DeregisterContainerInstance', () => {
  it('deregisters an idle instance: INACTIVE, out of the cluster count, agent stopped, EC2 instance still running', () => {
    const w = worldWithInstances();
    const res = w.sim.ecs.deregisterContainerInstance({ cluster: 'demo', containerInstance: w.arns[0] });
    expect(res.containerInstance).toMatchObject({ status: 'INACTIVE', agentConnected: false });
    expect(w.sim.ecs.describeClusters({ clusters: ['demo'] }).clusters![0].registeredContainerInstancesCount).toBe(0);
    expect(w.sim.state.actors[w.arns[0]].value).toBe('STOPPED');
    expect(w.sim.state.ec2Instances[w.instanceIds[0]].state).toBe('running');
  });

  it('refuses while tasks hold resources unless force is set; force releases them', () => {
    const w = worldWithInstances();
    const state = w.sim.state as SimState;
    reserveResources(state, w.arns[0], 'orphan', { cpu: 256, memory: 512, gpu: 0, ports: [{ hostPort: 80, protocol: 'tcp' }], dynamicPorts: 0, needsEni: false });
    expect(() => w.sim.ecs.deregisterContainerInstance({ cluster: 'demo', containerInstance: w.arns[0] })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException' }),
    );
    w.sim.ecs.deregisterContainerInstance({ cluster: 'demo', containerInstance: w.arns[0], force: true });
    expect(state.containerInstances[w.arns[0]].reservations).toEqual({});
    expect(w.sim.events.at(-1)).toMatchObject({ type: 'containerInstance.deregistered', data: { cause: 'api-force' } });
  });

  it('answers InvalidParameterException for an unknown instance', () => {
    const w = worldWithInstances();
    expect(() => w.sim.ecs.deregisterContainerInstance({ cluster: 'demo', containerInstance: 'ffffffffffffffffffffffffffffffff' })).toThrow(
      new EcsError('InvalidParameterException', 'Container instance not found.'),
    );
  });
});

describe('RegisterContainerInstance', () => {
  it('registers a running EC2 instance again after it was deregistered, with a new ARN and custom attributes', () => {
    const w = worldWithInstances();
    w.sim.ecs.deregisterContainerInstance({ cluster: 'demo', containerInstance: w.arns[0] });
    const doc = JSON.stringify({ instanceId: w.instanceIds[0], region: 'us-east-1' });
    const res = w.sim.ecs.registerContainerInstance({ cluster: 'demo', instanceIdentityDocument: doc, attributes: [{ name: 'stack', value: 'prod' }], tags: [{ key: 'k', value: 'v' }] });
    const ci = res.containerInstance!;
    expect(ci.containerInstanceArn).not.toBe(w.arns[0]);
    expect(ci).toMatchObject({ status: 'ACTIVE', agentConnected: true, ec2InstanceId: w.instanceIds[0], tags: [{ key: 'k', value: 'v' }] });
    expect(ci.attributes).toContainEqual({ name: 'stack', value: 'prod' });
    expect(findContainerInstance(w.sim.state as SimState, w.instanceIds[0])?.containerInstanceArn).toBe(ci.containerInstanceArn);
  });

  it('returns the same container instance when a registered agent registers again', () => {
    const w = worldWithInstances();
    const doc = JSON.stringify({ instanceId: w.instanceIds[0] });
    expect(w.sim.ecs.registerContainerInstance({ cluster: 'demo', instanceIdentityDocument: doc }).containerInstance!.containerInstanceArn).toBe(w.arns[0]);
  });

  it('refuses a missing or unknown identity document and an instance registered elsewhere', () => {
    const w = worldWithInstances();
    w.sim.ecs.createCluster({ clusterName: 'other' });
    expect(() => w.sim.ecs.registerContainerInstance({ cluster: 'demo' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    expect(() => w.sim.ecs.registerContainerInstance({ cluster: 'demo', instanceIdentityDocument: '{"instanceId":"i-00000000000000000"}' })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException' }),
    );
    expect(() => w.sim.ecs.registerContainerInstance({ cluster: 'other', instanceIdentityDocument: JSON.stringify({ instanceId: w.instanceIds[0] }) })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterException' }),
    );
  });
});

describe('DeleteCluster with container instances', () => {
  it('refuses while instances are ACTIVE or DRAINING, and succeeds once they are gone', () => {
    const w = worldWithInstances({ count: 2 });
    const refusal = new EcsError('ClusterContainsContainerInstancesException', 'The Cluster cannot be deleted while Container Instances are active or draining.');
    expect(() => w.sim.ecs.deleteCluster({ cluster: 'demo' })).toThrow(refusal);
    w.sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: w.arns, status: 'DRAINING' });
    expect(() => w.sim.ecs.deleteCluster({ cluster: 'demo' })).toThrow(refusal);
    w.sim.infra.terminateInstance(w.instanceIds[0]);
    w.sim.ecs.deregisterContainerInstance({ cluster: 'demo', containerInstance: w.arns[1] });
    expect(w.sim.ecs.deleteCluster({ cluster: 'demo' }).cluster!.status).toBe('INACTIVE');
  });

  it('counts registered instances per cluster', () => {
    const sim = createSimulation({ seed: 3, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'a' });
    sim.ecs.createCluster({ clusterName: 'b' });
    sim.infra.launchInstances({ cluster: 'a', instanceType: 't3.small', count: 2 });
    sim.infra.launchInstances({ cluster: 'b', instanceType: 't3.small', count: 1 });
    expect(sim.ecs.describeClusters({ clusters: ['a', 'b'] }).clusters!.map((c) => c.registeredContainerInstancesCount)).toEqual([0, 0]);
    sim.advance(60_000);
    expect(sim.ecs.describeClusters({ clusters: ['a', 'b'] }).clusters!.map((c) => c.registeredContainerInstancesCount)).toEqual([2, 1]);
  });
});
