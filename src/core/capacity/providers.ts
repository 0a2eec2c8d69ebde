/**
 * CreateCapacityProvider, UpdateCapacityProvider, DeleteCapacityProvider, DescribeCapacityProviders,
 * PutClusterCapacityProviders, and the capacity members of CreateCluster (reference §10.1, §10.4).
 * FARGATE and FARGATE_SPOT exist in every account and are only associated with clusters.
 */
import type {
  CapacityProvider,
  CreateCapacityProviderRequest,
  CreateCapacityProviderResponse,
  DeleteCapacityProviderRequest,
  DeleteCapacityProviderResponse,
  DescribeCapacityProvidersRequest,
  DescribeCapacityProvidersResponse,
  Failure,
  PutClusterCapacityProvidersRequest,
  PutClusterCapacityProvidersResponse,
  UpdateCapacityProviderRequest,
  UpdateCapacityProviderResponse,
} from '@aws-sdk/client-ecs';
import type { ClusterRecord } from '../api/clusterRecord';
import { describeCluster, resolveCluster } from '../api/clusters';
import { EcsError } from '../api/errors';
import { Messages } from '../api/messages';
import { asRequest, optEnum, optInteger, optString, optStringList, paginate, reqString, type Req } from '../api/request';
import { checkTags } from '../api/tags';
import { arns, nameFromArnOrName } from '../engine/arn';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { findGroup } from './autoScalingGroups';
import { CapacityEvents } from './eventMessages';
import { capacityOf, FARGATE_PROVIDERS, isFargateProvider, type CapacityProviderRecord, type ManagedScalingRecord, type ScalingStatus } from './records';
import { checkNotMixed, parseStrategy, type StrategyItem } from './strategy';
import { ensureCapacityTick } from './tick';

const PROVIDER_NAME = /^[a-zA-Z0-9_-]{1,255}$/;
/** Capacity providers per cluster (current quota; reference §10.1, §15). */
export const MAX_CLUSTER_PROVIDERS = 20;

const DEFAULT_SCALING: ManagedScalingRecord = {
  status: 'DISABLED',
  targetCapacity: 100,
  minimumScalingStepSize: 1,
  maximumScalingStepSize: 10_000,
  instanceWarmupPeriod: 300,
};

function range(req: Req, member: string, min: number, max: number, fallback: number): number {
  const v = optInteger(req, member);
  if (v === undefined) return fallback;
  if (v < min || v > max) throw new EcsError('InvalidParameterException', Messages.managedScalingRange(member, min, max));
  return v;
}

function managedScaling(raw: unknown, base: ManagedScalingRecord): ManagedScalingRecord {
  if (raw === undefined || raw === null) return { ...base };
  const req = asRequest(raw);
  const out: ManagedScalingRecord = {
    // A managedScaling member without a status turns it on (ours: docs/capacity.md).
    status: optEnum(req, 'status', ['ENABLED', 'DISABLED'] as const) ?? 'ENABLED',
    targetCapacity: range(req, 'targetCapacity', 1, 100, base.targetCapacity),
    minimumScalingStepSize: range(req, 'minimumScalingStepSize', 1, 10_000, base.minimumScalingStepSize),
    maximumScalingStepSize: range(req, 'maximumScalingStepSize', 1, 10_000, base.maximumScalingStepSize),
    instanceWarmupPeriod: range(req, 'instanceWarmupPeriod', 0, 10_000, base.instanceWarmupPeriod),
  };
  if (out.minimumScalingStepSize > out.maximumScalingStepSize) throw new EcsError('InvalidParameterException', Messages.scalingStepOrder);
  return out;
}

/** The CapacityProvider shape of DescribeCapacityProviders. */
export function describeProvider(p: CapacityProviderRecord, include: readonly string[] = []): CapacityProvider {
  const out: CapacityProvider = {
    capacityProviderArn: p.capacityProviderArn,
    name: p.name,
    status: p.status,
    type: 'EC2_AUTOSCALING',
    autoScalingGroupProvider: {
      autoScalingGroupArn: p.autoScalingGroupArn,
      managedScaling: { ...p.managedScaling },
      managedTerminationProtection: p.managedTerminationProtection,
      managedDraining: p.managedDraining,
    },
    tags: include.includes('TAGS') ? p.tags.map((t) => ({ ...t })) : [],
  } as CapacityProvider;
  if (p.updateStatus) out.updateStatus = p.updateStatus;
  if (p.updateStatusReason) out.updateStatusReason = p.updateStatusReason;
  return out;
}

function describeFargate(state: SimState, name: string): CapacityProvider {
  return { capacityProviderArn: arns.capacityProvider(state, name), name, status: 'ACTIVE', type: name === 'FARGATE' ? 'FARGATE' : 'FARGATE_SPOT', tags: [] } as CapacityProvider;
}

/** ACTIVE clusters the provider is associated with. */
export function clustersUsing(state: SimState, name: string): ClusterRecord[] {
  return Object.values(state.clusters).filter((c) => c.status === 'ACTIVE' && c.capacityProviders.includes(name));
}

function termination(req: Req, scaling: ManagedScalingRecord, groupProtects: boolean, current: ScalingStatus): ScalingStatus {
  const mtp = optEnum(req, 'managedTerminationProtection', ['ENABLED', 'DISABLED'] as const) ?? current;
  if (mtp === 'ENABLED') {
    if (scaling.status !== 'ENABLED') throw new EcsError('ClientException', Messages.terminationProtectionNeedsScaling);
    if (!groupProtects) throw new EcsError('ClientException', Messages.terminationProtectionInvalid);
  }
  return mtp;
}

export function createCapacityProvider(state: SimState, input: CreateCapacityProviderRequest): CreateCapacityProviderResponse {
  const req = asRequest(input);
  const name = reqString(req, 'name');
  if (!PROVIDER_NAME.test(name)) throw new EcsError('InvalidParameterException', Messages.capacityProviderNameInvalid);
  if (/^(aws|ecs|fargate)/i.test(name)) throw new EcsError('InvalidParameterException', Messages.capacityProviderNameReserved);
  const book = capacityOf(state);
  if (book.providers[name]?.status === 'ACTIVE') throw new EcsError('ClientException', Messages.capacityProviderExists);
  const raw = req.autoScalingGroupProvider;
  if (raw === undefined || raw === null) throw new EcsError('InvalidParameterException', Messages.missingMember('autoScalingGroupProvider'));
  const asgReq = asRequest(raw);
  const asgArn = reqString(asgReq, 'autoScalingGroupArn');
  const group = findGroup(state, asgArn);
  if (!group) throw new EcsError('ClientException', Messages.autoScalingGroupNotFound(asgArn));
  if (Object.values(book.providers).some((p) => p.status === 'ACTIVE' && p.autoScalingGroupArn === group.autoScalingGroupArn)) {
    throw new EcsError('ClientException', Messages.asgInUse);
  }
  const scaling = managedScaling(asgReq.managedScaling, DEFAULT_SCALING);
  const mtp = termination(asgReq, scaling, group.newInstancesProtectedFromScaleIn, 'DISABLED');
  const draining = optEnum(asgReq, 'managedDraining', ['ENABLED', 'DISABLED'] as const) ?? 'ENABLED';
  const record: CapacityProviderRecord = {
    name,
    capacityProviderArn: arns.capacityProvider(state, name),
    status: 'ACTIVE',
    autoScalingGroupArn: group.autoScalingGroupArn,
    autoScalingGroupName: group.autoScalingGroupName,
    managedScaling: scaling,
    managedTerminationProtection: mtp,
    managedDraining: draining,
    tags: checkTags(req.tags),
    createdAt: state.now,
    scaling: { lowDatapoints: 0, samples: [] },
  };
  book.providers[name] = record;
  emit(state, 'capacityProvider.created', CapacityEvents.providerCreated(name), {
    resource: record.capacityProviderArn,
    data: { name, autoScalingGroupArn: group.autoScalingGroupArn, managedScaling: scaling.status },
  });
  return { capacityProvider: describeProvider(record, ['TAGS']) };
}

function requireProvider(state: SimState, ref: string): CapacityProviderRecord {
  const name = nameFromArnOrName(ref, 'capacity-provider');
  if (name !== undefined && isFargateProvider(name)) throw new EcsError('ClientException', Messages.fargateProviderReserved(name));
  const p = name === undefined ? undefined : capacityOf(state).providers[name];
  if (!p || p.status !== 'ACTIVE') throw new EcsError('ClientException', Messages.capacityProviderNotFound);
  return p;
}

export function updateCapacityProvider(state: SimState, input: UpdateCapacityProviderRequest): UpdateCapacityProviderResponse {
  const req = asRequest(input);
  const p = requireProvider(state, reqString(req, 'name'));
  const raw = req.autoScalingGroupProvider;
  if (raw === undefined || raw === null) throw new EcsError('InvalidParameterException', Messages.missingMember('autoScalingGroupProvider'));
  const asgReq = asRequest(raw);
  const scaling = managedScaling(asgReq.managedScaling, p.managedScaling);
  const group = findGroup(state, p.autoScalingGroupArn);
  const mtp = termination(asgReq, scaling, group?.newInstancesProtectedFromScaleIn ?? false, p.managedTerminationProtection);
  const draining = optEnum(asgReq, 'managedDraining', ['ENABLED', 'DISABLED'] as const) ?? p.managedDraining;
  if (scaling.status === 'ENABLED' && clustersUsing(state, p.name).length > 1) {
    throw new EcsError('ClientException', Messages.capacityProviderOtherCluster(p.name, clustersUsing(state, p.name)[1].clusterName));
  }
  p.managedScaling = scaling;
  p.managedTerminationProtection = mtp;
  p.managedDraining = draining;
  p.updateStatus = 'UPDATE_COMPLETE';
  emit(state, 'capacityProvider.updated', CapacityEvents.providerUpdated(p.name), { resource: p.capacityProviderArn, data: { name: p.name } });
  for (const c of clustersUsing(state, p.name)) ensureCapacityTick(state, c.clusterName);
  return { capacityProvider: describeProvider(p) };
}

export function deleteCapacityProvider(state: SimState, input: DeleteCapacityProviderRequest): DeleteCapacityProviderResponse {
  const req = asRequest(input);
  const p = requireProvider(state, reqString(req, 'capacityProvider'));
  const using = clustersUsing(state, p.name);
  if (using.length > 0) {
    // ECS accepts the call and reports the failed deletion on the provider (observed: DELETE_FAILED).
    p.updateStatus = 'DELETE_FAILED';
    p.updateStatusReason = Messages.capacityProviderStillAssociated;
    return { capacityProvider: describeProvider(p) };
  }
  p.status = 'INACTIVE';
  p.updateStatus = 'DELETE_COMPLETE';
  delete p.updateStatusReason;
  emit(state, 'capacityProvider.deleted', CapacityEvents.providerDeleted(p.name), { resource: p.capacityProviderArn, data: { name: p.name } });
  return { capacityProvider: describeProvider(p) };
}

export function describeCapacityProviders(state: SimState, input: DescribeCapacityProvidersRequest = {}): DescribeCapacityProvidersResponse {
  const req = asRequest(input);
  const refs = optStringList(req, 'capacityProviders', 100);
  const include = optStringList(req, 'include') ?? [];
  for (const f of include) if (f !== 'TAGS') throw new EcsError('InvalidParameterException', Messages.invalidEnum('include', f, ['TAGS']));
  const book = capacityOf(state);
  const failures: Failure[] = [];
  let all: CapacityProvider[];
  if (refs && refs.length > 0) {
    all = [];
    for (const ref of refs) {
      const name = nameFromArnOrName(ref, 'capacity-provider');
      if (name !== undefined && isFargateProvider(name)) all.push(describeFargate(state, name));
      else if (name !== undefined && book.providers[name]) all.push(describeProvider(book.providers[name], include));
      else failures.push({ arn: ref.startsWith('arn:') ? ref : arns.capacityProvider(state, ref), reason: 'MISSING' });
    }
  } else {
    all = [...FARGATE_PROVIDERS.map((n) => describeFargate(state, n)), ...Object.values(book.providers).map((p) => describeProvider(p, include))];
  }
  const { page, nextToken } = paginate(all, req, { defaultMax: 10, max: 10 });
  return nextToken ? { capacityProviders: page, failures, nextToken } : { capacityProviders: page, failures };
}

/** Whether tasks or services of the cluster still use the provider. */
function inUse(state: SimState, cluster: ClusterRecord, name: string): boolean {
  for (const t of Object.values(state.tasks)) {
    if (t.clusterName === cluster.clusterName && t.capacityProviderName === name && t.lastStatus !== 'STOPPED') return true;
  }
  for (const s of Object.values(state.services ?? {})) {
    if (s.clusterName !== cluster.clusterName || s.status === 'INACTIVE') continue;
    if (s.revision.capacityProviderStrategy?.some((i) => i.capacityProvider === name)) return true;
  }
  return false;
}

/** Checks a provider list and default strategy for the cluster; answers the values to store. */
function checkClusterProviders(state: SimState, clusterName: string, rawProviders: unknown, rawStrategy: unknown): { providers: string[]; strategy: StrategyItem[] } {
  const req = { capacityProviders: rawProviders } as Req;
  const providers = optStringList(req, 'capacityProviders') ?? [];
  if (providers.length > MAX_CLUSTER_PROVIDERS) throw new EcsError('InvalidParameterException', Messages.tooManyClusterProviders);
  const book = capacityOf(state);
  const names: string[] = [];
  for (const ref of providers) {
    const name = nameFromArnOrName(ref, 'capacity-provider');
    const p = name === undefined ? undefined : book.providers[name];
    if (name === undefined || (!isFargateProvider(name) && p?.status !== 'ACTIVE')) throw new EcsError('InvalidParameterException', Messages.capacityProviderNotFound);
    if (p && p.managedScaling.status === 'ENABLED') {
      const other = clustersUsing(state, name).find((c) => c.clusterName !== clusterName);
      if (other) throw new EcsError('InvalidParameterException', Messages.capacityProviderOtherCluster(name, other.clusterName));
    }
    if (!names.includes(name)) names.push(name);
  }
  const strategy = rawStrategy === undefined || rawStrategy === null ? [] : parseStrategy(rawStrategy, 'defaultCapacityProviderStrategy');
  for (const i of strategy) if (!names.includes(i.capacityProvider)) throw new EcsError('InvalidParameterException', Messages.defaultStrategyNotInList);
  checkNotMixed(strategy);
  if (strategy.length > 1 && strategy.every((i) => i.weight === 0)) throw new EcsError('InvalidParameterException', Messages.strategyNoWeightDefault);
  return { providers: names, strategy };
}

function applyToCluster(state: SimState, cluster: ClusterRecord, providers: string[], strategy: StrategyItem[]): void {
  cluster.capacityProviders = providers;
  cluster.defaultCapacityProviderStrategy = strategy.map((s) => ({ ...s }));
  emit(state, 'cluster.capacityProviders', CapacityEvents.clusterProviders(cluster.clusterName, providers), {
    resource: cluster.clusterArn,
    data: { clusterName: cluster.clusterName, capacityProviders: providers },
  });
  if (providers.some((n) => !isFargateProvider(n))) ensureCapacityTick(state, cluster.clusterName);
}

export function putClusterCapacityProviders(state: SimState, input: PutClusterCapacityProvidersRequest): PutClusterCapacityProvidersResponse {
  const req = asRequest(input);
  const clusterRef = optString(req, 'cluster');
  if (clusterRef === undefined) throw new EcsError('InvalidParameterException', Messages.missingMember('cluster'));
  const cluster = resolveCluster(state, clusterRef);
  if (req.capacityProviders === undefined || req.capacityProviders === null) throw new EcsError('InvalidParameterException', Messages.missingMember('capacityProviders'));
  if (req.defaultCapacityProviderStrategy === undefined || req.defaultCapacityProviderStrategy === null) {
    throw new EcsError('InvalidParameterException', Messages.missingMember('defaultCapacityProviderStrategy'));
  }
  const { providers, strategy } = checkClusterProviders(state, cluster.clusterName, req.capacityProviders, req.defaultCapacityProviderStrategy);
  for (const old of cluster.capacityProviders) {
    if (!providers.includes(old) && inUse(state, cluster, old)) throw new EcsError('ResourceInUseException', Messages.capacityProviderInUse);
  }
  applyToCluster(state, cluster, providers, strategy);
  return { cluster: describeCluster(state, cluster, ['SETTINGS', 'TAGS']) };
}

/**
 * CreateCluster's capacityProviders / defaultCapacityProviderStrategy: checked before the cluster is
 * stored (so a bad request creates nothing), applied once it is. Returns the apply step.
 */
export function clusterCapacityFromCreate(state: SimState, clusterName: string, req: Req): (cluster: ClusterRecord) => void {
  if (req.capacityProviders === undefined && req.defaultCapacityProviderStrategy === undefined) return () => {};
  const { providers, strategy } = checkClusterProviders(state, clusterName, req.capacityProviders ?? [], req.defaultCapacityProviderStrategy);
  return (cluster) => applyToCluster(state, cluster, providers, strategy);
}

export const capacityProviderOperations = {
  createCapacityProvider,
  updateCapacityProvider,
  deleteCapacityProvider,
  describeCapacityProviders,
  putClusterCapacityProviders,
};
