import { describe, expect, it } from 'vitest';
import { getScenario, loadScenario } from './index';
import type { Scenario } from './types';

describe('scenario CodeDeploy actions and setup', () => {
  const base = getScenario('codedeploy-canary')!;
  const withAction = (a: Record<string, unknown>) => loadScenario({ ...base, script: [{ at: 0, ...a }] } as Scenario);

  it('codedeploy steps name write operations with an input; reads and unknown names are refused', () => {
    expect(withAction({ codedeploy: 'stopDeployment', input: { deploymentId: 'd-AAAAAAAAA' } }).errors).toEqual([]);
    expect(withAction({ codedeploy: 'getDeployment', input: {} }).errors.map((e) => e.message)).toEqual(['"getDeployment" is not a CodeDeploy operation that changes something.']);
    expect(withAction({ codedeploy: 'createDeployment' }).errors.map((e) => e.message)).toEqual(['createDeployment needs "input".']);
    expect(withAction({ codedeploy: 'createDeployment', ecs: 'updateService', input: {} }).errors.map((e) => e.message)).toEqual([
      'An action names one operation; this one has ecs and codedeploy.',
    ]);
  });

  it('a deployment group naming a load balancer the setup does not create is refused with its path', () => {
    const group = structuredClone(base.setup.deploymentGroups![0]) as { loadBalancerInfo: { targetGroupPairInfoList: { prodTrafficRoute: { listenerArns: unknown[] } }[] } };
    group.loadBalancerInfo.targetGroupPairInfoList[0].prodTrafficRoute.listenerArns = [{ $listener: { loadBalancer: 'other-alb', port: 80 } }];
    const out = loadScenario({ ...base, setup: { ...base.setup, deploymentGroups: [group] } } as Scenario);
    expect(out.errors.map((e) => [e.path, e.message])).toEqual([
      ['/setup/deploymentGroups/0/loadBalancerInfo/targetGroupPairInfoList/0/prodTrafficRoute/listenerArns/0/$listener/loadBalancer', 'No setup load balancer is named "other-alb".'],
    ]);
  });
});
