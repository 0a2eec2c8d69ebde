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
    expect(map.instances[0].portsInUse).toEqual(['22', '2375', '2376', '51678', '51679', '8080']);
  });

  it('hands back the same task object while a task is unchanged, and a new one once its status moves', () => {
    const sim = createSimulation({ seed: 11 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1 });
    sim.advance(10 * 60_000);
    sim.ecs.registerTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', image: 'httpd:2.4', cpu: 256, memory: 300 }] });
    sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'api', launchType: 'EC2' });
    const first = extractClusterMap(sim.state, 'demo').instances[0].tasks[0];
    expect(extractClusterMap(sim.state, 'demo').instances[0].tasks[0]).toBe(first);
    sim.advance(5 * 60_000);
    const later = extractClusterMap(sim.state, 'demo').instances[0].tasks[0];
    expect(first.lastStatus).toBe('PROVISIONING');
    expect(later.lastStatus).toBe('RUNNING');
    expect(later).not.toBe(first);
  });

  it('counts the ENIs awsvpc tasks attached to an instance against what its type allows', () => {
    const sim = createSimulation({ seed: 11 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1 });
    sim.advance(10 * 60_000);
    sim.ecs.registerTaskDefinition({ family: 'vpc', networkMode: 'awsvpc', containerDefinitions: [{ name: 'app', image: 'httpd:2.4', cpu: 128, memory: 128 }] });
    sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'vpc', launchType: 'EC2', count: 2, networkConfiguration: { awsvpcConfiguration: { subnets: Object.values(sim.state.infra.subnets ?? {}) } } });
    const [instance] = extractClusterMap(sim.state, 'demo').instances;
    expect(instance.enisRegistered).toBe(2);
    expect(instance.enisInUse).toBe(2);
    expect(instance.tasks.every((t) => t.eni)).toBe(true);
  });
});
