/**
 * The service scheduler's reconcile loop (reference §6, §7). Each run, per service of the cluster
 * (DAEMON services first, so their tasks start first on a new instance):
 *
 *   1. account for what happened to its tasks: first RUNNING, first healthy, stopped before RUNNING
 *      (restart throttle, circuit breaker stage 1);
 *   2. act on a FAILED deployment: roll back to the last COMPLETED one, or stall;
 *   3. plan stops and starts within the bounds (bounds.ts), replica.ts / daemon.ts;
 *   4. retire deployments with nothing left, complete the PRIMARY at steady state, log steady state;
 *   5. book the next wake-up (a task turning healthy after 40 s, the throttle, the six-hour repeat).
 */
import type { SimState } from '../engine/state';
import { requestStop } from '../tasks/stop';
import { stopActor } from '../machines/driver';
import type { TaskRecord } from '../tasks/record';
import { taskIdOf } from '../tasks/effects';
import { circuitBreakerThreshold } from './circuitBreaker';
import { completeDeployment, retireEmptyDeployments, rollBack, rollbackTarget, sendDeployment } from './deployments';
import { ServiceDeploymentReasons, ServiceEventMessages, SchedulerStopReasons } from './eventMessages';
import { launchServiceTasks } from './launch';
import { requestReconcile, wakeupFired } from './notify';
import { logServiceEvent, resolved, DUPLICATE_WINDOW_MS } from './serviceEvents';
import type { DeploymentRecord, ServiceRecord, TaskNote } from './serviceRecord';
import { THROTTLE_FREE_FAILURES, throttleDelayMs } from './throttle';
import { HEALTHY_AFTER_MS, graceMs, isHealthy, isInFlight, isLive, isUnhealthy } from './taskView';
import { planReplica } from './replica';
import { planDaemon } from './daemon';
import { taskTargetHealth } from '../elb/taskTargets';
import { unhealthyMessage, unhealthyStopReason } from './unhealthyTexts';
import { planShift } from './shiftPlanner';
import { reconcileTaskSets } from '../tasksets/reconcile';

/** How long the scheduler waits before trying to place again after a placement failure (ours). */
export const PLACEMENT_RETRY_MS = 30_000;

/**
 * The scheduler starts and stops tasks in batches of at most 10 (RunTask's limit), one event per
 * batch (ours, docs/services.md); it also keeps each event message short.
 */
export const EVENT_BATCH = 10;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += EVENT_BATCH) out.push(items.slice(i, i + EVENT_BATCH));
  return out;
}

/** One task as the planners see it. */
export interface TaskView {
  t: TaskRecord;
  note: TaskNote;
  dep: DeploymentRecord | undefined;
  live: boolean;
  inFlight: boolean;
  healthy: boolean;
  unhealthy: boolean;
}

/** What a planner decided. */
export interface Plan {
  /** `az`: stopped to rebalance Availability Zones (logged with the §12.3 message) */
  stops: { view: TaskView; unhealthy: boolean; az?: string }[];
  /** starts for the PRIMARY deployment; `candidates` pins each to one instance (daemon) */
  /** `dep`: an older deployment replacing its own unhealthy task `replaces` (default: the PRIMARY) */
  starts: { count: number; candidates?: string[]; dep?: DeploymentRecord; replaces?: TaskView }[];
  /** unhealthy tasks the starts replace */
  replacingUnhealthy: number;
  /** the service is at its desired state (counts, health, one deployment) */
  stable: boolean;
  /** neither a start nor a stop is possible although the deployment is not done */
  deadlocked: boolean;
  /** AZ rebalancing: the start goes to this AZ; `counts` is the picture that asked for it */
  azStart?: { az: string; counts: [string, number][] };
  /** the AZs are balanced now (for the "is AZ balanced" event) */
  azBalanced?: [string, number][];
}

export interface PlanInput {
  svc: ServiceRecord;
  primary: DeploymentRecord;
  views: TaskView[];
  /** PRIMARY may launch now (not FAILED or aborted, service ACTIVE, throttle and placement retry allow) */
  canLaunch: boolean;
  /** PRIMARY may launch at all (not FAILED or aborted); old tasks are only replaced then */
  launchable: boolean;
}

export function reconcileCluster(state: SimState, clusterName: string): void {
  wakeupFired(state, clusterName);
  const services = Object.values(state.services ?? {}).filter((s) => s.clusterName === clusterName && s.status !== 'INACTIVE');
  services.sort(
    (a, b) =>
      (a.schedulingStrategy === 'DAEMON' ? 0 : 1) - (b.schedulingStrategy === 'DAEMON' ? 0 : 1) ||
      a.createdAt - b.createdAt ||
      (a.serviceName < b.serviceName ? -1 : 1),
  );
  for (const svc of services) reconcileService(state, svc);
}

function depOf(svc: ServiceRecord, id: string): DeploymentRecord | undefined {
  for (const d of svc.deployments) if (d.id === id) return d;
  return undefined;
}

/** Step 1: what happened to the tasks since the last run. */
function account(state: SimState, svc: ServiceRecord): void {
  const threshold = circuitBreakerThreshold(svc.deploymentConfiguration.deploymentCircuitBreaker, svc.desiredCount);
  const breaker = svc.deploymentConfiguration.deploymentCircuitBreaker.enable;
  for (const arn of Object.keys(svc.tasks)) {
    const note = svc.tasks[arn];
    const t = state.tasks[arn];
    if (!t) {
      delete svc.tasks[arn];
      continue;
    }
    const dep = depOf(svc, note.deploymentId);
    if (!note.ran && t.startedAt !== undefined) {
      note.ran = true;
      // A task that reaches RUNNING ends a run of failed starts (reference §6.4).
      svc.throttle = { failures: 0, notBefore: 0, impaired: false };
      if (dep && dep.cbStage === 1) sendDeployment(state, dep, { type: 'TASK_RUNNING' });
    }
    if (!note.healthy && isHealthy(state, t, dep)) {
      note.healthy = true;
      // Only a count to reset makes the machine act (resetOnHealthyTask).
      if (dep && dep.failedTasks > 0) sendDeployment(state, dep, { type: 'TASK_HEALTHY' });
    }
    if (t.lastStatus === 'STOPPED') {
      const failedToStart = !note.ran && !note.stoppedByScheduler && (t.stopCode === 'TaskFailedToStart' || t.stopCode === 'EssentialContainerExited');
      if (failedToStart) {
        svc.throttle.failures++;
        const delay = throttleDelayMs(svc.throttle.failures);
        svc.throttle.notBefore = state.now + delay;
        if (svc.throttle.failures >= THROTTLE_FREE_FAILURES && !svc.throttle.impaired) {
          svc.throttle.impaired = true;
          logServiceEvent(state, svc, ServiceEventMessages.unableToConsistentlyStart(svc.serviceName));
        }
        if (dep) sendDeployment(state, dep, { type: 'TASK_FAILED', stage: 1, threshold, breaker });
      } else if (note.ran && !note.stoppedByScheduler && t.stopCode === 'EssentialContainerExited' && dep) {
        // A crash-looping container (the essential container exits after RUNNING) is a failed task
        // for the circuit breaker's stage 2, like a health-check replacement (ours, docs/services.md);
        // it does not engage the restart throttle (reference §6.4).
        sendDeployment(state, dep, { type: 'TASK_FAILED', stage: 2, threshold, breaker });
      }
      delete svc.tasks[arn];
    }
  }
}

/** Step 2: a FAILED deployment rolls back (rollback on) or stalls. */
function handleFailures(state: SimState, svc: ServiceRecord): void {
  const primary = svc.deployments[0];
  if (!primary || primary.rolloutState !== 'FAILED' || primary.failureHandled) return;
  primary.failureHandled = true;
  primary.sd.cbStatus = 'TRIGGERED';
  primary.sd.updatedAt = state.now;
  if (primary.aborted) return;
  const cb = svc.deploymentConfiguration.deploymentCircuitBreaker;
  if (!cb.rollback) {
    primary.sd.status = 'STOPPED';
    primary.sd.statusReason = ServiceDeploymentReasons.circuitBreaker;
    primary.sd.stoppedAt = state.now;
    return;
  }
  const target = rollbackTarget(svc, primary);
  if (!target) {
    primary.sd.status = 'ROLLBACK_FAILED';
    primary.sd.statusReason = ServiceDeploymentReasons.noRollbackTarget;
    primary.sd.finishedAt = state.now;
    return;
  }
  rollBack(state, svc, primary, target, ServiceDeploymentReasons.circuitBreaker, false);
}

function viewsOf(state: SimState, svc: ServiceRecord): TaskView[] {
  const out: TaskView[] = [];
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (!t) continue;
    const note = svc.tasks[arn];
    const dep = depOf(svc, note.deploymentId);
    out.push({
      t,
      note,
      dep,
      live: isLive(t),
      inFlight: isInFlight(t),
      healthy: isHealthy(state, t, dep),
      unhealthy: isUnhealthy(state, svc, t, dep),
    });
  }
  return out;
}

export function reconcileService(state: SimState, svc: ServiceRecord): void {
  account(state, svc);
  handleFailures(state, svc);
  if (svc.status === 'DRAINING') {
    drainDeletedService(state, svc);
    return;
  }
  if (svc.deploymentController !== 'ECS') return reconcileTaskSets(state, svc);
  const primary = svc.deployments[0];
  if (!primary) return;
  const views = viewsOf(state, svc);
  for (const v of views) {
    if (v.unhealthy && !v.note.unhealthyLogged) {
      v.note.unhealthyLogged = true;
      logServiceEvent(state, svc, unhealthyMessage(state, svc, v.t));
    }
  }
  if (svc.azRebalance && !(state.tasks[svc.azRebalance.taskArn] && views.some((v) => v.live && v.t.taskArn === svc.azRebalance!.taskArn))) {
    svc.azRebalance = undefined;
  }
  const launchable = primary.rolloutState !== 'FAILED' && !primary.aborted && svc.status === 'ACTIVE';
  const canLaunch = launchable && state.now >= svc.throttle.notBefore && (svc.placementRetryAt === undefined || state.now >= svc.placementRetryAt);
  const input: PlanInput = { svc, primary, views, canLaunch, launchable };
  const plan = svc.schedulingStrategy === 'DAEMON' ? planDaemon(state, input) : primary.bg ? planShift(state, input) : planReplica(state, input);

  // Stops first (they free resources the starts may need on the same instance).
  if (plan.stops.length > 0) {
    const threshold = circuitBreakerThreshold(svc.deploymentConfiguration.deploymentCircuitBreaker, svc.desiredCount);
    const breaker = svc.deploymentConfiguration.deploymentCircuitBreaker.enable;
    const ids: string[] = [];
    for (const { view, unhealthy, az } of plan.stops) {
      view.note.stoppedByScheduler = true;
      const reason = unhealthy ? unhealthyStopReason(state, view.t) : SchedulerStopReasons.scaling(view.dep?.id ?? primary.id);
      const stopped = requestStop(state, view.t.taskArn, { stopCode: 'ServiceSchedulerInitiated', stoppedReason: reason });
      if (stopped && az !== undefined) {
        logServiceEvent(state, svc, ServiceEventMessages.azRebalanceStopped(svc.serviceName, az, [taskIdOf(view.t.taskArn)]));
        svc.azRebalance = undefined;
      } else if (stopped) ids.push(taskIdOf(view.t.taskArn));
      if (unhealthy) {
        view.note.replacedUnhealthy = true;
        if (view.dep) sendDeployment(state, view.dep, { type: 'TASK_FAILED', stage: 2, threshold, breaker });
      }
    }
    for (const batch of batches(ids)) logServiceEvent(state, svc, ServiceEventMessages.stoppedTasks(svc.serviceName, batch));
    handleFailures(state, svc);
  }

  const startedIds: string[] = [];
  let placementFailure: string | undefined;
  // Only the PRIMARY's own launches count for its circuit breaker (not an older revision's replacements).
  let primaryPlacementFailed = false;
  const current = svc.deployments[0];
  if (current === primary && current.rolloutState !== 'FAILED') {
    for (const s of plan.starts) {
      const dep = s.dep ?? primary;
      const out = launchServiceTasks(state, svc, dep, s.count, { candidates: s.candidates });
      for (const t of out.started) {
        svc.tasks[t.taskArn] = { deploymentId: dep.id };
        startedIds.push(taskIdOf(t.taskArn));
        if (s.replaces) s.replaces.note.replacementTaskArn = t.taskArn;
      }
      if (out.failure) placementFailure ??= out.failure;
      if (out.failure && dep === primary) primaryPlacementFailed = true;
    }
  }
  if (plan.azStart && startedIds.length > 0) {
    if (!svc.azUnbalanced) logServiceEvent(state, svc, ServiceEventMessages.azUnbalanced(svc.serviceName, plan.azStart.counts));
    svc.azUnbalanced = true;
    logServiceEvent(state, svc, ServiceEventMessages.azRebalanceStarted(svc.serviceName, plan.azStart.az, startedIds));
    const arn = Object.keys(svc.tasks).find((k) => taskIdOf(k) === startedIds[0])!;
    svc.azRebalance = { taskArn: arn, az: plan.azStart.az };
  } else if (plan.azBalanced && svc.azUnbalanced) {
    svc.azUnbalanced = false;
    logServiceEvent(state, svc, ServiceEventMessages.azBalanced(svc.serviceName, plan.azBalanced));
  }
  if (startedIds.length > 0 && !plan.azStart) {
    let replacedLeft = Math.min(plan.replacingUnhealthy, startedIds.length);
    for (const batch of batches(startedIds)) {
      const replaced = Math.min(replacedLeft, batch.length);
      replacedLeft -= replaced;
      logServiceEvent(
        state,
        svc,
        replaced > 0
          ? ServiceEventMessages.startedTasksReplacingUnhealthy(svc.serviceName, batch, replaced)
          : ServiceEventMessages.startedTasks(svc.serviceName, batch),
      );
    }
    resolved(svc, (m) => m.includes('was unable to place a task'));
  }
  if (placementFailure) {
    logServiceEvent(state, svc, placementFailure, { dedupe: true });
    svc.placementRetryAt = state.now + PLACEMENT_RETRY_MS;
    // A task the scheduler cannot launch is a failed task for the circuit breaker (reference §7.3,
    // Deployment.failedTasks); one per failed placement attempt (ours, docs/services.md).
    if (primaryPlacementFailed && svc.deployments[0] === primary && primary.rolloutState === 'IN_PROGRESS') {
      const cb = svc.deploymentConfiguration.deploymentCircuitBreaker;
      sendDeployment(state, primary, { type: 'TASK_FAILED', stage: primary.cbStage, threshold: circuitBreakerThreshold(cb, svc.desiredCount), breaker: cb.enable });
      handleFailures(state, svc);
    }
  } else if (startedIds.length > 0) {
    svc.placementRetryAt = undefined;
  }
  if (plan.deadlocked) logServiceEvent(state, svc, ServiceEventMessages.deploymentConfigurationDeadlock(svc.serviceName), { dedupe: true });
  else resolved(svc, (m) => m === ServiceEventMessages.deploymentConfigurationDeadlock(svc.serviceName));

  retireEmptyDeployments(state, svc);
  updateDeploymentCounts(state, svc);

  const stable = plan.stable && plan.stops.length === 0 && startedIds.length === 0 && svc.deployments.length === 1;
  if (stable) {
    const p = svc.deployments[0];
    if (p.rolloutState === 'IN_PROGRESS') completeDeployment(state, svc, p);
    if (svc.steadyEventAt === undefined || state.now - svc.steadyEventAt >= DUPLICATE_WINDOW_MS) {
      svc.steadyEventAt = state.now;
      logServiceEvent(state, svc, ServiceEventMessages.steadyState(svc.serviceName));
    }
  } else {
    svc.steadyEventAt = undefined;
  }
  bookWakeup(state, svc, views, stable);
}

function updateDeploymentCounts(state: SimState, svc: ServiceRecord): void {
  const live = new Map<string, number>();
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (t && isLive(t)) live.set(svc.tasks[arn].deploymentId, (live.get(svc.tasks[arn].deploymentId) ?? 0) + 1);
  }
  svc.deployments.forEach((d, i) => {
    const want = i === 0 ? svc.desiredCount : live.get(d.id) ?? 0;
    if (d.desiredCount !== want) {
      d.desiredCount = want;
      d.updatedAt = state.now;
    }
  });
}

/** Step 5: the earliest moment something will change without a task event. */
function bookWakeup(state: SimState, svc: ServiceRecord, views: TaskView[], stable: boolean): void {
  let at = Infinity;
  for (const v of views) {
    if (!v.live || v.t.lastStatus !== 'RUNNING' || v.t.startedAt === undefined) continue;
    if (!v.dep?.essentialHealthCheck && !v.healthy) at = Math.min(at, v.t.startedAt + HEALTHY_AFTER_MS);
    const failing = (v.dep?.essentialHealthCheck && v.t.healthStatus === 'UNHEALTHY') || taskTargetHealth(state, v.t).kind === 'unhealthy';
    if (failing && !v.unhealthy) at = Math.min(at, v.t.startedAt + graceMs(svc));
  }
  if (svc.throttle.notBefore > state.now) at = Math.min(at, svc.throttle.notBefore);
  if (svc.placementRetryAt !== undefined && svc.placementRetryAt > state.now) at = Math.min(at, svc.placementRetryAt);
  if (stable && svc.steadyEventAt !== undefined) at = Math.min(at, svc.steadyEventAt + DUPLICATE_WINDOW_MS);
  if (at !== Infinity) requestReconcile(state, svc.clusterName, at);
}

/** A deleted service (DRAINING) stops every task; once none is RUNNING or earlier it is INACTIVE. */
function drainDeletedService(state: SimState, svc: ServiceRecord): void {
  const ids: string[] = [];
  let remaining = 0;
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (!t) continue;
    if (isLive(t)) {
      svc.tasks[arn].stoppedByScheduler = true;
      if (requestStop(state, arn, { stopCode: 'ServiceSchedulerInitiated', stoppedReason: SchedulerStopReasons.scaling(svc.tasks[arn].deploymentId) })) {
        ids.push(taskIdOf(arn));
      }
    }
    if (isInFlight(t)) remaining++;
  }
  for (const batch of batches(ids)) logServiceEvent(state, svc, ServiceEventMessages.stoppedTasks(svc.serviceName, batch));
  if (remaining === 0) {
    svc.status = 'INACTIVE';
    // Nothing will talk to this service's deployment actors again.
    for (const d of [...svc.deployments, ...svc.pastDeployments]) stopActor(state, d.actorId);
    for (const d of svc.deployments) {
      if (d.sd.status === 'IN_PROGRESS' || d.sd.status === 'PENDING') {
        d.sd.status = 'STOPPED';
        d.sd.statusReason = ServiceDeploymentReasons.serviceDeleted;
        d.sd.stoppedAt = state.now;
      }
    }
  } else {
    requestReconcile(state, svc.clusterName);
  }
}
