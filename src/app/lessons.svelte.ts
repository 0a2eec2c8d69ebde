/**
 * The built-in scenarios in the app: which one is open, its goals checked against the running
 * simulation, hints revealed one at a time, and the solution on request.
 */
import { checkGoals, getScenario, listScenarios, solve, startScenario, type GoalResult, type Scenario, type Text } from '../scenarios';
import type { Locale } from './messages';
import type { Playground } from './playground.svelte';

export function localText(text: Text | undefined, locale: Locale): string {
  if (!text) return '';
  return (locale === 'ko' ? text.ko : undefined) ?? text.en;
}

export class Lessons {
  current = $state.raw<Scenario | undefined>();
  hintsShown = $state(0);
  readonly listing = listScenarios();
  #playground: Playground;

  constructor(playground: Playground) {
    this.#playground = playground;
  }

  /** Starts a built-in scenario on a fresh simulation. Returns false for an unknown id. */
  start(id: string): boolean {
    const scenario = getScenario(id);
    if (!scenario) return false;
    this.#playground.replace(startScenario(scenario));
    this.current = scenario;
    this.hintsShown = 0;
    return true;
  }

  /** The open scenario's goals, checked against the simulation as it is now. */
  results(): GoalResult[] {
    const scenario = this.current;
    if (!scenario?.goals?.length) return [];
    return checkGoals(scenario, this.#playground.sim);
  }

  showHint(): void {
    this.hintsShown = Math.min(this.hintsShown + 1, this.current?.hints?.length ?? 0);
  }

  /** Schedules the solution's steps from now on, as a learner would have made them. */
  showSolution(): void {
    const scenario = this.current;
    if (scenario) this.#playground.act((sim) => solve(scenario, sim));
  }

  close(): void {
    this.current = undefined;
    this.hintsShown = 0;
  }
}
