import { describe, expect, it } from 'vitest';
import { builtInScenarios, checkGoals, getScenario, listScenarios, loadScenario, runToEnd, scenarioEndMs, solve, startScenario } from './index';
import type { Scenario, Text } from './types';

const exercises = builtInScenarios.filter((s) => s.kind === 'exercise');

function texts(s: Scenario): Text[] {
  return [s.title, s.description, ...(s.hints ?? []), ...(s.goals ?? []).map((g) => g.title), ...(s.solution?.explanation ? [s.solution.explanation] : [])];
}

describe('the built-in library', () => {
  it('has at least 14 scenarios with unique ids, at least 8 of them exercises, listed in order', () => {
    expect(builtInScenarios.length).toBeGreaterThanOrEqual(14);
    expect(exercises.length).toBeGreaterThanOrEqual(8);
    expect(new Set(builtInScenarios.map((s) => s.id)).size).toBe(builtInScenarios.length);
    const listed = listScenarios();
    expect(listed.map((l) => l.order)).toEqual(builtInScenarios.map((_, i) => i + 1));
    expect(listed[0]).toMatchObject({ id: 'first-fargate-service', kind: 'exercise', exercise: 1 });
    expect(listed.filter((l) => l.kind === 'exercise').map((l) => l.exercise)).toEqual(exercises.map((_, i) => i + 1));
    expect(listed.filter((l) => l.kind === 'demo').every((l) => l.exercise === undefined)).toBe(true);
    expect(getScenario('circuit-breaker-rollback')?.kind).toBe('exercise');
    expect(getScenario('nope')).toBeUndefined();
  });

  it('writes every title, description, hint and goal in English and Korean', () => {
    for (const s of builtInScenarios) {
      for (const t of texts(s)) {
        expect(t.en.length, s.id).toBeGreaterThan(0);
        expect(t.ko, `${s.id}: ${t.en}`).toMatch(/[가-힣]/);
      }
    }
  });

  it.each(builtInScenarios.map((s) => [s.id, s] as const))('%s loads without errors, from its object and from its JSON text', (_id, s) => {
    expect(loadScenario(s)).toEqual({ ok: true, scenario: JSON.parse(JSON.stringify(s)), errors: [] });
    expect(loadScenario(JSON.stringify(s, null, 2)).errors).toEqual([]);
  });

  it.each(builtInScenarios.map((s) => [s.id, s] as const))('%s runs to its end in Node, every scripted step applying', (_id, s) => {
    const sim = startScenario(s);
    runToEnd(s, sim);
    expect(sim.now()).toBe(scenarioEndMs(s));
    const failed = sim.events.filter((e) => e.type === 'script.stepFailed').map((e) => e.message);
    // Fargate Spot: untouched, nothing runs on Spot, so the scripted interruption finds no task (said in the description)
    expect(failed, s.id).toEqual(s.id === 'fargate-spot-base-weight' ? [expect.stringContaining('No task matches')] : []);
    const applied = sim.events.filter((e) => e.type === 'script.stepApplied').length;
    expect(applied + failed.length).toBe(s.script?.length ?? 0);
  });
});

describe.each(exercises.map((s) => [s.id, s] as const))('exercise %s', (_id, s) => {
  it('fails its goals when left untouched', () => {
    const sim = startScenario(s);
    runToEnd(s, sim);
    const results = checkGoals(s, sim);
    expect(results.map((r) => r.id)).toEqual(s.goals!.map((g) => g.id));
    expect(results.some((r) => !r.pass)).toBe(true);
    for (const r of results) {
      expect(r.evidence.length).toBeGreaterThan(0);
      expect(r.evidenceKo).toMatch(/[가-힣]/);
    }
  });

  it('passes every goal once its solution is applied at the start', () => {
    const sim = startScenario(s);
    expect(solve(s, sim).scheduled).toBe(s.solution!.steps.length);
    runToEnd(s, sim);
    const results = checkGoals(s, sim);
    expect(results.filter((r) => !r.pass).map((r) => `${r.id}: ${r.evidence}`)).toEqual([]);
    expect(sim.events.filter((e) => e.type === 'script.stepFailed')).toEqual([]);
  });
});
