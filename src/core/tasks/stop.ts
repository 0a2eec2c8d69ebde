/**
 * Stopping tasks from outside the task machine: StopTask, the schedulers, faults, and the instance
 * area when a host is lost. `requestStop` walks the normal stop path; `stopTasksOnInstance` ends the
 * tasks of a vanished host at once (their containers died with it).
 */
import type { SimState } from '../engine/state';
import { sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import type { TaskStopCode } from './record';

export interface StopRequestInput {
  stopCode: TaskStopCode;
  stoppedReason: string;
}

/**
 * Asks the task to stop: desiredStatus becomes STOPPED now and lastStatus follows. A task already
 * stopping keeps its first stopCode and reason, as ECS does. Returns whether the task was still live.
 */
export function requestStop(state: SimState, taskArn: string, stop: StopRequestInput): boolean {
  return sendToActor(state, machines, taskArn, { type: 'STOP', stopCode: stop.stopCode, stoppedReason: stop.stoppedReason });
}

/**
 * Every task on the container instance that is not STOPPED yet goes to STOPPED immediately, its
 * resources handed back. Returns the ARNs of the tasks it stopped.
 */
export function stopTasksOnInstance(state: SimState, containerInstanceArn: string, stop: StopRequestInput): string[] {
  const stopped: string[] = [];
  for (const t of Object.values(state.tasks)) {
    if (t.containerInstanceArn !== containerInstanceArn || t.lastStatus === 'STOPPED') continue;
    if (sendToActor(state, machines, t.taskArn, { type: 'HOST_LOST', stopCode: stop.stopCode, stoppedReason: stop.stoppedReason })) {
      stopped.push(t.taskArn);
    }
  }
  return stopped;
}
