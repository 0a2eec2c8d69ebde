import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInScenarios, loadScenario } from './index';

const texts = builtInScenarios.map((s) => JSON.stringify(s, null, 2));

/** Loads, checks the result's shape, and returns how long it took (ms). */
function timedLoad(input: string | object): number {
  const t0 = performance.now();
  const r = loadScenario(input);
  const ms = performance.now() - t0;
  expect(typeof r.ok).toBe('boolean');
  expect(r.ok).toBe(r.errors.length === 0);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
  }
  return ms;
}

/** Sets a random member somewhere in a JSON value to a random value. */
function mutate(value: unknown, pathPick: number[], replacement: unknown): unknown {
  if (pathPick.length === 0 || !value || typeof value !== 'object') return replacement;
  const keys = Object.keys(value as object);
  if (keys.length === 0) return replacement;
  const k = keys[pathPick[0] % keys.length];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  copy[k] = mutate(copy[k], pathPick.slice(1), replacement);
  return copy;
}

describe('loadScenario never throws and stays fast', () => {
  it('on random JSON text and random values', () => {
    let worst = 0;
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.anything()), (input) => {
        worst = Math.max(worst, timedLoad(typeof input === 'string' ? input : (input as object)));
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(worst).toBeLessThan(500);
  });

  it('on built-in scenarios with a member replaced by a random value', () => {
    let worst = 0;
    fc.assert(
      fc.property(fc.nat(builtInScenarios.length - 1), fc.array(fc.nat(), { maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), (i, path, replacement) => {
        worst = Math.max(worst, timedLoad(mutate(builtInScenarios[i], path, replacement) as object));
      }),
      { numRuns: 300, seed: 12 },
    );
    expect(worst).toBeLessThan(500);
  });

  it('on built-in scenario texts with characters cut, repeated or inserted', () => {
    let worst = 0;
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.nat(), fc.nat(20), fc.string({ maxLength: 4 }), (i, at, cut, insert) => {
        const t = texts[i];
        const pos = at % t.length;
        worst = Math.max(worst, timedLoad(t.slice(0, pos) + insert + t.slice(pos + cut)));
      }),
      { numRuns: 300, seed: 13 },
    );
    expect(worst).toBeLessThan(500);
  });

  it('on deep nesting and very large input', () => {
    expect(timedLoad('['.repeat(100_000))).toBeLessThan(500);
    expect(timedLoad(`{"id": "${'x'.repeat(600_000)}"}`)).toBeLessThan(500);
    let deep: unknown = { type: 'rollbackHappened', cluster: 'c', service: 's' };
    for (let i = 0; i < 60; i++) deep = { type: 'not', goal: deep };
    const scenario = JSON.parse(texts[0]);
    scenario.goals[0].check = deep;
    expect(timedLoad(scenario)).toBeLessThan(500);
  });
});
