/**
 * CreateTaskSet, UpdateTaskSet, UpdateServicePrimaryTaskSet, DeleteTaskSet, DescribeTaskSets
 * (reference §9.5). Managing task sets is only for EXTERNAL services; DescribeTaskSets also reads
 * CODE_DEPLOY services (CodeDeploy manages their task sets through taskSets.ts).
 */
import type {
  CreateTaskSetRequest,
  CreateTaskSetResponse,
  DeleteTaskSetRequest,
  DeleteTaskSetResponse,
  DescribeTaskSetsRequest,
  DescribeTaskSetsResponse,
  Failure,
  TaskSet,
  UpdateServicePrimaryTaskSetRequest,
  UpdateServicePrimaryTaskSetResponse,
  UpdateTaskSetRequest,
  UpdateTaskSetResponse,
} from '@aws-sdk/client-ecs';
import { resolveCluster } from '../api/clusters';
import { EcsError } from '../api/errors';
import { Messages } from '../api/messages';
import { asRequest, optBoolean, optString, optStringList, reqString, type Req } from '../api/request';
import { checkCompatible, findService, launchChoice, networkConfiguration, platformOf } from '../api/services';
import { checkServiceLoadBalancers } from '../elb/serviceLoadBalancers';
import type { SimState } from '../engine/state';
import type { RevisionRecord, ServiceRecord } from '../scheduler/serviceRecord';
import { resolveTaskDefinition } from '../taskdef/resolve';
import { describeTaskSet } from './describe';
import { TaskSetMessages } from './messages';
import { taskSetCounts } from './reconcile';
import { addTaskSet, drainTaskSet, findTaskSet, setPrimaryTaskSet, setTaskSetScale, taskSetsOf, type TaskSetRecord } from './taskSets';

/** A service may hold at most this many task sets (the observed error says "5 deployments exist"). */
export const MAX_TASK_SETS = 5;

function serviceOf(state: SimState, req: Req, allowCodeDeploy: boolean): ServiceRecord {
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const svc = findService(state, cluster, reqString(req, 'service'));
  if (!svc || svc.status === 'INACTIVE') throw new EcsError('ServiceNotFoundException', Messages.serviceNotFound);
  if (svc.status !== 'ACTIVE') throw new EcsError('ServiceNotActiveException', Messages.serviceNotActive);
  const ok = svc.deploymentController === 'EXTERNAL' || (allowCodeDeploy && svc.deploymentController === 'CODE_DEPLOY');
  if (!ok) throw new EcsError('InvalidParameterException', TaskSetMessages.notExternal);
  return svc;
}

function taskSetOf(svc: ServiceRecord, ref: string): TaskSetRecord {
  const ts = findTaskSet(svc, ref);
  if (!ts) throw new EcsError('TaskSetNotFoundException', TaskSetMessages.taskSetNotFound);
  return ts;
}

/** `scale` of a request: {value 0–100, unit PERCENT}; default 100 %. */
export function scaleOf(raw: unknown, fallback: number | undefined): number {
  if (raw === undefined || raw === null) {
    if (fallback === undefined) throw new EcsError('InvalidParameterException', Messages.missingMember('scale'));
    return fallback;
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new EcsError('InvalidParameterException', Messages.wrongType('scale', 'Scale'));
  const { value, unit } = raw as { value?: unknown; unit?: unknown };
  if (unit !== undefined && unit !== 'PERCENT') throw new EcsError('InvalidParameterException', TaskSetMessages.scaleUnit);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) throw new EcsError('InvalidParameterException', TaskSetMessages.scaleRange);
  return value;
}

/** What a task set runs, from a CreateTaskSet request (or CodeDeploy's AppSpec). */
export function taskSetRevision(state: SimState, svc: ServiceRecord, req: Req): RevisionRecord {
  const cluster = resolveCluster(state, svc.clusterName);
  const td = resolveTaskDefinition(state, reqString(req, 'taskDefinition'));
  const choice = launchChoice(state, cluster, req);
  checkCompatible(td, choice);
  const revision: RevisionRecord = {
    taskDefinition: td.taskDefinitionArn,
    ...choice,
    ...platformOf(req, choice, td),
    networkConfiguration: networkConfiguration(td, req.networkConfiguration),
    placementConstraints: svc.revision.placementConstraints.map((c) => ({ ...c })),
    placementStrategy: svc.revision.placementStrategy.map((s) => ({ ...s })),
    loadBalancers: ((req.loadBalancers as object[] | undefined) ?? []).map((l) => ({ ...l })) as RevisionRecord['loadBalancers'],
    serviceRegistries: ((req.serviceRegistries as object[] | undefined) ?? []).map((r) => ({ ...r })) as RevisionRecord['serviceRegistries'],
  };
  if (!revision.networkConfiguration) delete revision.networkConfiguration;
  checkServiceLoadBalancers(state, req.loadBalancers, td.body.networkMode ?? 'bridge', (td.body.containerDefinitions ?? []).map((c) => c.name ?? ''));
  return revision;
}

export function createTaskSet(state: SimState, input: CreateTaskSetRequest): CreateTaskSetResponse {
  const req = asRequest(input);
  const svc = serviceOf(state, req, false);
  const clientToken = optString(req, 'clientToken');
  if (clientToken !== undefined) {
    const { clientToken: _omit, ...rest } = req;
    const same = taskSetsOf(svc).find((d) => d.taskSet.clientToken?.token === clientToken);
    if (same && same.taskSet.clientToken!.request === JSON.stringify(rest)) return { taskSet: describeTaskSet(state, svc, same) };
  }
  if (taskSetsOf(svc).length >= MAX_TASK_SETS) throw new EcsError('InvalidParameterException', TaskSetMessages.tooMany(taskSetsOf(svc).length));
  const revision = taskSetRevision(state, svc, req);
  const scale = scaleOf(req.scale, 100);
  const externalId = optString(req, 'externalId');
  // The service's first task set is its PRIMARY one.
  const status = taskSetsOf(svc).some((d) => d.taskSet.status === 'PRIMARY') ? 'ACTIVE' : 'PRIMARY';
  const ts = addTaskSet(state, svc, { revision, scale, status, externalId });
  if (clientToken !== undefined) {
    const { clientToken: _omit, ...rest } = req;
    ts.taskSet.clientToken = { token: clientToken, request: JSON.stringify(rest) };
  }
  return { taskSet: describeTaskSet(state, svc, ts) };
}

export function updateTaskSet(state: SimState, input: UpdateTaskSetRequest): UpdateTaskSetResponse {
  const req = asRequest(input);
  const svc = serviceOf(state, req, false);
  const ts = taskSetOf(svc, reqString(req, 'taskSet'));
  const scale = scaleOf(req.scale, undefined);
  if (ts.taskSet.status === 'DRAINING') throw new EcsError('InvalidParameterException', TaskSetMessages.draining);
  setTaskSetScale(state, svc, ts, scale);
  return { taskSet: describeTaskSet(state, svc, ts) };
}

export function updateServicePrimaryTaskSet(state: SimState, input: UpdateServicePrimaryTaskSetRequest): UpdateServicePrimaryTaskSetResponse {
  const req = asRequest(input);
  const svc = serviceOf(state, req, false);
  const ts = taskSetOf(svc, reqString(req, 'primaryTaskSet'));
  if (ts.taskSet.status === 'DRAINING') throw new EcsError('InvalidParameterException', TaskSetMessages.draining);
  setPrimaryTaskSet(state, svc, ts);
  return { taskSet: describeTaskSet(state, svc, ts) };
}

export function deleteTaskSet(state: SimState, input: DeleteTaskSetRequest): DeleteTaskSetResponse {
  const req = asRequest(input);
  const svc = serviceOf(state, req, false);
  const ts = taskSetOf(svc, reqString(req, 'taskSet'));
  const force = optBoolean(req, 'force') ?? false;
  if (ts.taskSet.status === 'PRIMARY' && !force) throw new EcsError('InvalidParameterException', TaskSetMessages.deletePrimary);
  if (ts.taskSet.scale > 0 && ts.desiredCount > 0 && !force) throw new EcsError('InvalidParameterException', TaskSetMessages.scaledAboveZero);
  drainTaskSet(state, svc, ts);
  return { taskSet: describeTaskSet(state, svc, ts) };
}

export function describeTaskSets(state: SimState, input: DescribeTaskSetsRequest): DescribeTaskSetsResponse {
  const req = asRequest(input);
  const svc = serviceOf(state, req, true);
  const refs = optStringList(req, 'taskSets');
  const include = optStringList(req, 'include') ?? [];
  for (const f of include) if (f !== 'TAGS') throw new EcsError('InvalidParameterException', Messages.invalidEnum('include', f, ['TAGS']));
  const counts = taskSetCounts(state, svc);
  if (!refs || refs.length === 0) return { taskSets: taskSetsOf(svc).map((ts) => describeTaskSet(state, svc, ts, counts, include)), failures: [] };
  const taskSets: TaskSet[] = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const ts = findTaskSet(svc, ref);
    if (ts) taskSets.push(describeTaskSet(state, svc, ts, counts, include));
    else failures.push({ arn: ref, reason: 'MISSING' });
  }
  return { taskSets, failures };
}

export const taskSetOperations = { createTaskSet, updateTaskSet, updateServicePrimaryTaskSet, deleteTaskSet, describeTaskSets };
