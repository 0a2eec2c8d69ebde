/**
 * The "show me" button: the solution's steps scheduled from now (each `after` seconds later) through
 * `sim.script.scheduleSteps`, so they are journaled, replay exactly and show in the event log; the
 * ones due now fire at once.
 */
import type { Simulation } from '../core/index';
import { toStep } from './actions';
import { ScenarioError } from './errors';
import { refsOf } from './refs';
import type { Scenario } from './types';

export function solve(scenario: Scenario, sim: Simulation): { scheduled: number } {
  const steps = scenario.solution?.steps ?? [];
  if (steps.length === 0) return { scheduled: 0 };
  const refs = refsOf(scenario, sim);
  const now = sim.now();
  const script = steps.map((s, i) => toStep(refs, s, now + Math.round((s.after ?? 0) * 1000), `/solution/steps/${i}`, `Solution step #${i + 1}`));
  try {
    sim.script.scheduleSteps({ steps: script });
  } catch (e) {
    throw new ScenarioError('/solution/steps', e instanceof Error ? e.message : String(e));
  }
  sim.advance(0);
  return { scheduled: script.length };
}
