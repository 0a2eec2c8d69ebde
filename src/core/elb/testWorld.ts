/** An ALB with a production listener (and a test listener), two ip target groups and a Fargate web service definition, for the load balancer tests. */
import { createSimulation, type Simulation } from '../engine/simulation';

export interface LbWorld {
  sim: Simulation;
  lbArn: string;
  blueTg: string;
  greenTg: string;
  prodListener: string;
  testListener: string;
  prodRule: string;
  testRule: string;
}

export const awsvpc = { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'] } };

export function lbWorld(seed = 5, healthCheck: Record<string, number> = {}): LbWorld {
  const sim = createSimulation({ seed, timingProfile: 'fast' });
  sim.ecs.createCluster({ clusterName: 'lb' });
  sim.ecs.registerTaskDefinition({
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true, portMappings: [{ containerPort: 80 }] }],
  });
  const lbArn = sim.elbv2.createLoadBalancer({ Name: 'web-alb' }).LoadBalancers[0].LoadBalancerArn;
  const tg = (Name: string) => sim.elbv2.createTargetGroup({ Name, Protocol: 'HTTP', Port: 80, TargetType: 'ip', ...healthCheck }).TargetGroups[0].TargetGroupArn;
  const blueTg = tg('web-blue');
  const greenTg = tg('web-green');
  const forward = (weights: [string, number][]) => [{ Type: 'forward', ForwardConfig: { TargetGroups: weights.map(([TargetGroupArn, Weight]) => ({ TargetGroupArn, Weight })) } }];
  const prodListener = sim.elbv2.createListener({ LoadBalancerArn: lbArn, Port: 80, Protocol: 'HTTP', DefaultActions: forward([[blueTg, 100], [greenTg, 0]]) }).Listeners[0].ListenerArn;
  const testListener = sim.elbv2.createListener({ LoadBalancerArn: lbArn, Port: 8080, Protocol: 'HTTP', DefaultActions: forward([[blueTg, 100], [greenTg, 0]]) }).Listeners[0].ListenerArn;
  const prodRule = sim.elbv2.describeRules({ ListenerArn: prodListener }).Rules[0].RuleArn;
  const testRule = sim.elbv2.describeRules({ ListenerArn: testListener }).Rules[0].RuleArn;
  return { sim, lbArn, blueTg, greenTg, prodListener, testListener, prodRule, testRule };
}

export function webService(w: LbWorld, extra: Record<string, unknown> = {}) {
  return w.sim.ecs.createService({
    cluster: 'lb',
    serviceName: 'web',
    taskDefinition: 'web',
    desiredCount: 2,
    launchType: 'FARGATE',
    networkConfiguration: awsvpc,
    loadBalancers: [{ targetGroupArn: w.blueTg, containerName: 'web', containerPort: 80 }],
    ...extra,
  }).service!;
}
