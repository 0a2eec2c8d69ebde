/**
 * The open scenario's JSON as the learner edits it: every keystroke is kept as a draft in this
 * browser (one per scenario id, as task definition drafts are; drafts.ts), checked with loadScenario
 * (errors with JSON pointer, line and column), and loaded on request as the lesson to run.
 */
import { loadScenario, type LoadResult, type Scenario } from '../../scenarios';
import { DraftBook, localTextStore } from '../drafts';
import type { Lessons } from '../lessons.svelte';

export const SCENARIO_DRAFTS_KEY = 'ecs-playground.scenario.drafts';

/** The scenario as pretty JSON, the way the editor starts. */
export function scenarioText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

const draftId = (scenarioId: string) => `scenario:${scenarioId}`;

export class ScenarioDraft {
  text = $state('');
  result = $state.raw<LoadResult>({ ok: true, errors: [] });
  /** false when this browser would not keep the draft (it is kept in memory for this visit) */
  kept = $state(true);
  /** the text was loaded as the running lesson, and not changed since */
  loaded = $state(false);
  /** bumps when the text is replaced from outside the editor (reset), so the editor takes it */
  replacement = $state.raw<{ seq: number; text: string } | undefined>();
  readonly #book: DraftBook;
  readonly #scenarioId: string;
  readonly #original: string;

  /** `original`: the scenario as it runs now (built-in or an earlier edit). */
  constructor(original: Scenario, book: DraftBook = new DraftBook(localTextStore(SCENARIO_DRAFTS_KEY), 20)) {
    this.#book = book;
    this.#scenarioId = original.id;
    this.#original = scenarioText(original);
    this.text = book.get(draftId(original.id))?.text ?? this.#original;
    this.result = loadScenario(this.text);
  }

  /** The editor's text changed: keep it, check it. */
  edit(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.loaded = false;
    this.result = loadScenario(text);
    this.kept = this.#book.save(draftId(this.#scenarioId), text);
  }

  /** Back to the scenario as it runs now (the draft is overwritten; the editor can undo it). */
  reset(): void {
    this.edit(this.#original);
    this.replacement = { seq: (this.replacement?.seq ?? 0) + 1, text: this.#original };
  }

  /** Starts the edited scenario as the lesson. False (errors in `result`) when it does not load. */
  load(lessons: Lessons): boolean {
    const result = loadScenario(this.text);
    this.result = result;
    if (!result.ok || !result.scenario) return false;
    lessons.startEdited(result.scenario);
    this.loaded = true;
    return true;
  }
}
