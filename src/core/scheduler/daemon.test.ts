/** DAEMON services (reference §5.7): one task per ACTIVE instance, first to start, last to stop. */
import { describe, expect, it } from 'vitest';
import { describe1, messages, runToSteady, serviceWorld } from './testWorld';
import type { Simulation } from '../engine/simulation';

function liveTasksOn(sim: Simulation, group: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of Object.values(sim.state.tasks)) {
    if (t.group !== group || t.desiredStatus !== 'RUNNING') continue;
    out.set(t.containerInstanceArn!, (out.get(t.containerInstanceArn!) ?? 0) + 1);
  }
  return out;
}

function daemonWorld(instances = 2) {
  const w = serviceWorld({ instances });
  w.sim.ecs.registerTaskDefinition({ family: 'agent', containerDefinitions: [{ name: 'agent', image: 'datadog/agent:7', memory: 256, cpu: 128 }] });
  w.sim.ecs.createService({ cluster: w.cluster, serviceName: 'dd', taskDefinition: 'agent', schedulingStrategy: 'DAEMON' });
  return w;
}

describe('DAEMON scheduling', () => {
  it('runs exactly one task on every ACTIVE instance; desiredCount is the number of instances', () => {
    const { sim, cluster } = daemonWorld(3);
    expect(runToSteady(sim, cluster, 'dd')).toBe(true);
    const s = describe1(sim, cluster, 'dd');
    expect(s).toMatchObject({ schedulingStrategy: 'DAEMON', desiredCount: 3, runningCount: 3, pendingCount: 0 });
    expect(s.deploymentConfiguration).toMatchObject({ minimumHealthyPercent: 0, maximumPercent: 100 });
    expect([...liveTasksOn(sim, 'service:dd').values()]).toEqual([1, 1, 1]);
    expect(messages(sim, cluster, 'dd').at(-1)).toBe('(service dd) has reached a steady state.');
  });

  it('starts a task on an instance the moment it registers, before replica tasks are placed', () => {
    const { sim, cluster } = daemonWorld(1);
    expect(runToSteady(sim, cluster, 'dd')).toBe(true);
    const [id] = sim.infra.launchInstances({ cluster, instanceType: 'm5.large', count: 1 }).instanceIds;
    expect(sim.runUntil((x) => x.state.ec2Instances[id].containerInstanceArn !== undefined, { maxMs: 10 * 60_000 })).toBe(true);
    const arn = sim.state.ec2Instances[id].containerInstanceArn!;
    const registeredAt = sim.events.find((e) => e.type === 'containerInstance.registered' && e.resource === arn)!.time;
    sim.advance(0);
    const daemonTask = Object.values(sim.state.tasks).find((t) => t.group === 'service:dd' && t.containerInstanceArn === arn);
    expect(daemonTask?.createdAt).toBe(registeredAt);
    expect(runToSteady(sim, cluster, 'dd')).toBe(true);
    expect(describe1(sim, cluster, 'dd').desiredCount).toBe(2);
  });

  it('on a DRAINING instance the daemon task is stopped last, after the replica tasks there', () => {
    const { sim, cluster, instanceIds } = daemonWorld(2);
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 4 });
    expect(runToSteady(sim, cluster, 'dd')).toBe(true);
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const drained = sim.state.ec2Instances[instanceIds[0]].containerInstanceArn!;
    sim.ecs.updateContainerInstancesState({ cluster, containerInstances: [drained], status: 'DRAINING' });
    expect(
      sim.runUntil(() => Object.values(sim.state.tasks).every((t) => t.containerInstanceArn !== drained || t.lastStatus === 'STOPPED'), {
        maxMs: 30 * 60_000,
      }),
    ).toBe(true);
    const stoppedAt = (group: string) =>
      Math.max(...Object.values(sim.state.tasks).filter((t) => t.containerInstanceArn === drained && t.group === group).map((t) => t.stoppedAt!));
    const daemonStopRequested = Object.values(sim.state.tasks).find((t) => t.containerInstanceArn === drained && t.group === 'service:dd')!.stoppingAt!;
    expect(daemonStopRequested).toBeGreaterThanOrEqual(stoppedAt('service:api'));
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    expect(runToSteady(sim, cluster, 'dd')).toBe(true);
    expect(describe1(sim, cluster, 'dd').desiredCount).toBe(1);
    expect(describe1(sim, cluster, 'api').runningCount).toBe(4);
  });

  it('follows instances leaving: a terminated instance takes its task with it and desiredCount drops', () => {
    const { sim, cluster, instanceIds } = daemonWorld(3);
    expect(runToSteady(sim, cluster, 'dd')).toBe(true);
    sim.infra.terminateInstance(instanceIds[2]);
    expect(sim.runUntil(() => describe1(sim, cluster, 'dd').desiredCount === 2, { maxMs: 10 * 60_000 })).toBe(true);
    expect(runToSteady(sim, cluster, 'dd')).toBe(true);
    expect(describe1(sim, cluster, 'dd').runningCount).toBe(2);
  });

  it('a rolling update with the defaults (0 % / 100 %) stops each old task before starting its replacement', () => {
    const { sim, cluster } = daemonWorld(2);
    expect(runToSteady(sim, cluster, 'dd')).toBe(true);
    sim.ecs.registerTaskDefinition({ family: 'agent', containerDefinitions: [{ name: 'agent', image: 'datadog/agent:8', memory: 256, cpu: 128 }] });
    sim.ecs.updateService({ cluster, service: 'dd', taskDefinition: 'agent' });
    let maxPerInstance = 0;
    expect(
      sim.runUntil(
        () => {
          const perInstance = new Map<string, number>();
          for (const t of Object.values(sim.state.tasks)) {
            if (t.group !== 'service:dd' || !['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING'].includes(t.lastStatus)) continue;
            perInstance.set(t.containerInstanceArn!, (perInstance.get(t.containerInstanceArn!) ?? 0) + 1);
          }
          maxPerInstance = Math.max(maxPerInstance, ...perInstance.values());
          const s = describe1(sim, cluster, 'dd');
          return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' && s.taskDefinition!.endsWith(':2');
        },
        { maxMs: 30 * 60_000 },
      ),
    ).toBe(true);
    expect(maxPerInstance).toBe(1);
    expect(runToSteady(sim, cluster, 'dd')).toBe(true);
    expect(Object.values(sim.state.tasks).filter((t) => t.group === 'service:dd' && t.desiredStatus === 'RUNNING').every((t) => t.taskDefinitionArn.endsWith(':2'))).toBe(true);
  });
});

describe('DAEMON constraints', () => {
  it('places only on instances that meet a memberOf constraint', () => {
    const w = serviceWorld({ instances: 0 });
    const { sim, cluster } = w;
    sim.infra.launchInstances({ cluster, instanceType: 'm5.large', count: 2 });
    sim.infra.launchInstances({ cluster, instanceType: 't3.medium', count: 1 });
    sim.advance(5 * 60_000);
    sim.ecs.registerTaskDefinition({ family: 'agent', containerDefinitions: [{ name: 'agent', image: 'busybox', memory: 64 }] });
    sim.ecs.createService({
      cluster,
      serviceName: 'dd',
      taskDefinition: 'agent',
      schedulingStrategy: 'DAEMON',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }],
    });
    expect(runToSteady(sim, cluster, 'dd')).toBe(true);
    expect(describe1(sim, cluster, 'dd').desiredCount).toBe(2);
    const hosts = Object.values(sim.state.tasks)
      .filter((t) => t.group === 'service:dd' && t.desiredStatus === 'RUNNING')
      .map((t) => sim.state.ec2Instances[sim.state.containerInstances[t.containerInstanceArn!].ec2InstanceId].instanceType);
    expect(hosts).toEqual(['m5.large', 'm5.large']);
  });

  it('rejects placement strategies and a desiredCount', () => {
    const { sim, cluster } = serviceWorld({ instances: 0 });
    expect(() =>
      sim.ecs.createService({ cluster, serviceName: 'dd', taskDefinition: 'web', schedulingStrategy: 'DAEMON', placementStrategy: [{ type: 'random' }] }),
    ).toThrow('Placement strategies are not supported for services that use the DAEMON scheduling strategy.');
    sim.ecs.createService({ cluster, serviceName: 'dd', taskDefinition: 'web', schedulingStrategy: 'DAEMON' });
    expect(() => sim.ecs.updateService({ cluster, service: 'dd', desiredCount: 3 })).toThrow(
      'The desiredCount parameter is not supported for services that use the DAEMON scheduling strategy.',
    );
  });
});
