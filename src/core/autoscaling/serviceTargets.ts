/**
 * Which target groups and listeners of the load balancer model carry a service's traffic: the target
 * groups its deployments' tasks register in (blue/green: both of them), and the listeners whose
 * serving rule forwards to one of those groups, split into production and test listeners (a listener
 * holding one of the service's `testListenerRule`s is a test listener).
 */
import { deploymentLoadBalancers } from '../elb/taskTargets';
import { servingRule } from '../elb/traffic';
import type { SimState } from '../engine/state';
import type { ServiceRecord } from '../scheduler/serviceRecord';

interface Advanced {
  alternateTargetGroupArn?: string;
  testListenerRule?: string;
}

/** Target groups of the service the load balancer model knows, in a stable order. */
export function serviceTargetGroups(state: SimState, svc: ServiceRecord): string[] {
  const groups = state.elb?.targetGroups ?? {};
  const out = new Set<string>();
  for (const dep of svc.deployments) {
    for (const lb of deploymentLoadBalancers(dep)) out.add(lb.targetGroupArn);
    for (const raw of dep.revision.loadBalancers) {
      const alt = (raw as { advancedConfiguration?: Advanced }).advancedConfiguration?.alternateTargetGroupArn;
      if (alt) out.add(alt);
    }
  }
  return [...out].filter((arn) => groups[arn] !== undefined).sort();
}

/** The listeners of active load balancers that send requests to the service's target groups. */
export function serviceListeners(state: SimState, svc: ServiceRecord): { production: string[]; test: string[] } {
  const e = state.elb;
  const production: string[] = [];
  const test: string[] = [];
  if (!e) return { production, test };
  const groups = new Set(serviceTargetGroups(state, svc));
  if (groups.size === 0) return { production, test };
  const testListeners = new Set<string>();
  for (const dep of svc.deployments) {
    for (const raw of dep.revision.loadBalancers) {
      const rule = (raw as { advancedConfiguration?: Advanced }).advancedConfiguration?.testListenerRule;
      const listener = rule ? e.rules[rule]?.listenerArn : undefined;
      if (listener) testListeners.add(listener);
    }
  }
  for (const lb of Object.values(e.loadBalancers)) {
    if (lb.state !== 'active') continue;
    for (const arn of lb.listenerArns) {
      const listener = e.listeners[arn];
      const rule = listener ? servingRule(e, listener) : undefined;
      if (!rule || !(rule.actions[0]?.targetGroups ?? []).some((g) => groups.has(g.targetGroupArn))) continue;
      (testListeners.has(arn) ? test : production).push(arn);
    }
  }
  return { production: production.sort(), test: test.sort() };
}
