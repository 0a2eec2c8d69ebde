/**
 * The explanation's instance rows: every instance in registration order with the first filter it
 * failed or its value and rank under each strategy. Above `maxRows` instances, the rows kept are the
 * chosen one and those that got furthest (the counts still cover every instance).
 */
import { ExplainMessages } from './messages';
import { PASSED, type Evaluation, type Slot } from './evaluation';
import type { InstanceRow, PlacementRequest, StrategyScore } from './types';
import type { PreparedStrategy } from './validate';

/** Small integer priority: filtered by stage reached, then eligible by strategies survived, then chosen. */
function priority(ev: Evaluation, i: number, levels: number): number {
  if (i === ev.chosen) return levels - 1;
  if (ev.stage[i] === PASSED) return CONSTRAINT_LEVELS + ev.droppedAt[i];
  return Math.min(ev.stage[i], CONSTRAINT_LEVELS - 1);
}

/** Filter stages (10 fit stages + up to 10 constraints) before the eligible levels. */
const CONSTRAINT_LEVELS = 21;

/** Scratch for keep(): one priority per instance, reused from call to call. */
let priorities = new Int32Array(0);

/** Indices of the rows to keep, in instance order. */
function keep(ev: Evaluation, n: number, maxRows: number): number[] {
  if (n <= maxRows) return Array.from({ length: n }, (_, i) => i);
  const levels = CONSTRAINT_LEVELS + ev.values.length + 2;
  if (priorities.length < n) priorities = new Int32Array(Math.max(n, priorities.length * 2));
  const pr = priorities;
  const hist = new Int32Array(levels);
  for (let i = 0; i < n; i++) hist[(pr[i] = priority(ev, i, levels))]++;
  let room = maxRows;
  let threshold = 0;
  for (let p = levels - 1; p >= 0; p--) {
    threshold = p;
    if (hist[p] >= room) break;
    room -= hist[p];
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (pr[i] > threshold) out.push(i);
    else if (pr[i] === threshold && room > 0) {
      out.push(i);
      room--;
    }
  }
  return out;
}

/**
 * Ranks at strategy k for the kept rows' values: 1 + the number of instances still in the running
 * with a strictly better (lower) value. One pass over the running instances with a binary search
 * among the kept values, so no sort of the whole cluster.
 */
function ranksAt(ev: Evaluation, k: number, kept: number[]): Map<number, number> {
  const v = ev.values[k];
  const r = ev.inRunning[k];
  const keys = [...new Set(kept.filter((i) => r[i]).map((i) => v[i]))].sort((a, b) => a - b);
  const below = new Int32Array(keys.length + 1);
  for (let i = 0; i < r.length; i++) {
    if (!r[i]) continue;
    // first key greater than v[i]: every key from there on has v[i] below it
    let lo = 0;
    let hi = keys.length;
    const x = v[i];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    below[lo]++;
  }
  const out = new Map<number, number>();
  let acc = 0;
  for (let j = 0; j < keys.length; j++) {
    acc += below[j];
    out.set(keys[j], acc + 1);
  }
  return out;
}

/**
 * Detail sentences repeat (a few values per strategy across thousands of placements), so each
 * distinct sentence is built once and reused, found by its parts (no key string is built per row).
 * The cache only saves work, never changes a text; it starts over when it grows large.
 */
type ByValue = Map<number, string>;
const binpackDetails = { cpu: new Map() as ByValue, memory: new Map() as ByValue };
const instanceDetails: ByValue = new Map();
/** attribute → its value (null: missing) → count → text */
const spreadDetails = new Map<string, Map<string | null, ByValue>>();
let cachedDetails = 0;

function remember(byValue: ByValue, value: number, text: string): string {
  if (++cachedDetails > 8192) {
    binpackDetails.cpu.clear();
    binpackDetails.memory.clear();
    instanceDetails.clear();
    spreadDetails.clear();
    cachedDetails = 0;
  }
  byValue.set(value, text);
  return text;
}

function scoreDetail(s: PreparedStrategy, ev: Evaluation, k: number, slot: Slot, value: number): string {
  if (s.type === 'random') return value === 0 ? ExplainMessages.random : ExplainMessages.randomLost;
  if (s.type === 'binpack') {
    const byValue = binpackDetails[s.field];
    return byValue.get(value) ?? remember(byValue, value, ExplainMessages.binpack(s.field, value));
  }
  if (s.field === 'instanceId') return instanceDetails.get(value) ?? remember(instanceDetails, value, ExplainMessages.spreadInstance(value));
  const b = ev.buckets[k]!;
  const key = b.keyOf(slot.memo);
  let byKey = spreadDetails.get(b.attribute);
  if (!byKey) spreadDetails.set(b.attribute, (byKey = new Map()));
  let byValue = byKey.get(key);
  if (!byValue) byKey.set(key, (byValue = new Map()));
  return byValue.get(value) ?? remember(byValue, value, ExplainMessages.spread(key ?? ExplainMessages.missingAttribute(b.attribute), value));
}

export function rankedRows(
  slots: Slot[],
  ev: Evaluation,
  strategies: readonly PreparedStrategy[],
  _request: PlacementRequest,
  maxRows: number,
): { rows: InstanceRow[]; omitted: number } {
  const kept = keep(ev, slots.length, Math.max(1, maxRows));
  const ranks: (Map<number, number> | undefined)[] = [];
  const rows = kept.map((i): InstanceRow => {
    const s = slots[i];
    const row: InstanceRow = {
      containerInstanceArn: s.arn,
      containerInstanceId: s.id,
      ec2InstanceId: s.ec2InstanceId,
      availabilityZone: s.availabilityZone,
      outcome: i === ev.chosen ? 'chosen' : ev.stage[i] === PASSED ? 'eligible' : 'filtered',
    };
    const f = ev.failures[i];
    if (f) {
      row.failed = f;
      return row;
    }
    const scores: StrategyScore[] = [];
    for (let k = 0; k < ev.values.length; k++) {
      if (!ev.inRunning[k][i]) break;
      ranks[k] ??= ranksAt(ev, k, kept);
      const value = ev.values[k][i];
      scores.push({ strategy: k, value, rank: ranks[k]!.get(value)!, kept: ev.droppedAt[i] > k, detail: scoreDetail(strategies[k], ev, k, s, value) });
    }
    row.scores = scores;
    return row;
  });
  return { rows, omitted: slots.length - kept.length };
}
