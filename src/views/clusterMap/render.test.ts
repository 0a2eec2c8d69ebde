import { describe, expect, it } from 'vitest';
import { layoutClusterMap } from './layout';
import type { ClusterMapModel, MapInstance, MapTask } from './model';
import { renderClusterMap, slotName, type MapLabels } from './render';

const labels: MapLabels = {
  free: (i) => `${i.remainingCpu} CPU free`,
  cpu: 'CPU',
  memory: 'MEM',
  fargate: 'Fargate',
  spot: 'SPOT',
  states: { booting: 'booting', active: 'ACTIVE', draining: 'DRAINING', disconnected: 'agent disconnected', terminating: 'terminating', inactive: 'INACTIVE' },
  taskTitle: (t) => `${t.group} ${t.lastStatus}`,
  instanceTitle: (i) => `${i.ec2InstanceId} ${i.state}`,
  column: (key) => key || 'idle',
};

const task = (n: number, over: Partial<MapTask> = {}): MapTask => ({
  taskArn: `arn:task/${n}`,
  id: String(n),
  group: 'service:web',
  family: 'web',
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

const inst = (n: number, tasks: MapTask[], over: Partial<MapInstance> = {}): MapInstance => ({
  key: `arn:ci/${n}`,
  ec2InstanceId: `i-0000000000000000${n}`,
  instanceType: 't3.medium',
  availabilityZone: 'us-east-1a',
  state: 'active',
  agentConnected: true,
  registeredCpu: 2048,
  registeredMemory: 3904,
  remainingCpu: 0,
  remainingMemory: 0,
  portsInUse: [],
  enisInUse: 0,
  enisRegistered: 0,
  tasks,
  ...over,
});

function draw(g: SVGGElement, m: ClusterMapModel, selected?: string) {
  renderClusterMap(g, layoutClusterMap(m, 800), { labels, duration: 0, selected });
}

function svgGroup(): SVGGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  svg.appendChild(g);
  document.body.appendChild(svg);
  return g;
}

describe('renderClusterMap', () => {
  it('draws one card per instance and two segments per task, keyed by ARN', () => {
    const g = svgGroup();
    draw(g, { clusterName: 'c', availabilityZones: ['us-east-1a'], instances: [inst(1, [task(1), task(2)])], fargate: [] });
    expect(g.querySelectorAll('g.instance')).toHaveLength(1);
    expect([...g.querySelectorAll('rect.segment')].map((r) => r.getAttribute('data-task'))).toEqual([
      'arn:task/1',
      'arn:task/2',
      'arn:task/1',
      'arn:task/2',
    ]);
  });

  it('keeps the same DOM node for a task across renders and removes stopped ones', () => {
    const g = svgGroup();
    const m = (tasks: MapTask[]): ClusterMapModel => ({ clusterName: 'c', availabilityZones: ['us-east-1a'], instances: [inst(1, tasks)], fargate: [] });
    draw(g, m([task(1), task(2, { phase: 'starting', lastStatus: 'PENDING' })]));
    const node = g.querySelector('rect.segment[data-task="arn:task/2"]');
    expect(node?.getAttribute('data-phase')).toBe('starting');
    draw(g, m([task(2)]));
    expect(g.querySelector('rect.segment[data-task="arn:task/2"]')).toBe(node);
    expect(node?.getAttribute('data-phase')).toBe('running');
    expect(g.querySelector('rect.segment[data-task="arn:task/1"]')).toBeNull();
  });

  it('marks instance states and shows their label', () => {
    const g = svgGroup();
    draw(g, {
      clusterName: 'c',
      availabilityZones: ['us-east-1a'],
      instances: [inst(1, [], { state: 'disconnected', agentConnected: false }), inst(2, [], { state: 'draining' })],
      fargate: [],
    });
    const states = [...g.querySelectorAll('g.instance')].map((n) => [n.getAttribute('data-state'), n.querySelector('.instance-state')?.textContent]);
    expect(states).toEqual([
      ['disconnected', 'agent disconnected'],
      ['draining', 'DRAINING'],
    ]);
  });

  it('writes user-chosen names as text, never as markup', () => {
    const g = svgGroup();
    const evil = '<img src=x onerror="alert(1)">';
    draw(g, { clusterName: 'c', availabilityZones: ['us-east-1a'], instances: [inst(1, [task(1, { group: evil })])], fargate: [] });
    expect(g.querySelector('img')).toBeNull();
    expect(g.querySelector('rect.segment title')?.textContent).toBe(`${evil} RUNNING`);
  });

  it('draws Fargate slots with a Spot marker', () => {
    const g = svgGroup();
    draw(g, {
      clusterName: 'c',
      availabilityZones: ['us-east-1a'],
      instances: [],
      fargate: [task(1, { availabilityZone: 'us-east-1a' }), task(2, { availabilityZone: 'us-east-1a', capacityProviderName: 'FARGATE_SPOT' })],
    });
    expect(g.querySelectorAll('g.slot')).toHaveLength(2);
    expect(g.querySelector('g.slot[data-spot="true"] text.slot-spot')?.textContent).toBe('SPOT');
    expect(g.querySelector('g.slot text.slot-name')?.textContent).toBe('web');
    expect(g.querySelector('text.fargate-label')?.textContent).toBe('Fargate');
  });
});

describe('renderClusterMap with animations', () => {
  it('lets leaving nodes finish their fade even when frames keep re-rendering', async () => {
    const g = svgGroup();
    const m = (tasks: MapTask[]): ClusterMapModel => ({ clusterName: 'c', availabilityZones: ['us-east-1a'], instances: [inst(1, tasks)], fargate: [] });
    renderClusterMap(g, layoutClusterMap(m([task(1)]), 800), { labels, duration: 30 });
    renderClusterMap(g, layoutClusterMap(m([]), 800), { labels, duration: 30 });
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 20));
      renderClusterMap(g, layoutClusterMap(m([]), 800), { labels, duration: 30 });
    }
    await new Promise((r) => setTimeout(r, 120));
    expect(g.querySelectorAll('rect.segment')).toHaveLength(0);
  });

  it('keeps one card per EC2 instance from booting to registered', () => {
    const g = svgGroup();
    const booting = inst(1, [], { key: 'i-00000000000000001', state: 'booting', registeredCpu: 0, registeredMemory: 0 });
    draw(g, { clusterName: 'c', availabilityZones: ['us-east-1a'], instances: [booting], fargate: [] });
    const card = g.querySelector('g.instance');
    draw(g, { clusterName: 'c', availabilityZones: ['us-east-1a'], instances: [inst(1, [])], fargate: [] });
    expect(g.querySelector('g.instance')).toBe(card);
    expect(card?.getAttribute('data-state')).toBe('active');
  });
});

describe('renderClusterMap re-rendered every frame', () => {
  it('lets entering slots arrive at full opacity and their place', async () => {
    const g = svgGroup();
    const m: ClusterMapModel = { clusterName: 'c', availabilityZones: ['us-east-1a'], instances: [], fargate: [task(1, { availabilityZone: 'us-east-1a' })] };
    for (let i = 0; i < 12; i++) {
      renderClusterMap(g, layoutClusterMap(m, 800), { labels, duration: 40 });
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(Number(g.querySelector('g.slot')?.getAttribute('opacity'))).toBe(1);
  });
});

describe('slotName', () => {
  it('shows the service or family name, cut to fit', () => {
    expect(slotName('service:web', 60)).toBe('web');
    expect(slotName('family:very-long-family-name', 48)).toBe('very-l…');
    expect(slotName('service:web', 12)).toBe('');
  });
});
