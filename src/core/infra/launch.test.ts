import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { timingProfiles } from '../timings';
import { InfraError } from './errors';
import { worldWithInstances } from './testWorld';

function bootAndRegisterTimes(profile: 'realistic' | 'fast', seed: number) {
  const sim = createSimulation({ seed, timingProfile: profile });
  sim.ecs.createCluster({ clusterName: 'demo' });
  const { instanceIds } = sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.medium', count: 3 });
  sim.advance(10 * 60_000);
  return instanceIds.map((id) => {
    const booted = sim.events.find((e) => e.type === 'ec2.running' && e.resource === id)!.time;
    const registered = sim.events.find((e) => e.type === 'containerInstance.registered' && e.data?.ec2InstanceId === id)!.time;
    return { booted, registerMs: registered - booted };
  });
}

describe('launch → boot → register', () => {
  for (const profile of ['realistic', 'fast'] as const) {
    it(`draws boot and registration times from the ${profile} profile`, () => {
      const t = timingProfiles[profile];
      for (const { booted, registerMs } of bootAndRegisterTimes(profile, 3)) {
        expect(booted).toBeGreaterThanOrEqual(t.ec2Boot.meanMs * (1 - t.ec2Boot.jitter));
        expect(booted).toBeLessThanOrEqual(t.ec2Boot.meanMs * (1 + t.ec2Boot.jitter));
        expect(registerMs).toBeGreaterThanOrEqual(t.agentRegister.meanMs * (1 - t.agentRegister.jitter));
        expect(registerMs).toBeLessThanOrEqual(t.agentRegister.meanMs * (1 + t.agentRegister.jitter));
      }
    });
  }

  it('gives the same times for the same seed and different ones for another seed', () => {
    expect(bootAndRegisterTimes('realistic', 9)).toEqual(bootAndRegisterTimes('realistic', 9));
    expect(bootAndRegisterTimes('realistic', 9)).not.toEqual(bootAndRegisterTimes('realistic', 10));
  });

  it('returns EC2 ids (i- + 17 hex) and registers container instances with 32-hex ids in the cluster', () => {
    const w = worldWithInstances({ count: 2 });
    for (const id of w.instanceIds) expect(id).toMatch(/^i-[0-9a-f]{17}$/);
    for (const arn of w.arns) expect(arn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:container-instance\/demo\/[0-9a-f]{32}$/);
    expect(w.sim.ecs.describeClusters({ clusters: ['demo'] }).clusters![0].registeredContainerInstancesCount).toBe(2);
  });

  it('walks pending → running and only then registers', () => {
    const sim = createSimulation({ seed: 1, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'demo' });
    const [id] = sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large' }).instanceIds;
    expect(sim.infra.describeInstances().instances[0].state).toEqual({ code: 0, name: 'pending' });
    sim.runUntil((s) => s.state.ec2Instances[id].state === 'running', { maxMs: 60_000 });
    expect(sim.state.ec2Instances[id].containerInstanceArn).toBeUndefined();
    sim.advance(60_000);
    expect(sim.infra.describeInstances().instances[0]).toMatchObject({ state: { code: 16, name: 'running' }, containerInstanceArn: sim.state.ec2Instances[id].containerInstanceArn });
    expect(sim.events.map((e) => e.type)).toEqual(['cluster.created', 'ec2.launched', 'ec2.running', 'containerInstance.registered']);
  });

  it('spreads instances round-robin over the region AZs, and across calls', () => {
    const sim = createSimulation({ seed: 1 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.micro', count: 4 });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.micro', count: 3 });
    expect(sim.infra.describeInstances().instances.map((i) => i.placement.availabilityZone)).toEqual([
      'us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f', 'us-east-1a',
    ]);
  });

  it('uses the AZ asked for, with that AZ subnet, and derives AZs from the region', () => {
    const sim = createSimulation({ seed: 1, region: 'eu-west-1' });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.micro', count: 2, availabilityZone: 'eu-west-1b' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.micro', count: 2 });
    const all = sim.infra.describeInstances().instances;
    expect(all.map((i) => i.placement.availabilityZone)).toEqual(['eu-west-1b', 'eu-west-1b', 'eu-west-1a', 'eu-west-1b']);
    expect(all[0].subnetId).toBe(all[1].subnetId);
    expect(all[0].subnetId).not.toBe(all[2].subnetId);
    expect(new Set(all.map((i) => i.vpcId)).size).toBe(1);
    expect(() => sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.micro', availabilityZone: 'us-east-1a' })).toThrow(
      expect.objectContaining({ name: 'InvalidParameterValue' }),
    );
  });

  it('refuses unknown types, bad counts and missing clusters', () => {
    const sim = createSimulation({ seed: 1 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    expect(() => sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.huge' })).toThrow(
      new InfraError('InvalidParameterValue', "Invalid value 'm5.huge' for InstanceType."),
    );
    expect(() => sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 0 })).toThrow(expect.objectContaining({ name: 'InvalidParameterValue' }));
    expect(() => sim.infra.launchInstances({ cluster: 'nope', instanceType: 'm5.large' })).toThrow(expect.objectContaining({ name: 'ClusterNotFoundException' }));
  });

  it('does not register when the cluster was deleted while the instance booted', () => {
    const sim = createSimulation({ seed: 1, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'demo' });
    const [id] = sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large' }).instanceIds;
    sim.ecs.deleteCluster({ cluster: 'demo' });
    sim.advance(60_000);
    expect(sim.state.ec2Instances[id].containerInstanceArn).toBeUndefined();
    expect(sim.events.at(-1)).toMatchObject({ type: 'containerInstance.registrationFailed', resource: id });
  });
});

describe('terminateInstance', () => {
  it('shuts down, deregisters the container instance at once and ends terminated', () => {
    const w = worldWithInstances();
    const before = w.sim.now();
    const r = w.sim.infra.terminateInstance(w.instanceIds[0]);
    expect(r).toEqual({ instanceId: w.instanceIds[0], previousState: 'running', currentState: 'shutting-down' });
    const ci = w.sim.state.containerInstances[w.arns[0]];
    expect(ci).toMatchObject({ status: 'INACTIVE', agentConnected: false, deregisteredAt: before });
    expect(w.sim.ecs.describeClusters({ clusters: ['demo'] }).clusters![0].registeredContainerInstancesCount).toBe(0);
    const described = w.sim.infra.describeInstances().instances[0];
    expect(described.state).toEqual({ code: 32, name: 'shutting-down' });
    expect(described.stateTransitionReason).toMatch(/^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);
    w.sim.advance(60_000);
    expect(w.sim.infra.describeInstances().instances[0].state).toEqual({ code: 48, name: 'terminated' });
    expect(w.sim.events.filter((e) => e.resource === w.instanceIds[0] || e.resource === w.arns[0]).map((e) => e.type).slice(-3)).toEqual([
      'ec2.terminating',
      'containerInstance.deregistered',
      'ec2.terminated',
    ]);
  });

  it('is idempotent', () => {
    const w = worldWithInstances();
    w.sim.infra.terminateInstance(w.instanceIds[0]);
    expect(w.sim.infra.terminateInstance(w.instanceIds[0])).toMatchObject({ previousState: 'shutting-down', currentState: 'shutting-down' });
  });

  it('stops a pending instance before its agent ever registers', () => {
    const sim = createSimulation({ seed: 1, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'demo' });
    const [id] = sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large' }).instanceIds;
    sim.infra.terminateInstance(id);
    sim.advance(10 * 60_000);
    expect(sim.state.ec2Instances[id]).toMatchObject({ state: 'terminated' });
    expect(sim.state.ec2Instances[id].containerInstanceArn).toBeUndefined();
    expect(Object.keys(sim.state.containerInstances)).toEqual([]);
  });

  it('leaves the container instance ACTIVE with agentConnected=false when the agent was disconnected', () => {
    const w = worldWithInstances();
    w.sim.faults.disconnectAgent(w.instanceIds[0]);
    w.sim.infra.terminateInstance(w.instanceIds[0]);
    expect(w.sim.state.containerInstances[w.arns[0]]).toMatchObject({ status: 'ACTIVE', agentConnected: false });
    expect(w.sim.ecs.describeClusters({ clusters: ['demo'] }).clusters![0].registeredContainerInstancesCount).toBe(1);
    // the user cleans up as on AWS
    w.sim.ecs.deregisterContainerInstance({ cluster: 'demo', containerInstance: w.arns[0] });
    expect(w.sim.state.containerInstances[w.arns[0]].status).toBe('INACTIVE');
  });

  it('answers EC2 errors for unknown and malformed ids, and hides terminated instances after an hour', () => {
    const w = worldWithInstances();
    expect(() => w.sim.infra.terminateInstance('i-0123456789abcdef0')).toThrow(
      new InfraError('InvalidInstanceID.NotFound', "The instance ID 'i-0123456789abcdef0' does not exist"),
    );
    expect(() => w.sim.infra.terminateInstance('web-1')).toThrow(expect.objectContaining({ name: 'InvalidInstanceID.Malformed' }));
    w.sim.infra.terminateInstance(w.instanceIds[0]);
    w.sim.advance(59 * 60_000);
    expect(w.sim.infra.describeInstances().instances).toHaveLength(1);
    w.sim.advance(2 * 60_000);
    expect(w.sim.infra.describeInstances().instances).toHaveLength(0);
  });
});

describe('describeInstances', () => {
  it('shows EC2 fields of each instance', () => {
    const w = worldWithInstances({ instanceType: 'c6g.large' });
    const [i] = w.sim.infra.describeInstances({ instanceIds: w.instanceIds }).instances;
    expect(i).toMatchObject({
      instanceId: w.instanceIds[0],
      instanceType: 'c6g.large',
      architecture: 'arm64',
      state: { code: 16, name: 'running' },
      stateTransitionReason: '',
      placement: { availabilityZone: 'us-east-1a' },
      clusterName: 'demo',
      containerInstanceArn: w.arns[0],
    });
    expect(i.imageId).toMatch(/^ami-[0-9a-f]{17}$/);
    expect(i.vpcId).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(i.subnetId).toMatch(/^subnet-[0-9a-f]{17}$/);
    expect(i.privateIpAddress).toMatch(/^172\.31\.\d+\.\d+$/);
    expect(i.launchTime).toBeInstanceOf(Date);
  });
});

describe('determinism', () => {
  function script(seed: number) {
    const sim = createSimulation({ seed });
    sim.ecs.createCluster({ clusterName: 'demo' });
    const { instanceIds } = sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large', count: 4 });
    sim.advance(90_000);
    sim.faults.disconnectAgent(instanceIds[1], { forMs: 20_000 });
    sim.advance(30_000);
    sim.infra.terminateInstance(instanceIds[2]);
    sim.advance(120_000);
    return sim;
  }

  it('same seed and same calls give the same event log, byte for byte, and a restored snapshot continues identically', () => {
    expect(JSON.stringify(script(11).events)).toBe(JSON.stringify(script(11).events));
    const a = script(11);
    const b = createSimulation({ snapshot: JSON.parse(JSON.stringify(a.snapshot())) });
    a.infra.terminateInstance(a.infra.describeInstances().instances[0].instanceId);
    b.infra.terminateInstance(b.infra.describeInstances().instances[0].instanceId);
    a.advance(60_000);
    b.advance(60_000);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
  });
});
