/**
 * One point of the service chart: what a service looks like at one virtual instant, read from the
 * simulation state (never changed). Counts use the scheduler's own definitions (running = lastStatus
 * RUNNING; pending = PROVISIONING/PENDING/ACTIVATING; healthy = the scheduler's isHealthy), bounds
 * the rolling-update arithmetic of reference §7.1, the failure threshold §7.4, traffic the share of
 * production requests the load balancer model routes to each deployment (listener weights × healthy targets).
 */
import type { SimState } from '../../core';
import { circuitBreakerThreshold } from '../../core/scheduler/circuitBreaker';
import { bounds } from '../../core/scheduler/bounds';
import { isHealthy, isPending } from '../../core/scheduler/taskView';
import { servingRule } from '../../core/elb/traffic';

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

interface LbEntry {
  targetGroupArn?: string;
  advancedConfiguration?: { alternateTargetGroupArn?: string; testListenerRule?: string };
}

/**
 * Production requests per second reaching each deployment's tasks, as the load balancer model routes
 * them now: every listener's serving rule except the service's test listener rules, split by the
 * rule's target group weights, then evenly over each group's healthy targets (src/core/elb/traffic.ts).
 */
function productionShares(state: SimState, svc: NonNullable<SimState['services']>[string]): Map<string, number> {
  const out = new Map<string, number>();
  const elb = state.elb;
  if (!elb) return out;
  const entries = svc.revision.loadBalancers as LbEntry[];
  const groups = new Set(entries.flatMap((e) => [e.targetGroupArn, e.advancedConfiguration?.alternateTargetGroupArn]).filter((a): a is string => !!a));
  const testRules = new Set(entries.map((e) => e.advancedConfiguration?.testListenerRule).filter((a): a is string => !!a));
  for (const lb of Object.values(elb.loadBalancers)) {
    if (lb.state !== 'active') continue;
    for (const listenerArn of lb.listenerArns) {
      const listener = elb.listeners[listenerArn];
      const rule = listener && servingRule(elb, listener);
      if (!rule || testRules.has(rule.ruleArn)) continue;
      const forward = rule.actions[0]?.targetGroups ?? [];
      const total = forward.reduce((n, g) => n + g.weight, 0);
      if (total <= 0) continue;
      for (const g of forward) {
        if (g.weight <= 0 || !groups.has(g.targetGroupArn)) continue;
        const healthy = Object.values(elb.targetGroups[g.targetGroupArn]?.targets ?? {}).filter((t) => t.state === 'healthy');
        for (const t of healthy) {
          const dep = t.taskArn ? svc.tasks[t.taskArn]?.deploymentId : undefined;
          if (dep) out.set(dep, (out.get(dep) ?? 0) + g.weight / total / healthy.length);
        }
      }
    }
  }
  return out;
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
  if (svc.revision.loadBalancers.length > 0) {
    const perDep = productionShares(state, svc);
    const total = [...perDep.values()].reduce((a, b) => a + b, 0);
    for (const r of revisions) r.traffic = total > 0 ? Math.round(((perDep.get(r.id) ?? 0) / total) * 1000) / 10 : 0;
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
