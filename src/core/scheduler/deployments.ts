/**
 * Deployment objects (reference §7.3): creating one (CreateService, UpdateService with a change that
 * needs new tasks, forceNewDeployment), retiring the ones fully replaced, and rolling back to the
 * last COMPLETED one when a deployment fails with rollback on (reference §7.4).
 */
import { arns } from '../engine/arn';
import { newDeploymentId } from '../engine/ids';
import { emit } from '../engine/kernel';
import { digits, nextInt } from '../engine/rng';
import type { SimState } from '../engine/state';
import { sendToActor, startActor, stopActor } from '../machines/driver';
import { machines } from '../machines/registry';
import type { RollingDeploymentInput } from '../machines/rollingDeployment.machine';
import type { JsonObject } from '../engine/json';
import { findTaskDefinition } from '../taskdef/resolve';
import { RolloutReasons, ServiceDeploymentReasons, ServiceEventMessages } from './eventMessages';
import { logServiceEvent } from './serviceEvents';
import type { DeploymentRecord, RevisionRecord, ServiceRecord } from './serviceRecord';
import { isLive, isPending } from './taskView';
import { requestReconcile } from './notify';
import { isShiftStrategy, startShiftDeployment } from './shiftStart';

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Service deployment ids look like `r9i43YFjvgF_xlg7m2eJ1r` (22 URL-safe characters). */
function serviceDeploymentId(state: SimState): string {
  let out = '';
  for (let i = 0; i < 22; i++) out += ID_CHARS[nextInt(state.rng, 0, ID_CHARS.length - 1)];
  return out;
}

export function hasEssentialHealthCheck(state: SimState, taskDefinitionArn: string): boolean {
  const td = findTaskDefinition(state, taskDefinitionArn);
  return (td?.body.containerDefinitions ?? []).some((c) => (c.essential ?? true) && c.healthCheck !== undefined && c.healthCheck !== null);
}

/** Live and pending tasks of each deployment of the service (derived from the task records). */
export function deploymentCounts(state: SimState, svc: ServiceRecord): Map<string, { running: number; pending: number; live: number }> {
  const out = new Map<string, { running: number; pending: number; live: number }>();
  for (const d of svc.deployments) out.set(d.id, { running: 0, pending: 0, live: 0 });
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    const c = out.get(svc.tasks[arn].deploymentId);
    if (!t || !c) continue;
    if (t.lastStatus === 'RUNNING') c.running++;
    else if (isPending(t)) c.pending++;
    if (isLive(t)) c.live++;
  }
  return out;
}

function sendDeployment(state: SimState, dep: DeploymentRecord, event: { type: string; [k: string]: string | number | boolean }): void {
  sendToActor(state, machines, dep.actorId, event);
}

/** A new PRIMARY deployment of the service's current revision; older ones become ACTIVE. */
export function createDeployment(state: SimState, svc: ServiceRecord): DeploymentRecord {
  const id = newDeploymentId(state.rng);
  const counts = deploymentCounts(state, svc);
  const revision: RevisionRecord = structuredClone(svc.revision);
  const dep: DeploymentRecord = {
    id,
    status: 'PRIMARY',
    revision,
    serviceRevisionArn: arns.serviceRevision(state, svc.clusterName, svc.serviceName, digits(state.rng, 19)),
    serviceDeploymentArn: arns.serviceDeployment(state, svc.clusterName, svc.serviceName, serviceDeploymentId(state)),
    desiredCount: svc.desiredCount,
    createdAt: state.now,
    updatedAt: state.now,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: RolloutReasons.inProgress(id),
    failedTasks: 0,
    cbStage: 1,
    sd: {
      status: 'IN_PROGRESS',
      startedAt: state.now,
      updatedAt: state.now,
      sources: svc.deployments.map((d) => {
        const c = counts.get(d.id)!;
        return { arn: d.serviceRevisionArn, requested: d.desiredCount, running: c.running, pending: c.pending };
      }),
      deploymentConfiguration: structuredClone(svc.deploymentConfiguration),
      cbStatus: svc.deploymentConfiguration.deploymentCircuitBreaker.enable ? 'MONITORING' : 'DISABLED',
    },
    actorId: `deployment:${svc.serviceArn}:${id}`,
    essentialHealthCheck: hasEssentialHealthCheck(state, revision.taskDefinition),
  };
  for (const old of svc.deployments) {
    old.status = 'ACTIVE';
    old.updatedAt = state.now;
    if (old.sd.status === 'IN_PROGRESS' || old.sd.status === 'PENDING') {
      old.sd.status = 'STOPPED';
      old.sd.statusReason = ServiceDeploymentReasons.superseded;
      old.sd.stoppedAt = state.now;
      old.sd.updatedAt = state.now;
    }
  }
  svc.deployments.unshift(dep);
  // An update resets the restart throttle (reference §6.4).
  svc.throttle = { failures: 0, notBefore: 0, impaired: false };
  svc.placementRetryAt = undefined;
  const input: RollingDeploymentInput = {
    serviceArn: svc.serviceArn,
    deploymentId: id,
    resetOnHealthyTask: svc.deploymentConfiguration.deploymentCircuitBreaker.resetOnHealthyTask ?? true,
  };
  if (isShiftStrategy(svc.deploymentConfiguration.strategy)) startShiftDeployment(state, svc, dep);
  else startActor(state, machines, 'rollingDeployment', dep.actorId, input as unknown as JsonObject);
  emit(state, 'service.deploymentStateChange', `Deployment ${id} of service ${svc.serviceName} is IN_PROGRESS: ${dep.rolloutStateReason}`, {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, deploymentId: id, rolloutState: 'IN_PROGRESS', reason: dep.rolloutStateReason },
  });
  return dep;
}

/** Old deployments with no task left that is not STOPPED become INACTIVE and leave the service. */
export function retireEmptyDeployments(state: SimState, svc: ServiceRecord): void {
  const used = new Set<string>();
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (t && t.lastStatus !== 'STOPPED') used.add(svc.tasks[arn].deploymentId);
  }
  for (let i = svc.deployments.length - 1; i >= 1; i--) {
    const d = svc.deployments[i];
    if (used.has(d.id)) continue;
    d.status = 'INACTIVE';
    d.desiredCount = 0;
    d.updatedAt = state.now;
    svc.deployments.splice(i, 1);
    svc.pastDeployments.unshift(d);
  }
  // Past deployments keep their actor only while they could still be a rollback target: the most
  // recent COMPLETED one (rollbackTarget never picks an older one).
  const keep = rollbackTarget(svc, svc.deployments[0]);
  for (const d of svc.pastDeployments) if (d !== keep && state.actors[d.actorId]) stopActor(state, d.actorId);
}

/** The most recent deployment in COMPLETED state other than `failed` (reference §7.4). */
export function rollbackTarget(svc: ServiceRecord, failed: DeploymentRecord): DeploymentRecord | undefined {
  const all = [...svc.deployments, ...svc.pastDeployments].filter((d) => d !== failed && d.rolloutState === 'COMPLETED');
  all.sort((a, b) => b.createdAt - a.createdAt);
  return all[0];
}

/** Makes `target` the PRIMARY deployment again (IN_PROGRESS) in place of the failed one. */
export function rollBack(state: SimState, svc: ServiceRecord, failed: DeploymentRecord, target: DeploymentRecord, reason: string, manual: boolean): void {
  logServiceEvent(state, svc, ServiceEventMessages.rollingBack(svc.serviceName, target.id));
  svc.deployments = svc.deployments.filter((d) => d !== target);
  svc.pastDeployments = svc.pastDeployments.filter((d) => d !== target);
  for (const d of svc.deployments) d.status = 'ACTIVE';
  target.status = 'PRIMARY';
  target.desiredCount = svc.desiredCount;
  target.updatedAt = state.now;
  target.rollbackFor = failed.id;
  target.rolloutStateReason = manual ? RolloutReasons.manualRollback(target.id) : RolloutReasons.rollingBack(target.id);
  svc.deployments.unshift(target);
  svc.revision = structuredClone(target.revision);
  svc.throttle = { failures: 0, notBefore: 0, impaired: false };
  svc.placementRetryAt = undefined;
  failed.sd.status = 'ROLLBACK_IN_PROGRESS';
  failed.sd.statusReason = reason;
  failed.sd.updatedAt = state.now;
  failed.sd.rollback = { reason, startedAt: state.now, serviceRevisionArn: target.serviceRevisionArn };
  if (target.rolloutState === 'COMPLETED') sendDeployment(state, target, { type: 'ROLLBACK_TARGET' });
  // The rolled-back-to deployment may need tasks: make sure the scheduler looks again soon.
  requestReconcile(state, svc.clusterName);
  emit(state, 'service.deploymentStateChange', `Deployment ${target.id} of service ${svc.serviceName} is IN_PROGRESS: ${target.rolloutStateReason}`, {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, deploymentId: target.id, rolloutState: 'IN_PROGRESS', reason: target.rolloutStateReason },
  });
}

/** The PRIMARY deployment reached steady state: COMPLETED, and its service deployment SUCCESSFUL. */
export function completeDeployment(state: SimState, svc: ServiceRecord, dep: DeploymentRecord): void {
  sendDeployment(state, dep, { type: 'STEADY' });
  dep.sd.status = 'SUCCESSFUL';
  dep.sd.finishedAt = state.now;
  dep.sd.updatedAt = state.now;
  if (dep.sd.cbStatus === 'MONITORING') dep.sd.cbStatus = 'MONITORING_COMPLETE';
  if (dep.rollbackFor) {
    const failed = [...svc.deployments, ...svc.pastDeployments].find((d) => d.id === dep.rollbackFor);
    if (failed && failed.sd.status === 'ROLLBACK_IN_PROGRESS') {
      failed.sd.status = 'ROLLBACK_SUCCESSFUL';
      failed.sd.finishedAt = state.now;
      failed.sd.updatedAt = state.now;
    }
    dep.rollbackFor = undefined;
  }
}

export { sendDeployment };
