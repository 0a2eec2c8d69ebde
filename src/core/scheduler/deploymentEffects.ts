/**
 * What the rolling-deployment machine does to the rest of the simulation: copy its rollout state
 * and circuit-breaker count into the deployment record, and log the events of a completed or failed
 * deployment. Rollback and task launches are the scheduler's (reconcile.ts reacts to FAILED).
 */
import { emit } from '../engine/kernel';
import type { JsonObject } from '../engine/json';
import type { SimState } from '../engine/state';
import { RolloutReasons, ServiceEventMessages } from './eventMessages';
import { logServiceEvent } from './serviceEvents';
import type { DeploymentRecord, RolloutState, ServiceRecord } from './serviceRecord';

export interface DeploymentActorContext {
  serviceArn: string;
  deploymentId: string;
  failures: number;
  stage: 1 | 2;
  resetOnHealthyTask: boolean;
  [key: string]: string | number | boolean;
}

export function findDeployment(state: SimState, serviceArn: string, deploymentId: string): { svc: ServiceRecord; dep: DeploymentRecord } | undefined {
  const svc = state.services?.[serviceArn];
  if (!svc) return undefined;
  const dep = svc.deployments.find((d) => d.id === deploymentId) ?? svc.pastDeployments.find((d) => d.id === deploymentId);
  return dep ? { svc, dep } : undefined;
}

/** Effect `publish`: the machine's count and stage into the record. */
function publish(state: SimState, _actorId: string, _params: unknown, context: JsonObject): void {
  const ctx = context as unknown as DeploymentActorContext;
  const found = findDeployment(state, ctx.serviceArn, ctx.deploymentId);
  if (!found) return;
  const { dep } = found;
  if (dep.failedTasks !== ctx.failures || dep.cbStage !== ctx.stage) {
    dep.failedTasks = ctx.failures;
    dep.cbStage = ctx.stage;
    dep.updatedAt = state.now;
  }
}

/** Effect `rollout`: the deployment's rolloutState changed. */
function rollout(state: SimState, _actorId: string, params: { rolloutState: RolloutState }, context: JsonObject): void {
  const ctx = context as unknown as DeploymentActorContext;
  const found = findDeployment(state, ctx.serviceArn, ctx.deploymentId);
  if (!found) return;
  const { svc, dep } = found;
  dep.rolloutState = params.rolloutState;
  dep.updatedAt = state.now;
  dep.failedTasks = ctx.failures;
  dep.cbStage = ctx.stage;
  if (params.rolloutState === 'COMPLETED') {
    dep.rolloutStateReason = RolloutReasons.completed(dep.id);
    logServiceEvent(state, svc, ServiceEventMessages.deploymentCompleted(svc.serviceName, dep.id));
  } else if (params.rolloutState === 'FAILED' && ctx.aborted) {
    dep.rolloutStateReason = RolloutReasons.aborted(dep.id);
  } else if (params.rolloutState === 'FAILED') {
    dep.rolloutStateReason = RolloutReasons.circuitBreakerFailed;
    logServiceEvent(state, svc, ServiceEventMessages.deploymentFailed(svc.serviceName, dep.id));
  }
  emit(state, 'service.deploymentStateChange', `Deployment ${dep.id} of service ${svc.serviceName} is ${params.rolloutState}: ${dep.rolloutStateReason}`, {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, deploymentId: dep.id, rolloutState: params.rolloutState, reason: dep.rolloutStateReason },
  });
}

export const deploymentEffects = { publish, rollout };
