/**
 * `sim.infra` Auto Scaling groups: one instance type, min/max/desired, spread over Availability Zones.
 * The group launches and terminates EC2 instances through the instance area (infra/launch.ts), whose
 * agents join the group's cluster. A group keeps its instance count at desired: it replaces instances
 * that went away and, scaling in, terminates instances not protected from scale-in (the Availability
 * Zone with the most instances first, then the oldest instance; docs/capacity.md).
 */
import { resolveCluster } from '../api/clusters';
import { partitionOf } from '../engine/arn';
import { newUuid } from '../engine/ids';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { InfraError, InfraMessages } from '../infra/errors';
import { findInstanceType } from '../infra/instanceTypes';
import { launchInstances, terminateInstance } from '../infra/launch';
import { availabilityZonesOf } from '../infra/network';
import { CapacityEvents } from './eventMessages';
import { ensureCapacityTick } from './tick';
import { capacityOf, type AsgInstanceRecord, type AutoScalingGroupRecord } from './records';

export interface CreateAutoScalingGroupRequest {
  autoScalingGroupName: string;
  cluster?: string;
  instanceType: string;
  minSize: number;
  maxSize: number;
  desiredCapacity?: number;
  availabilityZones?: string[];
  /** ASG "new instances protected from scale in" (needed for managed termination protection); default false */
  newInstancesProtectedFromScaleIn?: boolean;
}

const ASG_NAME = /^[^:]{1,255}$/;

function size(member: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new InfraError('ValidationError', InfraMessages.asgSizeInvalid(member));
  return v;
}

export function asgArn(state: SimState, name: string, uuid: string): string {
  return `arn:${partitionOf(state.region)}:autoscaling:${state.region}:${state.accountId}:autoScalingGroup:${uuid}:autoScalingGroupName/${name}`;
}

/** The group an ARN or a name names. */
export function findGroup(state: SimState, ref: string): AutoScalingGroupRecord | undefined {
  const groups = capacityOf(state).autoScalingGroups;
  if (!ref.startsWith('arn:')) return groups[ref];
  const m = /:autoScalingGroupName\/(.+)$/.exec(ref);
  const g = m ? groups[m[1]] : undefined;
  return g && g.autoScalingGroupArn === ref ? g : undefined;
}

export function createAutoScalingGroup(state: SimState, input: CreateAutoScalingGroupRequest): { autoScalingGroupArn: string } {
  if (!input || typeof input !== 'object') throw new InfraError('MissingParameter', InfraMessages.missing('autoScalingGroupName'));
  const name = input.autoScalingGroupName;
  if (typeof name !== 'string' || name === '') throw new InfraError('MissingParameter', InfraMessages.missing('autoScalingGroupName'));
  if (!ASG_NAME.test(name)) throw new InfraError('ValidationError', InfraMessages.asgNameInvalid);
  const book = capacityOf(state);
  if (book.autoScalingGroups[name]) throw new InfraError('AlreadyExists', InfraMessages.asgExists(name));
  const cluster = resolveCluster(state, input.cluster);
  if (typeof input.instanceType !== 'string' || input.instanceType === '') throw new InfraError('MissingParameter', InfraMessages.missing('instanceType'));
  const it = findInstanceType(input.instanceType);
  if (!it) throw new InfraError('InvalidParameterValue', InfraMessages.invalidInstanceType(input.instanceType));
  const minSize = size('minSize', input.minSize);
  const maxSize = size('maxSize', input.maxSize);
  if (maxSize < minSize) throw new InfraError('ValidationError', InfraMessages.asgMinMax(minSize, maxSize));
  const desired = size('desiredCapacity', input.desiredCapacity ?? minSize);
  if (desired < minSize || desired > maxSize) throw new InfraError('ValidationError', InfraMessages.asgDesiredOutside(desired, minSize, maxSize));
  const regionZones = availabilityZonesOf(state.region);
  const zones = input.availabilityZones ?? regionZones;
  if (!Array.isArray(zones) || zones.length === 0) throw new InfraError('MissingParameter', InfraMessages.missing('availabilityZones'));
  for (const az of zones) if (!regionZones.includes(az)) throw new InfraError('InvalidParameterValue', InfraMessages.invalidAvailabilityZone(String(az)));
  const asg: AutoScalingGroupRecord = {
    autoScalingGroupName: name,
    autoScalingGroupArn: asgArn(state, name, newUuid(state.rng)),
    clusterName: cluster.clusterName,
    instanceType: it.instanceType,
    minSize,
    maxSize,
    desiredCapacity: desired,
    availabilityZones: [...zones],
    newInstancesProtectedFromScaleIn: input.newInstancesProtectedFromScaleIn ?? false,
    instances: [],
    launched: [],
    createdAt: state.now,
    nextAz: 0,
  };
  book.autoScalingGroups[name] = asg;
  emit(state, 'asg.created', CapacityEvents.asgCreated(name, it.instanceType, minSize, maxSize, desired), {
    resource: asg.autoScalingGroupArn,
    data: { autoScalingGroupName: name, clusterName: cluster.clusterName, instanceType: it.instanceType, minSize, maxSize, desiredCapacity: desired },
  });
  reconcileGroup(state, asg);
  ensureCapacityTick(state, cluster.clusterName);
  return { autoScalingGroupArn: asg.autoScalingGroupArn };
}

function requireGroup(state: SimState, ref: unknown): AutoScalingGroupRecord {
  if (typeof ref !== 'string' || ref === '') throw new InfraError('MissingParameter', InfraMessages.missing('autoScalingGroupName'));
  const g = findGroup(state, ref);
  if (!g) throw new InfraError('ValidationError', InfraMessages.asgNotFound(ref));
  return g;
}

/** SetDesiredCapacity: within min/max, then the group launches or terminates to match. */
export function setDesiredCapacity(state: SimState, input: { autoScalingGroupName: string; desiredCapacity: number }): { autoScalingGroupName: string; desiredCapacity: number } {
  const g = requireGroup(state, input?.autoScalingGroupName);
  const desired = size('desiredCapacity', input.desiredCapacity);
  if (desired < g.minSize || desired > g.maxSize) throw new InfraError('ValidationError', InfraMessages.asgDesiredOutside(desired, g.minSize, g.maxSize));
  changeDesired(state, g, desired, 'SetDesiredCapacity');
  return { autoScalingGroupName: g.autoScalingGroupName, desiredCapacity: g.desiredCapacity };
}

/** UpdateAutoScalingGroup's size members. */
export function updateAutoScalingGroup(
  state: SimState,
  input: { autoScalingGroupName: string; minSize?: number; maxSize?: number; desiredCapacity?: number; newInstancesProtectedFromScaleIn?: boolean },
): { autoScalingGroupName: string } {
  const g = requireGroup(state, input?.autoScalingGroupName);
  const min = input.minSize === undefined ? g.minSize : size('minSize', input.minSize);
  const max = input.maxSize === undefined ? g.maxSize : size('maxSize', input.maxSize);
  if (max < min) throw new InfraError('ValidationError', InfraMessages.asgMinMax(min, max));
  let desired = input.desiredCapacity === undefined ? g.desiredCapacity : size('desiredCapacity', input.desiredCapacity);
  if (input.desiredCapacity !== undefined && (desired < min || desired > max)) throw new InfraError('ValidationError', InfraMessages.asgDesiredOutside(desired, min, max));
  desired = Math.min(max, Math.max(min, desired));
  g.minSize = min;
  g.maxSize = max;
  if (input.newInstancesProtectedFromScaleIn !== undefined) g.newInstancesProtectedFromScaleIn = input.newInstancesProtectedFromScaleIn;
  changeDesired(state, g, desired, 'UpdateAutoScalingGroup');
  return { autoScalingGroupName: g.autoScalingGroupName };
}

/** Sets desired (clamped to min/max) and acts on it. */
export function changeDesired(state: SimState, g: AutoScalingGroupRecord, desired: number, cause: string): void {
  const to = Math.min(g.maxSize, Math.max(g.minSize, desired));
  if (to !== g.desiredCapacity) {
    emit(state, 'asg.desiredCapacity', CapacityEvents.asgDesired(g.autoScalingGroupName, g.desiredCapacity, to, cause), {
      resource: g.autoScalingGroupArn,
      data: { autoScalingGroupName: g.autoScalingGroupName, from: g.desiredCapacity, to, cause },
    });
    g.desiredCapacity = to;
  }
  reconcileGroup(state, g);
}

/** Instances of the group that are pending or running (not shutting down or gone). */
export function liveInstances(state: SimState, g: AutoScalingGroupRecord): AsgInstanceRecord[] {
  return g.instances.filter((i) => {
    const ec2 = state.ec2Instances[i.instanceId];
    return ec2 && (ec2.state === 'pending' || ec2.state === 'running');
  });
}

function pickAz(g: AutoScalingGroupRecord, live: AsgInstanceRecord[]): string {
  let best = g.availabilityZones[0];
  let bestCount = Infinity;
  for (const az of g.availabilityZones) {
    const n = live.filter((i) => i.availabilityZone === az).length;
    if (n < bestCount) {
      best = az;
      bestCount = n;
    }
  }
  return best;
}

/** Launches or terminates instances until the live count matches desired (protected instances stay). */
export function reconcileGroup(state: SimState, g: AutoScalingGroupRecord): void {
  g.instances = liveInstances(state, g);
  const live = g.instances;
  if (live.length < g.desiredCapacity) {
    const cluster = state.clusters[g.clusterName];
    if (!cluster || cluster.status !== 'ACTIVE') return;
    const ids: string[] = [];
    while (live.length < g.desiredCapacity) {
      const az = pickAz(g, live);
      const [id] = launchInstances(state, { cluster: g.clusterName, instanceType: g.instanceType, count: 1, availabilityZone: az }).instanceIds;
      live.push({ instanceId: id, availabilityZone: az, protectedFromScaleIn: g.newInstancesProtectedFromScaleIn, launchedAt: state.now });
      ids.push(id);
      g.launched.push(id);
    }
    emit(state, 'asg.launch', CapacityEvents.asgLaunch(g.autoScalingGroupName, ids), {
      resource: g.autoScalingGroupArn,
      data: { autoScalingGroupName: g.autoScalingGroupName, instanceIds: ids },
    });
  } else if (live.length > g.desiredCapacity) {
    const victims: string[] = [];
    let excess = live.length - g.desiredCapacity;
    while (excess > 0) {
      const candidates = live.filter((i) => !i.protectedFromScaleIn && !victims.includes(i.instanceId));
      if (candidates.length === 0) break;
      const perAz = new Map<string, number>();
      for (const i of live) if (!victims.includes(i.instanceId)) perAz.set(i.availabilityZone, (perAz.get(i.availabilityZone) ?? 0) + 1);
      candidates.sort((a, b) => (perAz.get(b.availabilityZone) ?? 0) - (perAz.get(a.availabilityZone) ?? 0) || a.launchedAt - b.launchedAt || (a.instanceId < b.instanceId ? -1 : 1));
      victims.push(candidates[0].instanceId);
      excess--;
    }
    if (victims.length === 0) return;
    emit(state, 'asg.terminate', CapacityEvents.asgTerminate(g.autoScalingGroupName, victims), {
      resource: g.autoScalingGroupArn,
      data: { autoScalingGroupName: g.autoScalingGroupName, instanceIds: victims },
    });
    for (const id of victims) terminateInstance(state, id);
    g.instances = live.filter((i) => !victims.includes(i.instanceId));
  }
}

export interface DescribedAutoScalingGroup {
  autoScalingGroupName: string;
  autoScalingGroupARN: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  availabilityZones: string[];
  newInstancesProtectedFromScaleIn: boolean;
  createdTime: Date;
  instances: { instanceId: string; instanceType: string; availabilityZone: string; lifecycleState: string; healthStatus: 'Healthy'; protectedFromScaleIn: boolean }[];
  /** playground extras */
  instanceType: string;
  clusterName: string;
}

/** DescribeAutoScalingGroups (shapes as the EC2 Auto Scaling API, lowerCamelCase). */
export function describeAutoScalingGroups(state: SimState, input: { autoScalingGroupNames?: string[] } = {}): { autoScalingGroups: DescribedAutoScalingGroup[] } {
  const names = input?.autoScalingGroupNames;
  const groups = Object.values(capacityOf(state).autoScalingGroups).filter((g) => !names || names.includes(g.autoScalingGroupName));
  return {
    autoScalingGroups: groups.map((g) => ({
      autoScalingGroupName: g.autoScalingGroupName,
      autoScalingGroupARN: g.autoScalingGroupArn,
      minSize: g.minSize,
      maxSize: g.maxSize,
      desiredCapacity: g.desiredCapacity,
      availabilityZones: [...g.availabilityZones],
      newInstancesProtectedFromScaleIn: g.newInstancesProtectedFromScaleIn,
      createdTime: new Date(state.epochMs + g.createdAt),
      instances: liveInstances(state, g).map((i) => ({
        instanceId: i.instanceId,
        instanceType: g.instanceType,
        availabilityZone: i.availabilityZone,
        lifecycleState: state.ec2Instances[i.instanceId].state === 'pending' ? 'Pending' : 'InService',
        healthStatus: 'Healthy' as const,
        protectedFromScaleIn: i.protectedFromScaleIn,
      })),
      instanceType: g.instanceType,
      clusterName: g.clusterName,
    })),
  };
}

/** SetInstanceProtection. */
export function setInstanceProtection(
  state: SimState,
  input: { autoScalingGroupName: string; instanceIds: string[]; protectedFromScaleIn: boolean },
): { autoScalingGroupName: string } {
  const g = requireGroup(state, input?.autoScalingGroupName);
  for (const id of input.instanceIds ?? []) {
    const i = g.instances.find((x) => x.instanceId === id);
    if (!i) throw new InfraError('ValidationError', InfraMessages.instanceNotFound(id));
    i.protectedFromScaleIn = input.protectedFromScaleIn === true;
  }
  return { autoScalingGroupName: g.autoScalingGroupName };
}

/** The group an EC2 instance belongs to, if any. */
export function groupOfInstance(state: SimState, instanceId: string): AutoScalingGroupRecord | undefined {
  for (const g of Object.values(capacityOf(state).autoScalingGroups)) if (g.instances.some((i) => i.instanceId === instanceId)) return g;
  return undefined;
}

export const autoScalingGroupOperations = {
  createAutoScalingGroup,
  describeAutoScalingGroups,
  setDesiredCapacity,
  updateAutoScalingGroup,
  setInstanceProtection,
};
