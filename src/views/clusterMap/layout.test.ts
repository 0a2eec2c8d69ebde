import { describe, expect, it } from 'vitest';
import { fargateSlotSize, layoutClusterMap, MAP, MIN_ZONE_WIDTH } from './layout';
import type { ClusterMapModel, MapInstance, MapTask } from './model';

const task = (n: number, over: Partial<MapTask> = {}): MapTask => ({
  taskArn: `arn:aws:ecs:us-east-1:123456789012:task/demo/${String(n).padStart(32, '0')}`,
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

const instance = (n: number, az: string, tasks: MapTask[] = [], over: Partial<MapInstance> = {}): MapInstance => ({
  key: `arn:aws:ecs:us-east-1:123456789012:container-instance/demo/${n}`,
  ec2InstanceId: `i-${String(n).padStart(17, '0')}`,
  instanceType: 'm5.large',
  availabilityZone: az,
  state: 'active',
  status: 'ACTIVE',
  agentConnected: true,
  registeredCpu: 2048,
  registeredMemory: 7680,
  remainingCpu: 2048 - tasks.reduce((s, t) => s + t.cpu, 0),
  remainingMemory: 7680 - tasks.reduce((s, t) => s + t.memory, 0),
  portsInUse: [],
  enisInUse: 0,
  enisRegistered: 2,
  tasks,
  ...over,
});

function model(instances: MapInstance[], fargate: MapTask[] = []): ClusterMapModel {
  const zones = [...new Set([...instances.map((i) => i.availabilityZone), ...fargate.map((t) => t.availabilityZone!)])].sort();
  return { clusterName: 'demo', availabilityZones: zones, instances, fargate };
}

describe('layoutClusterMap', () => {
  it('puts each Availability Zone in its own column, instances stacked inside', () => {
    const layout = layoutClusterMap(model([instance(1, 'us-east-1a'), instance(2, 'us-east-1b'), instance(3, 'us-east-1a')]), 1000);
    expect(layout.zones[0].y).toBe(layout.zones[1].y);
    expect(layout.zones.map((z) => z.key)).toEqual(['us-east-1a', 'us-east-1b']);
    const byId = (n: number) => layout.instances.find((i) => i.instance.ec2InstanceId === instance(n, '').ec2InstanceId)!;
    const [a1, b, a2] = [byId(1), byId(2), byId(3)];
    expect(a1.x).toBe(a2.x);
    expect(b.x).toBeGreaterThan(a1.x + a1.w);
    expect(a2.y).toBe(a1.y + MAP.cardHeight + MAP.cardGap);
  });

  it('sizes task segments by their reservation relative to what the instance registered', () => {
    const layout = layoutClusterMap(model([instance(1, 'us-east-1a', [task(1, { cpu: 1024, memory: 3840 }), task(2, { cpu: 512, memory: 768 })])]), 800);
    const box = layout.instances[0];
    const cpu = layout.segments.filter((s) => s.resource === 'cpu');
    const mem = layout.segments.filter((s) => s.resource === 'memory');
    expect(cpu[0].w).toBeCloseTo(box.cpuBar.w / 2);
    expect(cpu[1].x).toBeCloseTo(cpu[0].x + cpu[0].w);
    expect(cpu[1].w).toBeCloseTo(box.cpuBar.w / 4);
    expect(mem[0].w).toBeCloseTo(box.memoryBar.w / 2);
    expect(mem[1].w).toBeCloseTo(box.memoryBar.w / 10);
  });

  it('keys segments by task ARN and resource, so a task keeps its identity across frames', () => {
    const layout = layoutClusterMap(model([instance(1, 'us-east-1a', [task(7)])]), 800);
    expect(layout.segments.map((s) => s.key)).toEqual([`${task(7).taskArn}|cpu`, `${task(7).taskArn}|memory`]);
  });

  it('gives the same group the same colour everywhere', () => {
    const layout = layoutClusterMap(
      model([instance(1, 'us-east-1a', [task(1)]), instance(2, 'us-east-1b', [task(2)])], [task(3, { availabilityZone: 'us-east-1a' })]),
      900,
    );
    const colors = new Set([...layout.segments.map((s) => s.color), ...layout.fargate.map((f) => f.color)]);
    expect(colors.size).toBe(1);
  });

  it('draws Fargate tasks in their AZ box, below that AZ\'s instances, marking Spot', () => {
    const layout = layoutClusterMap(
      model(
        [instance(1, 'us-east-1a'), instance(2, 'us-east-1b')],
        [task(1, { availabilityZone: 'us-east-1b' }), task(2, { availabilityZone: 'us-east-1b', capacityProviderName: 'FARGATE_SPOT' })],
      ),
      900,
    );
    const zoneB = layout.zones.find((z) => z.key === 'us-east-1b')!;
    const cardB = layout.instances.find((i) => i.instance.availabilityZone === 'us-east-1b')!;
    expect(layout.fargateLabels).toEqual([{ key: 'us-east-1b', x: zoneB.x, y: expect.any(Number) }]);
    for (const slot of layout.fargate) {
      expect(slot.x).toBeGreaterThanOrEqual(zoneB.x);
      expect(slot.x + slot.w).toBeLessThanOrEqual(zoneB.x + zoneB.w);
      expect(slot.y).toBeGreaterThan(cardB.y + MAP.cardHeight);
      expect(slot.y + slot.h).toBeLessThanOrEqual(zoneB.y + zoneB.h);
    }
    expect(layout.fargate.map((f) => f.spot)).toEqual([false, true]);
  });

  it('wraps AZ boxes into rows when they would be narrower than MIN_ZONE_WIDTH', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((l, i) => instance(i, `us-east-1${l}`));
    const layout = layoutClusterMap(model(six), 800);
    const rows = new Set(layout.zones.map((z) => z.y));
    expect(rows.size).toBe(3);
    expect(new Set(layoutClusterMap(model(six), 1700).zones.map((z) => z.y)).size).toBe(1);
    for (const z of layout.zones) expect(z.w).toBeGreaterThanOrEqual(MIN_ZONE_WIDTH);
    expect(layout.height).toBeGreaterThan(2 * MAP.cardHeight);
  });

  it('wraps Fargate slots to a new row when a column is full', () => {
    const many = Array.from({ length: 40 }, (_, i) => task(i, { availabilityZone: 'us-east-1a' }));
    const layout = layoutClusterMap(model([], many), 400);
    const rows = new Set(layout.fargate.map((f) => f.y));
    expect(rows.size).toBeGreaterThan(1);
    for (const slot of layout.fargate) expect(slot.x + slot.w).toBeLessThanOrEqual(400);
  });

  it('grows Fargate slots with task size', () => {
    const small = fargateSlotSize(256, 512);
    const big = fargateSlotSize(4096, 16384);
    expect(big.w).toBeGreaterThan(small.w);
    expect(big.h).toBeGreaterThan(small.h);
  });

  it('lays out an empty cluster without zones', () => {
    const layout = layoutClusterMap(model([]), 600);
    expect(layout.zones).toEqual([]);
    expect(layout.instances).toEqual([]);
    expect(layout.height).toBeGreaterThan(0);
  });
});
