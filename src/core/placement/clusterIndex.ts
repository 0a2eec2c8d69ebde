/**
 * Per-cluster index of container-instance records for placement: each cluster's records in
 * registration order (the order of `state.containerInstances`) with their memos, so a placement walks
 * an array instead of enumerating the whole instance table and looking each memo up again.
 *
 * Never part of the state. It is keyed by the identity of the `state.containerInstances` object (a
 * restored snapshot has a new one, so it starts empty) and is invalidated by an in-memory change
 * counter on that object: whoever adds a record to the table calls `instanceTableChanged` (infra's
 * registration, the test cluster builder). Records are never removed or replaced in the table
 * (deregistered ones stay INACTIVE), so changes to a record itself (status, agent, attributes,
 * reservations) are read from the record on every walk, as before.
 */
import type { SimState } from '../engine/state';
import type { ContainerInstanceRecord } from '../infra/records';
import { memoOf, type InstanceMemo } from './facts';

type Table = Record<string, ContainerInstanceRecord>;

interface ClusterIndex {
  /** the table's change count when the index was built */
  changes: number;
  records: ContainerInstanceRecord[];
  memos: InstanceMemo[];
}

interface TableIndex {
  changes: number;
  clusters: Map<string, ClusterIndex>;
}

const tables = new WeakMap<Table, TableIndex>();

function tableIndex(table: Table): TableIndex {
  let t = tables.get(table);
  if (!t) {
    t = { changes: 0, clusters: new Map() };
    tables.set(table, t);
  }
  return t;
}

/** Call after adding a record to `state.containerInstances`. */
export function instanceTableChanged(state: SimState): void {
  tableIndex(state.containerInstances).changes++;
}

/**
 * The cluster's container-instance records (every status) in registration order, with their memos
 * (attribute maps brought up to date by the caller through `freshMemo`).
 */
export function clusterRecords(state: SimState, clusterName: string): { records: ContainerInstanceRecord[]; memos: InstanceMemo[] } {
  const table = state.containerInstances;
  const t = tableIndex(table);
  const hit = t.clusters.get(clusterName);
  if (hit && hit.changes === t.changes) return hit;
  const records: ContainerInstanceRecord[] = [];
  const memos: InstanceMemo[] = [];
  for (const arn in table) {
    const ci = table[arn];
    if (ci.clusterName !== clusterName) continue;
    records.push(ci);
    memos.push(memoOf(state, ci));
  }
  const built = { changes: t.changes, records, memos };
  t.clusters.set(clusterName, built);
  return built;
}
