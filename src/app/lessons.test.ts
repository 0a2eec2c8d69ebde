import { describe, expect, it } from 'vitest';
import { Playground } from './playground.svelte';
import { Lessons, localText } from './lessons.svelte';

describe('Lessons', () => {
  it('lists the built-in library in course order, exercises numbered', () => {
    const lessons = new Lessons(new Playground());
    expect(lessons.listing.length).toBeGreaterThanOrEqual(14);
    const exercises = lessons.listing.filter((l) => l.kind === 'exercise');
    expect(exercises.map((e) => e.exercise)).toEqual(exercises.map((_, i) => i + 1));
  });

  it('starts an exercise whose goals fail untouched and pass once solved', () => {
    const playground = new Playground();
    const lessons = new Lessons(playground);
    expect(lessons.start('first-fargate-service')).toBe(true);
    expect(lessons.current?.id).toBe('first-fargate-service');
    const before = lessons.results();
    expect(before.length).toBeGreaterThan(0);
    expect(before.some((g) => !g.pass)).toBe(true);
    lessons.showSolution();
    playground.advance(30 * 60_000);
    expect(lessons.results().every((g) => g.pass)).toBe(true);
  });

  it('reveals hints one at a time, never more than there are', () => {
    const lessons = new Lessons(new Playground());
    lessons.start('first-fargate-service');
    const total = lessons.current?.hints?.length ?? 0;
    for (let i = 0; i < total + 2; i++) lessons.showHint();
    expect(lessons.hintsShown).toBe(total);
  });

  it('refuses unknown ids and picks the Korean text when there is one', () => {
    const lessons = new Lessons(new Playground());
    expect(lessons.start('nope')).toBe(false);
    expect(localText({ en: 'Hello', ko: '안녕하세요' }, 'ko')).toBe('안녕하세요');
    expect(localText({ en: 'Hello' }, 'ko')).toBe('Hello');
  });
});
