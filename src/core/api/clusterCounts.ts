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

export function clusterCounts(state: SimState, cluster: ClusterRecord): ClusterCounts {
  return {
    registeredContainerInstancesCount: registeredInstancesOf(state, cluster.clusterName).length,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    activeServicesCount: 0,
    drainingServicesCount: 0,
    statistics: {},
  };
}
