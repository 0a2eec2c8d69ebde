/**
 * How the scheduler sees one of its tasks (reference §6.2): live (desiredStatus RUNNING, not yet
 * STOPPED), counted against the upper bound (PROVISIONING … RUNNING), healthy (an essential health
 * check says HEALTHY, or 40 s in RUNNING when no essential container has one), unhealthy (UNHEALTHY
 * once the grace period is over), and on a DRAINING instance.
 */
import type { SimState } from '../engine/state';
import type { TaskRecord } from '../tasks/record';
import type { DeploymentRecord, ServiceRecord } from './serviceRecord';
import { taskTargetHealth } from '../elb/taskTargets';

/** Without health checks or a load balancer a task counts as healthy 40 s after it reached RUNNING. */
export const HEALTHY_AFTER_MS = 40_000;

const IN_FLIGHT = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
const PENDING = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

export function isLive(t: TaskRecord): boolean {
  return t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED';
}

/** Counted against the upper bound: in RUNNING or one of the states before it. */
export function isInFlight(t: TaskRecord): boolean {
  return IN_FLIGHT.has(t.lastStatus);
}

export function isPending(t: TaskRecord): boolean {
  return PENDING.has(t.lastStatus);
}

export function isHealthy(state: SimState, t: TaskRecord, dep: DeploymentRecord | undefined): boolean {
  if (!isLive(t) || t.lastStatus !== 'RUNNING' || t.startedAt === undefined) return false;
  // Behind a load balancer: the target group must report healthy (and the task too, with a health check).
  const lb = taskTargetHealth(state, t);
  if (lb.kind !== 'none') return lb.kind === 'healthy' && (!dep?.essentialHealthCheck || t.healthStatus === 'HEALTHY');
  if (dep?.essentialHealthCheck) return t.healthStatus === 'HEALTHY';
  return state.now - t.startedAt >= HEALTHY_AFTER_MS;
}

export function graceMs(svc: ServiceRecord): number {
  return (svc.healthCheckGracePeriodSeconds ?? 0) * 1000;
}

/** UNHEALTHY and past the grace period (the scheduler acts on it). */
export function isUnhealthy(state: SimState, svc: ServiceRecord, t: TaskRecord, dep: DeploymentRecord | undefined): boolean {
  if (!isLive(t) || t.lastStatus !== 'RUNNING' || t.startedAt === undefined) return false;
  if (state.now - t.startedAt < graceMs(svc)) return false;
  if (taskTargetHealth(state, t).kind === 'unhealthy') return true;
  return dep?.essentialHealthCheck === true && t.healthStatus === 'UNHEALTHY';
}

export function onDrainingInstance(state: SimState, t: TaskRecord): boolean {
  if (!t.containerInstanceArn) return false;
  return state.containerInstances[t.containerInstanceArn]?.status === 'DRAINING';
}
