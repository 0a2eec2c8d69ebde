/**
 * The placement engine: where each task of a request goes, and why (reference §5.1).
 *
 *   1. resource fit (fit.ts: status, agent, attributes, CPU, memory, GPU, ports, UDP ports, ENI),
 *      then the AZ of awsvpc subnets (LOCATION);
 *   2. constraints (distinctInstance, memberOf), in order;
 *   3. strategies in array order, each keeping only the instances it rates best;
 *   4. the choice: the one left, or the earliest registered of a tie.
 *
 * Pure: reads the state and draws from state.rng for `random`; reserves nothing. Tasks of one
 * request are placed one after the other against a shadow copy of the instances chosen so far, so the
 * second task sees the first one's CPU, memory, ports and group. The caller reserves for real, in order.
 */
import { nextInt } from '../engine/rng';
import type { SimState } from '../engine/state';
import type { ContainerInstanceRecord } from '../infra/records';
import { RUN_TASK_DEFAULT_STRATEGIES, SERVICE_DEFAULT_STRATEGIES } from './defaults';
import { clusterRecords } from './clusterIndex';
import { cqlFacts, freshMemo, groupCountOf, internString, memoOf, type InstanceMemo } from './facts';
import { checkFit, reserveResources, type FitReason } from './fit';
import { ExplainMessages, FailureReasons } from './messages';
import { rankedRows } from './rows';
import { bucketOf, newSpreadBuckets, strategyValue, type SpreadBuckets } from './strategies';
import { PASSED, type Evaluation, type Slot } from './evaluation';
import type {
  FilterFailure,
  FilterName,
  PlacementExplanation,
  PlacementFailure,
  PlacementRequest,
  PlacementResult,
  StrategySource,
} from './types';
import {
  checkConstraints,
  checkStrategies,
  constraintShape,
  strategyShape,
  type PreparedConstraint,
  type PreparedStrategy,
} from './validate';

/** Filters in the order they are applied; a constraint k is stage CONSTRAINT_STAGE + k. */
const FIT_STAGE: Record<FitReason | 'MISSING' | 'LOCATION', number> = {
  MISSING: 0,
  INACTIVE: 0,
  AGENT: 1,
  ATTRIBUTE: 2,
  'RESOURCE:CPU': 3,
  'RESOURCE:MEMORY': 4,
  'RESOURCE:GPU': 5,
  'RESOURCE:PORTS': 6,
  'RESOURCE:PORTS_UDP': 7,
  'RESOURCE:ENI': 8,
  LOCATION: 9,
};
const FILTER_NAMES: FilterName[] = ['status', 'agent', 'attributes', 'cpu', 'memory', 'gpu', 'ports', 'portsUdp', 'eni', 'location'];
export const CONSTRAINT_STAGE = 10;

const DEFAULT_ROWS = 100;

type Prepared = {
  constraints: PreparedConstraint[];
  strategies: readonly PreparedStrategy[];
  source: StrategySource;
};

function prepare(request: PlacementRequest): { ok: true; value: Prepared } | { ok: false; message: string } {
  const constraints = checkConstraints(request.constraints);
  if (!constraints.ok) return constraints;
  const strategies = checkStrategies(request.strategies);
  if (!strategies.ok) return strategies;
  if (strategies.value.length > 0) return { ok: true, value: { constraints: constraints.value, strategies: strategies.value, source: 'request' } };
  const service = request.defaults === 'service';
  return {
    ok: true,
    value: {
      constraints: constraints.value,
      strategies: service ? SERVICE_DEFAULT_STRATEGIES : RUN_TASK_DEFAULT_STRATEGIES,
      source: service ? 'serviceDefault' : 'runTaskDefault',
    },
  };
}

/** What one pass over the cluster gathers for a request: the slots and, aligned with them, group counts and spread buckets. */
interface Scan {
  slots: Slot[];
  /** tasks of the request's group on each slot before the request */
  groupOfSlot: number[];
  buckets: (SpreadBuckets | undefined)[];
  /** per slot: the filter stage reached (PASSED for eligible) and the failure, for the request's first task */
  stage: number[];
  failures: (FilterFailure | undefined)[];
}

function missingSlot(arn: string): Slot {
  return { arn, ci: undefined, memo: undefined, id: arn.slice(arn.lastIndexOf('/') + 1), ec2InstanceId: '', availabilityZone: '', addedTasks: 0, shadowed: false };
}

/**
 * One pass over the cluster's registered instances (the spread counts cover all of them), building
 * the slots (the instances' memos, or the named candidates) with their group counts and buckets.
 */
function scan(state: SimState, request: PlacementRequest, strategies: readonly PreparedStrategy[], constraints: PreparedConstraint[], memoKey: string | undefined): Scan {
  const attrs = strategies.map((st) => (st.type === 'spread' && st.field === 'attribute' ? st.attribute : undefined));
  if (!request.candidates && memoKey !== undefined) return cachedScan(state, request, attrs, constraints, memoKey);
  const buckets = attrs.map((a) => (a === undefined ? undefined : newSpreadBuckets(a)));
  const spreads = buckets.filter((b): b is SpreadBuckets => b !== undefined);
  const own = !request.candidates;
  const slots: Slot[] = [];
  const groupOfSlot: number[] = [];
  const stage: number[] = [];
  const failures: (FilterFailure | undefined)[] = [];
  const filter = (slot: Slot): void => {
    const f = memoKey !== undefined && slot.memo ? filterMemo(state, state, slot, request, constraints, memoKey) : filterOne(state, state, slot, request, constraints);
    stage.push(f ? f.stage : PASSED);
    failures.push(f?.failure);
  };
  const group = request.group;
  const { records, memos } = clusterRecords(state, request.clusterName);
  for (let i = 0; i < records.length; i++) {
    const ci = records[i];
    if (ci.status !== 'ACTIVE' && ci.status !== 'DRAINING') continue;
    const m = freshMemo(memos[i]);
    const g = groupCountOf(state, m, group);
    for (let k = 0; k < spreads.length; k++) {
      const b = spreads[k];
      const id = bucketOf(m, b.attribute);
      b.counts[id] = (b.counts[id] ?? 0) + g;
      if (own) b.bucketOfSlot.push(id);
    }
    if (own) {
      m.addedTasks = 0;
      m.shadowed = false;
      slots.push(m);
      groupOfSlot.push(g);
      filter(m);
    }
  }
  if (!own) {
    for (const arn of request.candidates!) {
      const ci = state.containerInstances[arn];
      if (!ci) {
        const slot = missingSlot(arn);
        slots.push(slot);
        groupOfSlot.push(0);
        for (const b of spreads) b.bucketOfSlot.push(0);
        filter(slot);
        continue;
      }
      const m = memoOf(state, ci);
      m.addedTasks = 0;
      m.shadowed = false;
      slots.push(m);
      groupOfSlot.push(groupCountOf(state, m, group));
      for (const b of spreads) b.bucketOfSlot.push(bucketOf(m, b.attribute));
      filter(m);
    }
  }
  return { slots, groupOfSlot, buckets, stage, failures };
}

/**
 * The scan of the cluster's last request shape, kept beside the cluster index (clusterIndex.ts) and
 * brought up to date by revisiting only the instances whose version, attributes, agent connection or
 * status changed since. What it holds is exactly what a fresh scan would build: an instance whose
 * group count or filter outcome could not be memoised (a reservation without its task record yet) is
 * revisited every time.
 */
interface ScanCache {
  memoKey: string;
  /** the spread attributes of the strategies, joined */
  spreadKey: string;
  records: ContainerInstanceRecord[];
  /** per record: its slot, or -1 when it is not registered (not ACTIVE or DRAINING) */
  slotOfRecord: Int32Array;
  /** per slot: what the record looked like when the slot was last brought up to date (version -1: revisit) */
  seenVersion: Int32Array;
  seenAttributes: ContainerInstanceRecord['attributes'][];
  seenAttributeCount: Int32Array;
  seenAgent: Uint8Array;
  seenStatus: string[];
  scan: Scan;
}

/** Kept scans per cluster index, most recently used last; one per request shape (a service each), at most MAX_KEPT_SCANS. */
const scanCaches = new WeakMap<ContainerInstanceRecord[], ScanCache[]>();
const MAX_KEPT_SCANS = 32;

function keptScan(records: ContainerInstanceRecord[], memoKey: string, spreadKey: string): ScanCache | undefined {
  const list = scanCaches.get(records);
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i];
    if (c.memoKey !== memoKey || c.spreadKey !== spreadKey) continue;
    if (i !== list.length - 1) {
      list.splice(i, 1);
      list.push(c);
    }
    return c;
  }
  return undefined;
}

function keepScan(records: ContainerInstanceRecord[], cache: ScanCache): void {
  let list = scanCaches.get(records);
  if (!list) scanCaches.set(records, (list = []));
  const i = list.findIndex((c) => c.memoKey === cache.memoKey && c.spreadKey === cache.spreadKey);
  if (i >= 0) list.splice(i, 1);
  if (list.length >= MAX_KEPT_SCANS) list.shift();
  list.push(cache);
}

function cachedScan(state: SimState, request: PlacementRequest, attrs: (string | undefined)[], constraints: PreparedConstraint[], memoKey: string): Scan {
  const spreadKey = attrs.join('|');
  const { records, memos } = clusterRecords(state, request.clusterName);
  // memoKey is interned (filterSignature), so comparing it is an identity check
  const cache = keptScan(records, memoKey, spreadKey);
  if (!cache || !refresh(state, cache, memos, request, constraints, memoKey)) {
    const built = buildScanCache(state, records, memos, request, attrs, constraints, memoKey, spreadKey);
    keepScan(records, built);
    return built.scan;
  }
  return cache.scan;
}

function buildScanCache(
  state: SimState,
  records: ContainerInstanceRecord[],
  memos: InstanceMemo[],
  request: PlacementRequest,
  attrs: (string | undefined)[],
  constraints: PreparedConstraint[],
  memoKey: string,
  spreadKey: string,
): ScanCache {
  const buckets = attrs.map((a) => (a === undefined ? undefined : newSpreadBuckets(a)));
  const slotOfRecord = new Int32Array(records.length).fill(-1);
  const slots: Slot[] = [];
  for (let r = 0; r < records.length; r++) {
    const st = records[r].status;
    if (st !== 'ACTIVE' && st !== 'DRAINING') continue;
    slotOfRecord[r] = slots.length;
    slots.push(memos[r]);
  }
  const n = slots.length;
  const sc: Scan = { slots, groupOfSlot: new Array<number>(n).fill(0), buckets, stage: new Array<number>(n).fill(PASSED), failures: new Array(n).fill(undefined) };
  for (const b of buckets) if (b) b.bucketOfSlot = new Array<number>(n).fill(0);
  const cache: ScanCache = {
    memoKey,
    spreadKey,
    records,
    slotOfRecord,
    seenVersion: new Int32Array(n).fill(-1),
    seenAttributes: new Array(n),
    seenAttributeCount: new Int32Array(n),
    seenAgent: new Uint8Array(n),
    seenStatus: new Array<string>(n).fill(''),
    scan: sc,
  };
  for (let i = 0; i < n; i++) updateSlot(state, cache, i, request, constraints, memoKey, false);
  return cache;
}

/** Brings the dirty slots up to date; false when the set of registered instances changed (rebuild). */
function refresh(state: SimState, cache: ScanCache, memos: InstanceMemo[], request: PlacementRequest, constraints: PreparedConstraint[], memoKey: string): boolean {
  const { records, slotOfRecord, seenVersion, seenAttributes, seenAttributeCount, seenAgent, seenStatus } = cache;
  for (let r = 0; r < records.length; r++) {
    const ci = records[r];
    const st = ci.status;
    const i = slotOfRecord[r];
    if (st !== 'ACTIVE' && st !== 'DRAINING') {
      if (i >= 0) return false;
      continue;
    }
    if (i < 0 || cache.scan.slots[i] !== memos[r]) return false;
    if (
      ci.version === seenVersion[i] &&
      ci.attributes === seenAttributes[i] &&
      ci.attributes.length === seenAttributeCount[i] &&
      (ci.agentConnected ? 1 : 0) === seenAgent[i] &&
      st === seenStatus[i]
    ) {
      continue;
    }
    updateSlot(state, cache, i, request, constraints, memoKey, true);
  }
  return true;
}

function updateSlot(state: SimState, cache: ScanCache, i: number, request: PlacementRequest, constraints: PreparedConstraint[], memoKey: string, counted: boolean): void {
  const sc = cache.scan;
  const m = freshMemo(sc.slots[i] as InstanceMemo);
  const ci = m.ci;
  const g = groupCountOf(state, m, request.group);
  for (const b of sc.buckets) {
    if (!b) continue;
    if (counted) b.counts[b.bucketOfSlot[i]] -= sc.groupOfSlot[i];
    const id = bucketOf(m, b.attribute);
    b.bucketOfSlot[i] = id;
    b.counts[id] = (b.counts[id] ?? 0) + g;
  }
  sc.groupOfSlot[i] = g;
  const f = filterMemo(state, state, m, request, constraints, memoKey);
  sc.stage[i] = f ? f.stage : PASSED;
  sc.failures[i] = f?.failure;
  // a slot whose group count or filter outcome could not be memoised is revisited next time
  cache.seenVersion[i] = m.countVersion === ci.version && m.filterVersion === ci.version ? ci.version : -1;
  cache.seenAttributes[i] = ci.attributes;
  cache.seenAttributeCount[i] = ci.attributes.length;
  cache.seenAgent[i] = ci.agentConnected ? 1 : 0;
  cache.seenStatus[i] = ci.status;
}

/**
 * A request of several tasks changes its scan as it goes (its own reservations, refiltered against
 * the shadow): when that scan is the kept one, the slots it used are revisited next time.
 */
function forgetSlots(state: SimState, clusterName: string, sc: Scan, used: readonly number[]): void {
  const cache = scanCaches.get(clusterRecords(state, clusterName).records)?.find((c) => c.scan === sc);
  if (!cache) return;
  for (const i of used) cache.seenVersion[i] = -1;
}

/**
 * A view of the state whose container instances can be replaced by copies (the request's own
 * reservations go there), leaving the real records untouched. Made on the request's first
 * reservation, so one-task requests never pay for it.
 */
function shadowOf(state: SimState): SimState {
  return { ...state, containerInstances: { ...state.containerInstances } };
}

/** A copy of the record deep enough for reserveResources (reservations, remaining, version) to leave the real one alone. */
function shadowCopy(shadow: SimState, slot: Slot): void {
  if (slot.shadowed) return;
  const ci = shadow.containerInstances[slot.arn];
  const rem = ci.remaining;
  shadow.containerInstances[slot.arn] = {
    ...ci,
    reservations: { ...ci.reservations },
    remaining: { ...rem, ports: [...rem.ports], portsUdp: [...rem.portsUdp], gpuIds: [...rem.gpuIds] },
  };
  slot.shadowed = true;
}

/** Places `request.count` tasks; see the file comment. Bad constraints or strategies come back as `error`. */
export function placeTasks(state: SimState, input: PlacementRequest): PlacementResult & { error?: string } {
  const request = { ...input, group: internString(input.group) };
  const prep = prepare(request);
  if (!prep.ok) {
    return { placements: [], failures: [], explanation: emptyExplanation(request, [], [], 'request'), error: prep.message };
  }
  const { constraints, strategies, source } = prep.value;
  const memoKey = filterSignature(request, constraints);
  const sc = scan(state, request, strategies, constraints, memoKey);
  const { slots, groupOfSlot, buckets } = sc;
  let shadow = state;
  const placements: PlacementResult['placements'] = [];
  let failures: PlacementFailure[] = [];
  let explanation: PlacementExplanation | undefined;
  /** slots holding a reservation of this request in the shadow, once per reservation */
  const used: number[] = [];

  for (let t = 0; t < request.count; t++) {
    const ev = evaluate(state, shadow, sc, request, constraints, strategies);
    explanation = explain(slots, ev, request, constraints, strategies, source, t);
    if (ev.chosen < 0) {
      failures = slots.map((s, i) => ({ arn: s.arn, reason: ev.failures[i]!.reason, detail: ev.failures[i]!.detail }));
      break;
    }
    const s = slots[ev.chosen];
    placements.push({ containerInstanceArn: s.arn, explanation });
    if (t + 1 >= request.count) break;
    if (shadow === state) shadow = shadowOf(state);
    shadowCopy(shadow, s);
    reserveResources(shadow, s.arn, `placement:${t}`, request.needs);
    s.addedTasks++;
    used.push(ev.chosen);
    for (const b of buckets) if (b) b.counts[b.bucketOfSlot[ev.chosen]] = (b.counts[b.bucketOfSlot[ev.chosen]] ?? 0) + 1;
  }
  if (used.length > 0) {
    // the request's own reservations live only in the shadow: take them out of the slots and the scan
    for (const i of used) {
      slots[i].addedTasks = 0;
      slots[i].shadowed = false;
      for (const b of buckets) if (b) b.counts[b.bucketOfSlot[i]]--;
    }
    if (!request.candidates) forgetSlots(state, request.clusterName, sc, used);
  }
  return { placements, failures, explanation: explanation ?? emptyExplanation(request, constraints, strategies, source) };
}

function fail(filter: FilterName, reason: string, detail: string, constraintIndex?: number): FilterFailure {
  return constraintIndex === undefined ? { filter, reason, detail } : { filter, reason, detail, constraintIndex };
}

/** Stage 1 and 2 for one instance: the first filter it fails, or undefined. */
function filterOne(
  state: SimState,
  shadow: SimState,
  slot: Slot,
  request: PlacementRequest,
  constraints: PreparedConstraint[],
): { stage: number; failure: FilterFailure } | undefined {
  const ci = slot.ci;
  if (!ci) return { stage: 0, failure: fail('status', 'MISSING', ExplainMessages.notCandidate) };
  const fit = checkFit(shadow, slot.arn, request.needs);
  if (!fit.ok) {
    const stage = FIT_STAGE[fit.failure.reason];
    return { stage, failure: fail(FILTER_NAMES[stage], fit.failure.reason, fit.failure.detail) };
  }
  const ec2 = slot.memo!.ec2;
  if (ec2 && ec2.state !== 'running') {
    return { stage: FIT_STAGE.AGENT, failure: fail('agent', 'AGENT', ExplainMessages.ec2NotRunning(ec2.instanceId, ec2.state)) };
  }
  const zones = request.subnetAvailabilityZones;
  if (request.needs.needsEni && zones && zones.length > 0 && !zones.includes(slot.availabilityZone)) {
    return { stage: FIT_STAGE.LOCATION, failure: fail('location', FailureReasons.location, ExplainMessages.location(slot.availabilityZone, zones)) };
  }
  for (let k = 0; k < constraints.length; k++) {
    const c = constraints[k];
    if (c.type === 'distinctInstance') {
      const n = groupCountOf(state, slot.memo!, request.group) + slot.addedTasks;
      if (n > 0) return { stage: CONSTRAINT_STAGE + k, failure: fail('constraint', FailureReasons.distinctInstance, ExplainMessages.distinctInstance(request.group, n), k) };
    } else {
      const facts = cqlFacts(state, ci, { tasks: slot.addedTasks, group: request.group, groupTasks: slot.addedTasks }, c.cql.uses);
      if (!c.cql.test(facts)) return { stage: CONSTRAINT_STAGE + k, failure: fail('constraint', FailureReasons.memberOf, ExplainMessages.memberOf(c.expression), k) };
    }
  }
  return undefined;
}

type FilterOutcome = { stage: number; failure: FilterFailure } | undefined;

/*
 * Filter outcomes are memoised per instance record (facts.ts InstanceMemo.filter) for the last
 * request shape: an instance whose version, attributes, agent connection and status are unchanged
 * answers the same request the same way. (The EC2 state is not part of the check: an EC2 instance
 * only stops running by terminating, which deregisters its container instance or finds its agent
 * already disconnected, both of which the check sees.) Expressions that read runningTasksCount
 * (which follows tasks' desiredStatus, not the instance's version) are never memoised.
 */

/** Signatures are interned so that comparing one against a memo is an identity check. */
const signatures = new Map<string, string>();

function filterSignature(request: PlacementRequest, constraints: PreparedConstraint[]): string | undefined {
  if (constraints.some((c) => c.type === 'memberOf' && c.cql.uses.runningTasksCount)) return undefined;
  const sig = JSON.stringify([request.needs, request.group, request.subnetAvailabilityZones ?? null, constraints.map((c) => (c.type === 'memberOf' ? c.expression : c.type))]);
  const hit = signatures.get(sig);
  if (hit !== undefined) return hit;
  if (signatures.size >= 256) signatures.clear();
  signatures.set(sig, sig);
  return sig;
}

function filterMemo(state: SimState, shadow: SimState, slot: Slot, request: PlacementRequest, constraints: PreparedConstraint[], key: string): FilterOutcome {
  const m = slot.memo!;
  const ci = m.ci;
  if (m.filterKey === key && m.filterVersion === ci.version && m.filterAttributes === ci.attributes && m.filterAgent === ci.agentConnected && m.filterStatus === ci.status) {
    return m.filterOutcome as FilterOutcome;
  }
  const outcome = filterOne(state, shadow, slot, request, constraints);
  m.filterKey = key;
  // scan() has just counted the groups; when a task record was missing they are not final, so do not memoise
  m.filterVersion = m.groupsVersion === ci.version ? ci.version : -1;
  m.filterAttributes = ci.attributes;
  m.filterAgent = ci.agentConnected;
  m.filterStatus = ci.status;
  m.filterOutcome = outcome;
  return outcome;
}

/**
 * Working buffers reused from one evaluation to the next (an Evaluation is consumed by explain()
 * before the next one starts); they grow with the largest cluster seen.
 */
const scratch = { size: 0, droppedAt: new Int32Array(0), values: [] as Float64Array[], inRunning: [] as Uint8Array[] };

function buffers(n: number, strategies: number) {
  if (scratch.size < n) {
    const size = Math.max(n, scratch.size * 2, 64);
    scratch.size = size;
    scratch.droppedAt = new Int32Array(size);
    scratch.values = [];
    scratch.inRunning = [];
  }
  while (scratch.values.length < strategies) {
    scratch.values.push(new Float64Array(scratch.size));
    scratch.inRunning.push(new Uint8Array(scratch.size));
  }
  return scratch;
}

function evaluate(
  state: SimState,
  shadow: SimState,
  sc: Scan,
  request: PlacementRequest,
  constraints: PreparedConstraint[],
  strategies: readonly PreparedStrategy[],
): Evaluation {
  const { slots, groupOfSlot, buckets, stage, failures } = sc;
  const n = slots.length;
  const buf = buffers(n, strategies.length);
  const eligible: number[] = [];
  // only the instances this request has already used can have changed since the scan
  const shadowing = shadow !== state;
  for (let i = 0; i < n; i++) {
    if (shadowing && slots[i].shadowed) {
      const f = filterOne(state, shadow, slots[i], request, constraints);
      stage[i] = f ? f.stage : PASSED;
      failures[i] = f?.failure;
    }
    if (stage[i] === PASSED) eligible.push(i);
  }
  const droppedAt = buf.droppedAt.subarray(0, n).fill(-1);
  const values: Float64Array[] = [];
  const inRunning: Uint8Array[] = [];
  let running = eligible;
  for (let k = 0; k < strategies.length && running.length > 0; k++) {
    const s = strategies[k];
    const v = buf.values[k].subarray(0, n);
    const r = buf.inRunning[k].subarray(0, n).fill(0);
    const b = buckets[k];
    if (s.type === 'random') {
      const pick = running.length === 1 ? running[0] : running[nextInt(state.rng, 0, running.length - 1)];
      for (const i of running) v[i] = i === pick ? 0 : 1;
    } else if (b) {
      // spread(attribute:…): the task count of the instance's bucket (strategyValue, inlined)
      const counts = b.counts;
      const of = b.bucketOfSlot;
      for (const i of running) v[i] = counts[of[i]] ?? 0;
    } else {
      for (const i of running) v[i] = strategyValue(s, slots[i], i, shadow, request, groupOfSlot, buckets[k]);
    }
    let best = Infinity;
    for (const i of running) {
      r[i] = 1;
      if (v[i] < best) best = v[i];
    }
    const next: number[] = [];
    for (const i of running) {
      if (v[i] === best) next.push(i);
      else droppedAt[i] = k;
    }
    values.push(v);
    inRunning.push(r);
    running = next;
  }
  for (const i of running) droppedAt[i] = strategies.length;
  return { stage, failures, eligible, values, inRunning, droppedAt, buckets, chosen: running.length > 0 ? running[0] : -1, tieCount: running.length };
}

function explain(
  slots: Slot[],
  ev: Evaluation,
  request: PlacementRequest,
  constraints: readonly PreparedConstraint[],
  strategies: readonly PreparedStrategy[],
  source: StrategySource,
  taskIndex: number,
): PlacementExplanation {
  const byReason: Record<string, number> = {};
  let closest = -1;
  let fit = 0;
  for (let i = 0; i < slots.length; i++) {
    const f = ev.failures[i];
    if (f) {
      byReason[f.reason] = (byReason[f.reason] ?? 0) + 1;
      if (closest < 0 || ev.stage[i] > ev.stage[closest]) closest = i;
    }
    if (ev.stage[i] >= CONSTRAINT_STAGE) fit++;
  }
  const { rows, omitted } = rankedRows(slots, ev, strategies, request, request.maxExplanationRows ?? DEFAULT_ROWS);
  const out: PlacementExplanation = {
    taskIndex,
    group: request.group,
    constraints: constraints.map(constraintShape),
    strategies: strategies.map(strategyShape),
    strategySource: source,
    instances: rows,
    omittedRows: omitted,
    counts: { instances: slots.length, fit, eligible: ev.eligible.length, byReason },
  };
  if (ev.chosen >= 0) {
    const s = slots[ev.chosen];
    out.chosen = { containerInstanceArn: s.arn, containerInstanceId: s.id, ec2InstanceId: s.ec2InstanceId };
    if (ev.tieCount > 1) out.tieBreak = ExplainMessages.tieBreak;
  } else if (closest >= 0) {
    const s = slots[closest];
    const f = ev.failures[closest]!;
    out.closest = { containerInstanceArn: s.arn, containerInstanceId: s.id, reason: f.reason, detail: f.detail };
  }
  return out;
}

function emptyExplanation(
  request: PlacementRequest,
  constraints: readonly PreparedConstraint[],
  strategies: readonly PreparedStrategy[],
  source: StrategySource,
): PlacementExplanation {
  return {
    taskIndex: 0,
    group: request.group,
    constraints: constraints.map(constraintShape),
    strategies: strategies.map(strategyShape),
    strategySource: source,
    instances: [],
    omittedRows: 0,
    counts: { instances: 0, fit: 0, eligible: 0, byReason: {} },
  };
}
