import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';

describe('sim.infra.describeSubnets', () => {
  it('lists one default subnet per Availability Zone of the region, in one VPC', () => {
    const sim = createSimulation({ seed: 3 });
    const { subnets } = sim.infra.describeSubnets();
    expect(subnets.map((s) => s.availabilityZone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']);
    expect(new Set(subnets.map((s) => s.vpcId)).size).toBe(1);
    for (const s of subnets) expect(s.subnetId).toMatch(/^subnet-[0-9a-f]{17}$/);
  });

  it('returns the same subnets every time, and the ones instances launch into', () => {
    const sim = createSimulation({ seed: 3 });
    const first = sim.infra.describeSubnets();
    sim.ecs.createCluster({ clusterName: 'demo' });
    const { instanceIds } = sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.small', count: 1 });
    expect(sim.infra.describeSubnets()).toEqual(first);
    const ec2 = sim.state.ec2Instances[instanceIds[0]];
    expect(first.subnets.find((s) => s.availabilityZone === ec2.availabilityZone)?.subnetId).toBe(ec2.subnetId);
  });

  it('places an awsvpc Fargate task in the AZ of the subnet it was given', () => {
    const sim = createSimulation({ seed: 3 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.ecs.registerTaskDefinition({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true }],
    });
    const subnet = sim.infra.describeSubnets().subnets[2];
    const { tasks } = sim.ecs.runTask({
      cluster: 'demo',
      taskDefinition: 'web',
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: [subnet.subnetId] } },
    });
    expect(tasks?.[0].availabilityZone).toBe(subnet.availabilityZone);
  });
});
