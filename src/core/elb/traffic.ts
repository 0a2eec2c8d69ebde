/**
 * The simulated request stream (ours; docs/blue-green.md). Every listener of an active load balancer
 * receives a steady stream of requests (DEFAULT_REQUESTS_PER_SECOND unless set). Requests match the
 * listener's first rule by priority (the default rule when there is no other), are split between the
 * rule's target groups by their weights, and spread evenly over each group's `healthy` targets. A
 * group with weight but no healthy target cannot take its share: those requests are counted as
 * unrouted (the load balancer answers 503). Rates are piecewise constant, so counters are accrued
 * exactly whenever routing changes, with no periodic tick.
 */
import { arns } from '../engine/arn';
import type { SimState } from '../engine/state';
import { createElbState, targetKey, type ElbState, type ListenerRecord, type TrafficSample } from './records';

export const DEFAULT_REQUESTS_PER_SECOND = 100;
export const TRAFFIC_HISTORY_MAX = 500;

function elb(state: SimState): ElbState {
  return (state.elb ??= createElbState());
}

/** The ECS service revision an ECS-registered target belongs to. */
export function revisionOfTask(state: SimState, taskArn: string): string | undefined {
  const task = state.tasks[taskArn];
  if (!task || !task.group.startsWith('service:') || !task.startedBy) return undefined;
  const svc = state.services?.[arns.service(state, task.clusterName, task.group.slice('service:'.length))];
  const dep = svc && [...svc.deployments, ...svc.pastDeployments].find((d) => d.id === task.startedBy);
  return dep?.serviceRevisionArn;
}

/** Requests per second a listener receives: a load profile's, else setRequestRate's, else the default. */
export function listenerRate(e: ElbState, listenerArn: string): number {
  return e.traffic.drivenRatePerListener?.[listenerArn] ?? e.traffic.ratePerListener[listenerArn] ?? DEFAULT_REQUESTS_PER_SECOND;
}

/** The rule a listener's requests match: the lowest priority number, else the default rule. */
export function servingRule(e: ElbState, listener: ListenerRecord) {
  const rules = listener.ruleArns.map((arn) => e.rules[arn]).filter((r) => r !== undefined);
  const numbered = rules.filter((r) => r.priority !== 'default').sort((a, b) => Number(a.priority) - Number(b.priority));
  return numbered[0] ?? rules.find((r) => r.priority === 'default');
}

/** Requests per second to each target, each revision, and unrouted, as routing stands now. */
export function currentRates(state: SimState): TrafficBook['rates'] {
  const e = elb(state);
  const perTarget: Record<string, number> = {};
  const perRevision: Record<string, number> = {};
  let unrouted = 0;
  for (const lb of Object.values(e.loadBalancers)) {
    if (lb.state !== 'active') continue;
    for (const listenerArn of lb.listenerArns) {
      const listener = e.listeners[listenerArn];
      if (!listener) continue;
      const rate = listenerRate(e, listenerArn);
      const rule = servingRule(e, listener);
      const groups = rule?.actions[0]?.targetGroups ?? [];
      const total = groups.reduce((n, g) => n + g.weight, 0);
      if (total <= 0) {
        unrouted += rate;
        continue;
      }
      for (const g of groups) {
        if (g.weight <= 0) continue;
        const share = (rate * g.weight) / total;
        const tg = e.targetGroups[g.targetGroupArn];
        const healthy = tg ? Object.values(tg.targets).filter((t) => t.state === 'healthy') : [];
        if (healthy.length === 0) {
          unrouted += share;
          continue;
        }
        for (const t of healthy) {
          const k = `${g.targetGroupArn}|${targetKey(t.id, t.port)}`;
          const each = share / healthy.length;
          perTarget[k] = (perTarget[k] ?? 0) + each;
          const rev = t.taskArn ? revisionOfTask(state, t.taskArn) : undefined;
          if (rev) perRevision[rev] = (perRevision[rev] ?? 0) + each;
        }
      }
    }
  }
  return { perTarget, perRevision, unrouted };
}
type TrafficBook = ElbState['traffic'];

/** Adds what the current rates carried since the last accrual to the counters. */
function accrue(state: SimState): void {
  const t = elb(state).traffic;
  const seconds = (state.now - t.accruedAt) / 1000;
  if (seconds > 0) {
    for (const [k, r] of Object.entries(t.rates.perTarget)) t.perTarget[k] = (t.perTarget[k] ?? 0) + r * seconds;
    for (const [k, r] of Object.entries(t.rates.perRevision)) t.perRevision[k] = (t.perRevision[k] ?? 0) + r * seconds;
    t.unrouted += t.rates.unrouted * seconds;
  }
  t.accruedAt = state.now;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Routing may have changed (target state, weights, listeners, rates): accrue, then take the new rates. */
export function trafficChanged(state: SimState): void {
  accrue(state);
  const t = elb(state).traffic;
  const rates = currentRates(state);
  if (same(rates, t.rates)) return;
  t.rates = rates;
  const byTargetGroup: Record<string, number> = {};
  for (const [k, r] of Object.entries(rates.perTarget)) {
    const tg = k.slice(0, k.indexOf('|'));
    byTargetGroup[tg] = (byTargetGroup[tg] ?? 0) + r;
  }
  const sample: TrafficSample = { at: state.now, byTargetGroup, byRevision: { ...rates.perRevision }, unrouted: rates.unrouted };
  const last = t.history[t.history.length - 1];
  if (last && last.at === state.now) t.history[t.history.length - 1] = sample;
  else t.history.push(sample);
  if (t.history.length > TRAFFIC_HISTORY_MAX) t.history.splice(0, t.history.length - TRAFFIC_HISTORY_MAX);
}

/** Total requests so far (accrued plus the running rates since), without changing the state. */
export function trafficTotals(state: SimState): { perTarget: Record<string, number>; perRevision: Record<string, number>; unrouted: number } {
  const t = elb(state).traffic;
  const seconds = (state.now - t.accruedAt) / 1000;
  const perTarget = { ...t.perTarget };
  const perRevision = { ...t.perRevision };
  for (const [k, r] of Object.entries(t.rates.perTarget)) perTarget[k] = (perTarget[k] ?? 0) + r * seconds;
  for (const [k, r] of Object.entries(t.rates.perRevision)) perRevision[k] = (perRevision[k] ?? 0) + r * seconds;
  return { perTarget, perRevision, unrouted: t.unrouted + t.rates.unrouted * seconds };
}

/** Sets the request rate a listener receives (sim.elbv2.setRequestRate; not an AWS operation). */
export function setRequestRate(state: SimState, input: { listenerArn: string; requestsPerSecond: number }): { listenerArn: string; requestsPerSecond: number } {
  trafficChanged(state);
  elb(state).traffic.ratePerListener[input.listenerArn] = input.requestsPerSecond;
  trafficChanged(state);
  return { listenerArn: input.listenerArn, requestsPerSecond: input.requestsPerSecond };
}

/**
 * Replaces the rates load profiles put on listeners (autoscaling/drive.ts): counters are accrued at
 * the old rates up to now, then the stream follows the new ones.
 */
export function setDrivenRates(state: SimState, rates: Record<string, number>): void {
  const t = elb(state).traffic;
  if (same(rates, t.drivenRatePerListener ?? {})) return;
  accrue(state);
  if (Object.keys(rates).length === 0) delete t.drivenRatePerListener;
  else t.drivenRatePerListener = { ...rates };
  trafficChanged(state);
}
