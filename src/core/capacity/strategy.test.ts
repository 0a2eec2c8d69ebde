import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distribute, distributionCounts, nextProvider, type StrategyItem } from './strategy';

const example: StrategyItem[] = [
  { capacityProvider: 'FARGATE', base: 2, weight: 1 },
  { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 3 },
];

describe('capacity provider strategy distribution', () => {
  it('reference §10.2: base 2 on FARGATE, then 1:3 → 10 tasks are FARGATE 4, FARGATE_SPOT 6', () => {
    expect(distributionCounts(example, 10)).toEqual({ FARGATE: 4, FARGATE_SPOT: 6 });
    expect(distribute(example, 2)).toEqual(['FARGATE', 'FARGATE']);
  });

  it('the 11th task goes to the provider below its weight share (FARGATE_SPOT: 9 × 3/4 = 6.75 → 7)', () => {
    expect(nextProvider(example, { FARGATE: 4, FARGATE_SPOT: 6 })).toBe('FARGATE_SPOT');
    expect(distributionCounts(example, 11)).toEqual({ FARGATE: 4, FARGATE_SPOT: 7 });
  });

  it('continues from what a service already runs (scaling 10 → 12 adds one to each side)', () => {
    expect(distribute(example, 2, { FARGATE: 4, FARGATE_SPOT: 6 })).toEqual(['FARGATE_SPOT', 'FARGATE']);
  });

  it('weight 1 vs weight 4: one task on A for every four on B', () => {
    const s: StrategyItem[] = [
      { capacityProvider: 'A', base: 0, weight: 1 },
      { capacityProvider: 'B', base: 0, weight: 4 },
    ];
    expect(distributionCounts(s, 10)).toEqual({ A: 2, B: 8 });
  });

  it('a single provider with weight 0 takes every task; weight-0 providers beside weighted ones take none beyond their base', () => {
    expect(distributionCounts([{ capacityProvider: 'FARGATE_SPOT', base: 0, weight: 0 }], 3)).toEqual({ FARGATE_SPOT: 3 });
    const s: StrategyItem[] = [
      { capacityProvider: 'A', base: 1, weight: 0 },
      { capacityProvider: 'B', base: 0, weight: 1 },
    ];
    expect(distributionCounts(s, 5)).toEqual({ A: 1, B: 4 });
  });

  it('property: the base is filled first, then every provider holds its weight share of the rest, within one task', () => {
    const strategy = fc
      .array(fc.record({ base: fc.integer({ min: 0, max: 5 }), weight: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 5 })
      .map((items) => items.map((x, i) => ({ capacityProvider: `cp${i}`, base: i === 0 ? x.base : 0, weight: x.weight })))
      .filter((items) => items.length === 1 || items.some((i) => i.weight > 0));
    fc.assert(
      fc.property(strategy, fc.integer({ min: 0, max: 60 }), (items, count) => {
        const order = distribute(items, count);
        const base = items[0].base;
        // The base provider gets the first min(base, count) tasks.
        expect(order.slice(0, Math.min(base, count)).every((p) => p === items[0].capacityProvider)).toBe(true);
        const counts = distributionCounts(items, count);
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(count);
        const total = items.reduce((s, i) => s + i.weight, 0);
        const rest = Math.max(0, count - base);
        for (const i of items) {
          const nonBase = counts[i.capacityProvider] - (i === items[0] ? Math.min(base, count) : 0);
          if (total === 0) continue;
          if (i.weight === 0) expect(nonBase).toBe(0);
          else expect(Math.abs(nonBase - (i.weight / total) * rest)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
