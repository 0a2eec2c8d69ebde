import { assign, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { emit } from '../engine/kernel';
import { Simulation } from '../engine/simulation';
import { actorHandlers, leafPaths, sendToActor, startActor, stopActor, type MachineRegistry } from './driver';

/** A kettle: heats for `heatMs`, then whistles; can be switched off while heating. */
const kettle = setup({
  types: {
    context: {} as { heatMs: number; boils: number },
    input: {} as { heatMs: number },
    events: {} as { type: 'SWITCH_ON' } | { type: 'SWITCH_OFF' },
  },
  actions: { announce: (_args, _params: { what: string }) => {} },
  delays: { heat: ({ context }) => context.heatMs },
}).createMachine({
  id: 'kettle',
  context: ({ input }) => ({ heatMs: input.heatMs, boils: 0 }),
  initial: 'OFF',
  states: {
    OFF: { on: { SWITCH_ON: 'HEATING' } },
    HEATING: {
      entry: { type: 'announce', params: { what: 'heating' } },
      after: { heat: { target: 'WHISTLING', actions: assign({ boils: ({ context }) => context.boils + 1 }) } },
      on: { SWITCH_OFF: 'OFF' },
    },
    WHISTLING: { entry: { type: 'announce', params: { what: 'whistling' } }, type: 'final' },
  },
});

const registry: MachineRegistry = {
  kettle: {
    machine: kettle,
    effects: { announce: (state, id, params: { what: string }) => emit(state, 'kettle.announce', `${id} ${params.what}`) },
  },
};

function world() {
  return new Simulation({ seed: 1 }, actorHandlers(registry));
}

describe('XState driver', () => {
  it('runs entry effects and turns `after` delays into queue entries the clock fires', () => {
    const sim = world();
    const state = sim.state as never;
    startActor(state, registry, 'kettle', 'k1', { heatMs: 90_000 });
    sendToActor(state, registry, 'k1', { type: 'SWITCH_ON' });
    expect(sim.state.actors.k1.value).toBe('HEATING');
    expect(sim.nextEventAt()).toBe(90_000);
    sim.advance(89_999);
    expect(sim.state.actors.k1.value).toBe('HEATING');
    sim.advance(1);
    expect(sim.state.actors.k1).toMatchObject({ value: 'WHISTLING', status: 'done', context: { boils: 1 } });
    expect(sim.state.actors.k1.history).toEqual(['OFF', 'HEATING', 'WHISTLING']);
    expect(sim.events.map((e) => [e.time, e.message])).toEqual([
      [0, 'k1 heating'],
      [90_000, 'k1 whistling'],
    ]);
  });

  it('cancels the pending delay when the state is left early', () => {
    const sim = world();
    const state = sim.state as never;
    startActor(state, registry, 'kettle', 'k1', { heatMs: 90_000 });
    sendToActor(state, registry, 'k1', { type: 'SWITCH_ON' });
    sim.advance(10_000);
    sendToActor(state, registry, 'k1', { type: 'SWITCH_OFF' });
    expect(sim.nextEventAt()).toBeUndefined();
    sim.advance(100_000);
    expect(sim.state.actors.k1.value).toBe('OFF');
  });

  it('survives snapshot and restore mid-delay', () => {
    const sim = world();
    const state = sim.state as never;
    startActor(state, registry, 'kettle', 'k1', { heatMs: 30_000 });
    sendToActor(state, registry, 'k1', { type: 'SWITCH_ON' });
    sim.advance(10_000);
    const restored = new Simulation({ snapshot: JSON.parse(JSON.stringify(sim.snapshot())) }, actorHandlers(registry));
    restored.advance(20_000);
    expect(restored.state.actors.k1.value).toBe('WHISTLING');
  });

  it('ignores events for actors that are done or gone, and stopActor drops their delays', () => {
    const sim = world();
    const state = sim.state as never;
    startActor(state, registry, 'kettle', 'k1', { heatMs: 1_000 });
    sendToActor(state, registry, 'k1', { type: 'SWITCH_ON' });
    stopActor(state, 'k1');
    expect(sim.nextEventAt()).toBeUndefined();
    expect(sendToActor(state, registry, 'k1', { type: 'SWITCH_ON' })).toBe(false);
  });

  it('names leaf states as dotted paths', () => {
    expect(leafPaths('RUNNING')).toEqual(['RUNNING']);
    expect(leafPaths({ RUNNING: { health: 'HEALTHY' } })).toEqual(['RUNNING.health.HEALTHY']);
    expect(leafPaths({ a: 'x', b: 'y' })).toEqual(['a.x', 'b.y']);
  });
});
