import { describe, expect, it } from 'vitest';
import { createSimulation } from '../core';
import { summarizeInstance } from './instanceSummary';

describe('summarizeInstance', () => {
  it('sums up registered vs remaining, task host ports, the agent and the counts', () => {
    const sim = createSimulation({ seed: 3 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1 });
    sim.advance(120_000);
    sim.ecs.registerTaskDefinition({
      family: 'web',
      requiresCompatibilities: ['EC2'],
      networkMode: 'bridge',
      containerDefinitions: [{ name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 8080 }] }],
    });
    sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'web', launchType: 'EC2' });
    const arn = Object.keys(sim.state.containerInstances)[0];
    const ci = sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [arn] }).containerInstances![0];
    const s = summarizeInstance(ci);
    expect(s).toMatchObject({ instanceType: 'm5.large', status: 'ACTIVE', agentConnected: true, runningTasksCount: 1 });
    expect(s.availabilityZone).toMatch(/^us-east-1[a-z]$/);
    expect(s.resources.map((r) => [r.name, r.registered - r.remaining, r.reserved])).toEqual([
      ['CPU', 256, 256],
      ['MEMORY', 512, 512],
    ]);
    expect(s.resources[0].share).toBeCloseTo(256 / 2048);
    expect(s.taskPorts).toEqual(['8080']);
    expect(s.systemPorts).toContain('22');
  });

  it('copes with an instance the API describes sparsely', () => {
    const s = summarizeInstance({ ec2InstanceId: 'i-1' });
    expect(s).toMatchObject({ ec2InstanceId: 'i-1', status: '', agentConnected: false, runningTasksCount: 0, taskPorts: [] });
    expect(s.resources.map((r) => r.share)).toEqual([0, 0]);
  });
});
