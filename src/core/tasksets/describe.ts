/** Task sets as the ECS API returns them (the SDK's `TaskSet` shape; Dates via toDate). */
import type { Service, TaskSet } from '@aws-sdk/client-ecs';
import { toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import type { ServiceRecord } from '../scheduler/serviceRecord';
import type { TaskSetRecord } from './taskSets';
import { taskSetCounts, wantedCount } from './reconcile';
import { taskSetsOf } from './taskSets';

export function describeTaskSet(state: SimState, svc: ServiceRecord, ts: TaskSetRecord, counts = taskSetCounts(state, svc), include: readonly string[] = []): TaskSet {
  const c = counts.get(ts.id) ?? { running: 0, pending: 0 };
  const r = ts.revision;
  const out: TaskSet = {
    id: ts.id,
    taskSetArn: ts.taskSet.taskSetArn,
    serviceArn: svc.serviceArn,
    clusterArn: svc.clusterArn,
    status: ts.taskSet.status,
    taskDefinition: r.taskDefinition,
    computedDesiredCount: wantedCount(svc, ts),
    pendingCount: c.pending,
    runningCount: c.running,
    createdAt: toDate(state, ts.createdAt),
    updatedAt: toDate(state, ts.updatedAt),
    loadBalancers: r.loadBalancers.map((l) => ({ ...l })),
    serviceRegistries: r.serviceRegistries.map((s) => ({ ...s })),
    scale: { value: ts.taskSet.scale, unit: 'PERCENT' },
    stabilityStatus: ts.taskSet.stabilityStatus,
    stabilityStatusAt: toDate(state, ts.taskSet.stabilityStatusAt),
  };
  if (ts.taskSet.startedBy !== undefined) out.startedBy = ts.taskSet.startedBy;
  if (ts.taskSet.externalId !== undefined) out.externalId = ts.taskSet.externalId;
  if (r.capacityProviderStrategy) out.capacityProviderStrategy = r.capacityProviderStrategy.map((s) => ({ ...s }));
  else out.launchType = r.launchType ?? 'EC2';
  if (r.platformVersion) out.platformVersion = r.platformVersion;
  if (r.platformFamily) out.platformFamily = r.platformFamily;
  if (r.networkConfiguration) out.networkConfiguration = structuredClone(r.networkConfiguration);
  if (include.includes('TAGS')) out.tags = [];
  return out;
}

/** The `taskSets` member of DescribeServices for CODE_DEPLOY and EXTERNAL services. */
export function describeServiceTaskSets(state: SimState, svc: ServiceRecord): TaskSet[] {
  const counts = taskSetCounts(state, svc);
  return taskSetsOf(svc).map((ts) => describeTaskSet(state, svc, ts, counts));
}

/** DescribeServices of a CODE_DEPLOY or EXTERNAL service: task sets instead of deployments (reference §9.5). */
export function withTaskSets(state: SimState, svc: ServiceRecord, out: Service): void {
  delete out.deployments;
  out.taskSets = describeServiceTaskSets(state, svc);
  if (!svc.revision.taskDefinition) delete out.taskDefinition;
}
