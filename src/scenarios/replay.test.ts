import { describe, expect, it } from 'vitest';
import { createSimulation, recipeOf, replay } from '../core/index';
import { getScenario, runToEnd, scenarioEndMs, scenarioStartMs, solve, startScenario } from './index';

const stateOf = (sim: { state: unknown }) => JSON.stringify(sim.state);

describe('started scenarios replay exactly', () => {
  it('a recipe of a scenario with a script and an applied solution rebuilds the same state byte for byte', () => {
    const s = getScenario('circuit-breaker-rollback')!;
    const sim = startScenario(s);
    sim.advance(5_000);
    solve(s, sim);
    runToEnd(s, sim);
    const again = replay(recipeOf(sim));
    expect(stateOf(again)).toBe(stateOf(sim));
  });

  it('time travel: replaying until a moment before a scripted step, then running on, fires the step at its time', () => {
    const s = getScenario('agent-disconnect-and-termination')!;
    const sim = startScenario(s);
    runToEnd(s, sim);
    const disconnectAt = scenarioStartMs(s) + 60_000;
    const earlier = replay(recipeOf(sim), { until: disconnectAt - 1 });
    expect(earlier.events.some((e) => e.type === 'fault.disconnectAgent')).toBe(false);
    earlier.advance(scenarioEndMs(s) - earlier.now());
    expect(stateOf(earlier)).toBe(stateOf(sim));
    expect(earlier.events.find((e) => e.type === 'fault.disconnectAgent')?.time).toBe(disconnectAt);
  });

  it('a snapshot taken before the script fires carries the pending steps', () => {
    const s = getScenario('ec2-vs-fargate')!;
    const sim = startScenario(s);
    const snap = sim.snapshot();
    runToEnd(s, sim);
    const restored = createSimulation({ snapshot: snap });
    restored.advance(scenarioEndMs(s) - restored.now());
    expect(JSON.stringify(restored.events)).toBe(JSON.stringify(sim.events));
  });

  it('the same scenario started twice gives the same event log; another seed gives another', () => {
    const s = getScenario('placement-strategies-compared')!;
    const a = startScenario(s);
    const b = startScenario(s);
    const c = startScenario(s, { seed: 99 });
    for (const sim of [a, b, c]) runToEnd(s, sim);
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
    expect(JSON.stringify(c.events)).not.toBe(JSON.stringify(a.events));
  });
});
