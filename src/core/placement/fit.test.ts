import { describe, expect, it } from 'vitest';
import { worldWithInstances } from '../infra/testWorld';
import type { SimState } from '../engine/state';
import { checkFit, releaseResources, reserveResources, type TaskNeeds } from './fit';

const needs = (n: Partial<TaskNeeds> = {}): TaskNeeds => ({ cpu: 0, memory: 0, gpu: 0, ports: [], dynamicPorts: 0, needsEni: false, ...n });

function world(instanceType = 'm5.large') {
  const w = worldWithInstances({ instanceType });
  return { ...w, state: w.sim.state as SimState, arn: w.arns[0] };
}

describe('checkFit', () => {
  it('fits a task that asks for no more than remains', () => {
    const { state, arn } = world();
    expect(checkFit(state, arn, needs({ cpu: 2048, memory: 7985 }))).toEqual({ ok: true });
  });

  it('answers RESOURCE:CPU with the numbers', () => {
    const { state, arn } = world();
    expect(checkFit(state, arn, needs({ cpu: 4096, memory: 512 }))).toEqual({
      ok: false,
      failure: { reason: 'RESOURCE:CPU', detail: 'needs 4096 CPU units, 2048 free' },
    });
  });

  it('answers RESOURCE:MEMORY with the numbers after other tasks took memory', () => {
    const { state, arn } = world();
    reserveResources(state, arn, 'task-a', needs({ memory: 7600 }));
    expect(checkFit(state, arn, needs({ memory: 512 }))).toEqual({
      ok: false,
      failure: { reason: 'RESOURCE:MEMORY', detail: 'needs 512 MiB, 385 free' },
    });
  });

  it('answers RESOURCE:GPU on an instance without (free) GPUs', () => {
    const { state, arn } = world();
    expect(checkFit(state, arn, needs({ gpu: 1 }))).toEqual({ ok: false, failure: { reason: 'RESOURCE:GPU', detail: 'needs 1 GPU, 0 free' } });
    const g = world('g4dn.xlarge');
    expect(checkFit(g.state, g.arn, needs({ gpu: 1 }))).toEqual({ ok: true });
    const { hostPorts } = reserveResources(g.state, g.arn, 'gpu-task', needs({ gpu: 1 }));
    expect(hostPorts).toEqual([]);
    expect(g.state.containerInstances[g.arn].reservations['gpu-task'].gpuIds).toEqual(g.state.containerInstances[g.arn].registered.gpuIds);
    expect(checkFit(g.state, g.arn, needs({ gpu: 1 })).ok).toBe(false);
  });

  it('answers RESOURCE:PORTS for an agent-reserved port and for a port another task holds', () => {
    const { state, arn } = world();
    expect(checkFit(state, arn, needs({ ports: [{ hostPort: 22, protocol: 'tcp' }] }))).toEqual({
      ok: false,
      failure: { reason: 'RESOURCE:PORTS', detail: 'needs TCP host port 22, already reserved' },
    });
    reserveResources(state, arn, 'web', needs({ ports: [{ hostPort: 80, protocol: 'tcp' }] }));
    expect(checkFit(state, arn, needs({ ports: [{ hostPort: 80, protocol: 'tcp' }] })).ok).toBe(false);
    // the same number over UDP is free
    expect(checkFit(state, arn, needs({ ports: [{ hostPort: 80, protocol: 'udp' }] }))).toEqual({ ok: true });
  });

  it('answers RESOURCE:PORTS_UDP for a UDP port in use', () => {
    const { state, arn } = world();
    reserveResources(state, arn, 'dns', needs({ ports: [{ hostPort: 53, protocol: 'udp' }] }));
    expect(checkFit(state, arn, needs({ ports: [{ hostPort: 53, protocol: 'udp' }] }))).toEqual({
      ok: false,
      failure: { reason: 'RESOURCE:PORTS_UDP', detail: 'needs UDP host port 53, already reserved' },
    });
  });

  it('refuses a 101st reserved host port', () => {
    const { state, arn } = world();
    const ports = Array.from({ length: 95 }, (_, i) => ({ hostPort: 8000 + i, protocol: 'tcp' as const }));
    expect(checkFit(state, arn, needs({ ports }))).toEqual({ ok: true });
    reserveResources(state, arn, 'many', needs({ ports }));
    expect(checkFit(state, arn, needs({ ports: [{ hostPort: 9999, protocol: 'tcp' }] }))).toEqual({
      ok: false,
      failure: { reason: 'RESOURCE:PORTS', detail: 'would reserve more than 100 host ports' },
    });
  });

  it('answers RESOURCE:ENI once the instance ENIs are used (c5.large: 3 ENIs, 2 awsvpc tasks)', () => {
    const { state, arn } = world('c5.large');
    reserveResources(state, arn, 't1', needs({ needsEni: true }));
    reserveResources(state, arn, 't2', needs({ needsEni: true }));
    expect(checkFit(state, arn, needs({ needsEni: true }))).toEqual({ ok: false, failure: { reason: 'RESOURCE:ENI', detail: 'needs 1 network interface, 0 free' } });
    releaseResources(state, arn, 't1');
    expect(checkFit(state, arn, needs({ needsEni: true }))).toEqual({ ok: true });
  });

  it('answers ATTRIBUTE for a required attribute the instance lacks, and fits when it has it', () => {
    const { state, arn } = world();
    expect(checkFit(state, arn, needs({ requiredAttributes: [{ name: 'ecs.capability.task-eni' }, { name: 'ecs.cpu-architecture', value: 'x86_64' }] }))).toEqual({ ok: true });
    expect(checkFit(state, arn, needs({ requiredAttributes: [{ name: 'ecs.cpu-architecture', value: 'arm64' }] }))).toEqual({
      ok: false,
      failure: { reason: 'ATTRIBUTE', detail: 'needs attribute ecs.cpu-architecture=arm64, which the instance does not have' },
    });
  });

  it('answers AGENT for a disconnected agent and INACTIVE for a DRAINING or deregistered instance', () => {
    const w = world();
    w.sim.faults.disconnectAgent(w.instanceIds[0]);
    expect(checkFit(w.state, w.arn, needs())).toEqual({ ok: false, failure: { reason: 'AGENT', detail: `agent on ${w.instanceIds[0]} is disconnected` } });
    w.sim.faults.reconnectAgent(w.instanceIds[0]);
    w.sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: [w.arn], status: 'DRAINING' });
    expect(checkFit(w.state, w.arn, needs())).toEqual({ ok: false, failure: { reason: 'INACTIVE', detail: 'container instance is DRAINING' } });
    w.sim.ecs.deregisterContainerInstance({ cluster: 'demo', containerInstance: w.arn });
    expect(checkFit(w.state, w.arn, needs())).toEqual({ ok: false, failure: { reason: 'INACTIVE', detail: 'container instance is INACTIVE' } });
    expect(checkFit(w.state, 'arn:aws:ecs:us-east-1:123456789012:container-instance/demo/nope', needs()).ok).toBe(false);
  });
});

describe('reserveResources / releaseResources', () => {
  it('debits CPU, memory and ports as the DescribeContainerInstances example shows', () => {
    const { sim, state, arn } = world();
    reserveResources(state, arn, 'task-1', needs({ cpu: 100, memory: 100, ports: [{ hostPort: 80, protocol: 'tcp' }] }));
    const ci = sim.ecs.describeContainerInstances({ cluster: 'demo', containerInstances: [arn] }).containerInstances![0];
    const rem = Object.fromEntries(ci.remainingResources!.map((r) => [r.name, r.integerValue || r.stringSetValue]));
    expect(rem).toEqual({ CPU: 1948, MEMORY: 7885, PORTS: ['22', '2375', '2376', '51678', '51679', '80'], PORTS_UDP: [] });
  });

  it('assigns dynamic host ports from 32768 upward, skipping ones in use', () => {
    const { state, arn } = world();
    expect(reserveResources(state, arn, 'a', needs({ dynamicPorts: 2 })).hostPorts).toEqual([
      { hostPort: 32768, protocol: 'tcp' },
      { hostPort: 32769, protocol: 'tcp' },
    ]);
    expect(reserveResources(state, arn, 'b', needs({ ports: [{ hostPort: 32770, protocol: 'tcp' }], dynamicPorts: 1 })).hostPorts).toEqual([
      { hostPort: 32770, protocol: 'tcp' },
      { hostPort: 32771, protocol: 'tcp' },
    ]);
    // dynamic ports are not listed among remaining PORTS, like ECS
    expect(state.containerInstances[arn].remaining.ports).toEqual(['22', '2375', '2376', '51678', '51679', '32770']);
    expect(checkFit(state, arn, needs({ ports: [{ hostPort: 32768, protocol: 'tcp' }] })).ok).toBe(false);
    releaseResources(state, arn, 'a');
    expect(reserveResources(state, arn, 'c', needs({ dynamicPorts: 1 })).hostPorts).toEqual([{ hostPort: 32768, protocol: 'tcp' }]);
  });

  it('credits exactly once: a second release and a second reserve change nothing', () => {
    const { state, arn } = world();
    const ci = state.containerInstances[arn];
    const first = reserveResources(state, arn, 't', needs({ cpu: 512, memory: 1024, ports: [{ hostPort: 8080, protocol: 'tcp' }], dynamicPorts: 1 }));
    expect(reserveResources(state, arn, 't', needs({ cpu: 512, memory: 1024 }))).toEqual(first);
    expect(ci.remaining.cpu).toBe(1536);
    releaseResources(state, arn, 't');
    releaseResources(state, arn, 't');
    releaseResources(state, arn, 'never-placed');
    expect(ci.remaining).toEqual(ci.registered);
    expect(ci.reservations).toEqual({});
  });

  it('bumps the container instance version on each debit and credit', () => {
    const { state, arn } = world();
    const v = state.containerInstances[arn].version;
    reserveResources(state, arn, 't', needs({ cpu: 1 }));
    releaseResources(state, arn, 't');
    expect(state.containerInstances[arn].version).toBe(v + 2);
  });
});
