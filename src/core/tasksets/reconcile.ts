/**
 * The service scheduler for CODE_DEPLOY and EXTERNAL services (reference §9.5). Each task set runs
 * computedDesiredCount = ceil(desiredCount × scale %) tasks (none once DRAINING), independently of
 * the others: no minimum/maximum percent bounds (ECS ignores them for task sets, they only matter
 * for draining instances). Unhealthy tasks are replaced, extra tasks stopped (pending ones first,
 * then the newest), DRAINING task sets dropped once their tasks are gone, and each task set's
 * stabilityStatus kept: STEADY_STATE when runningCount = computedDesiredCount, pendingCount = 0,
 * every task healthy and none on a DRAINING instance. reconcile.ts calls this after it accounted
 * for the tasks that stopped.
 */
import type { SimState } from '../engine/state';
import { requestStop } from '../tasks/stop';
import { taskIdOf } from '../tasks/effects';
import type { TaskRecord } from '../tasks/record';
import { ServiceEventMessages, SchedulerStopReasons } from '../scheduler/eventMessages';
import { launchServiceTasks } from '../scheduler/launch';
import { requestReconcile } from '../scheduler/notify';
import { DUPLICATE_WINDOW_MS, logServiceEvent, resolved } from '../scheduler/serviceEvents';
import type { ServiceRecord, TaskNote } from '../scheduler/serviceRecord';
import { HEALTHY_AFTER_MS, graceMs, isHealthy, isLive, isPending, isUnhealthy, onDrainingInstance } from '../scheduler/taskView';
import { unhealthyMessage, unhealthyStopReason } from '../scheduler/unhealthyTexts';
import { taskSetStabilityChanged } from '../codedeploy/progress';
import { computedDesiredCount, type StabilityStatus } from './record';
import { taskSetsOf, type TaskSetRecord } from './taskSets';

/** The scheduler starts and stops at most 10 tasks per service event, as for deployments. */
const EVENT_BATCH = 10;
/** How long the scheduler waits before trying to place again after a placement failure (as reconcile.ts). */
const PLACEMENT_RETRY_MS = 30_000;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += EVENT_BATCH) out.push(items.slice(i, i + EVENT_BATCH));
  return out;
}

interface View {
  t: TaskRecord;
  note: TaskNote;
}

export function wantedCount(svc: ServiceRecord, ts: TaskSetRecord): number {
  return ts.taskSet.status === 'DRAINING' ? 0 : computedDesiredCount(svc.desiredCount, ts.taskSet.scale);
}

/** Running and pending tasks of each task set (derived from the task records). */
export function taskSetCounts(state: SimState, svc: ServiceRecord): Map<string, { running: number; pending: number }> {
  const out = new Map<string, { running: number; pending: number }>();
  for (const ts of taskSetsOf(svc)) out.set(ts.id, { running: 0, pending: 0 });
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    const c = out.get(svc.tasks[arn].deploymentId);
    if (!t || !c) continue;
    if (t.lastStatus === 'RUNNING') c.running++;
    else if (isPending(t)) c.pending++;
  }
  return out;
}

export function reconcileTaskSets(state: SimState, svc: ServiceRecord): void {
  const byTaskSet = new Map<string, View[]>();
  for (const ts of taskSetsOf(svc)) byTaskSet.set(ts.id, []);
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    const list = t && byTaskSet.get(svc.tasks[arn].deploymentId);
    if (list) list.push({ t, note: svc.tasks[arn] });
  }
  const canLaunch = svc.status === 'ACTIVE' && state.now >= svc.throttle.notBefore && (svc.placementRetryAt === undefined || state.now >= svc.placementRetryAt);
  const stoppedIds: string[] = [];
  const startedIds: string[] = [];
  let placementFailure: string | undefined;
  let changed = false;
  for (const ts of taskSetsOf(svc)) {
    const want = wantedCount(svc, ts);
    if (ts.desiredCount !== want) {
      ts.desiredCount = want;
      ts.updatedAt = state.now;
    }
    const live = (byTaskSet.get(ts.id) ?? []).filter((v) => isLive(v.t));
    const keep: View[] = [];
    for (const v of live) {
      if (isUnhealthy(state, svc, v.t, ts)) {
        if (!v.note.unhealthyLogged) {
          v.note.unhealthyLogged = true;
          logServiceEvent(state, svc, unhealthyMessage(state, svc, v.t));
        }
        v.note.stoppedByScheduler = true;
        v.note.replacedUnhealthy = true;
        if (requestStop(state, v.t.taskArn, { stopCode: 'ServiceSchedulerInitiated', stoppedReason: unhealthyStopReason(state, v.t) })) stoppedIds.push(taskIdOf(v.t.taskArn));
      } else keep.push(v);
    }
    if (keep.length > want) {
      // Pending tasks first, then the newest (ours, docs/codedeploy.md).
      keep.sort((a, b) => Number(isPending(b.t)) - Number(isPending(a.t)) || b.t.createdAt - a.t.createdAt || (a.t.taskArn < b.t.taskArn ? -1 : 1));
      for (const v of keep.slice(0, keep.length - want)) {
        v.note.stoppedByScheduler = true;
        if (requestStop(state, v.t.taskArn, { stopCode: 'ServiceSchedulerInitiated', stoppedReason: SchedulerStopReasons.scaling(ts.id) })) stoppedIds.push(taskIdOf(v.t.taskArn));
      }
    } else if (keep.length < want && canLaunch) {
      const out = launchServiceTasks(state, svc, ts, want - keep.length);
      for (const t of out.started) {
        svc.tasks[t.taskArn] = { deploymentId: ts.id };
        startedIds.push(taskIdOf(t.taskArn));
      }
      if (out.failure) placementFailure ??= out.failure;
    }
  }
  for (const batch of batches(stoppedIds)) logServiceEvent(state, svc, ServiceEventMessages.stoppedTasks(svc.serviceName, batch));
  for (const batch of batches(startedIds)) logServiceEvent(state, svc, ServiceEventMessages.startedTasks(svc.serviceName, batch));
  if (startedIds.length > 0) resolved(svc, (m) => m.includes('was unable to place a task'));
  if (placementFailure) {
    logServiceEvent(state, svc, placementFailure, { dedupe: true });
    svc.placementRetryAt = state.now + PLACEMENT_RETRY_MS;
  } else if (startedIds.length > 0) svc.placementRetryAt = undefined;
  changed = stoppedIds.length > 0 || startedIds.length > 0;

  dropDrainedTaskSets(state, svc);
  const allSteady = updateStability(state, svc) && !changed;
  if (allSteady && taskSetsOf(svc).length > 0) {
    if (svc.steadyEventAt === undefined || state.now - svc.steadyEventAt >= DUPLICATE_WINDOW_MS) {
      svc.steadyEventAt = state.now;
      logServiceEvent(state, svc, ServiceEventMessages.steadyState(svc.serviceName));
    }
  } else svc.steadyEventAt = undefined;
  bookWakeup(state, svc, allSteady);
}

/** DRAINING task sets whose tasks are all STOPPED leave the service (kept in pastDeployments for their tasks' records). */
function dropDrainedTaskSets(state: SimState, svc: ServiceRecord): void {
  const used = new Set<string>();
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (t && t.lastStatus !== 'STOPPED') used.add(svc.tasks[arn].deploymentId);
  }
  for (const ts of taskSetsOf(svc)) {
    if (ts.taskSet.status !== 'DRAINING' || used.has(ts.id)) continue;
    svc.deployments = svc.deployments.filter((d) => d !== ts);
    ts.status = 'INACTIVE';
    ts.updatedAt = state.now;
    svc.pastDeployments.unshift(ts);
  }
}

/** Each task set's stabilityStatus; answers whether every task set is at STEADY_STATE. */
function updateStability(state: SimState, svc: ServiceRecord): boolean {
  let all = true;
  for (const ts of taskSetsOf(svc)) {
    let running = 0;
    let other = 0;
    let healthy = true;
    for (const arn in svc.tasks) {
      if (svc.tasks[arn].deploymentId !== ts.id) continue;
      const t = state.tasks[arn];
      if (!t || t.lastStatus === 'STOPPED') continue;
      if (t.lastStatus === 'RUNNING' && isLive(t)) {
        running++;
        if (!isHealthy(state, t, ts) || onDrainingInstance(state, t)) healthy = false;
      } else other++;
    }
    const status: StabilityStatus = ts.taskSet.status !== 'DRAINING' && running === ts.desiredCount && other === 0 && healthy ? 'STEADY_STATE' : 'STABILIZING';
    if (status !== 'STEADY_STATE') all = false;
    if (ts.taskSet.stabilityStatus !== status) {
      ts.taskSet.stabilityStatus = status;
      ts.taskSet.stabilityStatusAt = state.now;
      ts.updatedAt = state.now;
      taskSetStabilityChanged(state, svc, ts);
    }
  }
  return all;
}

function bookWakeup(state: SimState, svc: ServiceRecord, steady: boolean): void {
  let at = Infinity;
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (!t || !isLive(t) || t.lastStatus !== 'RUNNING' || t.startedAt === undefined) continue;
    const ts = taskSetsOf(svc).find((d) => d.id === svc.tasks[arn].deploymentId);
    if (!ts) continue;
    if (!ts.essentialHealthCheck && !isHealthy(state, t, ts)) at = Math.min(at, t.startedAt + HEALTHY_AFTER_MS);
    if (state.now - t.startedAt < graceMs(svc)) at = Math.min(at, t.startedAt + graceMs(svc));
  }
  if (svc.throttle.notBefore > state.now) at = Math.min(at, svc.throttle.notBefore);
  if (svc.placementRetryAt !== undefined && svc.placementRetryAt > state.now) at = Math.min(at, svc.placementRetryAt);
  if (steady && svc.steadyEventAt !== undefined) at = Math.min(at, svc.steadyEventAt + DUPLICATE_WINDOW_MS);
  if (at !== Infinity && at > state.now) requestReconcile(state, svc.clusterName, at);
}
