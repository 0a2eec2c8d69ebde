import { describe, expect, it } from 'vitest';
import { hitTest } from './hitTest';
import { layoutClusterMap } from './layout';
import type { ClusterMapModel, MapInstance, MapTask } from './model';

const task = (n: number, over: Partial<MapTask> = {}): MapTask => ({
  taskArn: `arn:task/${n}`,
  id: String(n),
  group: 'service:web',
  family: 'web',
  lastStatus: 'RUNNING',
  desiredStatus: 'RUNNING',
  phase: 'running',
  cpu: 512,
  memory: 1024,
  ports: [],
  eni: false,
  createdAt: n,
  ...over,
});

const instance = (tasks: MapTask[]): MapInstance => ({
  key: 'arn:ci/1',
  ec2InstanceId: 'i-01',
  instanceType: 'm5.large',
  availabilityZone: 'us-east-1a',
  state: 'active',
  agentConnected: true,
  registeredCpu: 2048,
  registeredMemory: 7680,
  remainingCpu: 1024,
  remainingMemory: 5632,
  portsInUse: [],
  enisInUse: 0,
  enisRegistered: 2,
  tasks,
});

const model: ClusterMapModel = {
  clusterName: 'c',
  availabilityZones: ['us-east-1a'],
  instances: [instance([task(1), task(2)])],
  fargate: [task(3, { capacityProviderName: 'FARGATE_SPOT', availabilityZone: 'us-east-1a' })],
};
const layout = layoutClusterMap(model, 800);

describe('hitTest', () => {
  it('finds the task segment under a point of the CPU bar, the second task right of the first', () => {
    const [first, second] = layout.segments.filter((s) => s.resource === 'cpu');
    const hit = hitTest(layout, second.x + 1, second.y + 2);
    expect(hit).toMatchObject({ kind: 'segment', segment: { taskArn: 'arn:task/2', resource: 'cpu' } });
    expect(hitTest(layout, first.x + first.w / 2, first.y + first.h / 2)).toMatchObject({ kind: 'segment', segment: { taskArn: 'arn:task/1' } });
  });

  it('finds the instance card where no task is: the free part of a bar and the header', () => {
    const box = layout.instances[0];
    expect(hitTest(layout, box.cpuBar.x + box.cpuBar.w - 2, box.cpuBar.y + 2)).toMatchObject({ kind: 'instance', box: { key: 'arn:ci/1' } });
    expect(hitTest(layout, box.x + 5, box.y + 5)).toMatchObject({ kind: 'instance' });
  });

  it('finds a Fargate slot, and nothing in the gaps between boxes', () => {
    const slot = layout.fargate[0];
    expect(hitTest(layout, slot.x + slot.w / 2, slot.y + slot.h / 2)).toMatchObject({ kind: 'slot', slot: { key: 'arn:task/3', spot: true } });
    expect(hitTest(layout, 1, 1)).toBeUndefined();
  });
});
