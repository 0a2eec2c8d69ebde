/**
 * EC2 instances of the playground: launch, boot, agent registration, termination, describe.
 *
 *   launchInstances → pending --(ec2Boot)--> running --(agentRegister)--> agent registers (ACTIVE)
 *   terminateInstance → shutting-down --(ec2ShuttingDown)--> terminated
 *
 * Terminating a running instance whose agent is connected deregisters its container instance at once
 * (INACTIVE) and stops its tasks ("Host EC2 (instance i-…) terminated."). When the agent was
 * disconnected, ECS is not told: the container instance stays ACTIVE with agentConnected=false until
 * someone deregisters it (reference §3.2).
 */
import { resolveCluster } from '../api/clusters';
import { newEc2InstanceId } from '../engine/ids';
import { cancel, emit, Priority, schedule, toDate, type HandlerTable } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import { drawDuration } from '../timings';
import { ECS_OPTIMIZED_AMI } from './agentProfile';
import { InfraError, InfraMessages } from './errors';
import { hostTerminated, stopTasksOnLostInstance } from './hostLoss';
import { findInstanceType } from './instanceTypes';
import { availabilityZonesOf, defaultNetwork, nextAvailabilityZone, nextPrivateIp } from './network';
import type { Ec2InstanceRecord, Ec2State } from './records';
import { deregisterContainerInstanceRecord, registerAgent } from './registration';
import { InstanceEvents } from './eventMessages';

/** How many instances one launchInstances call may start. */
export const MAX_LAUNCH_COUNT = 1000;
/** EC2 keeps showing terminated instances for about an hour. */
export const TERMINATED_VISIBLE_MS = 60 * 60 * 1000;

export const EC2_BOOTED = 'ec2.booted';
export const AGENT_REGISTER = 'agent.register';
export const EC2_TERMINATED = 'ec2.terminated';

export interface LaunchInstancesRequest {
  cluster?: string;
  instanceType: string;
  count?: number;
  availabilityZone?: string;
}

export function launchInstances(state: SimState, input: LaunchInstancesRequest): { instanceIds: string[] } {
  if (!input || typeof input !== 'object') throw new InfraError('MissingParameter', InfraMessages.missing('instanceType'));
  const cluster = resolveCluster(state, input.cluster);
  if (typeof input.instanceType !== 'string' || input.instanceType === '') {
    throw new InfraError('MissingParameter', InfraMessages.missing('instanceType'));
  }
  const it = findInstanceType(input.instanceType);
  if (!it) throw new InfraError('InvalidParameterValue', InfraMessages.invalidInstanceType(input.instanceType));
  const count = input.count ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > MAX_LAUNCH_COUNT) {
    throw new InfraError('InvalidParameterValue', InfraMessages.invalidCount(MAX_LAUNCH_COUNT));
  }
  if (input.availabilityZone !== undefined && !availabilityZonesOf(state.region).includes(input.availabilityZone)) {
    throw new InfraError('InvalidParameterValue', InfraMessages.invalidAvailabilityZone(String(input.availabilityZone)));
  }
  const net = defaultNetwork(state);
  const instanceIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const az = input.availabilityZone ?? nextAvailabilityZone(state);
    const ec2: Ec2InstanceRecord = {
      instanceId: newEc2InstanceId(state.rng),
      instanceType: it.instanceType,
      clusterName: cluster.clusterName,
      availabilityZone: az,
      subnetId: net.subnets[az],
      vpcId: net.vpcId,
      imageId: ECS_OPTIMIZED_AMI[it.architecture],
      privateIpAddress: nextPrivateIp(state),
      state: 'pending',
      launchTime: state.now,
      stateChangedAt: state.now,
      stateTransitionReason: '',
    };
    state.ec2Instances[ec2.instanceId] = ec2;
    instanceIds.push(ec2.instanceId);
    schedule(state, drawDuration(state, 'ec2Boot'), EC2_BOOTED, { instanceId: ec2.instanceId }, Priority.infra);
    emit(state, 'ec2.launched', InstanceEvents.launched(ec2.instanceId, it.instanceType, az, cluster.clusterName), {
      resource: ec2.instanceId,
      data: { instanceType: it.instanceType, availabilityZone: az, clusterName: cluster.clusterName },
    });
  }
  return { instanceIds };
}

function setEc2State(state: SimState, ec2: Ec2InstanceRecord, next: Ec2State): void {
  ec2.state = next;
  ec2.stateChangedAt = state.now;
}

function requireInstance(state: SimState, instanceId: unknown): Ec2InstanceRecord {
  if (typeof instanceId !== 'string' || !/^i-[0-9a-f]{8,17}$/.test(instanceId)) {
    throw new InfraError('InvalidInstanceID.Malformed', InfraMessages.instanceMalformed(String(instanceId)));
  }
  const ec2 = state.ec2Instances[instanceId];
  if (!ec2 || !visible(state, ec2)) throw new InfraError('InvalidInstanceID.NotFound', InfraMessages.instanceNotFound(instanceId));
  return ec2;
}

function visible(state: SimState, ec2: Ec2InstanceRecord): boolean {
  return ec2.state !== 'terminated' || state.now - ec2.stateChangedAt < TERMINATED_VISIBLE_MS;
}

/** EC2's StateTransitionReason for a user-initiated termination: "User initiated (YYYY-MM-DD hh:mm:ss GMT)". */
function userInitiated(state: SimState): string {
  const iso = toDate(state, state.now).toISOString();
  return `User initiated (${iso.slice(0, 10)} ${iso.slice(11, 19)} GMT)`;
}

export interface TerminateInstanceResult {
  instanceId: string;
  previousState: Ec2State;
  currentState: Ec2State;
}

export function terminateInstance(state: SimState, instanceId: string): TerminateInstanceResult {
  const ec2 = requireInstance(state, instanceId);
  const previousState = ec2.state;
  // TerminateInstances is idempotent.
  if (previousState === 'shutting-down' || previousState === 'terminated') {
    return { instanceId, previousState, currentState: previousState };
  }
  cancel(state, (e) => (e.kind === EC2_BOOTED || e.kind === AGENT_REGISTER) && (e.payload as { instanceId?: string })?.instanceId === instanceId);
  setEc2State(state, ec2, 'shutting-down');
  ec2.stateTransitionReason = userInitiated(state);
  emit(state, 'ec2.terminating', InstanceEvents.terminating(instanceId), {
    resource: instanceId,
    data: { previousState },
  });

  const ci = ec2.containerInstanceArn ? state.containerInstances[ec2.containerInstanceArn] : undefined;
  if (ci && ci.status !== 'INACTIVE') {
    if (ci.agentConnected) {
      deregisterContainerInstanceRecord(state, ci, 'terminated', hostTerminated(instanceId));
    } else {
      // ECS is not told about instances whose agent is disconnected: the record stays ACTIVE.
      sendToActor(state, machines, ci.containerInstanceArn, { type: 'STOP' });
      stopTasksOnLostInstance(state, ci.containerInstanceArn, hostTerminated(instanceId));
    }
  }
  schedule(state, drawDuration(state, 'ec2ShuttingDown'), EC2_TERMINATED, { instanceId }, Priority.infra);
  return { instanceId, previousState, currentState: 'shutting-down' };
}

export interface DescribedInstance {
  instanceId: string;
  instanceType: string;
  imageId: string;
  state: { code: number; name: Ec2State };
  stateTransitionReason: string;
  placement: { availabilityZone: string };
  privateIpAddress: string;
  subnetId: string;
  vpcId: string;
  architecture: string;
  launchTime: Date;
  /** playground extras: the cluster the agent is configured for, and its container instance */
  clusterName: string;
  containerInstanceArn?: string;
}

const STATE_CODES: Record<Ec2State, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48 };

export function describeInstances(state: SimState, input: { instanceIds?: string[] } = {}): { instances: DescribedInstance[] } {
  const ids = input?.instanceIds;
  const records = ids ? ids.map((id) => requireInstance(state, id)) : Object.values(state.ec2Instances).filter((e) => visible(state, e));
  return {
    instances: records.map((ec2) => {
      const out: DescribedInstance = {
        instanceId: ec2.instanceId,
        instanceType: ec2.instanceType,
        imageId: ec2.imageId,
        state: { code: STATE_CODES[ec2.state], name: ec2.state },
        stateTransitionReason: ec2.stateTransitionReason,
        placement: { availabilityZone: ec2.availabilityZone },
        privateIpAddress: ec2.privateIpAddress,
        subnetId: ec2.subnetId,
        vpcId: ec2.vpcId,
        architecture: findInstanceType(ec2.instanceType)?.architecture ?? 'x86_64',
        launchTime: toDate(state, ec2.launchTime),
        clusterName: ec2.clusterName,
      };
      if (ec2.containerInstanceArn) out.containerInstanceArn = ec2.containerInstanceArn;
      return out;
    }),
  };
}

export const instanceHandlers: HandlerTable = {
  [EC2_BOOTED]: (state, payload: { instanceId: string }) => {
    const ec2 = state.ec2Instances[payload.instanceId];
    if (!ec2 || ec2.state !== 'pending') return;
    setEc2State(state, ec2, 'running');
    emit(state, 'ec2.running', InstanceEvents.running(ec2.instanceId), { resource: ec2.instanceId });
    schedule(state, drawDuration(state, 'agentRegister'), AGENT_REGISTER, { instanceId: ec2.instanceId }, Priority.infra);
  },
  [AGENT_REGISTER]: (state, payload: { instanceId: string }) => {
    const ec2 = state.ec2Instances[payload.instanceId];
    if (!ec2 || ec2.state !== 'running' || ec2.containerInstanceArn) return;
    const cluster = state.clusters[ec2.clusterName];
    if (!cluster || cluster.status !== 'ACTIVE') {
      emit(state, 'containerInstance.registrationFailed', InstanceEvents.registrationFailed(ec2.instanceId, ec2.clusterName), {
        resource: ec2.instanceId,
        data: { clusterName: ec2.clusterName },
      });
      return;
    }
    registerAgent(state, ec2);
  },
  [EC2_TERMINATED]: (state, payload: { instanceId: string }) => {
    const ec2 = state.ec2Instances[payload.instanceId];
    if (!ec2 || ec2.state !== 'shutting-down') return;
    setEc2State(state, ec2, 'terminated');
    emit(state, 'ec2.terminated', InstanceEvents.terminated(ec2.instanceId), { resource: ec2.instanceId });
  },
};
