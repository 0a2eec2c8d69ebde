/**
 * One point of the service chart: what a service looks like at one virtual instant, read from the
 * simulation state (never changed). Counts use the scheduler's own definitions (running = lastStatus
 * RUNNING; pending = PROVISIONING/PENDING/ACTIVATING; healthy = the scheduler's isHealthy), bounds
 * the rolling-update arithmetic of reference §7.1, the failure threshold §7.4, traffic the load
 * balancer model's current request rates per service revision (listener weights × healthy targets).
 */
import type { SimState } from '../../core';
import { circuitBreakerThreshold } from '../../core/scheduler/circuitBreaker';
import { bounds } from '../../core/scheduler/bounds';
import { isHealthy, isPending } from '../../core/scheduler/taskView';

export interface RevisionSample {
  /** deployment id (`ecs-svc/…`): one line per deployment */
  id: string;
  /** `family:revision` of its task definition */
  label: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  rolloutState: string;
  desired: number;
  running: number;
  pending: number;
  healthy: number;
  /** percent of the service's load-balanced requests going to this revision; undefined without a load balancer */
  traffic?: number;
}

export interface ServiceSample {
  /** virtual ms */
  t: number;
  desired: number;
  running: number;
  pending: number;
  /** ceil(desired × minimumHealthyPercent / 100) and floor(desired × maximumPercent / 100) */
  lower: number;
  upper: number;
  /** the PRIMARY deployment's consecutive failed tasks and its circuit breaker threshold (undefined when disabled) */
  failed: number;
  threshold?: number;
  revisions: RevisionSample[];
}

export function revisionLabel(taskDefinitionArn: string): string {
  return taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf('/') + 1);
}

/** The sample of one service now, or undefined when the simulation does not know it. */
export function sampleService(state: SimState, serviceArn: string): ServiceSample | undefined {
  const svc = state.services?.[serviceArn];
  if (!svc) return undefined;
  const byId = new Map<string, RevisionSample>();
  const deps = new Map(svc.deployments.map((d) => [d.id, d]));
  for (const d of svc.deployments) {
    byId.set(d.id, {
      id: d.id,
      label: revisionLabel(d.revision.taskDefinition),
      status: d.status,
      rolloutState: d.rolloutState,
      desired: d.desiredCount,
      running: 0,
      pending: 0,
      healthy: 0,
    });
  }
  let running = 0;
  let pending = 0;
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (!t) continue;
    const note = svc.tasks[arn];
    const r = byId.get(note.deploymentId);
    if (t.lastStatus === 'RUNNING') {
      running++;
      if (r) {
        r.running++;
        if (isHealthy(state, t, deps.get(note.deploymentId))) r.healthy++;
      }
    } else if (isPending(t)) {
      pending++;
      if (r) r.pending++;
    }
  }
  const revisions = [...byId.values()];
  const rates = state.elb?.traffic.rates.perRevision;
  if (rates && svc.revision.loadBalancers.length > 0) {
    const perDep = svc.deployments.map((d) => rates[d.serviceRevisionArn] ?? 0);
    const total = perDep.reduce((a, b) => a + b, 0);
    revisions.forEach((r, i) => (r.traffic = total > 0 ? Math.round((perDep[i] / total) * 1000) / 10 : 0));
  }
  const config = svc.deploymentConfiguration;
  const { lower, upper } = bounds(svc.desiredCount, config.minimumHealthyPercent, config.maximumPercent);
  const primary = svc.deployments[0];
  const cb = config.deploymentCircuitBreaker;
  return {
    t: state.now,
    desired: svc.desiredCount,
    running,
    pending,
    lower,
    upper,
    failed: primary?.failedTasks ?? 0,
    threshold: cb.enable ? circuitBreakerThreshold(cb, svc.desiredCount) : undefined,
    revisions,
  };
}
