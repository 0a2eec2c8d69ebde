import { describe, expect, it } from 'vitest';
import { WarningMessages } from './messages';
import { after, at, ec2, expectValid, expectWarning, fargate, pretty } from './testHelpers';
import { validateTaskDefinition } from './validate';

const describeOutput = (def: Record<string, unknown>) => ({
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3',
  ...def,
  revision: 3,
  status: 'ACTIVE',
  requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
  compatibilities: ['EC2', 'FARGATE'],
  registeredAt: '2026-11-01T10:00:00.000Z',
  registeredBy: 'arn:aws:iam::123456789012:user/dev',
});

describe('describe-task-definition output is accepted as input', () => {
  it('drops each output-only field with a warning at its key', () => {
    const text = pretty(describeOutput(fargate()));
    const r = validateTaskDefinition(text);
    expectValid(r);
    for (const key of ['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy']) {
      expectWarning(r, `/${key}`, WarningMessages.outputOnly(key), at(text, `"${key}"`));
      expect(r.value).not.toHaveProperty(key);
    }
  });

  it('unwraps {"taskDefinition": ...} and reports problems inside it at their real place', () => {
    const text = pretty({ taskDefinition: describeOutput(fargate({ memory: '4096' })) });
    const r = validateTaskDefinition(text);
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ path: '/taskDefinition/memory', ...after(text, '"memory":') });
    expectWarning(r, '/taskDefinition', WarningMessages.unwrapped, at(text, '"taskDefinition"'));
    expectWarning(r, '/taskDefinition/revision', WarningMessages.outputOnly('revision'), at(text, '"revision"'));
  });

  it('uses tags printed beside taskDefinition (--include TAGS) as the definition\'s tags', () => {
    const text = pretty({ taskDefinition: describeOutput(ec2()), tags: [{ key: 'team', value: 'web' }] });
    const r = validateTaskDefinition(text);
    expectValid(r);
    expect(r.value?.tags).toEqual([{ key: 'team', value: 'web' }]);
    expectWarning(r, '/tags', WarningMessages.wrapperTags, at(text, '"tags"'));
  });

  it('problems in tags beside taskDefinition point at those tags', () => {
    const text = pretty({ taskDefinition: ec2(), tags: [{ key: 'aws:team', value: 'web' }] });
    const r = validateTaskDefinition(text);
    expect(r.errors[0]).toMatchObject({ path: '/tags/0/key', ...after(text, '"key":') });
  });

  it('other members beside taskDefinition are ignored with a warning', () => {
    const text = pretty({ taskDefinition: ec2(), ResponseMetadata: {} });
    const r = validateTaskDefinition(text);
    expectValid(r);
    expectWarning(r, '/ResponseMetadata', WarningMessages.wrapperExtra('ResponseMetadata'), at(text, '"ResponseMetadata"'));
  });

  it('a definition that has its own family is not unwrapped', () => {
    const r = validateTaskDefinition(pretty({ ...ec2(), taskDefinition: {} }));
    expect(r.errors[0]).toMatchObject({ path: '/taskDefinition', message: expect.stringMatching(/^Unknown parameter in input: "taskDefinition"/) });
  });
});
