import { afterEach, describe, expect, it } from 'vitest';
import { recipeOf } from '../../core';
import { getScenario } from '../../scenarios';
import { Lessons } from '../lessons.svelte';
import { Playground } from '../playground.svelte';
import type { AutosaveTimers } from './autosave';
import { SessionController } from './session.svelte';
import { SESSION_KEY } from './sessionStore';

const manualTimers: AutosaveTimers = { set: () => 0, clear: () => undefined, now: () => 0 };

afterEach(() => localStorage.clear());

function app() {
  const playground = new Playground();
  const lessons = new Lessons(playground);
  const session = new SessionController(playground, { timers: manualTimers, lessons });
  return { playground, lessons, session };
}

describe('sessions keep the open lesson', () => {
  it('autosave → reload opens the same exercise with the hints that were shown, goals checked against the restored simulation', async () => {
    const a = app();
    await a.session.start('');
    a.lessons.start('first-fargate-service');
    a.lessons.showHint();
    a.session.changed();
    expect(a.session.flush()).toBe(true);
    expect(JSON.parse(localStorage.getItem(SESSION_KEY)!).lesson).toEqual({ id: 'first-fargate-service', hintsShown: 1 });

    const b = app();
    await b.session.start('');
    expect(b.lessons.current?.id).toBe('first-fargate-service');
    expect(b.lessons.hintsShown).toBe(1);
    expect(b.session.notice?.kind).toBe('restored');
    expect(b.lessons.results().map((g) => g.pass)).toEqual(a.lessons.results().map((g) => g.pass));
  });

  it('a share link and a session file carry the lesson to another browser', async () => {
    const a = app();
    a.lessons.start('first-fargate-service');
    const url = await a.session.shareUrl('https://x.test/');
    const b = app();
    await b.session.start(new URL(url).hash);
    expect(b.session.notice?.kind).toBe('shared');
    expect(b.lessons.current?.id).toBe('first-fargate-service');

    const c = app();
    expect(c.session.importText(a.session.exportText()).ok).toBe(true);
    expect(c.lessons.current?.id).toBe('first-fargate-service');
  });

  it('keeps an edited scenario itself, so its changed goals come back', async () => {
    const a = app();
    const edited = structuredClone(getScenario('first-fargate-service')!);
    edited.title = { en: 'My own version' };
    a.lessons.startEdited(edited);
    const file = JSON.parse(a.session.exportText());
    expect(file.lesson.scenario.title).toEqual({ en: 'My own version' });
    const b = app();
    expect(b.session.importText(JSON.stringify(file)).ok).toBe(true);
    expect(b.lessons.current?.title).toEqual({ en: 'My own version' });
    expect(b.lessons.edited).toBe(true);
  });

  it('start fresh closes the lesson and undo brings it back', async () => {
    const a = app();
    a.lessons.start('first-fargate-service');
    a.session.startFresh();
    expect(a.lessons.current).toBeUndefined();
    a.session.restorePrevious();
    expect(a.lessons.current?.id).toBe('first-fargate-service');
  });

  it('a saved version 1 session naming its scenario opens that lesson after migration', async () => {
    const playground = new Playground();
    const lessons = new Lessons(playground);
    lessons.start('first-fargate-service');
    localStorage.setItem(SESSION_KEY, JSON.stringify({ format: 'ecs-playground/session', version: 1, scenario: 'first-fargate-service', recipe: recipeOf(playground.sim) }));
    const b = app();
    await b.session.start('');
    expect(b.lessons.current?.id).toBe('first-fargate-service');
    expect(b.lessons.hintsShown).toBe(0);
  });

  it('a lesson this version does not have is explained, and the simulation still comes back', async () => {
    const a = app();
    a.playground.act((sim) => sim.ecs.createCluster({ clusterName: 'kept' }));
    const file = JSON.parse(a.session.exportText());
    file.lesson = { id: 'retired-lesson', hintsShown: 0 };
    const b = app();
    expect(b.session.importText(JSON.stringify(file)).ok).toBe(true);
    expect(b.session.notice).toEqual({ kind: 'lessonError', params: { message: 'this version has no scenario "retired-lesson"' } });
    expect(b.lessons.current).toBeUndefined();
    expect(b.playground.sim.state.clusters.kept).toBeDefined();
  });
});
