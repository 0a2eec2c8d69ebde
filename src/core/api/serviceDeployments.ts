/**
 * ListServiceDeployments, DescribeServiceDeployments, StopServiceDeployment, DescribeServiceRevisions: the 2024+ service
 * deployment view of the service's deployments (reference §7.3). Each deployment the scheduler
 * creates has one service deployment; its status follows the rollout (scheduler/deployments.ts).
 */
import type {
  DescribeServiceRevisionsRequest,
  DescribeServiceRevisionsResponse,
  ServiceRevision,
  DescribeServiceDeploymentsRequest,
  DescribeServiceDeploymentsResponse,
  Failure,
  ListServiceDeploymentsRequest,
  ListServiceDeploymentsResponse,
  ServiceDeployment,
  StopServiceDeploymentRequest,
  StopServiceDeploymentResponse,
} from '@aws-sdk/client-ecs';
import { arns, parseArn } from '../engine/arn';
import type { SimState } from '../engine/state';
import { sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import { rollBack, rollbackTarget } from '../scheduler/deployments';
import { briefServiceDeployment, describeServiceDeployment, describeServiceRevision, serviceDeploymentsOf } from '../scheduler/describe';
import { ServiceDeploymentReasons } from '../scheduler/eventMessages';
import { requestReconcile } from '../scheduler/notify';
import type { DeploymentRecord, ServiceDeploymentStatus, ServiceRecord } from '../scheduler/serviceRecord';
import { resolveCluster } from './clusters';
import { EcsError } from './errors';
import { Messages } from './messages';
import { asRequest, optEnum, optString, optStringList, paginate, reqString } from './request';
import { findService } from './services';

const STATUSES: readonly ServiceDeploymentStatus[] = [
  'PENDING',
  'IN_PROGRESS',
  'SUCCESSFUL',
  'STOPPED',
  'STOP_REQUESTED',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
];

/** The service deployment an ARN names, with its service. */
function findByArn(state: SimState, arn: string): { svc: ServiceRecord; dep: DeploymentRecord } | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'ecs' || !parsed.resource.startsWith('service-deployment/')) return undefined;
  const [clusterName, serviceName] = parsed.resource.slice('service-deployment/'.length).split('/');
  const svc = state.services?.[arns.service(state, clusterName ?? '', serviceName ?? '')];
  const dep = svc && [...svc.deployments, ...svc.pastDeployments].find((d) => d.serviceDeploymentArn === arn);
  return svc && dep ? { svc, dep } : undefined;
}

function toMs(state: SimState, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value * 1000 : Date.parse(String(value));
  return Number.isFinite(ms) ? ms - state.epochMs : undefined;
}

export function listServiceDeployments(state: SimState, input: ListServiceDeploymentsRequest): ListServiceDeploymentsResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const svc = findService(state, cluster, reqString(req, 'service'));
  if (!svc) throw new EcsError('ServiceNotFoundException', Messages.serviceNotFound);
  const statuses = optStringList(req, 'status');
  for (const s of statuses ?? []) {
    if (!STATUSES.includes(s as ServiceDeploymentStatus)) throw new EcsError('InvalidParameterException', Messages.invalidEnum('status', s, STATUSES));
  }
  const created = (req.createdAt ?? {}) as { before?: unknown; after?: unknown };
  const before = toMs(state, created.before);
  const after = toMs(state, created.after);
  const list = serviceDeploymentsOf(svc).filter(
    (d) =>
      (!statuses || statuses.includes(d.sd.status)) && (before === undefined || d.createdAt < before) && (after === undefined || d.createdAt > after),
  );
  const { page, nextToken } = paginate(list, req, { defaultMax: 20, max: 100 });
  const serviceDeployments = page.map((d) => briefServiceDeployment(state, svc, d));
  return nextToken ? { serviceDeployments, nextToken } : { serviceDeployments };
}

export function describeServiceDeployments(state: SimState, input: DescribeServiceDeploymentsRequest): DescribeServiceDeploymentsResponse {
  const req = asRequest(input);
  const refs = optStringList(req, 'serviceDeploymentArns', 20);
  if (!refs || refs.length === 0) throw new EcsError('InvalidParameterException', Messages.missingMember('serviceDeploymentArns'));
  const serviceDeployments: ServiceDeployment[] = [];
  const failures: Failure[] = [];
  for (const arn of refs) {
    const found = findByArn(state, arn);
    if (found) serviceDeployments.push(describeServiceDeployment(state, found.svc, found.dep));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceDeployments, failures };
}

const STOPPABLE: readonly ServiceDeploymentStatus[] = ['PENDING', 'IN_PROGRESS', 'STOP_REQUESTED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'];

export function stopServiceDeployment(state: SimState, input: StopServiceDeploymentRequest): StopServiceDeploymentResponse {
  const req = asRequest(input);
  const arn = reqString(req, 'serviceDeploymentArn');
  const stopType = optEnum(req, 'stopType', ['ROLLBACK', 'ABORT'] as const) ?? 'ROLLBACK';
  const found = findByArn(state, arn);
  if (!found) throw new EcsError('ServiceDeploymentNotFoundException', Messages.serviceDeploymentNotFound);
  const { svc, dep } = found;
  if (!STOPPABLE.includes(dep.sd.status)) throw new EcsError('ConflictException', Messages.serviceDeploymentNotStoppable(dep.sd.status));
  // Already stopping or rolling back: it just continues (reference: stopping service deployments).
  if (dep.sd.status !== 'PENDING' && dep.sd.status !== 'IN_PROGRESS') return { serviceDeploymentArn: arn };
  if (stopType === 'ROLLBACK') {
    const target = rollbackTarget(svc, dep);
    if (!target) throw new EcsError('InvalidParameterException', Messages.noRollbackTarget);
    dep.sd.status = 'ROLLBACK_REQUESTED';
    dep.aborted = true;
    dep.failureHandled = true;
    sendToActor(state, machines, dep.actorId, { type: 'ABORT' });
    rollBack(state, svc, dep, target, ServiceDeploymentReasons.rollbackRequested, true);
  } else {
    dep.sd.status = 'STOP_REQUESTED';
    dep.aborted = true;
    dep.failureHandled = true;
    sendToActor(state, machines, dep.actorId, { type: 'ABORT' });
    dep.sd.status = 'STOPPED';
    dep.sd.statusReason = ServiceDeploymentReasons.stopRequested;
    dep.sd.stoppedAt = state.now;
    dep.sd.updatedAt = state.now;
  }
  requestReconcile(state, svc.clusterName, state.now, true);
  return { serviceDeploymentArn: arn };
}

/** The deployment whose service revision an ARN names, with its service. */
function findRevision(state: SimState, arn: string): { svc: ServiceRecord; dep: DeploymentRecord } | undefined {
  const parsed = parseArn(arn);
  if (!parsed || parsed.service !== 'ecs' || !parsed.resource.startsWith('service-revision/')) return undefined;
  const [clusterName, serviceName] = parsed.resource.slice('service-revision/'.length).split('/');
  const svc = state.services?.[arns.service(state, clusterName ?? '', serviceName ?? '')];
  const dep = svc && [...svc.deployments, ...svc.pastDeployments].find((d) => d.serviceRevisionArn === arn);
  return svc && dep ? { svc, dep } : undefined;
}

export function describeServiceRevisions(state: SimState, input: DescribeServiceRevisionsRequest): DescribeServiceRevisionsResponse {
  const req = asRequest(input);
  const refs = optStringList(req, 'serviceRevisionArns', 20);
  if (!refs || refs.length === 0) throw new EcsError('InvalidParameterException', Messages.missingMember('serviceRevisionArns'));
  const serviceRevisions: ServiceRevision[] = [];
  const failures: Failure[] = [];
  for (const arn of refs) {
    const found = findRevision(state, arn);
    if (found) serviceRevisions.push(describeServiceRevision(state, found.svc, found.dep));
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceRevisions, failures };
}

export const serviceDeploymentOperations = { listServiceDeployments, describeServiceDeployments, stopServiceDeployment, describeServiceRevisions };
