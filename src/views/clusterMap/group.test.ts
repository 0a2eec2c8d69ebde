import { describe, expect, it } from 'vitest';
import { dominantGroup, groupClusterMap } from './group';
import type { ClusterMapModel, MapInstance, MapTask } from './model';

const task = (n: number, group: string, over: Partial<MapTask> = {}): MapTask => ({
  taskArn: `arn:task/${n}`,
  id: String(n),
  group,
  family: group.slice(group.indexOf(':') + 1),
  lastStatus: 'RUNNING',
  desiredStatus: 'RUNNING',
  phase: 'running',
  cpu: 256,
  memory: 512,
  ports: [],
  eni: false,
  createdAt: n,
  ...over,
});

const instance = (n: number, az: string, type: string, tasks: MapTask[]): MapInstance => ({
  key: `arn:ci/${n}`,
  ec2InstanceId: `i-0${n}`,
  instanceType: type,
  availabilityZone: az,
  state: 'active',
  agentConnected: true,
  registeredCpu: 2048,
  registeredMemory: 7680,
  remainingCpu: 2048,
  remainingMemory: 7680,
  portsInUse: [],
  enisInUse: 0,
  enisRegistered: 2,
  tasks,
});

const model: ClusterMapModel = {
  clusterName: 'c',
  availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  instances: [
    instance(1, 'us-east-1a', 'm5.large', [task(1, 'service:web'), task(2, 'service:web'), task(3, 'service:api', { cpu: 1024 })]),
    instance(2, 'us-east-1b', 't3.medium', [task(4, 'service:web')]),
    instance(3, 'us-east-1b', 'm5.large', []),
  ],
  fargate: [
    task(5, 'service:api', { availabilityZone: 'us-east-1b', capacityProviderName: 'FARGATE_SPOT' }),
    task(6, 'family:batch', { availabilityZone: 'us-east-1a' }),
  ],
};

const shape = (by: Parameters<typeof groupClusterMap>[1]) =>
  groupClusterMap(model, by).map((c) => [c.key, c.instances.map((i) => i.ec2InstanceId), c.fargate.map((t) => t.id)]);

describe('groupClusterMap', () => {
  it('by AZ keeps every AZ of the cluster, even one with nothing in it', () => {
    expect(shape('az')).toEqual([
      ['us-east-1a', ['i-01'], ['6']],
      ['us-east-1b', ['i-02', 'i-03'], ['5']],
      ['us-east-1c', [], []],
    ]);
  });

  it('by service files an instance under the service holding most of its CPU, idle instances last', () => {
    expect(shape('service')).toEqual([
      ['family:batch', [], ['6']],
      ['service:api', ['i-01'], ['5']],
      ['service:web', ['i-02'], []],
      ['', ['i-03'], []],
    ]);
  });

  it('by instance type puts Fargate tasks under their capacity provider', () => {
    expect(shape('instanceType')).toEqual([
      ['FARGATE', [], ['6']],
      ['FARGATE_SPOT', [], ['5']],
      ['m5.large', ['i-01', 'i-03'], []],
      ['t3.medium', ['i-02'], []],
    ]);
  });

  it('dominantGroup breaks a tie by name and is empty for an idle instance', () => {
    expect(dominantGroup(instance(9, 'a', 'm5.large', [task(1, 'service:zeta'), task(2, 'service:alpha')]))).toBe('service:alpha');
    expect(dominantGroup(instance(9, 'a', 'm5.large', []))).toBe('');
  });
});
