/**
 * Task faults: crash a container, make its health check fail, interrupt a Fargate Spot task, make an
 * image unpullable. Each takes the task ARN (or the image) and leaves a `fault.*` event naming it.
 */
import { emit, schedule, Priority } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { InfraError } from '../infra/errors';
import { sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import type { TaskMachineContext } from '../machines/task.machine';
import { TASK_AGENT_EVENT, taskIdOf } from '../tasks/effects';
import { canonicalImage, isWellFormedImage } from '../tasks/images';
import type { TaskRecord } from '../tasks/record';
import { requestStop } from '../tasks/stop';

/** Fargate Spot gives two minutes' notice before it takes the capacity back (reference §10.3). */
export const SPOT_WARNING_MS = 120_000;
export const SPOT_STOPPED_REASON = 'Your Spot Task was interrupted.';

const FaultMessages = {
  taskArn: 'taskArn must be the ARN of a task.',
  taskNotFound: (arn: string) => `Task ${arn} was not found.`,
  taskNotLive: (arn: string) => `Task ${arn} is already stopped.`,
  containerNotFound: (name: string) => `The task has no container named ${name}.`,
  containerNotRunning: (name: string) => `Container ${name} is not running.`,
  noHealthCheck: (name: string) => `Container ${name} has no health check in its task definition.`,
  exitCode: 'exitCode must be an integer between 0 and 255.',
  forMs: 'forMs must be a positive number of milliseconds.',
  notSpot: (arn: string) => `Task ${arn} does not run on FARGATE_SPOT capacity.`,
  image: (image: string) => `"${image}" is not a well-formed image reference.`,
} as const;

function liveTask(state: SimState, taskArn: unknown): { task: TaskRecord; context: TaskMachineContext } {
  if (typeof taskArn !== 'string' || !taskArn.startsWith('arn:')) throw new InfraError('InvalidParameterValue', FaultMessages.taskArn);
  const task = state.tasks[taskArn];
  if (!task) throw new InfraError('InvalidParameterValue', FaultMessages.taskNotFound(taskArn));
  const actor = state.actors[taskArn];
  if (!actor || actor.status === 'done') throw new InfraError('IncorrectInstanceState', FaultMessages.taskNotLive(taskArn));
  return { task, context: actor.context as unknown as TaskMachineContext };
}

/** The container's main process exits with `exitCode` (default 1), as if it crashed. */
export function crashContainer(state: SimState, taskArn: string, containerName: string, exitCode = 1): { taskArn: string; containerName: string } {
  if (!Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255) throw new InfraError('InvalidParameterValue', FaultMessages.exitCode);
  const { task, context } = liveTask(state, taskArn);
  const c = context.containers.find((x) => x.name === containerName);
  if (!c) throw new InfraError('InvalidParameterValue', FaultMessages.containerNotFound(containerName));
  if (c.status !== 'RUNNING') throw new InfraError('IncorrectInstanceState', FaultMessages.containerNotRunning(containerName));
  emit(state, 'fault.crashContainer', `Fault: container ${containerName} of task ${taskIdOf(taskArn)} exits with code ${exitCode}.`, {
    resource: task.taskArn,
    data: { taskArn, containerName, exitCode },
  });
  sendToActor(state, machines, taskArn, { type: 'EXITED', name: containerName, exitCode, at: state.now });
  return { taskArn, containerName };
}

/** The container's health check command fails from now on, or for `forMs`. */
export function failHealthCheck(state: SimState, taskArn: string, containerName: string, options: { forMs?: number } = {}): { taskArn: string; containerName: string } {
  const forMs = options?.forMs;
  if (forMs !== undefined && (typeof forMs !== 'number' || !Number.isFinite(forMs) || forMs <= 0)) {
    throw new InfraError('InvalidParameterValue', FaultMessages.forMs);
  }
  const { task, context } = liveTask(state, taskArn);
  const c = context.containers.find((x) => x.name === containerName);
  if (!c) throw new InfraError('InvalidParameterValue', FaultMessages.containerNotFound(containerName));
  if (!c.healthCheck) throw new InfraError('InvalidParameterValue', FaultMessages.noHealthCheck(containerName));
  task.healthFailUntil[containerName] = forMs === undefined ? -1 : state.now + Math.round(forMs);
  emit(
    state,
    'fault.failHealthCheck',
    forMs === undefined
      ? `Fault: health check of container ${containerName} in task ${taskIdOf(taskArn)} fails until the task stops.`
      : `Fault: health check of container ${containerName} in task ${taskIdOf(taskArn)} fails for ${Math.round(forMs)} ms.`,
    { resource: taskArn, data: { taskArn, containerName, forMs: forMs === undefined ? null : Math.round(forMs) } },
  );
  return { taskArn, containerName };
}

/**
 * Fargate reclaims the Spot capacity: the two-minute warning (a task state change and SIGTERM to the
 * containers), then whatever still runs at the end of the two minutes is killed.
 */
export function interruptSpot(state: SimState, taskArn: string): { taskArn: string; stopsBy: number } {
  const { task } = liveTask(state, taskArn);
  if (task.capacityProviderName !== 'FARGATE_SPOT') throw new InfraError('InvalidParameterValue', FaultMessages.notSpot(taskArn));
  const stopsBy = state.now + SPOT_WARNING_MS;
  emit(state, 'fault.interruptSpot', `Fault: Fargate Spot capacity of task ${taskIdOf(taskArn)} is reclaimed; two-minute warning sent.`, {
    resource: taskArn,
    data: { taskArn, stopsBy },
  });
  emit(state, 'task.spotInterruptionWarning', `Task ${taskIdOf(taskArn)}: Spot interruption notice; the task is stopped within 2 minutes.`, {
    resource: taskArn,
    data: { taskArn, stopsBy },
  });
  requestStop(state, taskArn, { stopCode: 'SpotInterruption', stoppedReason: SPOT_STOPPED_REASON });
  schedule(state, SPOT_WARNING_MS, TASK_AGENT_EVENT, { taskArn, event: { type: 'KILL_ALL', exitCode: 137 } }, Priority.task);
  return { taskArn, stopsBy };
}

/** Pulls of `image` fail from now on (CannotPullContainerError), until makeImagePullable. */
export function makeImageUnpullable(state: SimState, image: string): { image: string } {
  if (typeof image !== 'string' || !isWellFormedImage(image)) throw new InfraError('InvalidParameterValue', FaultMessages.image(String(image)));
  if (!state.unpullableImages.includes(image)) state.unpullableImages.push(image);
  emit(state, 'fault.makeImageUnpullable', `Fault: image ${image} can no longer be pulled.`, { resource: image, data: { image } });
  return { image };
}

/** Lifts makeImageUnpullable. */
export function makeImagePullable(state: SimState, image: string): { image: string } {
  if (typeof image !== 'string' || !isWellFormedImage(image)) throw new InfraError('InvalidParameterValue', FaultMessages.image(String(image)));
  state.unpullableImages = state.unpullableImages.filter((i) => canonicalImage(i) !== canonicalImage(image));
  emit(state, 'fault.makeImagePullable', `Fault lifted: image ${image} can be pulled again.`, { resource: image, data: { image } });
  return { image };
}

export const taskFaultOperations = { crashContainer, failHealthCheck, interruptSpot, makeImageUnpullable, makeImagePullable };
