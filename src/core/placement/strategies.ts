/**
 * What each placement strategy compares (reference §5.2); lower is better:
 * - binpack(cpu|memory): what the instance has left of that resource after taking the task;
 * - spread(instanceId|host): tasks of the group on the instance;
 * - spread(attribute:<name>): tasks of the group on all registered instances of the cluster that
 *   share the instance's value of the attribute (instances without it share one "missing" bucket);
 * - random: decided by a draw in place.ts.
 */
import type { SimState } from '../engine/state';
import { groupsOf, type InstanceMemo } from './facts';
import type { Slot } from './evaluation';
import type { PlacementRequest } from './types';
import type { PreparedStrategy } from './validate';

/** Tasks of one group per value of one attribute, across the cluster. */
export interface SpreadBuckets {
  attribute: string;
  counts: Map<string | null, number>;
  keyOf(memo: InstanceMemo | undefined): string | null;
  add(memo: InstanceMemo | undefined, n: number): void;
}

/** `cluster`: every registered instance of the cluster (not only the candidates). */
export function spreadBuckets(state: SimState, cluster: readonly InstanceMemo[], group: string, attribute: string): SpreadBuckets {
  const counts = new Map<string | null, number>();
  const keyOf = (memo: InstanceMemo | undefined): string | null => {
    if (!memo) return null;
    if (memo.spreadAttribute !== attribute || memo.spreadFrom !== memo.attributes) {
      memo.spreadAttribute = attribute;
      memo.spreadFrom = memo.attributes;
      memo.spreadKey = memo.attributes.get(attribute) ?? null;
    }
    return memo.spreadKey;
  };
  for (const m of cluster) {
    const key = keyOf(m);
    counts.set(key, (counts.get(key) ?? 0) + (groupsOf(state, m).get(group) ?? 0));
  }
  return {
    attribute,
    counts,
    keyOf,
    add(memo, n) {
      const key = keyOf(memo);
      counts.set(key, (counts.get(key) ?? 0) + n);
    },
  };
}

/** The strategy's number for one instance (not for random). */
export function strategyValue(
  state: SimState,
  shadow: SimState,
  s: PreparedStrategy,
  slot: Slot,
  request: PlacementRequest,
  buckets: SpreadBuckets | undefined,
): number {
  if (s.type === 'binpack') {
    const rem = shadow.containerInstances[slot.arn].remaining;
    return s.field === 'cpu' ? rem.cpu - request.needs.cpu : rem.memory - request.needs.memory;
  }
  if (s.type === 'spread') {
    if (s.field === 'instanceId') return (slot.memo ? groupsOf(state, slot.memo).get(request.group) ?? 0 : 0) + slot.addedTasks;
    return buckets!.counts.get(buckets!.keyOf(slot.memo)) ?? 0;
  }
  return 0;
}
