/** ELBv2 ARNs, DNS names and ids, drawn from the simulation's PRNG. */
import { partitionOf } from '../engine/arn';
import { hex, digits } from '../engine/rng';
import type { SimState } from '../engine/state';

const base = (state: SimState) => `arn:${partitionOf(state.region)}:elasticloadbalancing:${state.region}:${state.accountId}`;

export const elbArns = {
  loadBalancer: (state: SimState, name: string, type: 'application' | 'network') =>
    `${base(state)}:loadbalancer/${type === 'application' ? 'app' : 'net'}/${name}/${hex(state.rng, 16)}`,
  targetGroup: (state: SimState, name: string) => `${base(state)}:targetgroup/${name}/${hex(state.rng, 16)}`,
  /** listener/app/<lb name>/<lb id>/<listener id> */
  listener: (state: SimState, loadBalancerArn: string) => `${base(state)}:listener/${loadBalancerArn.split(':loadbalancer/')[1]}/${hex(state.rng, 16)}`,
  rule: (state: SimState, listenerArn: string) => `${base(state)}:listener-rule/${listenerArn.split(':listener/')[1]}/${hex(state.rng, 16)}`,
  dnsName: (state: SimState, name: string, scheme: string) =>
    `${scheme === 'internal' ? 'internal-' : ''}${name}-${digits(state.rng, 9).replace(/^0/, '1')}.${state.region}.elb.amazonaws.com`,
};
