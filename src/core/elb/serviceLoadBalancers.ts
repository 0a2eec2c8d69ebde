/**
 * CreateService / UpdateService checks of `loadBalancers` against the simulated target groups
 * (reference §7.6): at most 5 entries; a target group ECS can see must be used by a load balancer's
 * listener and, for awsvpc tasks, have target type ip. Target group ARNs the simulation does not know
 * are stored and echoed as before (no registration).
 */
import { EcsError } from '../api/errors';
import type { SimState } from '../engine/state';
import { ServiceLoadBalancerMessages } from './messages';

export const MAX_SERVICE_TARGET_GROUPS = 5;

interface Entry {
  targetGroupArn?: unknown;
  containerName?: unknown;
  containerPort?: unknown;
  advancedConfiguration?: { alternateTargetGroupArn?: unknown };
}

export function checkServiceLoadBalancers(state: SimState, raw: unknown, networkMode: string, containerNames: string[]): void {
  if (raw === undefined || raw === null) return;
  if (!Array.isArray(raw)) throw new EcsError('InvalidParameterException', ServiceLoadBalancerMessages.notList);
  if (raw.length > MAX_SERVICE_TARGET_GROUPS) throw new EcsError('InvalidParameterException', ServiceLoadBalancerMessages.tooMany);
  const e = state.elb;
  for (const entry of raw as Entry[]) {
    if (typeof entry?.containerName !== 'string' || !containerNames.includes(entry.containerName)) {
      throw new EcsError('InvalidParameterException', ServiceLoadBalancerMessages.containerName(String(entry?.containerName)));
    }
    if (typeof entry.containerPort !== 'number') throw new EcsError('InvalidParameterException', ServiceLoadBalancerMessages.containerPort);
    const arns = [entry.targetGroupArn, entry.advancedConfiguration?.alternateTargetGroupArn].filter((a): a is string => typeof a === 'string');
    for (const arn of arns) {
      const tg = e?.targetGroups[arn];
      if (!tg) continue;
      const used = Object.values(e.rules).some((r) => r.actions.some((a) => a.targetGroups.some((g) => g.targetGroupArn === arn)));
      if (!used) throw new EcsError('InvalidParameterException', ServiceLoadBalancerMessages.noLoadBalancer(arn));
      if (networkMode === 'awsvpc' && tg.targetType !== 'ip') throw new EcsError('InvalidParameterException', ServiceLoadBalancerMessages.awsvpcNeedsIp(arn, tg.targetType));
    }
  }
}
