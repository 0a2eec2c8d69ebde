/**
 * Which texts an unhealthy service task gets: the target group's (E10/E11 event, "Task failed ELB
 * health checks in (target-group …)") when its load balancer target is unhealthy, the container
 * health check's otherwise.
 */
import type { SimState } from '../engine/state';
import { taskTargetHealth } from '../elb/taskTargets';
import { targetDescription } from '../elb/messages';
import { taskIdOf } from '../tasks/effects';
import type { TaskRecord } from '../tasks/record';
import { SchedulerStopReasons, ServiceEventMessages } from './eventMessages';
import type { ServiceRecord } from './serviceRecord';

export function unhealthyMessage(state: SimState, svc: ServiceRecord, t: TaskRecord): string {
  const lb = taskTargetHealth(state, t);
  if (lb.kind !== 'unhealthy') return ServiceEventMessages.failedContainerHealthChecks(svc.serviceName, taskIdOf(t.taskArn));
  const reason = targetDescription(lb.target.reason) ?? 'Health checks failed';
  const instanceId = lb.target.id.startsWith('i-') ? lb.target.id : undefined;
  return ServiceEventMessages.targetUnhealthy(svc.serviceName, taskIdOf(t.taskArn), lb.target.port, lb.targetGroupArn, reason, instanceId);
}

export function unhealthyStopReason(state: SimState, t: TaskRecord): string {
  const lb = taskTargetHealth(state, t);
  return lb.kind === 'unhealthy' ? SchedulerStopReasons.elbUnhealthy(lb.targetGroupArn) : SchedulerStopReasons.unhealthy;
}
