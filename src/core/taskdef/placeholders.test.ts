import { describe, expect, it } from 'vitest';
import { WarningMessages } from './messages';
import { findPlaceholder } from './rules/placeholders';
import { after, ec2, expectValid, expectWarning, run } from './testHelpers';

describe('findPlaceholder recognises the template styles found in real files', () => {
  it.each([
    ['<IMAGE1_NAME>', '<IMAGE1_NAME>'],
    ['<your app image URL here>', '<your app image URL here>'],
    ['repo:${TAG}', '${TAG}'],
    ['{{task-role-arn}}', '{{task-role-arn}}'],
    ['app:{{ must_env `TAG` }}', '{{ must_env `TAG` }}'],
    ['$$$EXECUTION_ROLE$$$', '$$$EXECUTION_ROLE$$$'],
    ['CHANGEME_REGION', 'CHANGEME_REGION'],
    ['__TASK_FAMILY__', '__TASK_FAMILY__'],
    ['arn:aws:iam::ACCOUNTID_PLACEHOLDER:role/x', 'ACCOUNTID_PLACEHOLDER'],
    ['{your-account-id}.dkr.ecr.us-east-1.amazonaws.com/app', '{your-account-id}'],
    ['$APP_IMAGE', '$APP_IMAGE'],
  ])('%s', (s, found) => expect(findPlaceholder(s)).toBe(found));

  it.each([['nginx:1.27'], ['arn:aws:iam::123456789012:role/ecsTaskExecutionRole'], ['us-east-1'], ['a < b'], ['$5'], ['__init__.py'], ['{"a":1}']])(
    'not %s',
    (s) => expect(findPlaceholder(s)).toBeUndefined(),
  );
});

describe('placeholder warnings', () => {
  it('warn at each placeholder value and let the definition pass', () => {
    const { text, r } = run(ec2({ taskRoleArn: '<task_role_arn>' }, { image: '<IMAGE1_NAME>', environment: [{ name: 'DB', value: '${DB_HOST}' }] }));
    expectValid(r);
    expectWarning(r, '/taskRoleArn', WarningMessages.placeholder('<task_role_arn>'), after(text, '"taskRoleArn":'));
    expectWarning(r, '/containerDefinitions/0/image', WarningMessages.placeholder('<IMAGE1_NAME>'), after(text, '"image":'));
    expectWarning(r, '/containerDefinitions/0/environment/0/value', WarningMessages.placeholder('${DB_HOST}'), after(text, '"value":'));
    expect(r.warnings.some((w) => w.message.includes('latest tag'))).toBe(false);
  });

  it('skip commands, where ${VAR} and <html> are real content', () => {
    const { r } = run(ec2({}, { command: ['sh', '-c', 'echo "<html>${HOSTNAME}</html>"'], healthCheck: { command: ['CMD-SHELL', 'test -n "${PORT}"'] } }));
    expectValid(r);
    expect(r.warnings.filter((w) => w.message.includes('placeholder'))).toEqual([]);
  });
});
