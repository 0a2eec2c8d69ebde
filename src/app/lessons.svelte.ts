/**
 * The built-in scenarios in the app: which one is open, its goals checked against the running
 * simulation, hints revealed one at a time, and the solution on request.
 */
import { checkGoals, getScenario, listScenarios, loadScenario, solve, startScenario, type GoalResult, type Scenario, type Text } from '../scenarios';
import type { SessionLesson } from '../core/session';
import type { Locale } from './messages';
import type { Playground } from './playground.svelte';

export function localText(text: Text | undefined, locale: Locale): string {
  if (!text) return '';
  return (locale === 'ko' ? text.ko : undefined) ?? text.en;
}

export class Lessons {
  current = $state.raw<Scenario | undefined>();
  hintsShown = $state(0);
  /** the open scenario is the learner's edit of the JSON, not the built-in one as shipped */
  edited = $state(false);
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
    this.edited = false;
    return true;
  }

  /** Starts a scenario the learner edited (already checked by loadScenario) on a fresh simulation. */
  startEdited(scenario: Scenario): void {
    this.#playground.replace(startScenario(scenario));
    this.current = scenario;
    this.hintsShown = 0;
    this.edited = true;
  }

  /** What a session keeps of the open lesson (the scenario itself only when it was edited). */
  ref(): SessionLesson | undefined {
    const scenario = this.current;
    if (!scenario) return undefined;
    return { id: scenario.id, hintsShown: this.hintsShown, ...(this.edited ? { scenario: scenario as unknown as Record<string, unknown> } : {}) };
  }

  /**
   * Opens a session's lesson again without touching the simulation (the session brought that).
   * Returns a problem message when the lesson cannot be opened; the lesson is then closed.
   */
  restore(lesson: SessionLesson | undefined): string | undefined {
    this.close();
    if (!lesson) return undefined;
    let scenario: Scenario | undefined;
    if (lesson.scenario) {
      const loaded = loadScenario(lesson.scenario);
      if (!loaded.ok || !loaded.scenario) return `the edited scenario "${lesson.id}" does not load: ${loaded.errors[0]?.message ?? 'unknown problem'}`;
      scenario = loaded.scenario;
    } else {
      scenario = getScenario(lesson.id);
      if (!scenario) return `this version has no scenario "${lesson.id}"`;
    }
    this.current = scenario;
    this.edited = lesson.scenario !== undefined;
    this.hintsShown = Math.min(lesson.hintsShown, scenario.hints?.length ?? 0);
    return undefined;
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
    this.edited = false;
  }
}
