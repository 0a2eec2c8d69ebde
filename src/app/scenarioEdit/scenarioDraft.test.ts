import { describe, expect, it } from 'vitest';
import { getScenario } from '../../scenarios';
import { DraftBook, type TextStore } from '../drafts';
import { Lessons } from '../lessons.svelte';
import { Playground } from '../playground.svelte';
import { ScenarioDraft, scenarioText } from './scenarioDraft.svelte';

const memoryStore = (): TextStore & { value?: string } => {
  const store: TextStore & { value?: string } = { read: () => store.value, write: (v) => ((store.value = v), true) };
  return store;
};

const first = () => getScenario('first-fargate-service')!;

describe('ScenarioDraft', () => {
  it('starts from the scenario as pretty JSON, which loads without errors', () => {
    const draft = new ScenarioDraft(first(), new DraftBook(memoryStore()));
    expect(draft.text).toBe(scenarioText(first()));
    expect(draft.result.ok).toBe(true);
  });

  it('keeps every edit as a draft, so a reload (a new draft on the same store) gets the typed text back', () => {
    const store = memoryStore();
    const draft = new ScenarioDraft(first(), new DraftBook(store));
    const typed = draft.text.replace('"seed": 101', '"seed": 7,,');
    draft.edit(typed);
    const again = new ScenarioDraft(first(), new DraftBook(store));
    expect(again.text).toBe(typed);
  });

  it('reports a load error with its JSON pointer, line and column', () => {
    const draft = new ScenarioDraft(first(), new DraftBook(memoryStore()));
    const text = draft.text.replace('"durationSeconds": 300', '"durationSeconds": "long"');
    draft.edit(text);
    expect(draft.result.ok).toBe(false);
    const error = draft.result.errors.find((e) => e.path === '/durationSeconds');
    expect(error).toBeDefined();
    const line = text.split('\n').findIndex((l) => l.includes('"durationSeconds": "long"')) + 1;
    expect(error!.line).toBe(line);
    expect(error!.column).toBe(text.split('\n')[line - 1].indexOf('"long"') + 1);
  });

  it('loads an edited scenario as the running lesson, and refuses one with errors without touching the lesson', () => {
    const playground = new Playground();
    const lessons = new Lessons(playground);
    lessons.start('first-fargate-service');
    const draft = new ScenarioDraft(first(), new DraftBook(memoryStore()));
    const scenario = JSON.parse(draft.text);
    scenario.goals[0].check.equals = 3;
    scenario.goals[0].title.en = 'Service web has 3 RUNNING Fargate tasks';
    draft.edit(JSON.stringify(scenario, null, 2));
    expect(draft.load(lessons)).toBe(true);
    expect(lessons.edited).toBe(true);
    expect(lessons.current?.goals?.[0].title.en).toBe('Service web has 3 RUNNING Fargate tasks');
    expect(lessons.ref()?.scenario).toBeDefined();

    draft.edit('{ "id": ');
    expect(draft.load(lessons)).toBe(false);
    expect(draft.result.errors[0]).toMatchObject({ line: 1 });
    expect(lessons.current?.goals?.[0].title.en).toBe('Service web has 3 RUNNING Fargate tasks');
  });

  it('reset brings back the running scenario and tells the editor', () => {
    const draft = new ScenarioDraft(first(), new DraftBook(memoryStore()));
    draft.edit('{}');
    draft.reset();
    expect(draft.text).toBe(scenarioText(first()));
    expect(draft.replacement?.text).toBe(scenarioText(first()));
  });
});
