/**
 * The explorer's tree, built from the core's state (pure): clusters → services → tasks, standalone
 * tasks, container instances and capacity providers per cluster; task definitions by family and
 * revision. Node ids are stable across rebuilds (kind + ARN), so expansion, focus and selection
 * survive every tick. Text is the component's job: nodes carry names, statuses and counts.
 */
import type { SimState } from '../../core/engine/state';
import type { TaskRecord } from '../../core/tasks/record';

export type NodeKind =
  | 'cluster'
  | 'services'
  | 'service'
  | 'standalone'
  | 'task'
  | 'instances'
  | 'instance'
  | 'providers'
  | 'provider'
  | 'families'
  | 'family'
  | 'revision';

/** What activating a node does in the app. */
export type ExplorerTarget =
  | { kind: 'cluster'; cluster: string }
  | { kind: 'service'; cluster: string; serviceArn: string }
  | { kind: 'task'; cluster: string; taskArn: string }
  | { kind: 'instance'; cluster: string; containerInstanceArn: string; ec2InstanceId: string }
  | { kind: 'provider'; cluster: string; name: string }
  | { kind: 'taskDefinition'; taskDefinitionArn: string };

export interface TreeNode {
  /** stable: `<kind>:<ARN or name>` */
  id: string;
  kind: NodeKind;
  /** the resource's name or id as ECS shows it (groups: empty) */
  name: string;
  /** ECS status string (lastStatus for tasks) */
  status?: string;
  /** one-line facts beside the name: counts, family:revision, instance type */
  facts: Record<string, string | number>;
  /** container instance whose agent is disconnected */
  disconnected?: boolean;
  target?: ExplorerTarget;
  /** parents only: the children built (see buildExplorerTree's view) */
  children?: TreeNode[];
  /** parents only: how many children there are, built or not */
  childCount?: number;
  /** groups with many children start collapsed */
  defaultExpanded?: boolean;
}

/** Groups with more children than this start collapsed. */
export const COLLAPSE_ABOVE = 12;
/** Children shown before a "show N more" row; each press shows this many more. */
export const PAGE_SIZE = 50;

/** The id at the end of an ARN (a task's 32 hex, a container instance's id). */
export function arnId(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/**
 * Gives `node` its children: all of them without a view; with a view, only when the node is open and
 * only as many as it shows (so 2,000 tasks in collapsed services cost a count, not 2,000 nodes).
 */
function fill<T>(node: TreeNode, items: readonly T[] | (() => readonly T[]), count: number, make: (item: T) => TreeNode, view: TreeView | undefined): TreeNode {
  node.childCount = count;
  node.defaultExpanded ??= count > 0 && count <= COLLAPSE_ABOVE;
  if (view && !isExpanded(node, view)) {
    node.children = [];
    return node;
  }
  const all = typeof items === 'function' ? items() : items;
  const limit = view ? (view.shown.get(node.id) ?? PAGE_SIZE) : all.length;
  node.children = (all.length > limit ? all.slice(0, limit) : all).map(make);
  return node;
}

function group(id: string, kind: NodeKind, facts: Record<string, string | number> = {}): TreeNode {
  return { id, kind, name: '', facts };
}

/** Live tasks first (oldest first, as they started), then stopped ones (newest first). */
function byLifecycle(a: TaskRecord, b: TaskRecord): number {
  const sa = a.lastStatus === 'STOPPED' ? 1 : 0;
  const sb = b.lastStatus === 'STOPPED' ? 1 : 0;
  if (sa !== sb) return sa - sb;
  if (sa === 1) return (b.stoppedAt ?? 0) - (a.stoppedAt ?? 0) || (a.taskArn < b.taskArn ? -1 : 1);
  return a.createdAt - b.createdAt || (a.taskArn < b.taskArn ? -1 : 1);
}

const sortedTasks = (tasks: readonly TaskRecord[]) => () => tasks.slice().sort(byLifecycle);

function taskNode(t: TaskRecord): TreeNode {
  const revision = t.taskDefinitionArn.slice(t.taskDefinitionArn.lastIndexOf(':') + 1);
  const facts: Record<string, string | number> = { taskDefinition: `${t.family}:${revision}` };
  facts.launch = t.capacityProviderName ?? t.launchType;
  return {
    id: `task:${t.taskArn}`,
    kind: 'task',
    name: arnId(t.taskArn),
    status: t.lastStatus,
    facts,
    target: { kind: 'task', cluster: t.clusterName, taskArn: t.taskArn },
  };
}

/**
 * The tree, top level first: one node per cluster, then the task definition families. With `view`,
 * children are built only for open nodes, up to what they show (what the component draws); without
 * it, every node is built (tests, lookups).
 */
export function buildExplorerTree(state: SimState, view?: TreeView): TreeNode[] {
  const tasksByCluster = new Map<string, TaskRecord[]>();
  const runningOnInstance = new Map<string, number>();
  for (const t of Object.values(state.tasks)) {
    const list = tasksByCluster.get(t.clusterName);
    if (list) list.push(t);
    else tasksByCluster.set(t.clusterName, [t]);
    if (t.containerInstanceArn && t.lastStatus === 'RUNNING') runningOnInstance.set(t.containerInstanceArn, (runningOnInstance.get(t.containerInstanceArn) ?? 0) + 1);
  }

  const clusters = Object.values(state.clusters).sort((a, b) => a.createdAt - b.createdAt || (a.clusterName < b.clusterName ? -1 : 1));
  const activeClusters = clusters.filter((x) => x.status === 'ACTIVE').length;
  const roots: TreeNode[] = clusters.map((c) => {
    const name = c.clusterName;
    const node: TreeNode = { id: `cluster:${c.clusterArn}`, kind: 'cluster', name, status: c.status, facts: {}, target: { kind: 'cluster', cluster: name } };
    if (c.status !== 'ACTIVE') return node;
    const tasks = tasksByCluster.get(name) ?? [];
    const services = Object.values(state.services)
      .filter((s) => s.clusterName === name && s.status !== 'INACTIVE')
      .sort((a, b) => a.createdAt - b.createdAt || (a.serviceName < b.serviceName ? -1 : 1));
    const tasksOfService = new Map<string, TaskRecord[]>(services.map((s) => [`service:${s.serviceName}`, []]));
    const standalone: TaskRecord[] = [];
    let running = 0;
    let pending = 0;
    for (const t of tasks) {
      if (t.lastStatus === 'RUNNING') running++;
      else if (t.lastStatus !== 'STOPPED') pending++;
      const list = tasksOfService.get(t.group);
      if (list) list.push(t);
      else if (!t.group.startsWith('service:')) standalone.push(t);
    }
    const serviceNode = (s: (typeof services)[number]): TreeNode => {
      const own = tasksOfService.get(`service:${s.serviceName}`) ?? [];
      const n: TreeNode = {
        id: `service:${s.serviceArn}`,
        kind: 'service',
        name: s.serviceName,
        status: s.status,
        facts: { running: own.filter((t) => t.lastStatus === 'RUNNING').length, desired: s.desiredCount, count: own.length },
        target: { kind: 'service', cluster: name, serviceArn: s.serviceArn },
        defaultExpanded: own.length > 0 && own.length <= COLLAPSE_ABOVE && services.length <= 3,
      };
      return fill(n, sortedTasks(own), own.length, taskNode, view);
    };
    const instances = Object.values(state.containerInstances)
      .filter((ci) => ci.clusterName === name && ci.status !== 'INACTIVE')
      .sort((a, b) => a.registeredAt - b.registeredAt || (a.ec2InstanceId < b.ec2InstanceId ? -1 : 1));
    const instanceNode = (ci: (typeof instances)[number]): TreeNode => {
      const n: TreeNode = {
        id: `instance:${ci.containerInstanceArn}`,
        kind: 'instance',
        name: ci.ec2InstanceId,
        status: ci.status,
        facts: { type: state.ec2Instances[ci.ec2InstanceId]?.instanceType ?? '', running: runningOnInstance.get(ci.containerInstanceArn) ?? 0 },
        target: { kind: 'instance', cluster: name, containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId },
      };
      if (!ci.agentConnected) n.disconnected = true;
      return n;
    };
    const providerNode = (p: string): TreeNode => {
      const record = state.capacity.providers[p];
      const facts: Record<string, string | number> = {};
      if (record) facts.group = record.autoScalingGroupName;
      return { id: `provider:${record?.capacityProviderArn ?? p}@${c.clusterArn}`, kind: 'provider', name: p, status: record?.status, facts, target: { kind: 'provider', cluster: name, name: p } };
    };
    node.facts = { services: services.length, running, pending, instances: instances.length };
    node.defaultExpanded = activeClusters <= 3;
    const groups = () => {
      const list = [fill(group(`services:${c.clusterArn}`, 'services', { count: services.length }), services, services.length, serviceNode, view)];
      if (standalone.length) list.push(fill(group(`standalone:${c.clusterArn}`, 'standalone', { count: standalone.length }), sortedTasks(standalone), standalone.length, taskNode, view));
      const draining = instances.filter((i) => i.status === 'DRAINING').length;
      const disconnected = instances.filter((i) => !i.agentConnected).length;
      list.push(fill(group(`instances:${c.clusterArn}`, 'instances', { count: instances.length, draining, disconnected }), instances, instances.length, instanceNode, view));
      list.push(fill(group(`providers:${c.clusterArn}`, 'providers', { count: c.capacityProviders.length }), c.capacityProviders, c.capacityProviders.length, providerNode, view));
      return list;
    };
    // the cluster always has its groups (their number does not depend on what exists)
    return fill(node, groups, standalone.length ? 4 : 3, (g) => g, view);
  });

  const families = Object.values(state.taskDefinitions)
    .filter((f) => f.revisions.length > 0)
    .sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : 0));
  const familyNode = (f: (typeof families)[number]): TreeNode => {
    const active = f.revisions.filter((r) => r.status === 'ACTIVE').length;
    const n: TreeNode = { id: `family:${f.family}`, kind: 'family', name: f.family, facts: { count: f.revisions.length, active, latest: f.lastRevision }, defaultExpanded: false };
    return fill(
      n,
      () => f.revisions.slice().reverse(),
      f.revisions.length,
      (r): TreeNode => ({
        id: `revision:${r.taskDefinitionArn}`,
        kind: 'revision',
        name: `${r.family}:${r.revision}`,
        status: r.status,
        facts: { revision: r.revision },
        target: { kind: 'taskDefinition', taskDefinitionArn: r.taskDefinitionArn },
      }),
      view,
    );
  };
  roots.push(fill(group('families', 'families', { count: families.length }), families, families.length, familyNode, view));
  return roots;
}

/** A row of the tree as drawn: visible nodes in order, plus "show N more" rows for capped lists. */
export interface VisibleRow {
  id: string;
  node?: TreeNode;
  /** set on "show more" rows: how many children are still hidden */
  more?: number;
  /** the node whose children the row extends (for "show more") or contains the row */
  parentId?: string;
  level: number;
}

export interface TreeView {
  /** ids the user toggled; anything else follows `defaultExpanded` */
  expanded: ReadonlyMap<string, boolean>;
  /** how many children each parent shows (default PAGE_SIZE) */
  shown: ReadonlyMap<string, number>;
}

/** A node with children to show (an empty group is drawn as a leaf). */
export function isParent(node: TreeNode): boolean {
  return (node.childCount ?? node.children?.length ?? 0) > 0;
}

export function isExpanded(node: TreeNode, view: TreeView): boolean {
  if (!isParent(node)) return false;
  return view.expanded.get(node.id) ?? node.defaultExpanded ?? false;
}

/** The children a parent draws now: the first `shown` ones, and how many are left. */
export function shownChildren(node: TreeNode, view: TreeView): { children: TreeNode[]; more: number } {
  const all = node.children ?? [];
  const total = node.childCount ?? all.length;
  const limit = view.shown.get(node.id) ?? PAGE_SIZE;
  return { children: all.length > limit ? all.slice(0, limit) : all, more: Math.max(0, total - limit) };
}

/** Every row the tree draws, in document order (what arrow keys walk). Children of collapsed nodes are not visited. */
export function visibleRows(roots: readonly TreeNode[], view: TreeView): VisibleRow[] {
  const rows: VisibleRow[] = [];
  const walk = (nodes: readonly TreeNode[], level: number, parentId: string | undefined) => {
    for (const node of nodes) {
      rows.push({ id: node.id, node, parentId, level });
      if (!isExpanded(node, view)) continue;
      const { children, more } = shownChildren(node, view);
      walk(children, level + 1, node.id);
      if (more > 0) rows.push({ id: moreId(node.id), more, parentId: node.id, level: level + 1 });
    }
  };
  walk(roots, 1, undefined);
  return rows;
}

export function moreId(parentId: string): string {
  return `more:${parentId}`;
}

/** Where a key press moves in the tree (WAI-ARIA tree pattern); `toggle` asks to expand or collapse `id`. */
export type KeyOutcome = { focus: string } | { toggle: string; expand: boolean } | { activate: string } | undefined;

export function keyOutcome(key: string, rows: readonly VisibleRow[], focusId: string, view: TreeView): KeyOutcome {
  const i = rows.findIndex((r) => r.id === focusId);
  if (i < 0) return rows.length ? { focus: rows[0].id } : undefined;
  const row = rows[i];
  switch (key) {
    case 'ArrowDown':
      return i + 1 < rows.length ? { focus: rows[i + 1].id } : undefined;
    case 'ArrowUp':
      return i > 0 ? { focus: rows[i - 1].id } : undefined;
    case 'Home':
      return { focus: rows[0].id };
    case 'End':
      return { focus: rows[rows.length - 1].id };
    case 'ArrowRight': {
      if (!row.node || !isParent(row.node)) return undefined;
      if (!isExpanded(row.node, view)) return { toggle: row.id, expand: true };
      const next = rows[i + 1];
      return next && next.parentId === row.id ? { focus: next.id } : undefined;
    }
    case 'ArrowLeft':
      if (row.node && isExpanded(row.node, view)) return { toggle: row.id, expand: false };
      return row.parentId ? { focus: row.parentId } : undefined;
    case 'Enter':
    case ' ':
      return { activate: row.id };
    default:
      return undefined;
  }
}

/** Finds a node by id (depth-first). */
export function findNode(roots: readonly TreeNode[], id: string): TreeNode | undefined {
  for (const n of roots) {
    if (n.id === id) return n;
    if (n.children) {
      const found = findNode(n.children, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** The tree id of what the app has selected (a task or container instance on the map). */
export function idOfSelected(item: { taskArn?: string; containerInstanceArn?: string } | undefined): string | undefined {
  if (item?.taskArn) return `task:${item.taskArn}`;
  if (item?.containerInstanceArn) return `instance:${item.containerInstanceArn}`;
  return undefined;
}

/**
 * The parents to open so a task or container instance picked elsewhere (the map) shows in the tree:
 * its cluster, the group, and for a service task the service. Empty when the item is unknown.
 */
export function ancestorsOf(state: SimState, item: { taskArn?: string; containerInstanceArn?: string } | undefined): string[] {
  if (item?.taskArn) {
    const t = state.tasks[item.taskArn];
    const c = t && state.clusters[t.clusterName];
    if (!t || !c) return [];
    const service = t.group.startsWith('service:')
      ? Object.values(state.services).find((s) => s.clusterName === t.clusterName && s.status !== 'INACTIVE' && `service:${s.serviceName}` === t.group)
      : undefined;
    if (service) return [`cluster:${c.clusterArn}`, `services:${c.clusterArn}`, `service:${service.serviceArn}`];
    return t.group.startsWith('service:') ? [] : [`cluster:${c.clusterArn}`, `standalone:${c.clusterArn}`];
  }
  if (item?.containerInstanceArn) {
    const ci = state.containerInstances[item.containerInstanceArn];
    const c = ci && state.clusters[ci.clusterName];
    if (!ci || !c) return [];
    return [`cluster:${c.clusterArn}`, `instances:${c.clusterArn}`];
  }
  return [];
}
