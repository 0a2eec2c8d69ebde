import { describe, expect, it } from 'vitest';
import { createSimulation, recipeOf, replay } from '../index';
import { learnerSession } from './learnerSession.fixture';
import { migrateSession, SESSION_FORMAT, SESSION_VERSION } from './migrate';
import { openSession, parseSession, readSession, sessionOf } from './payload';

describe('session payloads', () => {
  it('sessionOf → JSON → parseSession → openSession gives an identical event log and state', () => {
    const sim = learnerSession();
    const text = JSON.stringify(sessionOf(sim, { form: 'smaller' }));
    const read = parseSession(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const opened = openSession(read.value);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(JSON.stringify(opened.value.events)).toBe(JSON.stringify(sim.events));
    expect(JSON.stringify(opened.value.snapshot())).toBe(JSON.stringify(sim.snapshot()));
  });

  it("form 'smaller' picks the recipe when the snapshot is longer, and a snapshot payload opens too", () => {
    const sim = learnerSession();
    expect(sessionOf(sim, { form: 'smaller' }).recipe).toBeDefined();
    const snapshotPayload = { format: SESSION_FORMAT, version: SESSION_VERSION, snapshot: sim.snapshot() };
    const read = readSession(JSON.parse(JSON.stringify(snapshotPayload)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const opened = openSession(read.value);
    expect(opened.ok && opened.value.now()).toBe(sim.now());
  });

  it('keeps the open lesson: scenario id, hints shown, and an edited scenario', () => {
    const lesson = { id: 'first-service', hintsShown: 2, scenario: { format: 'ecs-playground/scenario', id: 'first-service' } };
    const p = sessionOf(createSimulation(), { lesson });
    expect(p.lesson).toEqual(lesson);
    const read = readSession(JSON.parse(JSON.stringify(p)));
    expect(read.ok && read.value.lesson).toEqual(lesson);
  });

  it.each([
    [{ id: '', hintsShown: 0 }, 'lesson.id should be a short scenario id'],
    [{ id: 'x', hintsShown: -1 }, 'lesson.hintsShown should be a whole number from 0 to 100'],
    [{ id: 'x', hintsShown: 0, scenario: [] }, 'lesson.scenario should be a scenario object'],
    [{ id: 'x', hintsShown: 0, goals: [] }, 'lesson has an unexpected member "goals"'],
  ])('refuses a damaged lesson %j', (lesson, message) => {
    const p = { ...sessionOf(createSimulation()), lesson };
    expect(readSession(p)).toEqual({ ok: false, message });
  });

  it.each([
    ['not JSON', '{nope', /JSON|Unexpected|token/i],
    ['another format', JSON.stringify({ format: 'x', version: 1 }), /not an ECS Playground session/],
    ['a newer version', JSON.stringify({ format: SESSION_FORMAT, version: 99, recipe: {} }), /newer ECS Playground/],
    ['both forms', JSON.stringify({ format: SESSION_FORMAT, version: 1 }), /either a recipe or a snapshot/],
    ['a prototype key', `{"format":"${SESSION_FORMAT}","version":1,"__proto__":{"x":1}}`, /__proto__/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const read = parseSession(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
  });

  it('refuses a journal with an unknown operation, time going back, or an end past the limit', () => {
    const base = sessionOf(learnerSession({ minutes: 4 }));
    const bad = (mutate: (r: Record<string, any>) => void) => {
      const copy = JSON.parse(JSON.stringify(base));
      mutate(copy.recipe);
      const read = readSession(copy);
      return read.ok ? 'ok' : read.message;
    };
    expect(bad((r) => (r.journal[0].operation = 'constructor'))).toMatch(/operation "constructor" is unknown/);
    expect(bad((r) => (r.journal[1].at = -5))).toMatch(/journal\[1\]\.at/);
    expect(bad((r) => (r.journal[r.journal.length - 1].at = 0))).toMatch(/at should not go back/);
    expect(bad((r) => (r.end.at = 10 ** 12))).toMatch(/recipe\.end/);
    expect(bad((r) => (r.options.accountId = 'x'))).toMatch(/accountId/);
    expect(bad(() => undefined)).toBe('ok');
  });

  it('a recipe whose journal does not fit its simulation fails to open with a message, not a throw', () => {
    const p = sessionOf(learnerSession({ minutes: 4 }));
    p.recipe!.journal[p.recipe!.journal.length - 1].fired = p.recipe!.end.fired;
    p.recipe!.end.fired += 10 ** 6;
    const opened = openSession(p);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.message).toMatch(/Replay: the journal does not match/);
  });
});

describe('migrateSession', () => {
  it('migrates a synthetic version 0 payload (seed + call tuples) into a current session that replays', () => {
    const sim = learnerSession({ minutes: 6 });
    const recipe = recipeOf(sim);
    const v0 = {
      v: 0,
      seed: recipe.options.seed,
      calls: recipe.journal.map((e) => [e.at, e.fired, `${e.api}.${e.operation}`, e.args]),
      end: [recipe.end.at, recipe.end.fired],
    };
    const migrated = migrateSession(JSON.parse(JSON.stringify(v0)));
    expect(migrated.ok).toBe(true);
    if (!migrated.ok) return;
    expect(migrated.value.version).toBe(SESSION_VERSION);
    const read = readSession(migrated.value);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.recipe).toEqual(recipe);
    expect(JSON.stringify(replay(read.value.recipe!).events)).toBe(JSON.stringify(sim.events));
  });

  it('migrates a version 1 payload with a scenario id into a version 2 session whose lesson is that scenario, no hints shown', () => {
    const sim = learnerSession({ minutes: 3 });
    const v1 = { format: SESSION_FORMAT, version: 1, scenario: 'rolling-update', recipe: recipeOf(sim) };
    const read = readSession(JSON.parse(JSON.stringify(v1)));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.version).toBe(2);
    expect(read.value.lesson).toEqual({ id: 'rolling-update', hintsShown: 0 });
    expect(read.value).not.toHaveProperty('scenario');
    expect(read.value.recipe).toEqual(recipeOf(sim));
  });

  it('migrates a version 1 payload without a scenario into a version 2 session without a lesson', () => {
    const v1 = { format: SESSION_FORMAT, version: 1, recipe: recipeOf(learnerSession({ minutes: 1 })) };
    const read = readSession(JSON.parse(JSON.stringify(v1)));
    expect(read.ok && read.value.version).toBe(2);
    expect(read.ok && read.value).not.toHaveProperty('lesson');
    expect(migrateSession({ ...v1, scenario: 7 })).toEqual({ ok: false, message: 'version 1 session: scenario should be a scenario id' });
  });

  it('refuses a broken version 0 payload with the reason', () => {
    const m = migrateSession({ v: 0, seed: 1, calls: [[0, 0, 'noDot', []]], end: [0, 0] });
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.message).toMatch(/call 0/);
  });
});
