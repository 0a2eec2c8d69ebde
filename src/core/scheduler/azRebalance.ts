/**
 * Availability Zone rebalancing (reference §5.3 `availabilityZoneRebalancing`, §12.3). A REPLICA
 * service that is otherwise at steady state, with rebalancing ENABLED and the default AZ spread,
 * whose tasks differ by more than one between the AZs it can use, starts one task in the emptiest
 * AZ and, once that task is healthy, stops one in the fullest AZ; one step at a time, within the
 * deployment bounds, until the AZs are balanced.
 *
 * The AZs a service can use: on EC2, those with an ACTIVE instance whose agent is connected; on
 * Fargate, those of its subnets.
 */
import { subnetAvailabilityZone } from '../api/tasks';
import type { SimState } from '../engine/state';
import type { DeploymentRecord, ServiceRecord } from './serviceRecord';
import type { TaskView } from './reconcile';
import { launchTypeOfStrategy } from '../capacity/serviceLaunch';
import { clusterRecords } from '../placement/clusterIndex';

export interface AzPicture {
  /** AZ → live tasks of the PRIMARY deployment there, for every usable AZ, sorted by AZ name */
  counts: [string, number][];
  /** instances per usable AZ (EC2) */
  instances: Map<string, string[]>;
}

/** Whether the service is eligible for rebalancing at all. */
export function rebalancingApplies(svc: ServiceRecord, dep: DeploymentRecord): boolean {
  if (svc.schedulingStrategy !== 'REPLICA' || svc.availabilityZoneRebalancing !== 'ENABLED') return false;
  const first = dep.revision.placementStrategy[0];
  return !first || (first.type === 'spread' && first.field === 'attribute:ecs.availability-zone');
}

export function azPicture(state: SimState, svc: ServiceRecord, dep: DeploymentRecord, keepers: readonly TaskView[]): AzPicture {
  const instances = new Map<string, string[]>();
  const fargate = (dep.revision.launchType ?? launchTypeOfStrategy(dep.revision.capacityProviderStrategy)) === 'FARGATE';
  if (fargate) {
    for (const s of dep.revision.networkConfiguration?.awsvpcConfiguration.subnets ?? []) instances.set(subnetAvailabilityZone(state, s), []);
  } else {
    // the cluster's records in registration order, from placement's index (no walk over every cluster's instances)
    for (const ci of clusterRecords(state, svc.clusterName).records) {
      if (ci.status !== 'ACTIVE' || !ci.agentConnected) continue;
      const az = state.ec2Instances[ci.ec2InstanceId]?.availabilityZone;
      if (!az) continue;
      const list = instances.get(az) ?? [];
      list.push(ci.containerInstanceArn);
      instances.set(az, list);
    }
  }
  const counts = new Map<string, number>([...instances.keys()].map((az) => [az, 0]));
  for (const k of keepers) {
    const az = k.t.availabilityZone;
    if (az !== undefined && counts.has(az)) counts.set(az, counts.get(az)! + 1);
  }
  return { counts: [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)), instances };
}

export function isBalanced(picture: AzPicture): boolean {
  if (picture.counts.length <= 1) return true;
  const values = picture.counts.map(([, n]) => n);
  return Math.max(...values) - Math.min(...values) <= 1;
}

/** The emptiest usable AZ (first by name among equals). */
export function emptiestAz(picture: AzPicture): string {
  return picture.counts.reduce((best, c) => (c[1] < best[1] ? c : best))[0];
}

/** The fullest AZ (first by name among equals). */
export function fullestAz(picture: AzPicture): string {
  return picture.counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}
