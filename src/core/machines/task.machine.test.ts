import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import type { SimState } from '../engine/state';
import { requestStop } from '../tasks/stop';
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
