import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { worldWithInstances } from '../infra/testWorld';

describe('disconnectAgent / reconnectAgent faults', () => {
  it('disconnectAgent by EC2 id leaves a fault event naming the instance, then the agent event', () => {
    const w = worldWithInstances();
    const out = w.sim.faults.disconnectAgent(w.instanceIds[0], { forMs: 90_000 });
    expect(out).toEqual({ containerInstanceArn: w.arns[0], ec2InstanceId: w.instanceIds[0] });
    const [fault, agent] = w.sim.events.slice(-2);
    expect(fault).toMatchObject({
      type: 'fault.disconnectAgent',
      resource: w.arns[0],
      message: `Fault: agent on ${w.instanceIds[0]} cut off from ECS for 90000 ms.`,
      data: { containerInstanceArn: w.arns[0], ec2InstanceId: w.instanceIds[0], forMs: 90_000 },
    });
    expect(agent).toMatchObject({ type: 'containerInstance.agentDisconnected', resource: w.arns[0] });
  });

  it('accepts the container-instance ARN as well', () => {
    const w = worldWithInstances();
    w.sim.faults.disconnectAgent(w.arns[0]);
    expect(w.sim.state.containerInstances[w.arns[0]].agentConnected).toBe(false);
    expect(w.sim.events.at(-2)).toMatchObject({ type: 'fault.disconnectAgent', data: { forMs: null } });
    w.sim.faults.reconnectAgent(w.arns[0]);
    expect(w.sim.state.containerInstances[w.arns[0]].agentConnected).toBe(true);
  });

  it('reconnectAgent leaves a fault event naming the instance, then the agent reconnects', () => {
    const w = worldWithInstances();
    w.sim.faults.disconnectAgent(w.instanceIds[0]);
    w.sim.faults.reconnectAgent(w.instanceIds[0]);
    const [fault, agent] = w.sim.events.slice(-2);
    expect(fault).toMatchObject({ type: 'fault.reconnectAgent', resource: w.arns[0], data: { ec2InstanceId: w.instanceIds[0] } });
    expect(agent).toMatchObject({ type: 'containerInstance.agentConnected', resource: w.arns[0] });
  });

  it('refuses unknown targets, instances whose agent has not registered, and bad durations', () => {
    const sim = createSimulation({ seed: 1, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'demo' });
    const [id] = sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.micro' }).instanceIds;
    expect(() => sim.faults.disconnectAgent(id)).toThrow(expect.objectContaining({ name: 'IncorrectInstanceState' }));
    expect(() => sim.faults.disconnectAgent('i-0000000000000000a')).toThrow(expect.objectContaining({ name: 'InvalidInstanceID.NotFound' }));
    expect(() => sim.faults.reconnectAgent('arn:aws:ecs:us-east-1:123456789012:container-instance/demo/nope')).toThrow(
      expect.objectContaining({ name: 'InvalidParameterValue' }),
    );
    sim.advance(60_000);
    expect(() => sim.faults.disconnectAgent(id, { forMs: -5 })).toThrow(expect.objectContaining({ name: 'InvalidParameterValue' }));
    sim.infra.terminateInstance(id);
    expect(() => sim.faults.disconnectAgent(id)).toThrow(expect.objectContaining({ name: 'IncorrectInstanceState' }));
    expect(sim.events.some((e) => e.type.startsWith('fault.'))).toBe(false);
  });
});
