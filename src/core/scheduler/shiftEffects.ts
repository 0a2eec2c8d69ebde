/**
 * What the blue/green, linear and canary machines do to the rest of the simulation: publish the
 * lifecycle stage, shift listener rule weights, start hooks, ask the scheduler to scale, and finish
 * or roll back the deployment.
 */
import { emit } from '../engine/kernel';
import type { JsonObject } from '../engine/json';
import type { SimState } from '../engine/state';
import { leafPaths } from '../machines/driver';
import type { ShiftDeploymentContext } from '../machines/trafficShift';
import type { LifecycleStage } from './blueGreenRecord';
import { deploymentEffects, findDeployment } from './deploymentEffects';
import { rollBack, rollbackTarget } from './deployments';
import { ServiceDeploymentReasons, ServiceEventMessages, ShiftConfigMessages } from './eventMessages';
import { requestReconcile } from './notify';
import { logServiceEvent } from './serviceEvents';
import { startHooks } from './shiftHooks';
import { shiftWeights } from './shiftTraffic';

function found(state: SimState, context: JsonObject) {
  const ctx = context as unknown as ShiftDeploymentContext;
  return findDeployment(state, ctx.serviceArn, ctx.deploymentId);
}

/** Effect `stage`: the machine entered a lifecycle stage. */
function stage(state: SimState, actorId: string, params: { stage: LifecycleStage; percent: number }, context: JsonObject): void {
  const f = found(state, context);
  if (!f?.dep.bg) return;
  const { svc, dep } = f;
  const bg = dep.bg!;
  bg.lifecycleStage = params.stage;
  bg.stageStartedAt = state.now;
  bg.stages.push(params.stage);
  const actor = state.actors[actorId];
  if (actor) bg.machineState = leafPaths(actor.value).join(',');
  dep.updatedAt = state.now;
  dep.sd.updatedAt = state.now;
  emit(state, 'service.lifecycleStage', ServiceEventMessages.lifecycleStage(svc.serviceName, dep.id, params.stage), {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, deploymentId: dep.id, lifecycleStage: params.stage },
  });
  if (params.stage === 'TEST_TRAFFIC_SHIFT' && bg.blueDeploymentId) {
    shiftWeights(state, dep, 'test', 100);
    logServiceEvent(state, svc, ServiceEventMessages.trafficShifted(svc.serviceName, dep.id, 'test', 100));
  } else if (params.stage === 'PRODUCTION_TRAFFIC_SHIFT') {
    shiftWeights(state, dep, 'production', params.percent);
    logServiceEvent(state, svc, ServiceEventMessages.trafficShifted(svc.serviceName, dep.id, 'production', params.percent));
  } else if (params.stage === 'SCALE_UP' || params.stage === 'CLEAN_UP') {
    requestReconcile(state, svc.clusterName);
  }
  startHooks(state, svc, dep, params.stage);
}

/** Effect `finish`: CLEAN_UP is over; the deployment is COMPLETED and its service deployment SUCCESSFUL. */
function finish(state: SimState, actorId: string, _params: unknown, context: JsonObject): void {
  const f = found(state, context);
  if (!f) return;
  const { dep } = f;
  if (dep.sd.status === 'IN_PROGRESS') {
    dep.sd.status = 'SUCCESSFUL';
    dep.sd.finishedAt = state.now;
    dep.sd.updatedAt = state.now;
  }
  if (dep.bg) dep.bg.machineState = 'COMPLETED';
  deploymentEffects.rollout(state, actorId, { rolloutState: 'COMPLETED' }, context);
}

/** Traffic back on the old revision (production and test). */
function restoreTraffic(state: SimState, context: JsonObject): void {
  const f = found(state, context);
  if (!f?.dep.bg || !f.dep.bg.blueDeploymentId) return;
  shiftWeights(state, f.dep, 'production', 0);
  shiftWeights(state, f.dep, 'test', 0);
}

/** Effect `rollBack`: a hook failed. Traffic goes back to the old revision, which becomes PRIMARY again. */
function rollBackEffect(state: SimState, _actorId: string, _params: unknown, context: JsonObject): void {
  const f = found(state, context);
  if (!f?.dep.bg) return;
  const { svc, dep } = f;
  const bg = dep.bg!;
  const at = bg.lifecycleStage ?? 'PRE_SCALE_UP';
  const timedOut = bg.hooks.some((h) => h.stage === at && h.status === 'TIMED_OUT');
  bg.rolledBack = true;
  bg.machineState = 'ROLLED_BACK';
  restoreTraffic(state, context);
  logServiceEvent(state, svc, ServiceEventMessages.hookFailed(svc.serviceName, dep.id, at));
  dep.rolloutState = 'FAILED';
  dep.rolloutStateReason = timedOut ? ShiftConfigMessages.hookTimedOutReason(at) : ShiftConfigMessages.hookFailedReason(at);
  dep.failureHandled = true;
  dep.updatedAt = state.now;
  emit(state, 'service.deploymentStateChange', `Deployment ${dep.id} of service ${svc.serviceName} is FAILED: ${dep.rolloutStateReason}`, {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, deploymentId: dep.id, rolloutState: 'FAILED', reason: dep.rolloutStateReason },
  });
  const target = rollbackTarget(svc, dep);
  if (target && svc.deployments[0] === dep) {
    rollBack(state, svc, dep, target, dep.rolloutStateReason, false);
  } else {
    dep.sd.status = 'ROLLBACK_FAILED';
    dep.sd.statusReason = ServiceDeploymentReasons.noRollbackTarget;
    dep.sd.finishedAt = state.now;
    dep.sd.updatedAt = state.now;
  }
  requestReconcile(state, svc.clusterName);
}

/**
 * Effect `breakerTripped`: the circuit breaker counted as many failed green tasks as its threshold.
 * The deployment is FAILED (the rolling texts and events); with rollback on, traffic goes back to the
 * old revision at once and the scheduler (reconcile.ts, handleFailures) makes it PRIMARY again; without
 * rollback the weights stay where they are and nothing more launches (ours).
 */
function breakerTripped(state: SimState, actorId: string, _params: unknown, context: JsonObject): void {
  const f = found(state, context);
  if (!f?.dep.bg) return;
  const { svc, dep } = f;
  dep.bg!.machineState = 'FAILED';
  if (svc.deploymentConfiguration.deploymentCircuitBreaker.rollback) {
    dep.bg!.rolledBack = true;
    restoreTraffic(state, context);
  }
  deploymentEffects.rollout(state, actorId, { rolloutState: 'FAILED' }, context);
  requestReconcile(state, svc.clusterName);
}

/** Effect `aborted`: StopServiceDeployment. With ROLLBACK the traffic goes back to the old revision. */
function aborted(state: SimState, _actorId: string, _params: unknown, context: JsonObject): void {
  const f = found(state, context);
  if (!f?.dep.bg) return;
  f.dep.bg.machineState = 'ABORTED';
  if (f.dep.sd.status === 'ROLLBACK_REQUESTED') {
    f.dep.bg.rolledBack = true;
    restoreTraffic(state, context);
  }
}

export const shiftEffects = {
  stage,
  finish,
  rollBack: rollBackEffect,
  aborted,
  breakerTripped,
  rollout: deploymentEffects.rollout,
  publish: deploymentEffects.publish,
};
