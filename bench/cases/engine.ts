/** The engine's own cost: scheduling and firing queue entries, and snapshotting a busy state. */
import { Simulation } from '../../src/core/engine/simulation';
import { emit, schedule, type HandlerTable } from '../../src/core/engine/kernel';
import { nextInt } from '../../src/core/engine/rng';
import { medianMs, type BenchCase } from '../harness';

const handlers: HandlerTable = {
  tick: (state, left: number) => {
    emit(state, 'bench.tick', 'tick');
    if (left > 0) schedule(state, nextInt(state.rng, 1, 1_000), 'tick', left - 1);
  },
};

function fire(entries: number): Simulation {
  const sim = new Simulation({ seed: 1 }, handlers);
  const chains = 1_000;
  for (let i = 0; i < chains; i++) schedule(sim.state as never, i, 'tick', entries / chains - 1);
  sim.advance(10_000_000);
  return sim;
}

let small = 0;
export const cases: BenchCase[] = [
  {
    name: 'fire 100,000 queue entries (median)',
    unit: 'ms',
    budget: 150,
    run: () => (small = medianMs(() => fire(100_000), 5, 1)),
  },
  {
    name: 'growth 100,000 → 1,000,000 entries',
    unit: 'ratio',
    budget: 12,
    run: () => medianMs(() => fire(1_000_000), 3, 0) / small,
  },
  {
    name: 'snapshot after 100,000 events',
    unit: 'ms',
    budget: 200,
    run: () => {
      const sim = fire(100_000);
      return medianMs(() => JSON.stringify(sim.snapshot()), 5, 1);
    },
  },
];
