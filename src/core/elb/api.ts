/**
 * `sim.elbv2`: the Elastic Load Balancing v2 operations the playground simulates, named like the API
 * (lowerCamelCase), with the SDK's request and response members. `setRequestRate` is ours: how many
 * requests per second the simulated clients send to a listener.
 */
import type { SimState } from '../engine/state';
import { ElbError } from './messages';
import * as resources from './resources';
import { deregisterTargets, describeTargetHealth, registerTargets } from './targetsApi';
import { setRequestRate as setRate, trafficTotals } from './traffic';
import { elbOf } from './targets';

function setRequestRate(state: SimState, input: { ListenerArn: string; RequestsPerSecond: number }) {
  const arn = input?.ListenerArn;
  if (typeof arn !== 'string' || !elbOf(state).listeners[arn]) throw new ElbError('ListenerNotFound', 'One or more listeners not found');
  const rps = input.RequestsPerSecond;
  if (typeof rps !== 'number' || !Number.isFinite(rps) || rps < 0 || rps > 1_000_000) throw new ElbError('ValidationError', 'RequestsPerSecond must be between 0 and 1000000');
  setRate(state, { listenerArn: arn, requestsPerSecond: rps });
  return { ListenerArn: arn, RequestsPerSecond: rps };
}

/** Request counters so far (ours): per target (`<target group ARN>|<id>:<port>`), per ECS service revision, unrouted. */
function describeTrafficCounters(state: SimState) {
  const totals = trafficTotals(state);
  const t = elbOf(state).traffic;
  return { Totals: totals, Rates: t.rates, History: t.history };
}

export const elbv2Operations = {
  createLoadBalancer: resources.createLoadBalancer,
  describeLoadBalancers: resources.describeLoadBalancers,
  deleteLoadBalancer: resources.deleteLoadBalancer,
  createTargetGroup: resources.createTargetGroup,
  describeTargetGroups: resources.describeTargetGroups,
  modifyTargetGroup: resources.modifyTargetGroup,
  deleteTargetGroup: resources.deleteTargetGroup,
  describeTargetGroupAttributes: resources.describeTargetGroupAttributes,
  modifyTargetGroupAttributes: resources.modifyTargetGroupAttributes,
  createListener: resources.createListener,
  describeListeners: resources.describeListeners,
  modifyListener: resources.modifyListener,
  deleteListener: resources.deleteListener,
  createRule: resources.createRule,
  describeRules: resources.describeRules,
  modifyRule: resources.modifyRule,
  deleteRule: resources.deleteRule,
  registerTargets,
  deregisterTargets,
  describeTargetHealth,
  setRequestRate,
  describeTrafficCounters,
};

/** Describe* calls only read; they stay out of the journal. */
export const isElbReadOperation = (name: string): boolean => /^describe[A-Z]/.test(name);
