/**
 * RegisterContainerInstance, DeregisterContainerInstance, DescribeContainerInstances,
 * ListContainerInstances, UpdateContainerInstancesState (reference §3).
 */
import type {
  DeregisterContainerInstanceRequest,
  DeregisterContainerInstanceResponse,
  DescribeContainerInstancesRequest,
  DescribeContainerInstancesResponse,
  Failure,
  ListContainerInstancesRequest,
  ListContainerInstancesResponse,
  RegisterContainerInstanceRequest,
  RegisterContainerInstanceResponse,
  UpdateContainerInstancesStateRequest,
  UpdateContainerInstancesStateResponse,
} from '@aws-sdk/client-ecs';
import { arns, parseArn } from '../engine/arn';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { clusterInstancesChanged } from '../scheduler/notify';
import { deregistrationForced } from '../infra/hostLoss';
import { filterByExpression } from '../placement/listFilter';
import { INACTIVE_VISIBLE_MS, isRegistered, taskCountsOn } from '../infra/instances';
import type { ContainerInstanceRecord } from '../infra/records';
import { deregisterContainerInstanceRecord, registerAgent, upsertAttribute } from '../infra/registration';
import type { ClusterRecord } from './clusterRecord';
import { resolveCluster } from './clusters';
import { checkCustomAttributes } from './attributeRules';
import { describeContainerInstance } from './containerInstanceShape';
import { EcsError } from './errors';
import { Messages } from './messages';
import { asRequest, optBoolean, optEnum, optString, optStringList, paginate, reqString } from './request';
import { checkTags } from './tags';
import { InstanceEvents } from '../infra/eventMessages';

const INCLUDE_FIELDS = ['TAGS', 'CONTAINER_INSTANCE_HEALTH'] as const;
const LIST_STATUSES = ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED'] as const;
const SETTABLE_STATUSES = ['ACTIVE', 'DRAINING'] as const;

/** Whether DescribeContainerInstances still shows the record (INACTIVE ones for one hour). */
export function isDescribable(state: SimState, ci: ContainerInstanceRecord): boolean {
  return ci.status !== 'INACTIVE' || (ci.deregisteredAt !== undefined && state.now - ci.deregisteredAt < INACTIVE_VISIBLE_MS);
}

/** The ARN a reference (full ARN or 32-hex id) means in `cluster`, or undefined when it is not one. */
export function containerInstanceArnFor(state: SimState, cluster: ClusterRecord, ref: string): string | undefined {
  if (!ref.startsWith('arn:')) return arns.containerInstance(state, cluster.clusterName, ref);
  const parsed = parseArn(ref);
  if (!parsed || parsed.service !== 'ecs' || !parsed.resource.startsWith('container-instance/')) return undefined;
  const parts = parsed.resource.split('/');
  // long format container-instance/<cluster>/<id>; the legacy short format has no cluster segment
  if (parts.length === 2) return arns.containerInstance(state, cluster.clusterName, parts[1]);
  if (parts.length === 3 && parts[1] === cluster.clusterName) return ref;
  return undefined;
}

/** The describable container instance `ref` names in `cluster`, or undefined. */
export function findInCluster(state: SimState, cluster: ClusterRecord, ref: string): ContainerInstanceRecord | undefined {
  const arn = containerInstanceArnFor(state, cluster, ref);
  const ci = arn === undefined ? undefined : state.containerInstances[arn];
  return ci && ci.clusterName === cluster.clusterName && isDescribable(state, ci) ? ci : undefined;
}

function failureArn(state: SimState, cluster: ClusterRecord, ref: string): string {
  return ref.startsWith('arn:') ? ref : arns.containerInstance(state, cluster.clusterName, ref);
}

export function registerContainerInstance(state: SimState, input: RegisterContainerInstanceRequest = {}): RegisterContainerInstanceResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const doc = optString(req, 'instanceIdentityDocument');
  if (doc === undefined || doc === '') throw new EcsError('InvalidParameterException', Messages.instanceIdentityDocumentMissing);
  let instanceId: unknown;
  try {
    instanceId = (JSON.parse(doc) as { instanceId?: unknown })?.instanceId;
  } catch {
    instanceId = undefined;
  }
  const ec2 = typeof instanceId === 'string' ? state.ec2Instances[instanceId] : undefined;
  if (!ec2 || ec2.state !== 'running') throw new EcsError('InvalidParameterException', Messages.instanceIdentityDocumentInvalid);
  const attributes = checkCustomAttributes(req.attributes);
  const tags = checkTags(req.tags);

  const current = ec2.containerInstanceArn ? state.containerInstances[ec2.containerInstanceArn] : undefined;
  if (current && isRegistered(current)) {
    if (current.clusterName !== cluster.clusterName) {
      throw new EcsError('InvalidParameterException', Messages.instanceInOtherCluster(ec2.instanceId, current.clusterName));
    }
    // The agent re-registering (e.g. after a restart): same container instance, attributes refreshed.
    for (const a of attributes) upsertAttribute(current.attributes, a);
    current.version++;
    return { containerInstance: describeContainerInstance(state, current, ['TAGS']) };
  }
  ec2.clusterName = cluster.clusterName;
  ec2.containerInstanceArn = undefined;
  const ci = registerAgent(state, ec2, { attributes, tags });
  return { containerInstance: describeContainerInstance(state, ci, ['TAGS']) };
}

export function deregisterContainerInstance(state: SimState, input: DeregisterContainerInstanceRequest): DeregisterContainerInstanceResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const ref = reqString(req, 'containerInstance');
  const force = optBoolean(req, 'force') ?? false;
  const ci = findInCluster(state, cluster, ref);
  if (!ci) throw new EcsError('InvalidParameterException', Messages.containerInstanceNotFound);
  if (ci.status !== 'INACTIVE') {
    const counts = taskCountsOn(state, ci.containerInstanceArn);
    const hasTasks = counts.running + counts.pending > 0 || Object.keys(ci.reservations).length > 0;
    if (hasTasks && !force) throw new EcsError('InvalidParameterException', Messages.containerInstanceHasTasks);
    deregisterContainerInstanceRecord(state, ci, force ? 'api-force' : 'api', hasTasks ? deregistrationForced() : undefined);
  }
  return { containerInstance: describeContainerInstance(state, ci) };
}

export function describeContainerInstances(state: SimState, input: DescribeContainerInstancesRequest): DescribeContainerInstancesResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const refs = optStringList(req, 'containerInstances', 100);
  if (!refs || refs.length === 0) throw new EcsError('InvalidParameterException', Messages.missingMember('containerInstances'));
  const include = optStringList(req, 'include') ?? [];
  for (const f of include) {
    if (!(INCLUDE_FIELDS as readonly string[]).includes(f)) {
      throw new EcsError('InvalidParameterException', Messages.invalidEnum('include', f, INCLUDE_FIELDS));
    }
  }
  const containerInstances = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const ci = findInCluster(state, cluster, ref);
    if (ci) containerInstances.push(describeContainerInstance(state, ci, include));
    else failures.push({ arn: failureArn(state, cluster, ref), reason: 'MISSING' });
  }
  return { containerInstances, failures };
}

export function listContainerInstances(state: SimState, input: ListContainerInstancesRequest = {}): ListContainerInstancesResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const filter = optString(req, 'filter');
  const status = optEnum(req, 'status', LIST_STATUSES);
  let listed = Object.values(state.containerInstances)
    .filter((ci) => ci.clusterName === cluster.clusterName && ci.status !== 'INACTIVE')
    .filter((ci) => status === undefined || ci.status === status);
  if (filter !== undefined) {
    // cluster query language (placement/listFilter.ts), the same facts memberOf constraints see
    const filtered = filterByExpression(state, listed, filter);
    if (!filtered.ok) throw new EcsError('InvalidParameterException', filtered.message);
    listed = filtered.instances;
  }
  const matching = listed.map((ci) => ci.containerInstanceArn);
  const { page, nextToken } = paginate(matching, req, { defaultMax: 100, max: 100 });
  return nextToken ? { containerInstanceArns: page, nextToken } : { containerInstanceArns: page };
}

export function updateContainerInstancesState(
  state: SimState,
  input: UpdateContainerInstancesStateRequest,
): UpdateContainerInstancesStateResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const refs = optStringList(req, 'containerInstances', 10);
  if (!refs || refs.length === 0) throw new EcsError('InvalidParameterException', Messages.missingMember('containerInstances'));
  const rawStatus = reqString(req, 'status');
  if (!(SETTABLE_STATUSES as readonly string[]).includes(rawStatus)) {
    throw new EcsError('InvalidParameterException', Messages.containerInstanceStatusInvalid);
  }
  const status = rawStatus as (typeof SETTABLE_STATUSES)[number];
  const containerInstances = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const ci = findInCluster(state, cluster, ref);
    if (!ci) {
      failures.push({ arn: failureArn(state, cluster, ref), reason: 'MISSING' });
      continue;
    }
    if (!isRegistered(ci)) {
      // INACTIVE, or REGISTERING / DEREGISTERING / REGISTRATION_FAILED: describable but not updatable
      failures.push({ arn: ci.containerInstanceArn, reason: ci.status, detail: `The container instance is ${ci.status}.` });
      continue;
    }
    if (ci.status !== status) {
      const previous = ci.status;
      ci.status = status;
      ci.version++;
      emit(state, 'containerInstance.statusChanged', InstanceEvents.statusChanged(ci.id, ci.ec2InstanceId, status), {
        resource: ci.containerInstanceArn,
        data: { ec2InstanceId: ci.ec2InstanceId, clusterName: ci.clusterName, previousStatus: previous, status },
      });
      clusterInstancesChanged(state, ci.clusterName);
    }
    containerInstances.push(describeContainerInstance(state, ci));
  }
  return { containerInstances, failures };
}

export const containerInstanceOperations = {
  registerContainerInstance,
  deregisterContainerInstance,
  describeContainerInstances,
  listContainerInstances,
  updateContainerInstancesState,
};
