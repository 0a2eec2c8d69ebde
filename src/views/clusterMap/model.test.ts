import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../core';
import { extractClusterMap, phaseOf } from './model';

describe('extractClusterMap', () => {
  it('shows launched instances as booting, then as registered cards in their AZ', () => {
    const sim = createSimulation({ seed: 7 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    const { instanceIds } = sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 3 });
    let map = extractClusterMap(sim.state, 'demo');
    expect(map.instances.map((i) => i.state)).toEqual(['booting', 'booting', 'booting']);
    sim.advance(10 * 60_000);
    map = extractClusterMap(sim.state, 'demo');
    expect(map.instances.map((i) => i.state)).toEqual(['active', 'active', 'active']);
    expect(map.availabilityZones.length).toBe(3);
    expect(new Set(map.instances.map((i) => i.ec2InstanceId))).toEqual(new Set(instanceIds));
    expect(map.instances[0].registeredCpu).toBe(2048);
  });

  it('marks an instance whose agent disconnected, and drops terminated ones', () => {
    const sim = createSimulation({ seed: 7 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    const { instanceIds } = sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.medium', count: 2 });
    sim.advance(10 * 60_000);
    sim.faults.disconnectAgent(instanceIds[0]);
    let map = extractClusterMap(sim.state, 'demo');
    expect(map.instances.find((i) => i.ec2InstanceId === instanceIds[0])?.state).toBe('disconnected');
    sim.infra.terminateInstance(instanceIds[1]);
    sim.advance(10 * 60_000);
    map = extractClusterMap(sim.state, 'demo');
    expect(map.instances.map((i) => i.ec2InstanceId)).not.toContain(instanceIds[1]);
  });

  it('groups lifecycle statuses into the phases the map draws', () => {
    expect(['PROVISIONING', 'PENDING', 'ACTIVATING'].map(phaseOf)).toEqual(['starting', 'starting', 'starting']);
    expect(phaseOf('RUNNING')).toBe('running');
    expect(['DEACTIVATING', 'STOPPING', 'DEPROVISIONING'].map(phaseOf)).toEqual(['stopping', 'stopping', 'stopping']);
    expect(phaseOf('STOPPED')).toBe('stopped');
  });
});

describe('extractClusterMap with tasks', () => {
  it('sizes EC2 tasks by what they reserved on their instance and lists their host ports', () => {
    const sim = createSimulation({ seed: 11 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1 });
    sim.advance(10 * 60_000);
    sim.ecs.registerTaskDefinition({
      family: 'api',
      networkMode: 'bridge',
      containerDefinitions: [{ name: 'api', image: 'httpd:2.4', cpu: 256, memory: 300, portMappings: [{ containerPort: 80, hostPort: 8080 }] }],
    });
    const { tasks } = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'api', launchType: 'EC2' });
    const map = extractClusterMap(sim.state, 'demo');
    const onMap = map.instances[0].tasks;
    expect(onMap.map((t) => t.taskArn)).toEqual([tasks![0].taskArn]);
    expect(onMap[0]).toMatchObject({ cpu: 256, memory: 300, ports: ['8080'], group: 'family:api' });
    expect(map.instances[0].remainingCpu).toBe(2048 - 256);
  });
});
