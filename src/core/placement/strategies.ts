/**
 * What each placement strategy compares (reference §5.2); lower is better:
 * - binpack(cpu|memory): what the instance has left of that resource after taking the task;
 * - spread(instanceId|host): tasks of the group on the instance;
 * - spread(attribute:<name>): tasks of the group on all registered instances of the cluster that
 *   share the instance's value of the attribute (instances without it share one "missing" bucket);
 * - random: decided by a draw in place.ts.
 */
import type { SimState } from '../engine/state';
import type { InstanceMemo } from './facts';
import type { Slot } from './evaluation';
import type { PlacementRequest } from './types';
import type { PreparedStrategy } from './validate';

/** Tasks of one group per value of one attribute, across the cluster. */
export interface SpreadBuckets {
  attribute: string;
  /** tasks per bucket id */
  counts: number[];
  /** bucket id per slot, aligned with the request's slots */
  bucketOfSlot: number[];
  /** the attribute value (null: the instance lacks it) */
  keyOf(memo: InstanceMemo | undefined): string | null;
}

/** Attribute values as small numbers (0 = no value), so bucket counts are array cells. */
const bucketIds = new Map<string, number>();

function bucketId(value: string | null): number {
  if (value === null) return 0;
  let id = bucketIds.get(value);
  if (id === undefined) {
    if (bucketIds.size >= 65536) bucketIds.clear();
    id = bucketIds.size + 1;
    bucketIds.set(value, id);
  }
  return id;
}

/** The instance's bucket for `attribute` (memoised on the instance). */
export function bucketOf(memo: InstanceMemo, attribute: string): number {
  if (memo.spreadAttribute !== attribute || memo.spreadFrom !== memo.attributes) {
    memo.spreadAttribute = attribute;
    memo.spreadFrom = memo.attributes;
    memo.spreadKey = memo.attributes.get(attribute) ?? null;
    memo.spreadBucket = bucketId(memo.spreadKey);
  }
  return memo.spreadBucket;
}

export function newSpreadBuckets(attribute: string): SpreadBuckets {
  return {
    attribute,
    counts: [],
    bucketOfSlot: [],
    keyOf(memo) {
      if (!memo) return null;
      bucketOf(memo, attribute);
      return memo.spreadKey;
    },
  };
}

/** The strategy's number for slot i (not for random); `groupOfSlot` = tasks of the group there before this request. */
export function strategyValue(
  s: PreparedStrategy,
  slot: Slot,
  i: number,
  shadow: SimState,
  request: PlacementRequest,
  groupOfSlot: number[],
  buckets: SpreadBuckets | undefined,
): number {
  if (s.type === 'binpack') {
    const rem = (slot.shadowed ? shadow.containerInstances[slot.arn] : slot.ci!).remaining;
    return s.field === 'cpu' ? rem.cpu - request.needs.cpu : rem.memory - request.needs.memory;
  }
  if (s.type === 'spread') {
    if (s.field === 'instanceId') return groupOfSlot[i] + slot.addedTasks;
    return buckets!.counts[buckets!.bucketOfSlot[i]] ?? 0;
  }
  return 0;
}
