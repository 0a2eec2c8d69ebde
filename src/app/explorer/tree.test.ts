import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../core';
import type { SimState } from '../../core/engine/state';
import { ancestorsOf, buildExplorerTree, COLLAPSE_ABOVE, findNode, idOfSelected, keyOutcome, moreId, PAGE_SIZE, visibleRows, type TreeNode, type TreeView } from './tree';

const EMPTY_VIEW: TreeView = { expanded: new Map(), shown: new Map() };

function ec2World(instances = 2): Simulation {
  const sim = createSimulation({ seed: 7, timingProfile: 'fast' });
  sim.ecs.createCluster({ clusterName: 'demo' });
  sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.medium', count: instances });
  sim.runUntil((s) => s.ecs.listContainerInstances({ cluster: 'demo' }).containerInstanceArns!.length === instances, { maxMs: 600_000 });
  sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
  sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128 }] });
  return sim;
}

const tree = (sim: Simulation) => buildExplorerTree(sim.state as SimState);
const kids = (n: TreeNode | undefined) => n?.children ?? [];

describe('explorer tree', () => {
  it('clusters → services → tasks, with running/desired counts and family:revision on each task', () => {
    const sim = ec2World();
    const serviceArn = sim.ecs.createService({ cluster: 'demo', serviceName: 'api', taskDefinition: 'web:2', desiredCount: 3 }).service!.serviceArn!;
    sim.runUntil((s) => s.ecs.describeServices({ cluster: 'demo', services: ['api'] }).services![0].runningCount === 3, { maxMs: 600_000 });
    const [cluster, families] = tree(sim);
    expect(cluster).toMatchObject({ kind: 'cluster', name: 'demo', status: 'ACTIVE', facts: { services: 1, running: 3, pending: 0, instances: 2 } });
    expect(cluster.id).toBe('cluster:arn:aws:ecs:us-east-1:123456789012:cluster/demo');
    expect(kids(cluster).map((n) => n.kind)).toEqual(['services', 'instances', 'providers']);
    const service = kids(kids(cluster)[0])[0];
    expect(service).toMatchObject({ id: `service:${serviceArn}`, name: 'api', status: 'ACTIVE', facts: { running: 3, desired: 3, count: 3 } });
    expect(kids(service).map((t) => [t.status, t.facts.taskDefinition, t.facts.launch])).toEqual([
      ['RUNNING', 'web:2', 'EC2'],
      ['RUNNING', 'web:2', 'EC2'],
      ['RUNNING', 'web:2', 'EC2'],
    ]);
    expect(kids(service)[0].name).toMatch(/^[0-9a-f]{32}$/);
    expect(families).toMatchObject({ id: 'families', kind: 'families', facts: { count: 1 } });
  });

  it('ids are stable across rebuilds and ticks, so expansion and focus survive', () => {
    const sim = ec2World();
    sim.ecs.createService({ cluster: 'demo', serviceName: 'api', taskDefinition: 'web', desiredCount: 2 });
    sim.advance(5_000);
    const ids = (roots: TreeNode[]) => visibleRows(roots, EMPTY_VIEW).map((r) => r.id);
    const before = ids(tree(sim));
    sim.advance(1_000);
    expect(ids(tree(sim)).slice(0, before.length)).toEqual(before);
  });

  it('standalone tasks get their own group; stopped tasks come after live ones', () => {
    const sim = ec2World(1);
    const [a, b] = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'web', count: 2 }).tasks!.map((t) => t.taskArn!);
    sim.runUntil((s) => s.state.tasks[a].lastStatus === 'RUNNING' && s.state.tasks[b].lastStatus === 'RUNNING', { maxMs: 600_000 });
    sim.ecs.stopTask({ cluster: 'demo', task: a });
    sim.runUntil((s) => s.state.tasks[a].lastStatus === 'STOPPED', { maxMs: 600_000 });
    const [cluster] = tree(sim);
    const standalone = kids(cluster).find((n) => n.kind === 'standalone')!;
    expect(kids(standalone).map((t) => [t.id, t.status])).toEqual([
      [`task:${b}`, 'RUNNING'],
      [`task:${a}`, 'STOPPED'],
    ]);
    expect(cluster.facts).toMatchObject({ running: 1, pending: 0 });
  });

  it('container instances show DRAINING and a disconnected agent, with the group counting both', () => {
    const sim = ec2World(3);
    const [first, second] = sim.ecs.listContainerInstances({ cluster: 'demo' }).containerInstanceArns!;
    sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: [first], status: 'DRAINING' });
    sim.faults.disconnectAgent(second);
    sim.advance(1_000);
    const [cluster] = tree(sim);
    const instances = kids(cluster).find((n) => n.kind === 'instances')!;
    expect(instances.facts).toEqual({ count: 3, draining: 1, disconnected: 1 });
    const byArn = new Map(kids(instances).map((n) => [n.id, n]));
    expect(byArn.get(`instance:${first}`)).toMatchObject({ status: 'DRAINING', facts: { type: 't3.medium', running: 0 } });
    expect(byArn.get(`instance:${first}`)?.disconnected).toBeUndefined();
    expect(byArn.get(`instance:${second}`)).toMatchObject({ status: 'ACTIVE', disconnected: true });
    expect(byArn.get(`instance:${second}`)?.name).toMatch(/^i-[0-9a-f]{17}$/);
  });

  it('capacity providers of the cluster, and task definitions by family with the latest revision first', () => {
    const sim = createSimulation({ seed: 3 });
    sim.ecs.createCluster({ clusterName: 'f', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
    sim.ecs.registerTaskDefinition({ family: 'b', containerDefinitions: [{ name: 'x', image: 'nginx', memory: 64 }] });
    sim.ecs.registerTaskDefinition({ family: 'a', containerDefinitions: [{ name: 'x', image: 'nginx', memory: 64 }] });
    sim.ecs.registerTaskDefinition({ family: 'a', containerDefinitions: [{ name: 'x', image: 'nginx', memory: 128 }] });
    sim.ecs.deregisterTaskDefinition({ taskDefinition: 'a:1' });
    const [cluster, families] = tree(sim);
    const providers = kids(cluster).find((n) => n.kind === 'providers')!;
    expect(kids(providers).map((p) => p.name)).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(providers.facts.count).toBe(2);
    expect(kids(families).map((f) => [f.name, f.facts])).toEqual([
      ['a', { count: 2, active: 1, latest: 2 }],
      ['b', { count: 1, active: 1, latest: 1 }],
    ]);
    expect(kids(kids(families)[0]).map((r) => [r.name, r.status])).toEqual([
      ['a:2', 'ACTIVE'],
      ['a:1', 'INACTIVE'],
    ]);
    expect(kids(kids(families)[0])[0].target).toEqual({ kind: 'taskDefinition', taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/a:2' });
  });

  it('a task or instance picked on the map opens its cluster, group and service in the tree', () => {
    const sim = ec2World(1);
    const serviceArn = sim.ecs.createService({ cluster: 'demo', serviceName: 'api', taskDefinition: 'web', desiredCount: 1 }).service!.serviceArn!;
    const standaloneArn = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'web' }).tasks![0].taskArn!;
    sim.advance(30_000);
    const state = sim.state as SimState;
    const clusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo';
    const serviceTask = Object.values(state.tasks).find((t) => t.group === 'service:api')!.taskArn;
    expect(ancestorsOf(state, { taskArn: serviceTask })).toEqual([`cluster:${clusterArn}`, `services:${clusterArn}`, `service:${serviceArn}`]);
    expect(ancestorsOf(state, { taskArn: standaloneArn })).toEqual([`cluster:${clusterArn}`, `standalone:${clusterArn}`]);
    const [ci] = sim.ecs.listContainerInstances({ cluster: 'demo' }).containerInstanceArns!;
    expect(ancestorsOf(state, { containerInstanceArn: ci })).toEqual([`cluster:${clusterArn}`, `instances:${clusterArn}`]);
    expect(ancestorsOf(state, { taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/demo/nope' })).toEqual([]);
    // opened, the task's row is visible
    const view: TreeView = { expanded: new Map(ancestorsOf(state, { taskArn: serviceTask }).map((id) => [id, true])), shown: new Map() };
    expect(visibleRows(buildExplorerTree(state, view), view).some((r) => r.id === `task:${serviceTask}`)).toBe(true);
  });

  it('a deleted cluster stays as a leaf with its INACTIVE status', () => {
    const sim = createSimulation({ seed: 3 });
    sim.ecs.createCluster({ clusterName: 'gone' });
    sim.ecs.deleteCluster({ cluster: 'gone' });
    const [cluster] = tree(sim);
    expect(cluster).toMatchObject({ name: 'gone', status: 'INACTIVE' });
    expect(cluster.children).toBeUndefined();
  });

  it('large groups start collapsed; expanded ones draw at most PAGE_SIZE children and a "show more" row', () => {
    const sim = createSimulation({ seed: 5, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'big' });
    sim.infra.launchInstances({ cluster: 'big', instanceType: 'm5.large', count: 60 });
    sim.runUntil((s) => s.ecs.listContainerInstances({ cluster: 'big' }).containerInstanceArns!.length === 60, { maxMs: 900_000 });
    const [cluster] = tree(sim);
    const instances = kids(cluster).find((n) => n.kind === 'instances')!;
    expect(instances.facts.count).toBeGreaterThan(COLLAPSE_ABOVE);
    expect(instances.defaultExpanded).toBe(false);
    const collapsed = visibleRows(tree(sim), EMPTY_VIEW);
    expect(collapsed.some((r) => r.node?.kind === 'instance')).toBe(false);
    const open: TreeView = { expanded: new Map([[instances.id, true]]), shown: new Map() };
    const rows = visibleRows(tree(sim), open);
    expect(rows.filter((r) => r.node?.kind === 'instance')).toHaveLength(PAGE_SIZE);
    const more = rows.find((r) => r.more !== undefined)!;
    expect(more).toMatchObject({ id: moreId(instances.id), more: 10, parentId: instances.id, level: 3 });
    const all: TreeView = { expanded: open.expanded, shown: new Map([[instances.id, PAGE_SIZE * 2]]) };
    expect(visibleRows(tree(sim), all).filter((r) => r.node?.kind === 'instance')).toHaveLength(60);
  });

  it('builds a 200-instance, 2,000-task account quickly and draws only what is expanded', () => {
    const sim = createSimulation({ seed: 9, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'load' });
    sim.infra.launchInstances({ cluster: 'load', instanceType: 'm5.2xlarge', count: 200 });
    sim.runUntil((s) => s.ecs.listContainerInstances({ cluster: 'load' }).containerInstanceArns!.length === 200, { maxMs: 900_000 });
    sim.ecs.registerTaskDefinition({ family: 'w', containerDefinitions: [{ name: 'w', image: 'nginx', memory: 64, cpu: 16 }] });
    for (let i = 0; i < 4; i++) sim.ecs.createService({ cluster: 'load', serviceName: `s${i}`, taskDefinition: 'w', desiredCount: 500 });
    sim.advance(120_000);
    const state = sim.state as SimState;
    expect(Object.keys(state.tasks).length).toBeGreaterThanOrEqual(2000);
    const started = performance.now();
    const roots = buildExplorerTree(state, EMPTY_VIEW);
    const rows = visibleRows(roots, EMPTY_VIEW);
    const took = performance.now() - started;
    expect(took).toBeLessThan(1000); // generous: the machine running tests is shared
    // services are few, so the group is open; every service with 500 tasks starts collapsed, unbuilt
    const services = rows.filter((r) => r.node?.kind === 'service').map((r) => r.node!);
    expect(services.map((n) => [n.childCount, n.children?.length, n.facts.count])).toEqual(Array(4).fill([500, 0, 500]));
    expect(rows.filter((r) => r.node?.kind === 'task' || r.node?.kind === 'instance')).toHaveLength(0);
    // opening one builds only the first page of its tasks
    const open: TreeView = { expanded: new Map([[services[0].id, true]]), shown: new Map() };
    const opened = buildExplorerTree(state, open);
    expect(findNode(opened, services[0].id)?.children).toHaveLength(PAGE_SIZE);
    expect(visibleRows(opened, open).find((r) => r.more !== undefined)).toMatchObject({ more: 450, parentId: services[0].id });
  });
});

describe('explorer keyboard (WAI-ARIA tree pattern)', () => {
  const leaf = (id: string): TreeNode => ({ id, kind: 'task', name: id, facts: {} });
  const roots: TreeNode[] = [
    { id: 'c', kind: 'cluster', name: 'c', facts: {}, defaultExpanded: true, children: [leaf('t1'), leaf('t2')] },
    { id: 'f', kind: 'families', name: '', facts: {}, defaultExpanded: false, children: [leaf('r1')] },
  ];
  const rows = visibleRows(roots, EMPTY_VIEW);

  it('visible rows skip the children of collapsed nodes', () => {
    expect(rows.map((r) => [r.id, r.level])).toEqual([
      ['c', 1],
      ['t1', 2],
      ['t2', 2],
      ['f', 1],
    ]);
  });

  it('Down/Up move through visible rows; Home/End jump to the first and last', () => {
    expect(keyOutcome('ArrowDown', rows, 't2', EMPTY_VIEW)).toEqual({ focus: 'f' });
    expect(keyOutcome('ArrowDown', rows, 'f', EMPTY_VIEW)).toBeUndefined();
    expect(keyOutcome('ArrowUp', rows, 't1', EMPTY_VIEW)).toEqual({ focus: 'c' });
    expect(keyOutcome('Home', rows, 't2', EMPTY_VIEW)).toEqual({ focus: 'c' });
    expect(keyOutcome('End', rows, 'c', EMPTY_VIEW)).toEqual({ focus: 'f' });
  });

  it('Right opens a closed node, then moves to its first child; Left closes, then moves to the parent', () => {
    expect(keyOutcome('ArrowRight', rows, 'f', EMPTY_VIEW)).toEqual({ toggle: 'f', expand: true });
    expect(keyOutcome('ArrowRight', rows, 'c', EMPTY_VIEW)).toEqual({ focus: 't1' });
    expect(keyOutcome('ArrowRight', rows, 't1', EMPTY_VIEW)).toBeUndefined();
    expect(keyOutcome('ArrowLeft', rows, 't2', EMPTY_VIEW)).toEqual({ focus: 'c' });
    expect(keyOutcome('ArrowLeft', rows, 'c', EMPTY_VIEW)).toEqual({ toggle: 'c', expand: false });
    expect(keyOutcome('ArrowLeft', rows, 'f', EMPTY_VIEW)).toBeUndefined();
  });

  it('Enter and Space activate; a focus that vanished falls back to the first row', () => {
    expect(keyOutcome('Enter', rows, 't1', EMPTY_VIEW)).toEqual({ activate: 't1' });
    expect(keyOutcome(' ', rows, 'c', EMPTY_VIEW)).toEqual({ activate: 'c' });
    expect(keyOutcome('ArrowDown', rows, 'gone', EMPTY_VIEW)).toEqual({ focus: 'c' });
  });

  it('finds nodes by id and maps the app selection to tree ids', () => {
    expect(findNode(roots, 'r1')?.name).toBe('r1');
    expect(findNode(roots, 'nope')).toBeUndefined();
    expect(idOfSelected({ taskArn: 'arn:t' })).toBe('task:arn:t');
    expect(idOfSelected({ containerInstanceArn: 'arn:ci' })).toBe('instance:arn:ci');
    expect(idOfSelected(undefined)).toBeUndefined();
  });
});
