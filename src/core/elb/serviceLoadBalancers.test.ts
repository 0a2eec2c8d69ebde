import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { lbWorld, webService } from './testWorld';

describe('a service’s loadBalancers against the simulated target groups', () => {
  it('refuses a target group no listener forwards to', () => {
    const w = lbWorld();
    const lone = w.sim.elbv2.createTargetGroup({ Name: 'lone', TargetType: 'ip', Port: 80 }).TargetGroups[0].TargetGroupArn;
    expect(() => webService(w, { loadBalancers: [{ targetGroupArn: lone, containerName: 'web', containerPort: 80 }] })).toThrow(
      `The target group with targetGroupArn ${lone} does not have an associated load balancer.`,
    );
  });

  it('refuses an instance target group for awsvpc tasks', () => {
    const w = lbWorld();
    const inst = w.sim.elbv2.createTargetGroup({ Name: 'inst', TargetType: 'instance', Port: 80 }).TargetGroups[0].TargetGroupArn;
    w.sim.elbv2.createRule({ ListenerArn: w.prodListener, Priority: 5, Conditions: [{ Field: 'path-pattern', Values: ['/x'] }], Actions: [{ Type: 'forward', TargetGroupArn: inst }] });
    expect(() => webService(w, { loadBalancers: [{ targetGroupArn: inst, containerName: 'web', containerPort: 80 }] })).toThrow(
      `The provided target group ${inst} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.`,
    );
  });

  it('refuses a container the task definition does not have', () => {
    const w = lbWorld();
    expect(() => webService(w, { loadBalancers: [{ targetGroupArn: w.blueTg, containerName: 'api', containerPort: 80 }] })).toThrow(
      'The container api does not exist in the task definition.',
    );
  });

  it('bridge tasks register their EC2 instance and host port in an instance target group', () => {
    const sim = createSimulation({ seed: 9, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'b' });
    const [instanceId] = sim.infra.launchInstances({ cluster: 'b', instanceType: 'm5.large', count: 1 }).instanceIds;
    sim.runUntil((s) => s.state.ec2Instances[instanceId].containerInstanceArn !== undefined, { maxMs: 10 * 60_000 });
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
    const lb = sim.elbv2.createLoadBalancer({ Name: 'b-alb' }).LoadBalancers[0].LoadBalancerArn;
    const tg = sim.elbv2.createTargetGroup({ Name: 'b-tg', TargetType: 'instance', Port: 80 }).TargetGroups[0].TargetGroupArn;
    sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
    sim.ecs.createService({ cluster: 'b', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }] });
    sim.runUntil(() => sim.elbv2.describeTargetHealth({ TargetGroupArn: tg }).TargetHealthDescriptions[0]?.TargetHealth.State === 'healthy', { maxMs: 10 * 60_000 });
    expect(sim.elbv2.describeTargetHealth({ TargetGroupArn: tg }).TargetHealthDescriptions.map((d) => d.Target)).toEqual([
      { Id: instanceId, Port: 8080, AvailabilityZone: sim.state.ec2Instances[instanceId].availabilityZone },
    ]);
  });
});
