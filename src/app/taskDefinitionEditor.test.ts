import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { taskDefinitionSnippets } from '../core/taskdef/snippets';
import { DraftBook, type TextStore } from './drafts';
import { Playground } from './playground.svelte';
import { TaskDefinitionEditor, VALIDATE_DELAY_MS } from './taskDefinitionEditor.svelte';
import { playgroundRegistry } from './taskDefinitionRegistry';
import { toEditorText } from './taskDefinitionText';

/** In-memory storage that can be switched to refuse writes, like a full or disabled localStorage. */
function memoryStore(initial?: string): TextStore & { value: string | undefined; refuse: boolean } {
  return {
    value: initial,
    refuse: false,
    read() {
      return this.value;
    },
    write(v) {
      if (this.refuse) return false;
      this.value = v;
      return true;
    },
  };
}

const fargate = (family: string, memory = '512') =>
  toEditorText({
    family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory,
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true }],
  });

function setup(store = memoryStore()) {
  const playground = new Playground({ seed: 1 });
  const editor = new TaskDefinitionEditor({ registry: playgroundRegistry(playground), drafts: new DraftBook(store) });
  return { playground, editor, store };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('TaskDefinitionEditor', () => {
  it('starts with the first example, valid and saved as a draft', () => {
    const { editor, store } = setup();
    expect(editor.text).toBe(toEditorText(taskDefinitionSnippets[0].definition));
    expect(editor.result?.ok).toBe(true);
    expect(editor.problems).toEqual([]);
    expect(store.value).toContain('"family": "web"'.replace(/"/g, '\\"'));
  });

  it('validates ~200 ms after the last keystroke, not on every one', () => {
    const { editor } = setup();
    editor.setText(fargate('web', '3000'));
    editor.setText(fargate('web', '30000'));
    expect(editor.pending).toBe(true);
    expect(editor.result?.ok).toBe(true); // still the previous text's result
    vi.advanceTimersByTime(VALIDATE_DELAY_MS - 1);
    expect(editor.result?.ok).toBe(true);
    vi.advanceTimersByTime(1);
    expect(editor.pending).toBe(false);
    expect(editor.result?.ok).toBe(false);
    const problem = editor.problems.find((p) => p.severity === 'error');
    expect(problem?.path).toBe('/memory');
    expect(problem?.line).toBe(8); // "memory": "30000"
    expect(problem?.column).toBeGreaterThan(1);
  });

  it('flush validates and saves at once', () => {
    const { editor, store } = setup();
    editor.setText(fargate('api'));
    editor.flush();
    expect(editor.pending).toBe(false);
    expect(editor.family).toBe('api');
    expect(JSON.parse(store.value!).drafts[0][1]).toBe(fargate('api'));
  });

  it('keeps the family it last read while the JSON is broken mid-edit', () => {
    const { editor } = setup();
    editor.setText(fargate('api'));
    editor.flush();
    editor.setText('{\n  "taskR"\n' + fargate('api').slice(2));
    editor.flush();
    expect(editor.result?.ok).toBe(false);
    expect(editor.family).toBe('api');
    expect(editor.drafts.find((d) => d.id === editor.draftId)?.family).toBe('api');
    editor.setText('{ "containerDefinitions": [] }');
    editor.flush();
    expect(editor.family).toBeUndefined();
  });

  it('registers revision 1, then 2, and keeps the text', () => {
    const { editor } = setup();
    editor.setText(fargate('web'));
    const first = editor.register();
    expect(first).toEqual({ ok: true, arn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1', family: 'web', revision: 1 });
    expect(editor.register()).toMatchObject({ ok: true, revision: 2 });
    expect(editor.text).toBe(fargate('web'));
  });

  it('shows the ECS error with code and message, located in the text, and keeps the text', () => {
    const { editor, playground } = setup();
    editor.setText(fargate('web', '3000'));
    const outcome = editor.register();
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.code).toBe('ClientException');
    expect(outcome.message).toMatch(/memory/);
    expect(outcome.line).toBe(8);
    expect(editor.text).toBe(fargate('web', '3000'));
    expect(playground.sim.ecs.listTaskDefinitions({}).taskDefinitionArns).toEqual([]);
  });

  it('reports broken JSON without calling the API', () => {
    const { editor } = setup();
    editor.setText('{ "family": "web", ');
    const outcome = editor.register();
    expect(outcome).toMatchObject({ ok: false, code: 'ClientException', line: 1 });
  });

  it('unwraps pasted describe-task-definition output and offers the clean request', () => {
    const { editor, playground } = setup();
    playground.act((sim) => sim.ecs.registerTaskDefinition(JSON.parse(fargate('web'))));
    const described = playground.sim.ecs.describeTaskDefinition({ taskDefinition: 'web:1' });
    editor.setText(JSON.stringify(described, null, 2));
    vi.advanceTimersByTime(VALIDATE_DELAY_MS);
    expect(editor.result?.ok).toBe(true);
    expect(editor.problems.some((p) => p.severity === 'warning')).toBe(true);
    expect(editor.cleanup).toBeDefined();
    const cleaned = JSON.parse(editor.cleanup!);
    expect(cleaned.family).toBe('web');
    expect(cleaned).not.toHaveProperty('taskDefinitionArn');
    expect(cleaned).not.toHaveProperty('revision');

    // Registering the pasted output as it is works too: the wrapper is unwrapped.
    expect(editor.register()).toMatchObject({ ok: true, revision: 2 });

    editor.acceptCleanup();
    expect(editor.text).toBe(toEditorText(cleaned));
    expect(editor.replacement).toMatchObject({ undoable: true });
    expect(editor.cleanup).toBeUndefined();
    expect(editor.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('keeps one draft per family across reloads and reopens the one left open', () => {
    const store = memoryStore();
    const first = setup(store).editor;
    first.setText(fargate('web'));
    first.flush();
    first.loadExample('ec2-bridge-dynamic-ports');
    first.setText(first.text.replace('"api-bridge"', '"api"'));
    first.flush();
    expect(first.drafts.map((d) => d.family).sort()).toEqual(['api', 'web']);

    // a reload
    const second = setup(store).editor;
    expect(second.family).toBe('api');
    const web = second.drafts.find((d) => d.family === 'web')!;
    second.openDraft(web.id);
    expect(second.text).toBe(fargate('web'));
    expect(second.replacement).toMatchObject({ text: fargate('web'), undoable: false });

    // and the draft switched away from is still there
    const api = second.drafts.find((d) => d.family === 'api')!;
    second.openDraft(api.id);
    expect(second.family).toBe('api');
  });

  it('saves pending typing before switching drafts', () => {
    const { editor } = setup();
    editor.setText(fargate('typed-fast'));
    editor.loadExample('fargate-one-shot-job');
    expect(editor.drafts.some((d) => d.family === 'typed-fast')).toBe(true);
  });

  it('reuses the draft that still holds an unchanged example', () => {
    const { editor } = setup();
    const before = editor.drafts.length;
    editor.loadExample('fargate-web'); // the starting draft is exactly this example
    expect(editor.drafts.length).toBe(before);
  });

  it('opens a registered family from its latest revision', () => {
    const { editor, playground } = setup();
    playground.act((sim) => sim.ecs.registerTaskDefinition(JSON.parse(fargate('batch'))));
    playground.act((sim) => sim.ecs.registerTaskDefinition(JSON.parse(fargate('batch', '1024'))));
    editor.openFamily('batch');
    expect(editor.family).toBe('batch');
    expect(JSON.parse(editor.text).memory).toBe('1024');
    expect(editor.result?.ok).toBe(true);
  });

  it('survives storage that refuses writes and says so', () => {
    const store = memoryStore();
    store.refuse = true;
    const { editor } = setup(store);
    editor.setText(fargate('web'));
    editor.flush();
    expect(editor.saved).toBe(false);
    expect(editor.text).toBe(fargate('web'));
    store.refuse = false;
    editor.setText(fargate('web', '1024'));
    editor.flush();
    expect(editor.saved).toBe(true);
  });

  it('starts fresh when stored drafts are garbage', () => {
    for (const garbage of ['{not json', '"a string"', '{"v":1,"drafts":[[1,2,3],null,["x"]]}', '{"v":99,"drafts":[]}']) {
      const { editor } = setup(memoryStore(garbage));
      expect(editor.result?.ok).toBe(true);
      expect(editor.family).toBe('web');
    }
  });
});

describe('DraftBook', () => {
  it('drops the oldest other drafts from storage when it is full, keeping the active one', () => {
    const store = memoryStore();
    const book = new DraftBook(store);
    book.save('a', 'x'.repeat(100));
    book.save('b', 'y'.repeat(100));
    const original = store.write.bind(store);
    store.write = (v: string) => (v.length > 300 ? false : original(v));
    expect(book.save('c', 'z'.repeat(50))).toBe(true);
    const stored = JSON.parse(store.value!);
    expect(stored.active).toBe('c');
    expect(stored.drafts.map((d: [string]) => d[0])).toEqual(['c', 'b']);
    // nothing is forgotten for this visit
    expect(book.list().map((d) => d.id)).toEqual(['c', 'b', 'a']);
  });

  it('keeps at most `limit` drafts, forgetting the least recently saved', () => {
    const book = new DraftBook(memoryStore(), 2);
    book.save('a', '1');
    book.save('b', '2');
    book.save('c', '3');
    expect(book.list().map((d) => d.id)).toEqual(['c', 'b']);
  });
});

describe('playgroundRegistry', () => {
  it('lists revisions with their current status, and starts over after Reset', () => {
    const playground = new Playground({ seed: 1 });
    const registry = playgroundRegistry(playground);
    const request = JSON.parse(fargate('web'));
    registry.register(request);
    expect(registry.revisions('web').map((r) => `${r.revision} ${r.status}`)).toEqual(['1 ACTIVE']);
    playground.act((sim) => sim.ecs.deregisterTaskDefinition({ taskDefinition: 'web:1' }));
    expect(registry.revisions('web').map((r) => `${r.revision} ${r.status}`)).toEqual(['1 INACTIVE']);
    registry.register(request);
    expect(registry.revisions('web').map((r) => `${r.revision} ${r.status}`)).toEqual(['1 INACTIVE', '2 ACTIVE']);
    expect(registry.families()).toEqual(['web']);
    playground.reset();
    expect(registry.revisions('web')).toEqual([]);
    expect(registry.families()).toEqual([]);
  });
});
