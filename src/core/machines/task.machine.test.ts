import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import type { SimState } from '../engine/state';
import { requestStop, stopTasksOnInstance } from '../tasks/stop';
import { sendToActor } from './driver';
import { machines } from './registry';
import { addTaskDefinition, launch, statusTrail } from '../tasks/testFixtures';

function world(seed = 7) {
  const sim = createSimulation({ seed });
  return { sim, state: sim.state as SimState };
}

describe('task machine', () => {
  it('walks PROVISIONING → … → RUNNING and, when stopped, DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED', () => {
    const { sim, state } = world();
    const td = addTaskDefinition(state, 'web', [{ name: 'web', image: 'nginx:latest', memory: 256 }]);
    const t = launch(state, td);
    sim.runUntil(() => t.lastStatus === 'RUNNING', { maxMs: 120_000 });
    expect(t.lastStatus).toBe('RUNNING');
    requestStop(state, t.taskArn, { stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' });
    expect(t.desiredStatus).toBe('STOPPED');
    sim.advance(120_000);
    expect(statusTrail(state, t.taskArn)).toEqual([
      'PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED',
    ]);
    expect(t.createdAt).toBe(0);
    const order = [t.createdAt, t.pullStartedAt!, t.pullStoppedAt!, t.startedAt!, t.stoppingAt!, t.executionStoppedAt!, t.stoppedAt!];
    expect(order.every((v, i) => i === 0 || v >= order[i - 1])).toBe(true);
    expect(t.containers[0]).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
    expect(t.stopCode).toBe('UserInitiated');
    expect(state.actors[t.taskArn]).toBeUndefined();
  });
});

describe('task machine shortcuts', () => {
  it('an awsvpc task stopped while PENDING goes through DEPROVISIONING (ENI detach) to STOPPED', () => {
    const { sim, state } = world();
    const td = addTaskDefinition(state, 'vpc', [{ name: 'a', image: 'nginx' }], { networkMode: 'awsvpc' });
    const t = launch(state, td, { subnetId: 'subnet-1' });
    sim.runUntil(() => t.lastStatus === 'PENDING', { maxMs: 60_000 });
    requestStop(state, t.taskArn, { stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' });
    sim.advance(60_000);
    expect(statusTrail(state, t.taskArn)).toEqual(['PROVISIONING', 'PENDING', 'DEPROVISIONING', 'STOPPED']);
    expect(t.attachments[0].status).toBe('DELETED');
    expect(t.connectivity).toBe('CONNECTED');
  });

  it('a task stopped in PROVISIONING without ENI is STOPPED at once, and no timer of it is left', () => {
    const { sim, state } = world();
    const td = addTaskDefinition(state, 'web', [{ name: 'a', image: 'nginx' }]);
    const t = launch(state, td);
    requestStop(state, t.taskArn, { stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' });
    expect(t).toMatchObject({ lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedAt: 0, executionStoppedAt: 0 });
    expect(state.queue.filter((e) => JSON.stringify(e.payload).includes(t.taskArn) && e.kind !== 'task.expire')).toEqual([]);
  });

  it('HOST_LOST stops a RUNNING task at once with the given code; its running container gets no exit code', () => {
    const { sim, state } = world();
    const td = addTaskDefinition(state, 'web', [{ name: 'a', image: 'nginx' }]);
    const t = launch(state, td);
    sim.runUntil(() => t.lastStatus === 'RUNNING', { maxMs: 120_000 });
    stopTasksOnInstance(state, 'nowhere', { stopCode: 'TerminationNotice', stoppedReason: 'x' });
    expect(t.lastStatus).toBe('RUNNING');
    sendToActor(state, machines, t.taskArn, { type: 'HOST_LOST', stopCode: 'TerminationNotice', stoppedReason: 'Host EC2 (instance i-0) terminated.' });
    expect(t).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TerminationNotice', stoppedReason: 'Host EC2 (instance i-0) terminated.' });
    expect(t.containers[0].lastStatus).toBe('STOPPED');
    expect(t.containers[0].exitCode).toBeUndefined();
  });

  it('state values are the ECS status strings', () => {
    const { sim, state } = world();
    const td = addTaskDefinition(state, 'web', [{ name: 'a', image: 'nginx' }]);
    const t = launch(state, td);
    const seen = new Set<string>();
    sim.runUntil(() => {
      const a = state.actors[t.taskArn];
      if (a) seen.add(String(a.value));
      return t.lastStatus === 'RUNNING';
    }, { maxMs: 120_000 });
    expect([...seen]).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
  });
});
