import { describe, expect, it } from 'vitest';
import { createSimulation } from '../core';
import { snapshotTask } from './taskSnapshot';
import { statusTone } from './taskStatus';

function world() {
  const sim = createSimulation({ seed: 7 });
  sim.ecs.createCluster({ clusterName: 'demo' });
  sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 1 });
  sim.advance(120_000);
  sim.ecs.registerTaskDefinition({
    family: 'web',
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: [
      { name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', memoryReservation: 256, essential: true },
      { name: 'log', image: 'public.ecr.aws/docker/library/busybox:1.36', memory: 64, essential: false, command: ['sleep', '3600'] },
    ],
  });
  const arn = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'web', launchType: 'EC2' }).tasks![0].taskArn!;
  return { sim, arn };
}

describe('snapshotTask', () => {
  it('copies what the panel shows, fresh on every call', () => {
    const { sim, arn } = world();
    sim.advance(60_000);
    const a = snapshotTask(sim.state, arn)!;
    expect(a).toMatchObject({ taskDefinition: 'web:1', lastStatus: 'RUNNING', desiredStatus: 'RUNNING', launchType: 'EC2', live: true });
    expect(a.path).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
    expect(a.ec2InstanceId).toMatch(/^i-/);
    expect(a.containers.map((c) => [c.name, c.essential, c.running])).toEqual([
      ['web', true, true],
      ['log', false, true],
    ]);
    expect(a.placement?.chosen?.ec2InstanceId).toBe(a.ec2InstanceId);
    const b = snapshotTask(sim.state, arn)!;
    expect(b).not.toBe(a);
    expect(b.containers).not.toBe(a.containers);
    expect(b).toEqual(a);
  });

  it('keeps the path and the stop facts after the actor is gone', () => {
    const { sim, arn } = world();
    sim.advance(60_000);
    sim.faults.crashContainer(arn, 'web', 3);
    sim.advance(60_000);
    const s = snapshotTask(sim.state, arn)!;
    expect(s.live).toBe(false);
    expect(s.actorContext).toBeUndefined();
    expect(s.path).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED']);
    expect(s).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' });
    expect(s.containers[0]).toMatchObject({ name: 'web', lastStatus: 'STOPPED', exitCode: 3, running: false });
    expect(s.times.stoppedAt).toBeGreaterThan(s.times.createdAt);
  });

  it('is undefined for a task ECS does not know', () => {
    const { sim } = world();
    expect(snapshotTask(sim.state, 'arn:aws:ecs:us-east-1:123456789012:task/demo/none')).toBeUndefined();
  });
});

describe('statusTone', () => {
  it('groups statuses', () => {
    expect(['PROVISIONING', 'RUNNING', 'DEACTIVATING', 'STOPPED', 'PENDING'].map(statusTone)).toEqual(['starting', 'running', 'stopping', 'stopped', 'starting']);
  });
});
