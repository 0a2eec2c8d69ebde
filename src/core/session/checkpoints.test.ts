import { describe, expect, it } from 'vitest';
import { recipeOf, replay } from '../index';
import { CheckpointStore, followJournal, positionOf, rebuildAt } from './checkpoints';
import { learnerSession } from './learnerSession.fixture';

const stateText = (sim: { snapshot(): unknown }) => JSON.stringify(sim.snapshot());

describe('checkpoints and rebuildAt', () => {
  const sim = learnerSession({ minutes: 40, scale: 2 });
  const recipe = recipeOf(sim);

  it('rebuildAt(recipe, T) equals replay(recipe, { until: T }) byte for byte, with and without checkpoints', () => {
    const store = new CheckpointStore({ intervalMs: 5 * 60_000 });
    for (const t of [0, 1, 90_000, 7 * 60_000 + 13, 21 * 60_000, 39 * 60_000, 40 * 60_000]) {
      const expected = stateText(replay(recipe, { until: t }));
      expect(stateText(rebuildAt(recipe, t))).toBe(expected);
      expect(stateText(rebuildAt(recipe, t, store)), `at ${t} from a checkpoint`).toBe(expected);
    }
    expect(store.count).toBeGreaterThan(4);
    // and once more, now that checkpoints exist everywhere
    for (const t of [3 * 60_000, 33 * 60_000 + 5]) expect(stateText(rebuildAt(recipe, t, store))).toBe(stateText(replay(recipe, { until: t })));
  });

  it('followJournal carries a past simulation forward along the recorded future to the exact end', () => {
    const past = rebuildAt(recipe, 12 * 60_000);
    let next = past.state.journal.length;
    next = followJournal(past, recipe.journal, next, 25 * 60_000, undefined, recipe.end);
    expect(stateText(past)).toBe(stateText(replay(recipe, { until: 25 * 60_000 })));
    followJournal(past, recipe.journal, next, recipe.end.at, undefined, recipe.end);
    expect(stateText(past)).toBe(stateText(sim));
  });

  it('truncate keeps only checkpoints on the way to a branch point', () => {
    const store = new CheckpointStore({ intervalMs: 5 * 60_000 });
    rebuildAt(recipe, recipe.end.at, store);
    const at = rebuildAt(recipe, 16 * 60_000, store);
    store.truncate(positionOf(at));
    expect(store.positions().every((p) => p.at <= 16 * 60_000)).toBe(true);
    expect(store.count).toBe(3);
  });

  it('stays within its count and size budget, spreading what it keeps', () => {
    const store = new CheckpointStore({ intervalMs: 60_000, maxCount: 6 });
    rebuildAt(recipe, recipe.end.at, store);
    expect(store.count).toBe(6);
    const ats = store.positions().map((p) => p.at);
    expect(ats[0]).toBe(60_000);
    expect(ats[ats.length - 1]).toBeGreaterThan(35 * 60_000);
    const small = new CheckpointStore({ intervalMs: 60_000, maxChars: 1 });
    rebuildAt(recipe, 10 * 60_000, small);
    expect(small.count).toBe(0);
    expect(small.chars).toBe(0);
  });
});

describe('a long session: 2 virtual hours, hundreds of tasks', () => {
  it('goes back to any time from checkpoints quickly, with bounded memory', { timeout: 120_000 }, () => {
    const long = learnerSession({ minutes: 120, scale: 70 });
    const tasks = Object.keys(long.state.tasks).length;
    expect(tasks).toBeGreaterThan(200);
    const recipe = recipeOf(long);
    const store = new CheckpointStore({ maxChars: 30_000_000 });
    const t0 = performance.now();
    rebuildAt(recipe, recipe.end.at, store);
    const full = performance.now() - t0;
    expect(store.chars).toBeLessThanOrEqual(30_000_000);
    expect(store.count).toBeGreaterThan(3);
    const t1 = performance.now();
    const at = rebuildAt(recipe, 97 * 60_000 + 500, store);
    const jump = performance.now() - t1;
    expect(stateText(at)).toBe(stateText(replay(recipe, { until: 97 * 60_000 + 500 })));
    console.log(`long session: ${tasks} tasks, ${long.events.length} events, full replay ${full.toFixed(0)} ms, jump ${jump.toFixed(0)} ms, ${store.count} checkpoints, ${(store.chars / 1e6).toFixed(1)} M chars`);
    expect(jump).toBeLessThan(full);
  });
});
