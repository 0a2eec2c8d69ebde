/**
 * Tasks on an instance that is gone (terminated, or deregistered with force) are stopped with the
 * reason ECS gives (reference §2.1b, §2.5).
 */
import type { SimState } from '../engine/state';
import { releaseResources } from '../placement/fit';
import { stopTasksOnInstance } from '../tasks/stop';

export interface HostLossStop {
  stopCode: 'TerminationNotice' | 'UserInitiated';
  stoppedReason: string;
}

/** Stop reason of tasks whose EC2 host was terminated (observed in DescribeTasks output). */
export const hostTerminated = (ec2InstanceId: string): HostLossStop => ({
  stopCode: 'TerminationNotice',
  stoppedReason: `Host EC2 (instance ${ec2InstanceId}) terminated.`,
});

/** Stop reason of tasks on a container instance deregistered with force=true. */
export const deregistrationForced = (): HostLossStop => ({
  stopCode: 'UserInitiated',
  stoppedReason: 'Container instance deregistration forced by user',
});

export function stopTasksOnLostInstance(state: SimState, containerInstanceArn: string, stop: HostLossStop): void {
  stopTasksOnInstance(state, containerInstanceArn, stop);
  // Reservations no live task owns (none, unless something reserved without launching a task) go too.
  const ci = state.containerInstances[containerInstanceArn];
  if (!ci) return;
  for (const taskArn of Object.keys(ci.reservations)) {
    const t = state.tasks[taskArn];
    if (!t || t.lastStatus === 'STOPPED') releaseResources(state, containerInstanceArn, taskArn);
  }
}
