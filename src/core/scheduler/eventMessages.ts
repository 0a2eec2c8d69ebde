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
  /** §12.2: no trailing period */
  registeredTargets: (svc: string, n: number, targetGroupArn: string) => `(service ${svc}) registered ${n} targets in (target-group ${targetGroupArn})`,
  deregisteredTargets: (svc: string, n: number, targetGroupArn: string) => `(service ${svc}) deregistered ${n} targets in (target-group ${targetGroupArn})`,
  /** §12.2, task-set form (the deployment id is the task set id) */
  drainingConnections: (svc: string, taskSetId: string, n: number) => `(service ${svc}, taskSet ${taskSetId}) has begun draining connections on ${n} tasks.`,
  /** E10 (EC2 bridge/host) and E11 (awsvpc) */
  targetUnhealthy: (svc: string, taskId: string, port: number, targetGroupArn: string, reason: string, instanceId?: string) =>
    `(service ${svc}) (task ${taskId}) ${instanceId ? `(instance ${instanceId}) ` : ''}(port ${port}) is unhealthy in (target-group ${targetGroupArn}) due to (reason ${reason})`,
  /** §8 (ours, UNVERIFIED wording): lifecycle stages of blue/green, linear and canary deployments */
  lifecycleStage: (svc: string, deploymentId: string, stage: string) => `(service ${svc}) (deployment ${deploymentId}) entered lifecycle stage ${stage}.`,
  trafficShifted: (svc: string, deploymentId: string, kind: 'production' | 'test', percent: number) =>
    `(service ${svc}) (deployment ${deploymentId}) shifted ${percent}% of ${kind} traffic to the new service revision.`,
  hookFailed: (svc: string, deploymentId: string, stage: string) => `(service ${svc}) (deployment ${deploymentId}) lifecycle hook failed in stage ${stage}: rolling back.`,
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

/** Blue/green, linear and canary texts (ours where the reference is silent: docs/blue-green.md). */
export const ShiftConfigMessages = {
  range: (member: string, min: number, max: number) => `${member} must be between ${min} and ${max}.`,
  bakeTimeRequired: 'bakeTimeInMinutes is required when the deployment strategy is BLUE_GREEN.',
  hooksList: 'lifecycleHooks must be a list.',
  targetType: (t: string) => `Invalid lifecycle hook targetType: ${t}. Valid values are AWS_LAMBDA and PAUSE.`,
  stagesRequired: 'A lifecycle hook must name at least one lifecycle stage.',
  stage: (s: string) => `Lifecycle stage ${s} does not support lifecycle hooks.`,
  pauseStage: (s: string) => `PAUSE lifecycle hooks are not supported for the ${s} lifecycle stage.`,
  hookTargetArn: 'hookTargetArn must be the ARN of a Lambda function for an AWS_LAMBDA lifecycle hook.',
  timeoutAction: (a: string) => `Invalid timeout action: ${a}. Valid values are CONTINUE and ROLLBACK.`,
  hookNotAwaiting: (hookId: string) => `The lifecycle hook ${hookId} is not waiting for an action.`,
  hookNotFound: (hookId: string) => `The lifecycle hook ${hookId} was not found in the service deployment.`,
  notShiftDeployment: 'The service deployment does not use the BLUE_GREEN, LINEAR or CANARY deployment strategy.',
  hookFailedReason: (stage: string) => `ECS deployment lifecycle hook failed in stage ${stage}.`,
  hookTimedOutReason: (stage: string) => `ECS deployment lifecycle hook timed out in stage ${stage}.`,
} as const;

/** Stop reasons the scheduler gives its tasks (reference §2.5). */
export const SchedulerStopReasons = {
  scaling: (deploymentId: string) => `Scaling activity initiated by (deployment ${deploymentId})`,
  unhealthy: 'Task failed container health checks',
  /** observed ECS wording for a task replaced for failing its target group's checks */
  elbUnhealthy: (targetGroupArn: string) => `Task failed ELB health checks in (target-group ${targetGroupArn})`,
} as const;
