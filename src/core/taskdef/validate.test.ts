import { describe, expect, it } from 'vitest';
import { ContainerMessages, TaskMessages, TypeMessages, WarningMessages } from './messages';
import { ec2, fargate } from './testHelpers';
import { validateRegisterRequest } from './validate';
import { validateTaskDefinition as fromIndex, validateRegisterRequest as fromIndex2 } from '../index';

describe('validateRegisterRequest: the same rules on an already-parsed request', () => {
  it('returns the cleaned request when valid', () => {
    const r = validateRegisterRequest(fargate({ cpu: '1 vCPU', memory: '2 GB', pidMode: null }));
    expect(r.errors).toEqual([]);
    expect(r.value).toMatchObject({ family: 'web', cpu: '1024', memory: '2048' });
    expect(r.value).not.toHaveProperty('pidMode');
    expect(r.warnings).toContainEqual({ path: '/pidMode', message: WarningMessages.nullValue });
  });

  it('gives each error a path, a message and the ECS exception to throw, and no value', () => {
    const r = validateRegisterRequest(fargate({ memory: '4096' }, { memory: '256' }));
    expect(r.value).toBeUndefined();
    expect(r.errors).toEqual([
      {
        path: '/containerDefinitions/0/memory',
        message: TypeMessages.wrongType('containerDefinitions[0].memory', '256', "<class 'str'>", "<class 'int'>"),
        code: 'InvalidParameterException',
      },
      { path: '/memory', message: TaskMessages.fargateBadPair('256', '4096'), code: 'ClientException' },
    ]);
  });

  it('refuses describe output (the API does not unwrap or strip; only the editor does)', () => {
    const r = validateRegisterRequest({ ...ec2(), revision: 3 });
    expect(r.errors).toEqual([
      { path: '/revision', message: expect.stringMatching(/^Unknown parameter in input: "revision"/), code: 'InvalidParameterException', at: 'key' },
    ]);
  });

  it('never throws on values that are not requests', () => {
    for (const v of [undefined, null, 42, 'x', [], [1], { containerDefinitions: 'x' }, { containerDefinitions: [null, 1, 'a'] }]) {
      const r = validateRegisterRequest(v);
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });

  it('does not pile on: a wrongly typed memory does not also trigger the memory-required rule', () => {
    const r = validateRegisterRequest(ec2({}, { memory: '256' }));
    expect(r.errors.map((e) => e.message)).not.toContain(ContainerMessages.memoryRequired('web'));
  });

  it('is exported from the core index with validateTaskDefinition', () => {
    expect(fromIndex2).toBe(validateRegisterRequest);
    expect(fromIndex('{}').ok).toBe(false);
  });
});
