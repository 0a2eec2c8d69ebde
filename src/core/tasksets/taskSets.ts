/**
 * The task set model (reference §9.5) as the rest of the core uses it: add a task set to a service,
 * change its scale, make one PRIMARY, delete one (DRAINING until its tasks are gone). The ECS
 * operations (api.ts) and CodeDeploy (codedeploy/) both go through these. Each task set is a
 * deployment record with a `taskSet` member (record.ts), so task launches, target registration,
 * health and traffic counters treat it like any deployment.
 */
import { arns } from '../engine/arn';
import { newDeploymentId } from '../engine/ids';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { hasEssentialHealthCheck } from '../scheduler/deployments';
import { requestReconcile } from '../scheduler/notify';
import type { DeploymentRecord, RevisionRecord, ServiceRecord } from '../scheduler/serviceRecord';
import { computedDesiredCount, type TaskSetStatus } from './record';

export interface NewTaskSet {
  revision: RevisionRecord;
  scale: number;
  status?: TaskSetStatus;
  externalId?: string;
  startedBy?: string;
}

export type TaskSetRecord = DeploymentRecord & { taskSet: NonNullable<DeploymentRecord['taskSet']> };

export function isTaskSet(d: DeploymentRecord): d is TaskSetRecord {
  return d.taskSet !== undefined;
}

/** The service's task sets that are not gone yet: PRIMARY first, then the others newest first. */
export function taskSetsOf(svc: ServiceRecord): TaskSetRecord[] {
  return svc.deployments.filter(isTaskSet);
}

export function primaryTaskSet(svc: ServiceRecord): TaskSetRecord | undefined {
  return taskSetsOf(svc).find((d) => d.taskSet.status === 'PRIMARY');
}

/** Task set by id or ARN, among those not gone. */
export function findTaskSet(svc: ServiceRecord, ref: string): TaskSetRecord | undefined {
  return taskSetsOf(svc).find((d) => d.id === ref || d.taskSet.taskSetArn === ref);
}

function order(svc: ServiceRecord): void {
  const rank = (d: DeploymentRecord) => (d.taskSet?.status === 'PRIMARY' ? 0 : 1);
  svc.deployments.sort((a, b) => rank(a) - rank(b) || b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

export function addTaskSet(state: SimState, svc: ServiceRecord, spec: NewTaskSet): TaskSetRecord {
  const id = newDeploymentId(state.rng);
  const taskSetArn = arns.taskSet(state, svc.clusterName, svc.serviceName, id);
  const status = spec.status ?? 'ACTIVE';
  const ts: TaskSetRecord = {
    id,
    status: status === 'PRIMARY' ? 'PRIMARY' : 'ACTIVE',
    revision: spec.revision,
    // Traffic counters group requests by this ARN: for task sets, the task set's own.
    serviceRevisionArn: taskSetArn,
    serviceDeploymentArn: '',
    desiredCount: computedDesiredCount(svc.desiredCount, spec.scale),
    createdAt: state.now,
    updatedAt: state.now,
    rolloutState: 'COMPLETED',
    rolloutStateReason: '',
    failedTasks: 0,
    cbStage: 1,
    sd: {
      status: 'SUCCESSFUL',
      startedAt: state.now,
      updatedAt: state.now,
      sources: [],
      deploymentConfiguration: structuredClone(svc.deploymentConfiguration),
      cbStatus: 'DISABLED',
    },
    actorId: '',
    essentialHealthCheck: spec.revision.taskDefinition ? hasEssentialHealthCheck(state, spec.revision.taskDefinition) : false,
    taskSet: { taskSetArn, status, scale: spec.scale, stabilityStatus: 'STABILIZING', stabilityStatusAt: state.now },
  };
  if (spec.externalId !== undefined) ts.taskSet.externalId = spec.externalId;
  if (spec.startedBy !== undefined) ts.taskSet.startedBy = spec.startedBy;
  if (status === 'PRIMARY') {
    for (const d of taskSetsOf(svc)) if (d.taskSet.status === 'PRIMARY') demote(d, state.now);
    svc.revision = structuredClone(spec.revision);
  }
  svc.deployments.push(ts);
  order(svc);
  emit(state, 'service.taskSetCreated', `Task set ${id} (${status}, scale ${spec.scale}%) created in service ${svc.serviceName}.`, {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, taskSetId: id, status, scale: spec.scale },
  });
  requestReconcile(state, svc.clusterName, state.now, true);
  return ts;
}

function demote(d: TaskSetRecord, now: number): void {
  d.taskSet.status = 'ACTIVE';
  d.status = 'ACTIVE';
  d.updatedAt = now;
}

export function setTaskSetScale(state: SimState, svc: ServiceRecord, ts: TaskSetRecord, scale: number): void {
  if (ts.taskSet.scale === scale) return;
  ts.taskSet.scale = scale;
  ts.updatedAt = state.now;
  emit(state, 'service.taskSetScaled', `Task set ${ts.id} of service ${svc.serviceName} scaled to ${scale}%.`, {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, taskSetId: ts.id, scale },
  });
  requestReconcile(state, svc.clusterName, state.now, true);
}

/** The task set becomes PRIMARY (the service shows what it runs); the old primary becomes ACTIVE. */
export function setPrimaryTaskSet(state: SimState, svc: ServiceRecord, ts: TaskSetRecord): void {
  for (const d of taskSetsOf(svc)) if (d !== ts && d.taskSet.status === 'PRIMARY') demote(d, state.now);
  ts.taskSet.status = 'PRIMARY';
  ts.status = 'PRIMARY';
  ts.updatedAt = state.now;
  svc.revision = structuredClone(ts.revision);
  order(svc);
  emit(state, 'service.primaryTaskSet', `Task set ${ts.id} is now the primary task set of service ${svc.serviceName}.`, {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, taskSetId: ts.id },
  });
}

/** DeleteTaskSet: DRAINING; the scheduler stops its tasks and drops it once they are gone. */
export function drainTaskSet(state: SimState, svc: ServiceRecord, ts: TaskSetRecord): void {
  if (ts.taskSet.status === 'DRAINING') return;
  ts.taskSet.status = 'DRAINING';
  ts.status = 'ACTIVE';
  ts.updatedAt = state.now;
  ts.taskSet.stabilityStatus = 'STABILIZING';
  ts.taskSet.stabilityStatusAt = state.now;
  order(svc);
  emit(state, 'service.taskSetDeleted', `Task set ${ts.id} of service ${svc.serviceName} is DRAINING.`, {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, taskSetId: ts.id },
  });
  requestReconcile(state, svc.clusterName, state.now, true);
}
