import { describe, expect, it } from 'vitest';
import { createSimulation, SimulationError, type SimulationSnapshot } from '../index';

function busySnapshot(): SimulationSnapshot {
  const sim = createSimulation({ seed: 7 });
  sim.ecs.createCluster({ clusterName: 'demo' });
  sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.small', count: 1 });
  sim.advance(60_000);
  return sim.snapshot();
}

const restore = (snapshot: unknown) => () => createSimulation({ snapshot: snapshot as SimulationSnapshot });

describe('createSimulation({ snapshot }) with a snapshot from outside', () => {
  it('restores a snapshot that went through JSON text, and continues like the original', () => {
    const original = createSimulation({ seed: 7 });
    original.ecs.createCluster({ clusterName: 'demo' });
    original.infra.launchInstances({ cluster: 'demo', instanceType: 't3.small', count: 1 });
    original.advance(60_000);
    const copy = createSimulation({ snapshot: JSON.parse(JSON.stringify(original.snapshot())) });
    original.advance(120_000);
    copy.advance(120_000);
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(original.snapshot()));
  });

  it('refuses a state member of the wrong kind with a SimulationError naming it', () => {
    const snap = busySnapshot() as unknown as { state: Record<string, unknown> };
    snap.state.clusters = [];
    expect(restore(snap)).toThrow(SimulationError);
    expect(restore(snap)).toThrow('state.clusters should be object, not array');
  });

  it('refuses a missing member, a broken queue entry and a broken event', () => {
    const a = busySnapshot() as unknown as { state: Record<string, unknown> };
    delete a.state.tasks;
    expect(restore(a)).toThrow('state.tasks should be object');
    const b = busySnapshot() as unknown as { state: { queue: unknown[] } };
    b.state.queue.push({ at: 'soon', kind: 'x' });
    expect(restore(b)).toThrow(/state\.queue\[\d+\] is not a queue entry/);
    const c = busySnapshot() as unknown as { state: { events: unknown[] } };
    c.state.events[0] = 'hello';
    expect(restore(c)).toThrow('state.events[0] is not an event');
  });

  it('refuses values that are not plain data and absurd nesting', () => {
    const a = busySnapshot() as unknown as { state: Record<string, unknown> };
    a.state.extra = { when: new Date(0) };
    expect(restore(a)).toThrow(/malformed: .*not JSON data at \/extra\/when/);
    const b = busySnapshot() as unknown as { state: Record<string, unknown> };
    let deep: unknown = 1;
    for (let i = 0; i < 500; i++) deep = [deep];
    b.state.extra = deep;
    expect(restore(b)).toThrow(/nested deeper/);
  });

  it('keeps a __proto__ record key from parsed JSON as data without polluting any prototype', () => {
    const text = JSON.stringify(busySnapshot()).replace('"clusters":{', '"clusters":{"__proto__":{"polluted":true},');
    const sim = createSimulation({ snapshot: JSON.parse(text) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(sim.state.clusters)).toBe(Object.prototype);
    expect(Object.keys(sim.state.clusters)).toContain('__proto__');
  });

  it('refuses things that are not snapshots at all', () => {
    for (const bad of [42, 'x', {}, { format: 'ecs-playground/snapshot', version: 1 }, { format: 'ecs-playground/snapshot', version: 1, state: [] }]) {
      expect(restore(bad), JSON.stringify(bad)).toThrow(SimulationError);
    }
  });
});
