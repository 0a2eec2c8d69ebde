import { describe, expect, it } from 'vitest';
import { parseTaskCpu, parseTaskMemory } from './units';

describe('parseTaskCpu converts the ECS cpu forms to CPU units', () => {
  it.each([
    ['1024', '1024'],
    [' 512 ', '512'],
    [256, '256'],
    ['1 vCPU', '1024'],
    ['1 vcpu', '1024'],
    ['1vCPU', '1024'],
    ['0.25 vcpu', '256'],
    ['.25 vcpu', '256'],
    ['0.5 vCPU', '512'],
    ['16 vCPU', '16384'],
    ['0256', '256'],
  ])('%j -> %s', (input, out) => expect(parseTaskCpu(input)).toEqual({ ok: true, value: out }));

  it.each([['__TASK_CPU__'], ['1 GB'], ['0.3 vCPU'], ['-1'], ['1.5'], [1.5], [''], ['1 cpu'], [null], [true], ['9'.repeat(40)]])(
    'refuses %j',
    (input) => expect(parseTaskCpu(input)).toEqual({ ok: false }),
  );
});

describe('parseTaskMemory converts the ECS memory forms to MiB', () => {
  it.each([
    ['2048', '2048'],
    [512, '512'],
    ['2 GB', '2048'],
    ['2GB', '2048'],
    ['.5 gb', '512'],
    ['0.5 GB', '512'],
    ['30 GB', '30720'],
  ])('%j -> %s', (input, out) => expect(parseTaskMemory(input)).toEqual({ ok: true, value: out }));

  it.each([['__TASK_MEMORY__'], ['512 MiB'], ['512MB'], ['2 GiB'], ['1 vCPU'], ['0.1 GB'], [{}]])('refuses %j', (input) =>
    expect(parseTaskMemory(input)).toEqual({ ok: false }),
  );
});
