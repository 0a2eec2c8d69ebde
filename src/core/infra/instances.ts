/**
 * Looking up container instances and asking what they can do. Used by the ECS API, the faults,
 * placement and the task area.
 */
import type { SimState } from '../engine/state';
import type { ContainerInstanceRecord } from './records';

/** How long ECS keeps describing an INACTIVE container instance (reference §2.3, §3.1). */
export const INACTIVE_VISIBLE_MS = 60 * 60 * 1000;

/**
 * The container instance an EC2 instance id (`i-...`) or a container-instance ARN names.
 * For an EC2 id, the live registration wins over older INACTIVE ones.
 */
export function findContainerInstance(state: SimState, ref: string): ContainerInstanceRecord | undefined {
  if (ref.startsWith('arn:')) return state.containerInstances[ref];
  if (ref.startsWith('i-')) {
    const arn = state.ec2Instances[ref]?.containerInstanceArn;
    if (arn && state.containerInstances[arn]) return state.containerInstances[arn];
    let found: ContainerInstanceRecord | undefined;
    for (const ci of Object.values(state.containerInstances)) {
      if (ci.ec2InstanceId !== ref) continue;
      if (ci.status !== 'INACTIVE') return ci;
      found = ci;
    }
    return found;
  }
  return undefined;
}

/** ACTIVE or DRAINING: registered, listed, counted by the cluster. */
export function isRegistered(ci: ContainerInstanceRecord): boolean {
  return ci.status === 'ACTIVE' || ci.status === 'DRAINING';
}

/** Registered container instances of a cluster, in registration order. */
export function registeredInstancesOf(state: SimState, clusterName: string): ContainerInstanceRecord[] {
  return Object.values(state.containerInstances).filter((ci) => ci.clusterName === clusterName && isRegistered(ci));
}

/**
 * Whether the instance takes NEW tasks: ACTIVE (not DRAINING) with a connected agent on a running
 * EC2 instance. Tasks already there are not affected by any of these.
 */
export function acceptsNewTasks(state: SimState, containerInstanceArn: string): boolean {
  const ci = state.containerInstances[containerInstanceArn];
  if (!ci || ci.status !== 'ACTIVE' || !ci.agentConnected) return false;
  return state.ec2Instances[ci.ec2InstanceId]?.state === 'running';
}

/**
 * runningTasksCount (tasks whose desiredStatus is RUNNING) and pendingTasksCount (lastStatus PENDING)
 * of a container instance, as ECS defines them (reference §2.2).
 */
export function taskCountsOn(state: SimState, containerInstanceArn: string): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const t of Object.values(state.tasks ?? {})) {
    if (t.containerInstanceArn !== containerInstanceArn) continue;
    if (t.desiredStatus === 'RUNNING') running++;
    if (t.lastStatus === 'PENDING') pending++;
  }
  return { running, pending };
}
