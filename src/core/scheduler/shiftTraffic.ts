/**
 * Listener rule weights of a blue/green, linear or canary deployment: each service load balancer
 * entry with `advancedConfiguration` names the production (and test) listener rule; the new revision's
 * target group gets `percent`, the old one the rest. ALB weights are integers (0–999), so a percent
 * with tenths (linear 12.5 %) is rounded for the rule while the deployment keeps the exact figure.
 */
import { setRuleWeights } from '../elb/resources';
import type { SimState } from '../engine/state';
import type { DeploymentRecord } from './serviceRecord';

interface Advanced {
  alternateTargetGroupArn?: string;
  productionListenerRule?: string;
  testListenerRule?: string;
}

export function shiftWeights(state: SimState, dep: DeploymentRecord, kind: 'production' | 'test', percent: number): void {
  const bg = dep.bg;
  if (!bg) return;
  dep.revision.loadBalancers.forEach((raw, i) => {
    const adv = (raw as { advancedConfiguration?: Advanced }).advancedConfiguration;
    const rule = kind === 'production' ? adv?.productionListenerRule : adv?.testListenerRule;
    const green = bg.targetGroupArns[i];
    const blue = bg.blueTargetGroupArns[i];
    if (!rule || !green) return;
    const weights: Record<string, number> = { [green]: Math.round(percent) };
    if (blue && blue !== green) weights[blue] = 100 - Math.round(percent);
    setRuleWeights(state, rule, weights);
  });
  if (kind === 'production') bg.productionPercent = percent;
  else bg.testPercent = percent;
}
