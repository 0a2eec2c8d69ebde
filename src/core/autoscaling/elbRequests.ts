/**
 * A service's requests in the minute that ended, read from the load balancer model's counters
 * (elb/traffic.ts): the difference between each target's counter now and at the service's previous
 * datapoint (its mark). Counters are keyed `<target group ARN>|<id>:<port>` and never forgotten, so
 * requests to targets that left during the minute still count. A service's first datapoint has no
 * mark: it takes a minute at the current rates.
 */
import { trafficTotals } from '../elb/traffic';
import type { SimState } from '../engine/state';
import type { ServiceRecord } from '../scheduler/serviceRecord';
import { autoscalingOf } from './records';
import { serviceTargetGroups } from './serviceTargets';

export interface ServiceRequests {
  /** requests to the service's target groups in the minute */
  total: number;
  /** requests per task ARN (through any of its targets) */
  perTask: Map<string, number>;
  /** targets in state `healthy` in the service's target groups now */
  healthyTargets: number;
  /** the counters now, the next mark */
  counters: Record<string, number>;
}

/** Undefined when the service has no target group the load balancer model knows (no ALB metrics). */
export function serviceRequests(state: SimState, svc: ServiceRecord): ServiceRequests | undefined {
  const groups = serviceTargetGroups(state, svc);
  if (groups.length === 0 || !state.elb) return undefined;
  const prefixes = groups.map((g) => `${g}|`);
  const mine = (k: string) => prefixes.some((p) => k.startsWith(p));
  const mark = autoscalingOf(state).requestMarks?.[svc.serviceArn];
  const totals = trafficTotals(state);
  const rates = state.elb.traffic.rates.perTarget;
  const counters: Record<string, number> = {};
  const inMinute = new Map<string, number>();
  for (const k of Object.keys(totals.perTarget)) {
    if (!mine(k)) continue;
    counters[k] = totals.perTarget[k];
    const n = mark ? totals.perTarget[k] - (mark[k] ?? 0) : (rates[k] ?? 0) * 60;
    if (n > 0) inMinute.set(k, n);
  }
  let total = 0;
  for (const n of inMinute.values()) total += n;
  const perTask = new Map<string, number>();
  let healthyTargets = 0;
  for (const arn of groups) {
    for (const t of Object.values(state.elb.targetGroups[arn].targets)) {
      if (t.state === 'healthy') healthyTargets++;
      const n = inMinute.get(`${arn}|${t.id}:${t.port}`);
      if (t.taskArn && n) perTask.set(t.taskArn, (perTask.get(t.taskArn) ?? 0) + n);
    }
  }
  return { total, perTask, healthyTargets, counters };
}

/** Remembers the counters of the datapoint just recorded. */
export function markRequests(state: SimState, svc: ServiceRecord, counters: Record<string, number>): void {
  const book = autoscalingOf(state);
  (book.requestMarks ??= {})[svc.serviceArn] = counters;
}
