import { describe, expect, it } from 'vitest';
import { FARGATE_SIZES, fargateMemoryOptions, isFargateWindowsCpu, isValidFargateSize } from './fargate';

describe('the Fargate size table (reference §4.7)', () => {
  it('has the 74 documented cpu/memory pairs', () => {
    expect(FARGATE_SIZES.reduce((n, s) => n + s.memory.length, 0)).toBe(74);
    expect(FARGATE_SIZES.map((s) => [s.cpu, s.memory.length])).toEqual([
      [256, 3],
      [512, 4],
      [1024, 7],
      [2048, 13],
      [4096, 23],
      [8192, 12],
      [16384, 12],
    ]);
  });

  it('isValidFargateSize accepts table pairs and canonical strings', () => {
    expect(isValidFargateSize(256, 512)).toBe(true);
    expect(isValidFargateSize('4096', '30720')).toBe(true);
    expect(isValidFargateSize('16384', '122880')).toBe(true);
    expect(isValidFargateSize('8192', '20480')).toBe(true);
  });

  it('isValidFargateSize refuses pairs outside the table', () => {
    expect(isValidFargateSize(256, 4096)).toBe(false);
    expect(isValidFargateSize(8192, 17408)).toBe(false);
    expect(isValidFargateSize(128, 512)).toBe(false);
    expect(isValidFargateSize('x', '512')).toBe(false);
  });

  it('fargateMemoryOptions lists the memory values for a cpu value', () => {
    expect(fargateMemoryOptions(512)).toEqual([1024, 2048, 3072, 4096]);
    expect(fargateMemoryOptions('300')).toEqual([]);
  });

  it('Windows tasks get 1, 2 or 4 vCPU', () => {
    expect([256, 512, 1024, 2048, 4096, 8192, 16384].map(isFargateWindowsCpu)).toEqual([false, false, true, true, true, false, false]);
  });
});
