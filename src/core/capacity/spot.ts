/**
 * Fargate Spot capacity (reference §10.3): `sim.faults.setFargateSpotCapacity('unavailable')` makes
 * every new FARGATE_SPOT task fail to launch — RunTask answers a failure with the ECS reason, services
 * log "Capacity is unavailable at this time…" and retry — until it is 'available' again. With
 * `interruptRunning`, the FARGATE_SPOT tasks already running get their two-minute warning too.
 */
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { InfraError } from '../infra/errors';
import { interruptSpot } from '../faults/tasks';
import { CapacityEvents, CapacityServiceMessages } from './eventMessages';
import { arns } from '../engine/arn';
import { capacityOf } from './records';

export function fargateSpotAvailable(state: SimState): boolean {
  return (state.capacity?.fargateSpot ?? 'available') === 'available';
}

export function setFargateSpotCapacity(
  state: SimState,
  capacity: 'available' | 'unavailable',
  options: { interruptRunning?: boolean } = {},
): { fargateSpot: 'available' | 'unavailable'; interrupted: string[] } {
  if (capacity !== 'available' && capacity !== 'unavailable') {
    throw new InfraError('InvalidParameterValue', `capacity must be 'available' or 'unavailable', got ${String(capacity)}.`);
  }
  capacityOf(state).fargateSpot = capacity;
  emit(state, 'fault.fargateSpotCapacity', CapacityEvents.spotCapacity(capacity === 'available'), { resource: 'FARGATE_SPOT', data: { capacity } });
  const interrupted: string[] = [];
  if (capacity === 'unavailable' && options?.interruptRunning) {
    for (const t of Object.values(state.tasks)) {
      if (t.capacityProviderName === 'FARGATE_SPOT' && t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED' && state.actors[t.taskArn]) {
        interruptSpot(state, t.taskArn);
        interrupted.push(t.taskArn);
      }
    }
  }
  return { fargateSpot: capacity, interrupted };
}

/**
 * A service could not start FARGATE_SPOT tasks: the ECS Service Action event ECS sends
 * (SERVICE_TASK_PLACEMENT_FAILURE, reason RESOURCE:FARGATE, reference §10.3, §13) goes to the event
 * log, and the service event text (§12.1 E21) comes back for the service's events.
 */
export function spotShortage(state: SimState, svc: { serviceName: string; serviceArn: string; clusterArn: string }): string {
  emit(state, 'service.taskPlacementFailure', CapacityEvents.placementFailure(svc.serviceName, 'RESOURCE:FARGATE'), {
    resource: svc.serviceArn,
    data: {
      eventType: 'ERROR',
      eventName: 'SERVICE_TASK_PLACEMENT_FAILURE',
      clusterArn: svc.clusterArn,
      capacityProviderArns: [arns.capacityProvider(state, 'FARGATE_SPOT')],
      reason: 'RESOURCE:FARGATE',
    },
  });
  return CapacityServiceMessages.capacityUnavailable(svc.serviceName);
}

export const spotFaultOperations = { setFargateSpotCapacity };
