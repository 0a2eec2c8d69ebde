import { describe, expect, it } from 'vitest';
import { findInstanceType, INSTANCE_TYPES, registeredCpu, registeredMemory } from './instanceTypes';

describe('instance-type catalogue', () => {
  it('has at least 25 types across the required families', () => {
    expect(INSTANCE_TYPES.length).toBeGreaterThanOrEqual(25);
    const families = new Set(INSTANCE_TYPES.map((t) => t.instanceType.split('.')[0]));
    for (const f of ['t3', 't4g', 'm5', 'm6i', 'm7g', 'c5', 'c6g', 'r5', 'g4dn', 'inf1']) expect(families).toContain(f);
  });

  it('includes every type the API reference names', () => {
    for (const name of ['t3.micro', 't3.small', 't3.medium', 't3.large', 'm5.large', 'm5.xlarge', 'm5.2xlarge', 'c5.large', 'c5.xlarge', 'c6g.large', 'r5.large', 'g4dn.xlarge']) {
      expect(findInstanceType(name), name).toBeDefined();
    }
  });

  it('lists each type once', () => {
    expect(new Set(INSTANCE_TYPES.map((t) => t.instanceType)).size).toBe(INSTANCE_TYPES.length);
  });

  it('marks Graviton types arm64 and the GPU type with its GPU', () => {
    expect(findInstanceType('c6g.large')?.architecture).toBe('arm64');
    expect(findInstanceType('t4g.micro')?.architecture).toBe('arm64');
    expect(findInstanceType('m7g.large')?.architecture).toBe('arm64');
    expect(findInstanceType('m5.large')?.architecture).toBe('x86_64');
    expect(findInstanceType('g4dn.xlarge')?.gpus).toBe(1);
    expect(findInstanceType('inf1.xlarge')?.gpus).toBe(0);
  });

  it("gives c5.large 3 ENIs (2 awsvpc tasks), the ECS guide's example", () => {
    expect(findInstanceType('c5.large')?.maxEnis).toBe(3);
  });

  it('registers CPU as vCPU × 1024', () => {
    expect(registeredCpu(findInstanceType('m5.large')!)).toBe(2048);
    expect(registeredCpu(findInstanceType('m5.2xlarge')!)).toBe(8192);
  });

  it('registers memory below installed memory, matching the published 1 GiB and 8 GiB figures', () => {
    expect(registeredMemory(findInstanceType('t3.micro')!)).toBe(993);
    expect(registeredMemory(findInstanceType('m5.large')!)).toBe(7985);
    for (const t of INSTANCE_TYPES) {
      const reg = registeredMemory(t);
      expect(reg, t.instanceType).toBeLessThan(t.memoryMiB);
      expect(reg / t.memoryMiB, t.instanceType).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('has a positive price and at least 2 ENIs for every type', () => {
    for (const t of INSTANCE_TYPES) {
      expect(t.onDemandUsdPerHour, t.instanceType).toBeGreaterThan(0);
      expect(t.maxEnis, t.instanceType).toBeGreaterThanOrEqual(2);
    }
  });
});
