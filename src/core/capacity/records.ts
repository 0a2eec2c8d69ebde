/**
 * What the capacity area stores (plain JSON, in SimState.capacity): Auto Scaling groups, capacity
 * providers, tasks waiting in PROVISIONING for capacity, the Fargate Spot switch and the cost ledger.
 */
import type { Tag } from '../api/tags';
import type { SimState } from '../engine/state';
import type { TaskNeeds } from '../placement/fit';
import type { PlacementConstraint, PlacementStrategy } from '../placement/types';
import type { PortOwner } from '../tasks/needs';

export interface AsgInstanceRecord {
  instanceId: string;
  availabilityZone: string;
  /** ASG instance scale-in protection (managed termination protection sets and clears it) */
  protectedFromScaleIn: boolean;
  /** virtual ms it was launched */
  launchedAt: number;
}

export interface AutoScalingGroupRecord {
  autoScalingGroupName: string;
  autoScalingGroupArn: string;
  /** cluster the instances' agents join (ECS_CLUSTER in the launch template's user data) */
  clusterName: string;
  instanceType: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  availabilityZones: string[];
  newInstancesProtectedFromScaleIn: boolean;
  /** instances not terminated yet, in launch order */
  instances: AsgInstanceRecord[];
  /** every instance id the group ever launched (cost attribution after termination) */
  launched: string[];
  createdAt: number;
  /** round-robin index over availabilityZones */
  nextAz: number;
}

export type ScalingStatus = 'ENABLED' | 'DISABLED';

export interface ManagedScalingRecord {
  status: ScalingStatus;
  targetCapacity: number;
  minimumScalingStepSize: number;
  maximumScalingStepSize: number;
  instanceWarmupPeriod: number;
}

export type CapacityProviderUpdateStatus =
  | 'CREATE_IN_PROGRESS' | 'CREATE_COMPLETE' | 'CREATE_FAILED'
  | 'DELETE_IN_PROGRESS' | 'DELETE_COMPLETE' | 'DELETE_FAILED'
  | 'UPDATE_IN_PROGRESS' | 'UPDATE_COMPLETE' | 'UPDATE_FAILED';

/** One CapacityProviderReservation datapoint (every simulated minute). */
export interface ReservationSample {
  at: number;
  /** instances needed (M) and instances in the group (N) */
  m: number;
  n: number;
  metric: number;
}

export interface CapacityProviderRecord {
  name: string;
  capacityProviderArn: string;
  status: 'ACTIVE' | 'INACTIVE';
  updateStatus?: CapacityProviderUpdateStatus;
  updateStatusReason?: string;
  autoScalingGroupArn: string;
  /** the group's name (the ARN's last part) */
  autoScalingGroupName: string;
  managedScaling: ManagedScalingRecord;
  managedTerminationProtection: ScalingStatus;
  managedDraining: ScalingStatus;
  tags: Tag[];
  createdAt: number;
  /** managed scaling bookkeeping */
  scaling: {
    /** virtual ms of the last scale-out ECS asked for (instanceWarmupPeriod counts from there) */
    lastScaleOutAt?: number;
    /** consecutive minutes the metric was below target (scale-in needs 15) */
    lowDatapoints: number;
    /** the latest datapoints, oldest first (at most SAMPLES_KEPT) */
    samples: ReservationSample[];
  };
}

/** A task in PROVISIONING waiting for an instance of its Auto Scaling group capacity provider. */
export interface WaitingTask {
  taskArn: string;
  clusterName: string;
  capacityProvider: string;
  needs: TaskNeeds;
  portOwners: PortOwner[];
  group: string;
  constraints: PlacementConstraint[];
  strategies: PlacementStrategy[];
  /** awsvpc subnets (empty otherwise) */
  subnets: string[];
  /** 'service' placement defaults for service tasks, 'runTask' for standalone ones */
  defaults: 'runTask' | 'service';
  since: number;
}

/** One billed thing: a Fargate task or an EC2 instance, from `start` to `end` (none while it runs). */
export interface CostLedgerLine {
  kind: 'task' | 'instance';
  /** task ARN or EC2 instance id */
  id: string;
  clusterName: string;
  /** service name, for service tasks */
  service?: string;
  capacityProvider: string;
  start: number;
  end?: number;
  usdPerHour: number;
}

export interface CapacityState {
  providers: Record<string, CapacityProviderRecord>;
  autoScalingGroups: Record<string, AutoScalingGroupRecord>;
  /** `sim.faults.setFargateSpotCapacity` */
  fargateSpot: 'available' | 'unavailable';
  waiting: Record<string, WaitingTask>;
  /** clusters whose managed-scaling minute tick is booked */
  ticking: Record<string, boolean>;
  /** billing lines of tasks that no longer exist (cost.ts) */
  ledger: CostLedgerLine[];
}

export function createCapacityState(): CapacityState {
  return { providers: {}, autoScalingGroups: {}, fargateSpot: 'available', waiting: {}, ticking: {}, ledger: [] };
}

/** The capacity area's state (created on first use for snapshots from before it existed). */
export function capacityOf(state: SimState): CapacityState {
  return (state.capacity ??= createCapacityState());
}

export const FARGATE_PROVIDERS: readonly string[] = ['FARGATE', 'FARGATE_SPOT'];

export function isFargateProvider(name: string): boolean {
  return FARGATE_PROVIDERS.includes(name);
}
