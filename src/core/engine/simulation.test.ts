import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, Simulation, SimulationError } from './simulation';
import { emit, schedule, type HandlerTable } from './kernel';
import { nextInt } from './rng';

/**
 * A tiny world for engine tests: "tick" entries that log an event and reschedule themselves
 * after a random delay drawn from the simulation's PRNG.
 */
const tickHandlers: HandlerTable = {
  tick: (state, payload: { name: string; left: number }) => {
    emit(state, 'test.tick', `tick ${payload.name}`, { data: { name: payload.name, left: payload.left } });
    if (payload.left > 0) schedule(state, nextInt(state.rng, 1, 5_000), 'tick', { name: payload.name, left: payload.left - 1 });
  },
};

function startTicks(sim: Simulation, names: string[], count = 20) {
  // Reach into the state the way core modules do: only through kernel functions.
  for (const name of names) schedule(sim.state as never, 0, 'tick', { name, left: count });
}

describe('createSimulation', () => {
  it('starts at virtual time 0 with defaults from the core API page', () => {
    const sim = createSimulation({ seed: 42 });
    expect(sim.now()).toBe(0);
    expect(sim.state.region).toBe('us-east-1');
    expect(sim.state.accountId).toBe('123456789012');
    expect(sim.events).toEqual([]);
  });

  it('advance moves the clock by exactly the requested virtual ms', () => {
    const sim = createSimulation();
    sim.advance(60_000);
    sim.advance(1);
    expect(sim.now()).toBe(60_001);
  });

  it('rejects negative or non-finite advances', () => {
    const sim = createSimulation();
    expect(() => sim.advance(-1)).toThrow(SimulationError);
    expect(() => sim.advance(Number.NaN)).toThrow(SimulationError);
  });
});

describe('event loop', () => {
  it('fires entries in (time, priority, sequence) order and logs them with their virtual time', () => {
    const sim = new Simulation({ seed: 1 }, {
      a: (s) => emit(s, 'test.a', 'a'),
      b: (s) => emit(s, 'test.b', 'b'),
      c: (s) => emit(s, 'test.c', 'c'),
    });
    const state = sim.state as never;
    schedule(state, 100, 'c', null, 20);
    schedule(state, 100, 'b', null, 10);
    schedule(state, 50, 'a', null, 99);
    schedule(state, 100, 'a', null, 20);
    sim.advance(100);
    expect(sim.events.map((e) => [e.time, e.type])).toEqual([
      [50, 'test.a'],
      [100, 'test.b'],
      [100, 'test.c'],
      [100, 'test.a'],
    ]);
  });

  it('does not fire entries scheduled after the advance window', () => {
    const sim = new Simulation({}, { a: (s) => emit(s, 'test.a', 'a') });
    schedule(sim.state as never, 1_001, 'a');
    sim.advance(1_000);
    expect(sim.events).toHaveLength(0);
    sim.advance(1);
    expect(sim.events).toHaveLength(1);
  });

  it('step jumps to the next entry and reports how far it moved', () => {
    const sim = new Simulation({}, { a: (s) => emit(s, 'test.a', 'a') });
    schedule(sim.state as never, 2_500, 'a');
    expect(sim.step()).toBe(2_500);
    expect(sim.now()).toBe(2_500);
    expect(sim.step()).toBe(0);
  });

  it('runUntil stops as soon as the predicate holds', () => {
    const sim = new Simulation({ seed: 5 }, tickHandlers);
    startTicks(sim, ['x'], 100);
    const held = sim.runUntil((s) => s.events.length >= 10, { maxMs: 10_000_000 });
    expect(held).toBe(true);
    expect(sim.events).toHaveLength(10);
    expect(sim.now()).toBe(sim.events[9].time);
  });

  it('runUntil never runs past maxMs and reports that the predicate did not hold', () => {
    const sim = new Simulation({ seed: 5 }, tickHandlers);
    startTicks(sim, ['x'], 1_000);
    const held = sim.runUntil(() => false, { maxMs: 30_000 });
    expect(held).toBe(false);
    expect(sim.now()).toBe(30_000);
    expect(sim.events.every((e) => e.time <= 30_000)).toBe(true);
  });

  it('fails loudly on an entry with no handler (a bug, not a user mistake)', () => {
    const sim = new Simulation({}, {});
    schedule(sim.state as never, 0, 'nobody');
    expect(() => sim.advance(0)).toThrow(/No handler/);
  });
});

describe('determinism', () => {
  function run(seed: number, advances: number[]) {
    const sim = new Simulation({ seed }, tickHandlers);
    startTicks(sim, ['a', 'b', 'c']);
    sim.ecs.createCluster({ clusterName: 'demo' });
    for (const ms of advances) sim.advance(ms);
    return sim;
  }

  it('same seed and same calls give a byte-identical event log and snapshot', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer({ min: 0, max: 20_000 }), { maxLength: 10 }), (seed, advances) => {
        const a = run(seed, advances);
        const b = run(seed, advances);
        expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
        expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
      }),
      { numRuns: 50 },
    );
  });

  it('snapshot, restore and continue equals an uninterrupted run', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 60_000 }), (seed, first, second) => {
        const straight = run(seed, [first, second]);

        const interrupted = run(seed, [first]);
        const snap = JSON.parse(JSON.stringify(interrupted.snapshot()));
        const restored = new Simulation({ snapshot: snap }, tickHandlers);
        restored.advance(second);

        expect(JSON.stringify(restored.snapshot())).toBe(JSON.stringify(straight.snapshot()));
      }),
      { numRuns: 50 },
    );
  });

  it('a snapshot is plain JSON and does not share structure with the live state', () => {
    const sim = run(3, [1_000]);
    const snap = sim.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    sim.advance(10_000);
    expect(snap.state.now).toBe(1_000);
  });

  it('refuses snapshots that are not ours or of an unknown version', () => {
    expect(() => createSimulation({ snapshot: { format: 'x' } as never })).toThrow(/Not a simulation snapshot/);
    const snap = createSimulation().snapshot();
    expect(() => createSimulation({ snapshot: { ...snap, version: 99 } })).toThrow(/version 99/);
  });
});
