/**
 * Agent faults: cut the ECS agent of an instance off from the control plane, and bring it back.
 * Each takes the EC2 instance id or the container-instance ARN and leaves a `fault.*` event naming it.
 */
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { InfraError, InfraMessages } from '../infra/errors';
import { findContainerInstance } from '../infra/instances';
import type { ContainerInstanceRecord } from '../infra/records';
import { sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import { InstanceEvents } from '../infra/eventMessages';

function liveInstance(state: SimState, ref: unknown): ContainerInstanceRecord {
  if (typeof ref !== 'string' || ref === '') throw new InfraError('MissingParameter', InfraMessages.missing('instanceId'));
  const ci = findContainerInstance(state, ref);
  if (!ci) {
    if (ref.startsWith('i-') && state.ec2Instances[ref]) throw new InfraError('IncorrectInstanceState', InfraMessages.notRegistered(ref));
    if (ref.startsWith('i-')) throw new InfraError('InvalidInstanceID.NotFound', InfraMessages.instanceNotFound(ref));
    throw new InfraError('InvalidParameterValue', InfraMessages.noContainerInstance(ref));
  }
  const actor = state.actors[ci.containerInstanceArn];
  if (!actor || actor.status === 'done') throw new InfraError('IncorrectInstanceState', InfraMessages.notRegistered(ci.ec2InstanceId));
  return ci;
}

/**
 * Breaks the agent's connection. With `forMs` the network comes back after that long and the agent
 * reconnects at its next backoff attempt; without, it stays down until reconnectAgent.
 */
export function disconnectAgent(state: SimState, ref: string, options: { forMs?: number } = {}): { containerInstanceArn: string; ec2InstanceId: string } {
  const forMs = options?.forMs;
  if (forMs !== undefined && (typeof forMs !== 'number' || !Number.isFinite(forMs) || forMs <= 0)) {
    throw new InfraError('InvalidParameterValue', 'forMs must be a positive number of milliseconds.');
  }
  const ci = liveInstance(state, ref);
  const target = { containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId };
  emit(
    state,
    'fault.disconnectAgent',
    InstanceEvents.faultDisconnect(ci.ec2InstanceId, forMs === undefined ? undefined : Math.round(forMs)),
    { resource: ci.containerInstanceArn, data: { ...target, forMs: forMs === undefined ? null : Math.round(forMs) } },
  );
  sendToActor(state, machines, ci.containerInstanceArn, forMs === undefined ? { type: 'DISCONNECT' } : { type: 'DISCONNECT', forMs: Math.round(forMs) });
  return target;
}

/** Lifts a disconnect: the agent is connected again at once. Does nothing more when it already is. */
export function reconnectAgent(state: SimState, ref: string): { containerInstanceArn: string; ec2InstanceId: string } {
  const ci = liveInstance(state, ref);
  const target = { containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId };
  emit(state, 'fault.reconnectAgent', InstanceEvents.faultReconnect(ci.ec2InstanceId), {
    resource: ci.containerInstanceArn,
    data: target,
  });
  sendToActor(state, machines, ci.containerInstanceArn, { type: 'RECONNECT' });
  return target;
}

export const agentFaultOperations = { disconnectAgent, reconnectAgent };
