/**
 * The counts DescribeClusters reports, derived from the records that exist so far.
 * Later areas (instances, tasks, services) extend this one function, so the numbers have one source.
 */
import type { SimState } from '../engine/state';
import { registeredInstancesOf } from '../infra/instances';
import type { ClusterRecord } from './clusterRecord';

export interface ClusterCounts {
  /** container instances in ACTIVE or DRAINING */
  registeredContainerInstancesCount: number;
  runningTasksCount: number;
  pendingTasksCount: number;
  activeServicesCount: number;
  drainingServicesCount: number;
  statistics: Record<string, number>;
}

/** lastStatus values counted as pending (not yet running) and as running (started, not yet STOPPED). */
const PENDING_STATUSES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

export function clusterCounts(state: SimState, cluster: ClusterRecord): ClusterCounts {
  let runningTasksCount = 0;
  let pendingTasksCount = 0;
  for (const t of Object.values(state.tasks)) {
    if (t.clusterName !== cluster.clusterName || t.lastStatus === 'STOPPED') continue;
    if (PENDING_STATUSES.has(t.lastStatus)) pendingTasksCount++;
    else runningTasksCount++;
  }
  let activeServicesCount = 0;
  let drainingServicesCount = 0;
  for (const svc of Object.values(state.services ?? {})) {
    if (svc.clusterName !== cluster.clusterName) continue;
    if (svc.status === 'ACTIVE') activeServicesCount++;
    else if (svc.status === 'DRAINING') drainingServicesCount++;
  }
  return {
    registeredContainerInstancesCount: registeredInstancesOf(state, cluster.clusterName).length,
    runningTasksCount,
    pendingTasksCount,
    activeServicesCount,
    drainingServicesCount,
    statistics: {},
  };
}
