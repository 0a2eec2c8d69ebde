/**
 * Where CodeDeploy sends the traffic: the listeners of the deployment group's production (and test)
 * route forward to the original and the replacement target group with weights replacement = percent,
 * original = 100 − percent, on the rule each listener's requests match (the elb model's serving rule).
 */
import { setRuleWeights } from '../elb/resources';
import { elbOf } from '../elb/targets';
import { servingRule } from '../elb/traffic';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import type { CodeDeployDeploymentRecord, DeploymentGroupRecord } from './records';

export function routeTraffic(state: SimState, d: CodeDeployDeploymentRecord, group: DeploymentGroupRecord, route: 'production' | 'test', percent: number): void {
  const listeners = route === 'production' ? group.prodListenerArns : group.testListenerArns;
  const repl = d.replacementTargetGroupArn;
  const orig = d.originalTargetGroupArn;
  if (!repl || !orig) return;
  const e = elbOf(state);
  for (const arn of listeners) {
    const l = e.listeners[arn];
    const rule = l && servingRule(e, l);
    if (rule) setRuleWeights(state, rule.ruleArn, { [repl]: percent, [orig]: 100 - percent });
  }
  if (route === 'production') d.productionPercent = percent;
  else d.testPercent = percent;
  emit(state, 'codedeploy.traffic', `CodeDeploy deployment ${d.deploymentId}: ${percent}% of ${route} traffic on the replacement task set.`, {
    data: { deploymentId: d.deploymentId, route, percent },
  });
}
