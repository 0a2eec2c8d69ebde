/** CreateCluster, DescribeClusters, ListClusters, DeleteCluster. */
import type {
  Cluster,
  CreateClusterRequest,
  CreateClusterResponse,
  DeleteClusterRequest,
  DeleteClusterResponse,
  DescribeClustersRequest,
  DescribeClustersResponse,
  ListClustersRequest,
  ListClustersResponse,
} from '@aws-sdk/client-ecs';
import { arns, nameFromArnOrName } from '../engine/arn';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import type { ClusterRecord } from './clusterRecord';
import { clusterCounts } from './clusterCounts';
import { EcsError } from './errors';
import { Messages } from './messages';
import { asRequest, optString, optStringList, paginate } from './request';
import { checkTags } from './tags';
import { clusterCapacityFromCreate } from '../capacity/providers';

export const DEFAULT_CLUSTER = 'default';
const CLUSTER_NAME = /^[a-zA-Z0-9_-]{1,255}$/;
const CLUSTER_FIELDS = ['ATTACHMENTS', 'CONFIGURATIONS', 'SETTINGS', 'STATISTICS', 'TAGS'] as const;

/**
 * The ACTIVE cluster a request names (short name or ARN; omitted means `default`).
 * Throws ClusterNotFoundException when there is none.
 */
export function resolveCluster(state: SimState, ref: string | undefined): ClusterRecord {
  const name = nameFromArnOrName(ref ?? DEFAULT_CLUSTER, 'cluster');
  const cluster = name === undefined ? undefined : state.clusters[name];
  if (!cluster || cluster.status !== 'ACTIVE') throw new EcsError('ClusterNotFoundException', Messages.clusterNotFound);
  return cluster;
}

export function describeCluster(state: SimState, c: ClusterRecord, include: readonly string[] = []): Cluster {
  const counts = clusterCounts(state, c);
  const out: Cluster = {
    clusterArn: c.clusterArn,
    clusterName: c.clusterName,
    status: c.status,
    registeredContainerInstancesCount: counts.registeredContainerInstancesCount,
    runningTasksCount: counts.runningTasksCount,
    pendingTasksCount: counts.pendingTasksCount,
    activeServicesCount: counts.activeServicesCount,
    statistics: [],
    tags: [],
    settings: [],
    capacityProviders: [...c.capacityProviders],
    defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy.map((s) => ({ ...s })),
  };
  if (include.includes('TAGS')) out.tags = c.tags.map((t) => ({ ...t }));
  if (include.includes('SETTINGS')) out.settings = c.settings.map((s) => ({ ...s }));
  if (include.includes('STATISTICS')) {
    out.statistics = Object.entries(counts.statistics).map(([name, value]) => ({ name, value: String(value) }));
  }
  return out;
}

export function createCluster(state: SimState, input: CreateClusterRequest = {}): CreateClusterResponse {
  const req = asRequest(input);
  const clusterName = optString(req, 'clusterName') ?? DEFAULT_CLUSTER;
  if (!CLUSTER_NAME.test(clusterName)) throw new EcsError('InvalidParameterException', Messages.invalidClusterName);
  const tags = checkTags(req.tags);
  const existing = state.clusters[clusterName];
  // CreateCluster is idempotent: an ACTIVE cluster of that name is returned as it is.
  if (existing && existing.status === 'ACTIVE') return { cluster: describeCluster(state, existing, ['SETTINGS', 'TAGS']) };

  // capacityProviders / defaultCapacityProviderStrategy: checked now, applied once the cluster exists.
  const applyCapacity = clusterCapacityFromCreate(state, clusterName, req);
  const insights = (req.settings as { name?: string; value?: string }[] | undefined)?.find(
    (s) => s?.name === 'containerInsights',
  );
  const record: ClusterRecord = {
    clusterArn: arns.cluster(state, clusterName),
    clusterName,
    status: 'ACTIVE',
    createdAt: state.now,
    tags,
    settings: [{ name: 'containerInsights', value: insights?.value ?? 'disabled' }],
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  };
  state.clusters[clusterName] = record;
  emit(state, 'cluster.created', `Cluster ${clusterName} created.`, {
    resource: record.clusterArn,
    data: { clusterName },
  });
  applyCapacity(record);
  return { cluster: describeCluster(state, record, ['SETTINGS', 'TAGS']) };
}

export function describeClusters(state: SimState, input: DescribeClustersRequest = {}): DescribeClustersResponse {
  const req = asRequest(input);
  const refs = optStringList(req, 'clusters', 100) ?? [DEFAULT_CLUSTER];
  const include = optStringList(req, 'include') ?? [];
  for (const f of include) {
    if (!(CLUSTER_FIELDS as readonly string[]).includes(f)) {
      throw new EcsError('InvalidParameterException', Messages.invalidEnum('include', f, CLUSTER_FIELDS));
    }
  }
  const clusters: Cluster[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const ref of refs) {
    const name = nameFromArnOrName(ref, 'cluster');
    const c = name === undefined ? undefined : state.clusters[name];
    if (c) clusters.push(describeCluster(state, c, include));
    else failures.push({ arn: ref.startsWith('arn:') ? ref : arns.cluster(state, ref), reason: 'MISSING' });
  }
  return { clusters, failures };
}

export function listClusters(state: SimState, input: ListClustersRequest = {}): ListClustersResponse {
  const req = asRequest(input);
  const arnsActive = Object.values(state.clusters)
    .filter((c) => c.status === 'ACTIVE')
    .map((c) => c.clusterArn);
  const { page, nextToken } = paginate(arnsActive, req, { defaultMax: 100, max: 100 });
  return nextToken ? { clusterArns: page, nextToken } : { clusterArns: page };
}

export function deleteCluster(state: SimState, input: DeleteClusterRequest): DeleteClusterResponse {
  const req = asRequest(input);
  const ref = optString(req, 'cluster');
  if (ref === undefined) throw new EcsError('InvalidParameterException', Messages.missingMember('cluster'));
  const cluster = resolveCluster(state, ref);
  const counts = clusterCounts(state, cluster);
  if (counts.registeredContainerInstancesCount > 0) {
    throw new EcsError('ClusterContainsContainerInstancesException', Messages.clusterHasInstances);
  }
  if (counts.activeServicesCount > 0 || counts.drainingServicesCount > 0) {
    throw new EcsError('ClusterContainsServicesException', Messages.clusterHasServices);
  }
  if (counts.runningTasksCount + counts.pendingTasksCount > 0) {
    throw new EcsError('ClusterContainsTasksException', Messages.clusterHasTasks);
  }
  cluster.status = 'INACTIVE';
  emit(state, 'cluster.deleted', `Cluster ${cluster.clusterName} deleted.`, {
    resource: cluster.clusterArn,
    data: { clusterName: cluster.clusterName },
  });
  return { cluster: describeCluster(state, cluster) };
}

export const clusterOperations = { createCluster, describeClusters, listClusters, deleteCluster };
