/**
 * What placement reads about a container instance beyond its resources: attributes as a map, the
 * task groups of the tasks on it, its running-task count, and the CQL facts built from them.
 *
 * A task counts as "on" an instance while it holds a reservation there (from placement until it is
 * STOPPED), which is also when it uses the instance's resources.
 *
 * Memoised per record object: attribute maps by the identity of the `attributes` array (PutAttributes
 * and DeleteAttributes replace it), group counts by the record's `version` (every reservation and
 * release bumps it). The memo never changes an answer, only how fast it comes; a restored snapshot
 * has new objects and starts with an empty memo.
 */
import type { SimState } from '../engine/state';
import type { ContainerInstanceRecord, Ec2InstanceRecord, InstanceAttribute } from '../infra/records';
import type { CqlFacts } from './cql';

/**
 * Everything placement memoises about one container-instance record. `attributes`/`availabilityZone` follow the
 * identity of the record's attributes array; `groups` follows its version; `filter*`, `addedTasks` and `shadowed` are place.ts's.
 */
export interface InstanceMemo {
  ci: ContainerInstanceRecord;
  /** the memo doubles as place.ts's Slot for this instance (see evaluation.ts) */
  memo: InstanceMemo;
  arn: string;
  id: string;
  ec2InstanceId: string;
  /** per request: tasks the request has put here so far, and whether the shadow state holds a copy */
  addedTasks: number;
  shadowed: boolean;
  ec2: Ec2InstanceRecord | undefined;
  attributesRef: InstanceAttribute[];
  attributesLength: number;
  attributes: Map<string, string | null>;
  availabilityZone: string;
  groupsVersion: number;
  groups: Map<string, number> | undefined;
  /** place.ts's filter outcome for request shape `filterKey`, valid while version/attributes/agent/status match */
  filterKey: string;
  filterVersion: number;
  filterAttributes: InstanceAttribute[] | undefined;
  filterAgent: boolean;
  filterStatus: string;
  filterOutcome: unknown;
  /** the value of the last attribute a spread strategy asked for, and the map it was read from */
  spreadAttribute: string;
  spreadFrom: Map<string, string | null> | undefined;
  spreadKey: string | null;
  /** small number standing for spreadKey (see bucketId) */
  spreadBucket: number;
  /** tasks of group `countGroup` on the instance at version `countVersion` */
  countGroup: string;
  countVersion: number;
  count: number;
}

const memos = new WeakMap<ContainerInstanceRecord, InstanceMemo>();

/** The record's memo, with its attribute map brought up to date. */
export function memoOf(state: SimState, ci: ContainerInstanceRecord): InstanceMemo {
  let m = memos.get(ci);
  if (!m) {
    m = {
      ci,
      memo: undefined as unknown as InstanceMemo,
      arn: ci.containerInstanceArn,
      id: ci.id,
      ec2InstanceId: ci.ec2InstanceId,
      addedTasks: 0,
      shadowed: false,
      ec2: state.ec2Instances[ci.ec2InstanceId],
      attributesRef: [],
      attributesLength: -1,
      attributes: new Map(),
      availabilityZone: '',
      groupsVersion: -1,
      groups: undefined,
      filterKey: '',
      filterVersion: -1,
      filterAttributes: undefined,
      filterAgent: false,
      filterStatus: '',
      filterOutcome: undefined,
      spreadAttribute: '',
      spreadFrom: undefined,
      spreadKey: null,
      spreadBucket: 0,
      countGroup: '',
      countVersion: -1,
      count: 0,
    };
    m.memo = m;
    memos.set(ci, m);
  }
  return freshMemo(m);
}

/** Brings the memo's attribute map up to date with its record (see memoOf). */
export function freshMemo(m: InstanceMemo): InstanceMemo {
  const ci = m.ci;
  if (m.attributesRef !== ci.attributes || m.attributesLength !== ci.attributes.length) {
    const map = new Map<string, string | null>();
    for (const a of ci.attributes) map.set(a.name, a.value ?? null);
    m.attributes = map;
    m.attributesRef = ci.attributes;
    m.attributesLength = ci.attributes.length;
    m.availabilityZone = map.get('ecs.availability-zone') ?? m.ec2?.availabilityZone ?? '';
  }
  return m;
}

/** Task group → number of tasks of that group holding a reservation on the instance. */
export function groupCounts(state: SimState, ci: ContainerInstanceRecord): Map<string, number> {
  return groupsOf(state, memoOf(state, ci));
}

export function groupsOf(state: SimState, m: InstanceMemo): Map<string, number> {
  const ci = m.ci;
  if (m.groups && m.groupsVersion === ci.version) return m.groups;
  const groups = new Map<string, number>();
  let complete = true;
  for (const taskArn in ci.reservations) {
    const g = state.tasks[taskArn]?.group;
    if (g !== undefined) groups.set(g, (groups.get(g) ?? 0) + 1);
    else complete = false;
  }
  m.groups = groups;
  // a reservation whose task record is not there yet (reserved, record about to be made) is not memoised
  m.groupsVersion = complete ? ci.version : -1;
  return groups;
}

/** Tasks of `group` on the instance; `group` should be interned (internString) for the fast path. */
export function groupCountOf(state: SimState, m: InstanceMemo, group: string): number {
  if (m.countGroup === group && m.countVersion === m.ci.version) return m.count;
  m.count = groupsOf(state, m).get(group) ?? 0;
  m.countGroup = group;
  m.countVersion = m.groupsVersion;
  return m.count;
}

const interned = new Map<string, string>();

/** One string object per distinct text, so that memo checks are identity checks. */
export function internString(text: string): string {
  const hit = interned.get(text);
  if (hit !== undefined) return hit;
  if (interned.size >= 4096) interned.clear();
  interned.set(text, text);
  return text;
}

/** Tasks on the instance whose desiredStatus is RUNNING (ECS's runningTasksCount). */
export function runningTasksCount(state: SimState, ci: ContainerInstanceRecord): number {
  let n = 0;
  for (const taskArn in ci.reservations) {
    const t = state.tasks[taskArn];
    if (!t || t.desiredStatus === 'RUNNING') n++;
  }
  return n;
}

/** The facts a cluster-query-language expression is evaluated against. */
export function cqlFacts(
  state: SimState,
  ci: ContainerInstanceRecord,
  extra: { tasks: number; group?: string; groupTasks: number } = { tasks: 0, groupTasks: 0 },
  needs: { runningTasksCount: boolean; taskGroups: boolean } = { runningTasksCount: true, taskGroups: true },
): CqlFacts {
  let taskGroups: ReadonlyMap<string, number> = EMPTY;
  if (needs.taskGroups) {
    const base = groupCounts(state, ci);
    if (extra.groupTasks > 0 && extra.group !== undefined) {
      const copy = new Map(base);
      copy.set(extra.group, (copy.get(extra.group) ?? 0) + extra.groupTasks);
      taskGroups = copy;
    } else taskGroups = base;
  }
  return {
    agentConnected: ci.agentConnected,
    agentVersion: ci.versionInfo.agentVersion,
    ec2InstanceId: ci.ec2InstanceId,
    registeredAtMs: state.epochMs + ci.registeredAt,
    runningTasksCount: needs.runningTasksCount ? runningTasksCount(state, ci) + extra.tasks : 0,
    attributes: memoOf(state, ci).attributes,
    taskGroups,
  };
}

const EMPTY: ReadonlyMap<string, number> = new Map();

/** The cluster's registered (ACTIVE or DRAINING) container instances, in registration order. */
export function clusterInstances(state: SimState, clusterName: string): ContainerInstanceRecord[] {
  const out: ContainerInstanceRecord[] = [];
  const all = state.containerInstances;
  for (const arn in all) {
    const ci = all[arn];
    if (ci.clusterName === clusterName && (ci.status === 'ACTIVE' || ci.status === 'DRAINING')) out.push(ci);
  }
  return out;
}
