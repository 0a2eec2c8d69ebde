/** `checkGoals`: every goal of a scenario against a simulation, with pass/fail and the evidence. */
import type { Simulation } from '../core/index';
import { evaluateGoal } from './goals/evaluate';
import { refsOf } from './refs';
import { scenarioStartMs } from './start';
import type { GoalResult, Scenario } from './types';

export function checkGoals(scenario: Scenario, sim: Simulation): GoalResult[] {
  const ctx = { sim, refs: refsOf(scenario, sim), startMs: scenarioStartMs(scenario) };
  return (scenario.goals ?? []).map((g) => {
    const v = evaluateGoal(g.check, ctx);
    const out: GoalResult = { id: g.id, title: g.title, pass: v.pass, evidence: v.evidence };
    if (v.evidenceKo !== undefined) out.evidenceKo = v.evidenceKo;
    return out;
  });
}
