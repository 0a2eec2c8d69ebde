/** Load balancers in a scenario's setup, and the load, hook and Application Auto Scaling actions. */
import { describe, expect, it } from 'vitest';
import { loadScenario, solve, startScenario } from './index';
import type { Scenario } from './types';

const served: Scenario = {
  id: 'served',
  kind: 'demo',
  title: { en: 'Served', ko: '서비스' },
  description: { en: 'A Fargate service behind an ALB.' },
  seed: 3,
  timingProfile: 'fast',
  durationSeconds: 600,
  setup: {
    clusters: [{ clusterName: 'c' }],
    taskDefinitions: [
      {
        family: 'web',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }] }],
      },
    ],
    targetGroups: [{ Name: 'web-tg', Protocol: 'HTTP', Port: 80, TargetType: 'ip' }],
    loadBalancers: [{ Name: 'web-alb' }],
    listeners: [{ LoadBalancerArn: { $loadBalancer: 'web-alb' }, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: { $targetGroup: 'web-tg' } }] }],
    services: [
      {
        cluster: 'c',
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
        loadBalancers: [{ targetGroupArn: { $targetGroup: 'web-tg' }, containerName: 'web', containerPort: 80 }],
      },
    ],
    warmUpSeconds: 300,
  },
  script: [{ at: 0, fault: 'setLoad', input: { cluster: 'c', service: 'web', profile: { type: 'constant', rps: 30 } } }],
};

describe('load balancers in the setup', () => {
  it('creates the target group, load balancer and listener, and the service registers its tasks in the named group', () => {
    const sim = startScenario(served);
    const tg = sim.elbv2.describeTargetGroups({ Names: ['web-tg'] }).TargetGroups[0];
    const health = sim.elbv2.describeTargetHealth({ TargetGroupArn: tg.TargetGroupArn }).TargetHealthDescriptions;
    expect(health.map((h) => h.TargetHealth.State)).toEqual(['healthy', 'healthy']);
    const listener = sim.elbv2.describeListeners({ LoadBalancerArn: sim.elbv2.describeLoadBalancers({ Names: ['web-alb'] }).LoadBalancers[0].LoadBalancerArn }).Listeners[0];
    const rule = sim.state.elb.rules[sim.state.elb.listeners[listener.ListenerArn].ruleArns[0]];
    expect(rule.actions[0].targetGroups.map((g) => g.targetGroupArn)).toEqual([tg.TargetGroupArn]);
    // the scripted load (due as the learner takes over) drives the listener: 30 requests/s over the two targets
    sim.advance(0);
    expect(Object.values(sim.elbv2.describeTrafficCounters().Rates.perTarget)).toEqual([15, 15]);
  });

  it('refuses placeholders naming a target group or load balancer the setup does not create', () => {
    const bad = structuredClone(served) as Scenario;
    (bad.setup.services![0].loadBalancers as Record<string, unknown>[])[0].targetGroupArn = { $targetGroup: 'nope' };
    (bad.setup.listeners![0] as Record<string, unknown>).LoadBalancerArn = { $loadBalancer: 'other' };
    const r = loadScenario(bad);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      ['/setup/listeners/0/LoadBalancerArn/$loadBalancer', 'No setup load balancer is named "other".'],
      ['/setup/services/0/loadBalancers/0/targetGroupArn/$targetGroup', 'No setup target group is named "nope".'],
    ]);
  });
});

describe('actions', () => {
  it('applicationAutoScaling steps call the write operations; reads and missing inputs are refused', () => {
    const withBad = (a: Record<string, unknown>) => loadScenario({ ...served, script: [{ at: 0, ...a }] });
    expect(withBad({ applicationAutoScaling: 'describeScalableTargets', input: {} }).errors.map((e) => e.message)).toEqual([
      '"describeScalableTargets" is not an Application Auto Scaling operation that changes something.',
    ]);
    expect(withBad({ applicationAutoScaling: 'registerScalableTarget' }).errors.map((e) => e.message)).toEqual(['registerScalableTarget needs "input".']);
    expect(withBad({ fault: 'setHookAnswer' }).errors.map((e) => e.message)).toEqual(['setHookAnswer needs "input".']);
    expect(withBad({ fault: 'setLoad', ecs: 'updateService', input: {} }).errors.map((e) => e.message)).toEqual(['An action names one operation; this one has ecs and fault.']);

    const sim = startScenario(served);
    const scenario: Scenario = {
      ...served,
      solution: {
        steps: [
          { applicationAutoScaling: 'registerScalableTarget', input: { ServiceNamespace: 'ecs', ResourceId: 'service/c/web', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 1, MaxCapacity: 4 } },
          { fault: 'setHookAnswer', input: { hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', answer: 'FAILED' } },
        ],
      },
    };
    solve(scenario, sim);
    expect(sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' }).ScalableTargets.map((t: { ResourceId: string; MaxCapacity: number }) => [t.ResourceId, t.MaxCapacity])).toEqual([
      ['service/c/web', 4],
    ]);
    expect(sim.events.filter((e) => e.type === 'script.stepApplied' && e.message.startsWith('Solution')).map((e) => e.message)).toEqual([
      'Solution step #1: applicationAutoScaling.registerScalableTarget applied.',
      'Solution step #2: faults.setHookAnswer applied.',
    ]);
  });
});
