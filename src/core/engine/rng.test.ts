import { describe, expect, it } from 'vitest';
import { createRng, digits, hex, jittered, nextFloat, nextInt } from './rng';
import { newDeploymentId, newEc2InstanceId, newTaskId, newUuid } from './ids';

describe('seeded PRNG', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const seqA = Array.from({ length: 50 }, () => nextFloat(a));
    const seqB = Array.from({ length: 50 }, () => nextFloat(b));
    expect(seqA).toEqual(seqB);
  });

  it('gives different sequences for neighbouring seeds', () => {
    expect(nextFloat(createRng(1))).not.toEqual(nextFloat(createRng(2)));
  });

  it('keeps its whole state in one JSON-serialisable word', () => {
    const rng = createRng(7);
    nextFloat(rng);
    const copy = JSON.parse(JSON.stringify(rng));
    expect(nextFloat(copy)).toEqual(nextFloat(rng));
  });

  it('draws floats in [0, 1) and integers within bounds', () => {
    const rng = createRng(3);
    for (let i = 0; i < 10_000; i++) {
      const f = nextFloat(rng);
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = nextInt(rng, -3, 3);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(3);
    }
  });

  it('jitters durations within ±jitter of the mean, in whole ms', () => {
    const rng = createRng(9);
    for (let i = 0; i < 1000; i++) {
      const d = jittered(rng, 10_000, 0.2);
      expect(Number.isInteger(d)).toBe(true);
      expect(d).toBeGreaterThanOrEqual(8_000);
      expect(d).toBeLessThanOrEqual(12_000);
    }
  });
});

describe('ids in the shapes AWS uses', () => {
  const rng = createRng(11);
  it('task ids are 32 lowercase hex characters', () => {
    expect(newTaskId(rng)).toMatch(/^[0-9a-f]{32}$/);
    expect(hex(rng, 5)).toMatch(/^[0-9a-f]{5}$/);
  });
  it('deployment ids are ecs-svc/ and 19 digits', () => {
    expect(newDeploymentId(rng)).toMatch(/^ecs-svc\/[1-9]\d{18}$/);
    expect(digits(rng, 3)).toMatch(/^[1-9]\d\d$/);
  });
  it('EC2 instance ids are i- and 17 hex characters', () => {
    expect(newEc2InstanceId(rng)).toMatch(/^i-[0-9a-f]{17}$/);
  });
  it('uuids are version 4 shaped', () => {
    expect(newUuid(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
