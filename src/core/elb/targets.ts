/**
 * Targets in target groups: registration, the health checks (reference §7.6) and deregistration
 * with its delay. States and reason codes are ELB's own:
 *
 *   register → initial (Elb.RegistrationInProgress) → first check → initial (Elb.InitialHealthChecking)
 *   healthyThresholdCount consecutive passes → healthy; unhealthyThresholdCount consecutive failures → unhealthy
 *   deregister → draining (Target.DeregistrationInProgress) for the deregistration delay → gone (unused)
 *
 * Checks run every intervalSeconds from registration. A check is only booked while its outcome could
 * change the state (a healthy target that keeps passing needs none); `rearmTargets` books the next one
 * on the interval's grid when something changes (the task's status, a fault).
 */
import { emit, schedule, Priority } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import { serviceTaskChanged } from '../scheduler/notify';
import { ElbEvents } from './messages';
import { createElbState, targetKey, type ElbState, type TargetGroupRecord, type TargetRecord, type TargetState } from './records';
import { trafficChanged } from './traffic';

export const ELB_HEALTH_CHECK = 'elb.healthCheck';
export const ELB_DRAINED = 'elb.drained';

export function elbOf(state: SimState): ElbState {
  return (state.elb ??= createElbState());
}

/** A task's target changed state: its service's scheduler looks again. */
function taskTargetChanged(state: SimState, taskArn: string): void {
  const task = state.tasks[taskArn];
  if (task) serviceTaskChanged(state, task);
}

/** The task's last target finished draining: it may leave DEACTIVATING. */
function taskDrained(state: SimState, taskArn: string): void {
  sendToActor(state, machines, taskArn, { type: 'TARGETS_DRAINED' });
}

function setState(state: SimState, tg: TargetGroupRecord, t: TargetRecord, next: TargetState, reason: TargetRecord['reason']): void {
  if (t.state === next && t.reason === reason) return;
  const from = t.state;
  t.state = next;
  if (reason) t.reason = reason;
  else delete t.reason;
  emit(state, 'elb.targetHealth', ElbEvents.targetState(tg.targetGroupName, targetKey(t.id, t.port), from, next, reason), {
    resource: tg.targetGroupArn,
    data: { targetGroupArn: tg.targetGroupArn, id: t.id, port: t.port, from, to: next, ...(reason ? { reason } : {}), ...(t.taskArn ? { taskArn: t.taskArn } : {}) },
  });
  if (from !== next) {
    trafficChanged(state);
    if (t.taskArn) taskTargetChanged(state, t.taskArn);
  }
}

function bookCheck(state: SimState, tg: TargetGroupRecord, t: TargetRecord): void {
  if (t.checkBooked || t.state === 'draining' || !tg.healthCheck.enabled) return;
  const interval = tg.healthCheck.intervalSeconds * 1000;
  const steps = Math.max(1, Math.ceil((state.now - t.lastCheckAt + 1) / interval));
  const at = t.lastCheckAt + steps * interval;
  t.checkBooked = true;
  schedule(state, at - state.now, ELB_HEALTH_CHECK, { targetGroupArn: tg.targetGroupArn, key: targetKey(t.id, t.port) }, Priority.task);
}

/** Adds a target (or re-registers a draining one) in `initial`. */
export function addTarget(state: SimState, tg: TargetGroupRecord, target: { id: string; port: number; availabilityZone?: string; taskArn?: string }): TargetRecord {
  const key = targetKey(target.id, target.port);
  const existing = tg.targets[key];
  if (existing && existing.state !== 'draining') return existing;
  const t: TargetRecord = {
    id: target.id,
    port: target.port,
    state: 'initial',
    reason: 'Elb.RegistrationInProgress',
    passes: 0,
    failures: 0,
    registeredAt: state.now,
    lastCheckAt: state.now,
    checkBooked: false,
  };
  if (target.availabilityZone) t.availabilityZone = target.availabilityZone;
  if (target.taskArn) t.taskArn = target.taskArn;
  tg.targets[key] = t;
  emit(state, 'elb.targetRegistered', ElbEvents.registered(tg.targetGroupName, key), {
    resource: tg.targetGroupArn,
    data: { targetGroupArn: tg.targetGroupArn, id: t.id, port: t.port, ...(t.taskArn ? { taskArn: t.taskArn } : {}) },
  });
  bookCheck(state, tg, t);
  trafficChanged(state);
  return t;
}

/** Starts draining the target; it leaves the group after the deregistration delay. */
export function drainTarget(state: SimState, tg: TargetGroupRecord, t: TargetRecord): void {
  if (t.state === 'draining') return;
  t.drainUntil = state.now + tg.deregistrationDelaySeconds * 1000;
  emit(state, 'elb.targetDeregistered', ElbEvents.deregistered(tg.targetGroupName, targetKey(t.id, t.port), tg.deregistrationDelaySeconds), {
    resource: tg.targetGroupArn,
    data: { targetGroupArn: tg.targetGroupArn, id: t.id, port: t.port, delaySeconds: tg.deregistrationDelaySeconds, ...(t.taskArn ? { taskArn: t.taskArn } : {}) },
  });
  setState(state, tg, t, 'draining', 'Target.DeregistrationInProgress');
  schedule(state, tg.deregistrationDelaySeconds * 1000, ELB_DRAINED, { targetGroupArn: tg.targetGroupArn, key: targetKey(t.id, t.port), until: t.drainUntil }, Priority.task);
}

/** What a health check of the target sees now: pass, or the kind of failure. */
function probe(state: SimState, t: TargetRecord): 'pass' | 'code' | 'timeout' | 'connection' {
  if (!t.taskArn) return 'pass';
  const task = state.tasks[t.taskArn];
  if (!task || task.lastStatus !== 'RUNNING') return 'connection';
  const fault = elbOf(state).failingTasks[t.taskArn];
  return fault ?? 'pass';
}

const FAILURE_REASON = { code: 'Target.ResponseCodeMismatch', timeout: 'Target.Timeout', connection: 'Target.FailedHealthChecks' } as const;

function runCheck(state: SimState, tg: TargetGroupRecord, t: TargetRecord): void {
  t.checkBooked = false;
  if (t.state === 'draining') return;
  t.lastCheckAt = state.now;
  const hc = tg.healthCheck;
  const outcome = probe(state, t);
  if (outcome === 'pass') {
    t.passes++;
    t.failures = 0;
    if (t.state !== 'healthy' && t.passes >= hc.healthyThresholdCount) setState(state, tg, t, 'healthy', undefined);
    else if (t.state === 'initial') setState(state, tg, t, 'initial', 'Elb.InitialHealthChecking');
  } else {
    t.failures++;
    t.passes = 0;
    t.failure = outcome;
    if (t.state !== 'unhealthy' && t.failures >= hc.unhealthyThresholdCount) setState(state, tg, t, 'unhealthy', FAILURE_REASON[outcome]);
    else if (t.state === 'unhealthy') setState(state, tg, t, 'unhealthy', FAILURE_REASON[outcome]);
    else if (t.state === 'initial') setState(state, tg, t, 'initial', 'Elb.InitialHealthChecking');
  }
  const settled = (t.state === 'healthy' && outcome === 'pass') || (t.state === 'unhealthy' && outcome !== 'pass');
  if (!settled) bookCheck(state, tg, t);
}

/** Something a check looks at changed for these targets: book their next check. */
export function rearmTargets(state: SimState, taskArn: string): void {
  for (const tg of Object.values(elbOf(state).targetGroups)) {
    for (const t of Object.values(tg.targets)) if (t.taskArn === taskArn) bookCheck(state, tg, t);
  }
}

export const targetHandlers = {
  [ELB_HEALTH_CHECK]: (state: SimState, payload: { targetGroupArn: string; key: string }) => {
    const tg = elbOf(state).targetGroups[payload.targetGroupArn];
    const t = tg?.targets[payload.key];
    if (tg && t) runCheck(state, tg, t);
  },
  [ELB_DRAINED]: (state: SimState, payload: { targetGroupArn: string; key: string; until: number }) => {
    const tg = elbOf(state).targetGroups[payload.targetGroupArn];
    const t = tg?.targets[payload.key];
    if (!tg || !t || t.state !== 'draining' || t.drainUntil !== payload.until) return;
    delete tg.targets[payload.key];
    emit(state, 'elb.targetRemoved', ElbEvents.removed(tg.targetGroupName, payload.key), {
      resource: tg.targetGroupArn,
      data: { targetGroupArn: tg.targetGroupArn, id: t.id, port: t.port, ...(t.taskArn ? { taskArn: t.taskArn } : {}) },
    });
    trafficChanged(state);
    if (t.taskArn && !taskHasDrainingTargets(state, t.taskArn)) taskDrained(state, t.taskArn);
  },
};

export function taskHasDrainingTargets(state: SimState, taskArn: string): boolean {
  for (const tg of Object.values(elbOf(state).targetGroups)) {
    for (const t of Object.values(tg.targets)) if (t.taskArn === taskArn && t.state === 'draining') return true;
  }
  return false;
}

/** The targets an ECS task has in any group, with their group. */
export function targetsOfTask(state: SimState, taskArn: string): { tg: TargetGroupRecord; t: TargetRecord }[] {
  const out: { tg: TargetGroupRecord; t: TargetRecord }[] = [];
  for (const tg of Object.values(elbOf(state).targetGroups)) {
    for (const t of Object.values(tg.targets)) if (t.taskArn === taskArn) out.push({ tg, t });
  }
  return out;
}
