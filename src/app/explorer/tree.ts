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
  /** only parents have children (possibly none yet) */
  children?: TreeNode[];
  /** groups with many children start collapsed */
  defaultExpanded?: boolean;
}

/** Groups with more children than this start collapsed. */
export const COLLAPSE_ABOVE = 12;
/** Children shown before a "show N more" row; each press shows this many more. */
export const PAGE_SIZE = 50;

const LIVE_ORDER: Record<string, number> = {
  PROVISIONING: 0,
  PENDING: 1,
  ACTIVATING: 2,
  RUNNING: 3,
  DEACTIVATING: 4,
  STOPPING: 5,
  DEPROVISIONING: 6,
  STOPPED: 7,
};

/** The id at the end of an ARN (a task's 32 hex, a container instance's id). */
export function arnId(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function group(id: string, kind: NodeKind, children: TreeNode[], facts: Record<string, string | number> = {}): TreeNode {
  return { id, kind, name: '', facts: { count: children.length, ...facts }, children, defaultExpanded: children.length > 0 && children.length <= COLLAPSE_ABOVE };
}

/** Live tasks first (oldest first, as they started), then stopped ones (newest first). */
function byLifecycle(a: TaskRecord, b: TaskRecord): number {
  const sa = a.lastStatus === 'STOPPED' ? 1 : 0;
  const sb = b.lastStatus === 'STOPPED' ? 1 : 0;
  if (sa !== sb) return sa - sb;
  if (sa === 1) return (b.stoppedAt ?? 0) - (a.stoppedAt ?? 0) || (a.taskArn < b.taskArn ? -1 : 1);
  return a.createdAt - b.createdAt || (a.taskArn < b.taskArn ? -1 : 1);
}

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

/** The whole tree, top level first: one node per cluster, then the task definition families. */
export function buildExplorerTree(state: SimState): TreeNode[] {
  const tasksByCluster = new Map<string, TaskRecord[]>();
  for (const t of Object.values(state.tasks)) {
    const list = tasksByCluster.get(t.clusterName);
    if (list) list.push(t);
    else tasksByCluster.set(t.clusterName, [t]);
  }
  const runningOnInstance = new Map<string, number>();
  for (const t of Object.values(state.tasks)) {
    if (t.containerInstanceArn && t.lastStatus === 'RUNNING') runningOnInstance.set(t.containerInstanceArn, (runningOnInstance.get(t.containerInstanceArn) ?? 0) + 1);
  }

  const clusters = Object.values(state.clusters).sort((a, b) => a.createdAt - b.createdAt || (a.clusterName < b.clusterName ? -1 : 1));
  const roots: TreeNode[] = clusters.map((c) => {
    const name = c.clusterName;
    const node: TreeNode = { id: `cluster:${c.clusterArn}`, kind: 'cluster', name, status: c.status, facts: {}, target: { kind: 'cluster', cluster: name } };
    if (c.status !== 'ACTIVE') {
      node.facts = {};
      return node;
    }
    const tasks = (tasksByCluster.get(name) ?? []).slice().sort(byLifecycle);
    const services = Object.values(state.services)
      .filter((s) => s.clusterName === name && s.status !== 'INACTIVE')
      .sort((a, b) => a.createdAt - b.createdAt || (a.serviceName < b.serviceName ? -1 : 1));
    const tasksOfService = new Map<string, TaskRecord[]>(services.map((s) => [`service:${s.serviceName}`, []]));
    const standalone: TaskRecord[] = [];
    for (const t of tasks) {
      const list = tasksOfService.get(t.group);
      if (list) list.push(t);
      else if (!t.group.startsWith('service:')) standalone.push(t);
    }
    const serviceNodes = services.map((s): TreeNode => {
      const own = tasksOfService.get(`service:${s.serviceName}`) ?? [];
      const children = own.map(taskNode);
      return {
        id: `service:${s.serviceArn}`,
        kind: 'service',
        name: s.serviceName,
        status: s.status,
        facts: {
          running: own.filter((t) => t.lastStatus === 'RUNNING').length,
          desired: s.desiredCount,
          count: children.length,
        },
        target: { kind: 'service', cluster: name, serviceArn: s.serviceArn },
        children,
        defaultExpanded: children.length > 0 && children.length <= COLLAPSE_ABOVE && services.length <= 3,
      };
    });
    const instances = Object.values(state.containerInstances)
      .filter((ci) => ci.clusterName === name && ci.status !== 'INACTIVE')
      .sort((a, b) => a.registeredAt - b.registeredAt || (a.ec2InstanceId < b.ec2InstanceId ? -1 : 1))
      .map((ci): TreeNode => {
        const node: TreeNode = {
          id: `instance:${ci.containerInstanceArn}`,
          kind: 'instance',
          name: ci.ec2InstanceId,
          status: ci.status,
          facts: { type: state.ec2Instances[ci.ec2InstanceId]?.instanceType ?? '', running: runningOnInstance.get(ci.containerInstanceArn) ?? 0 },
          target: { kind: 'instance', cluster: name, containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId },
        };
        if (!ci.agentConnected) node.disconnected = true;
        return node;
      });
    const providers = c.capacityProviders.map((p): TreeNode => {
      const record = state.capacity.providers[p];
      const facts: Record<string, string | number> = {};
      if (record) facts.group = record.autoScalingGroupName;
      return { id: `provider:${record?.capacityProviderArn ?? p}@${c.clusterArn}`, kind: 'provider', name: p, status: record?.status, facts, target: { kind: 'provider', cluster: name, name: p } };
    });
    const live = tasks.filter((t) => t.lastStatus !== 'STOPPED');
    node.facts = {
      services: serviceNodes.length,
      running: live.filter((t) => t.lastStatus === 'RUNNING').length,
      pending: live.filter((t) => t.lastStatus !== 'RUNNING').length,
      instances: instances.length,
    };
    node.defaultExpanded = clusters.filter((x) => x.status === 'ACTIVE').length <= 3;
    const serviceGroup = group(`services:${c.clusterArn}`, 'services', serviceNodes);
    serviceGroup.defaultExpanded = serviceNodes.length > 0 && serviceNodes.length <= COLLAPSE_ABOVE;
    node.children = [serviceGroup];
    if (standalone.length) node.children.push(group(`standalone:${c.clusterArn}`, 'standalone', standalone.map(taskNode)));
    node.children.push(group(`instances:${c.clusterArn}`, 'instances', instances, { draining: instances.filter((i) => i.status === 'DRAINING').length, disconnected: instances.filter((i) => i.disconnected).length }));
    node.children.push(group(`providers:${c.clusterArn}`, 'providers', providers));
    return node;
  });

  const families = Object.values(state.taskDefinitions)
    .filter((f) => f.revisions.length > 0)
    .sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : 0))
    .map((f): TreeNode => {
      const revisions = f.revisions
        .slice()
        .reverse()
        .map((r): TreeNode => ({
          id: `revision:${r.taskDefinitionArn}`,
          kind: 'revision',
          name: `${r.family}:${r.revision}`,
          status: r.status,
          facts: { revision: r.revision },
          target: { kind: 'taskDefinition', taskDefinitionArn: r.taskDefinitionArn },
        }));
      return {
        id: `family:${f.family}`,
        kind: 'family',
        name: f.family,
        facts: { count: revisions.length, active: revisions.filter((r) => r.status === 'ACTIVE').length, latest: f.lastRevision },
        children: revisions,
        defaultExpanded: false,
      };
    });
  roots.push(group('families', 'families', families));
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
  return (node.children?.length ?? 0) > 0;
}

export function isExpanded(node: TreeNode, view: TreeView): boolean {
  if (!isParent(node)) return false;
  return view.expanded.get(node.id) ?? node.defaultExpanded ?? false;
}

/** The children a parent draws now: the first `shown` ones, and how many are left. */
export function shownChildren(node: TreeNode, view: TreeView): { children: TreeNode[]; more: number } {
  const all = node.children ?? [];
  const limit = view.shown.get(node.id) ?? PAGE_SIZE;
  return { children: all.length > limit ? all.slice(0, limit) : all, more: Math.max(0, all.length - limit) };
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
