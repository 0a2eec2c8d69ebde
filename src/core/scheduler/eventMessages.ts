/**
 * Every service event message the scheduler writes (reference §12), in one place. The wording is
 * ECS's own: `(service <name>) …` as DescribeServices returns it. Placement failures (§12.1 E2–E9)
 * are spelled out once in placement/messages.ts and re-exported here, so this file is the one
 * catalogue the scheduler and the UI read.
 */
import { ServiceEvents as PlacementServiceEvents } from '../placement/messages';

const taskList = (taskIds: readonly string[]) => taskIds.map((id) => `(task ${id})`).join(' ');

export const ServiceEventMessages = {
  /** E1 */
  steadyState: (svc: string) => `(service ${svc}) has reached a steady state.`,
  /** §12.2: note "1 tasks" — ECS has no singular form */
  startedTasks: (svc: string, taskIds: readonly string[]) => `(service ${svc}) has started ${taskIds.length} tasks: ${taskList(taskIds)}.`,
  /** §12.2: a start that replaces unhealthy tasks */
  startedTasksReplacingUnhealthy: (svc: string, taskIds: readonly string[], replaced: number) =>
    `(service ${svc}) has started ${taskIds.length} tasks: ${taskList(taskIds)}. Amazon ECS replaced ${replaced} tasks due to an unhealthy status.`,
  /** §12.2 */
  stoppedTasks: (svc: string, taskIds: readonly string[]) => `(service ${svc}) has stopped ${taskIds.length} running tasks: ${taskList(taskIds)}.`,
  /** §12.2 */
  failedContainerHealthChecks: (svc: string, taskId: string) => `(service ${svc}) (task ${taskId}) failed container health checks.`,
  /** E14 */
  unableToConsistentlyStart: (svc: string) => `(service ${svc}) is unable to consistently start tasks successfully.`,
  /** E16 */
  deploymentConfigurationDeadlock: (svc: string) =>
    `(service ${svc}) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
  /** E24, API form */
  deploymentFailed: (svc: string, deploymentId: string) => `(service ${svc}) (deployment ${deploymentId}) deployment failed: tasks failed to start.`,
  /** §12.2 */
  rollingBack: (svc: string, deploymentId: string) => `(service ${svc}) rolling back to deployment ${deploymentId}.`,
  /** §12.2 */
  deploymentCompleted: (svc: string, deploymentId: string) => `(service ${svc}) (deployment ${deploymentId}) deployment completed.`,
  /** E27 */
  couldNotLaunch: (svc: string, n: number, deploymentId: string) => `(service ${svc}) could not launch ${n} tasks for deployment ${deploymentId}.`,
  /** E2 (no registered instances) */
  noContainerInstances: PlacementServiceEvents.noInstances,
  /** E3–E9: the closest matching instance and its failure reason */
  unableToPlace: PlacementServiceEvents.closest,
  /** §12.3 */
  azUnbalanced: (svc: string, counts: readonly [string, number][]) =>
    `service (${svc}) is not AZ balanced with ${azList(counts)}. AZ Rebalancing in progress.`,
  azBalanced: (svc: string, counts: readonly [string, number][]) => `service (${svc}) is AZ balanced with ${azList(counts, true)}.`,
  azRebalanceStarted: (svc: string, az: string, taskIds: readonly string[]) =>
    `${svc} has started ${taskIds.length} tasks in Availability Zone ${az} to AZ Rebalance: ${taskIds.join(', ')}.`,
  azRebalanceStopped: (svc: string, az: string, taskIds: readonly string[]) =>
    `${svc} has stopped ${taskIds.length} running tasks in Availability Zone ${az} due to AZ rebalancing: ${taskIds.join(', ')}.`,
} as const;

/** "1 tasks in us-east-1a, 2 in us-east-1b, and 1 in us-east-1c" (the balanced form repeats "tasks"). */
function azList(counts: readonly [string, number][], repeatTasks = false): string {
  const parts = counts.map(([az, n], i) => (i === 0 || repeatTasks ? `${n} tasks in ${az}` : `${n} in ${az}`));
  if (parts.length <= 1) return parts.join('');
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`;
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`;
}

/** rolloutStateReason texts (reference §7.3, §13). */
export const RolloutReasons = {
  inProgress: (deploymentId: string) => `ECS deployment ${deploymentId} in progress.`,
  completed: (deploymentId: string) => `ECS deployment ${deploymentId} completed.`,
  circuitBreakerFailed: 'ECS deployment circuit breaker: task failed to start.',
  rollingBack: (deploymentId: string) => `ECS deployment circuit breaker: rolling back to deploymentId ${deploymentId}.`,
  /** ours (UNVERIFIED): StopServiceDeployment with ROLLBACK / ABORT */
  manualRollback: (deploymentId: string) => `ECS deployment rollback requested: rolling back to deploymentId ${deploymentId}.`,
  aborted: (deploymentId: string) => `ECS deployment ${deploymentId} stopped.`,
} as const;

/** ServiceDeployment.statusReason texts; ours unless noted (UNVERIFIED, see docs/services.md). */
export const ServiceDeploymentReasons = {
  superseded: 'The service deployment was replaced by a newer service deployment.',
  circuitBreaker: 'ECS deployment circuit breaker: task failed to start.',
  rollbackRequested: 'A rollback was requested with StopServiceDeployment.',
  stopRequested: 'The service deployment was stopped with StopServiceDeployment.',
  noRollbackTarget: 'ECS deployment circuit breaker: no completed deployment to roll back to.',
  serviceDeleted: 'The service was deleted.',
} as const;

/** Stop reasons the scheduler gives its tasks (reference §2.5). */
export const SchedulerStopReasons = {
  scaling: (deploymentId: string) => `Scaling activity initiated by (deployment ${deploymentId})`,
  unhealthy: 'Task failed container health checks',
} as const;
