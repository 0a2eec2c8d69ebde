import { describe, expect, it } from 'vitest';
import { TaskMessages, TypeMessages, WarningMessages, ContainerMessages } from './messages';
import { ruleTable } from './rulesTable';
import { after, at, ec2, expectWarning, fargate, run } from './testHelpers';

const dict = "<class 'dict'>";
const CONTAINER_MEMBERS = /^Unknown parameter in containerDefinitions\[0\]: "memoryReservaton", must be one of: name, image, /;

ruleTable('catalogue checks: types, required members, enums, ranges, lengths', [
  {
    rule: 'integer members must be numbers, not strings',
    ok: ec2({}, { memory: 256 }),
    bad: ec2({}, { memory: '256' }),
    path: '/containerDefinitions/0/memory',
    message: TypeMessages.wrongType('containerDefinitions[0].memory', '256', "<class 'str'>", "<class 'int'>"),
    pos: (t) => after(t, '"memory":'),
  },
  {
    rule: 'integer members refuse fractions',
    ok: ec2({}, { cpu: 128 }),
    bad: ec2({}, { cpu: 0.5 }),
    path: '/containerDefinitions/0/cpu',
    message: TypeMessages.wrongType('containerDefinitions[0].cpu', '0.5', "<class 'float'>", "<class 'int'>"),
    pos: (t) => after(t, '"cpu":'),
  },
  {
    rule: 'object members must be objects',
    ok: ec2({}, { healthCheck: { command: ['CMD', 'true'] } }),
    bad: ec2({}, { healthCheck: ['CMD', 'true'] }),
    path: '/containerDefinitions/0/healthCheck',
    message: TypeMessages.wrongType('containerDefinitions[0].healthCheck', '[...]', "<class 'list'>", dict),
    pos: (t) => after(t, '"healthCheck":'),
  },
  {
    rule: 'list members must be lists',
    ok: ec2({ requiresCompatibilities: ['EC2'] }),
    bad: ec2({ requiresCompatibilities: 'EC2' }),
    path: '/requiresCompatibilities',
    message: TypeMessages.wrongType('requiresCompatibilities', 'EC2', "<class 'str'>", "<class 'list'>, <class 'tuple'>"),
    pos: (t) => after(t, '"requiresCompatibilities":'),
  },
  {
    rule: 'boolean members must be booleans',
    ok: ec2({}, { essential: true }),
    bad: ec2({}, { essential: 'true' }),
    path: '/containerDefinitions/0/essential',
    message: TypeMessages.wrongType('containerDefinitions[0].essential', 'true', "<class 'str'>", "<class 'bool'>"),
    pos: (t) => after(t, '"essential":'),
  },
  {
    rule: 'unknown members are refused at their key',
    ok: ec2({}, { memoryReservation: 128 }),
    bad: ec2({}, { memoryReservaton: 128 }),
    path: '/containerDefinitions/0/memoryReservaton',
    message: CONTAINER_MEMBERS,
    pos: (t) => at(t, '"memoryReservaton"'),
  },
  {
    rule: 'family is required',
    ok: ec2(),
    bad: { containerDefinitions: (ec2().containerDefinitions as unknown[]) },
    path: '',
    message: TypeMessages.missing('input', 'family'),
    pos: () => ({ line: 1, column: 1 }),
  },
  {
    rule: 'containerDefinitions is required',
    ok: ec2(),
    bad: { family: 'web' },
    path: '',
    message: TypeMessages.missing('input', 'containerDefinitions'),
    pos: () => ({ line: 1, column: 1 }),
  },
  {
    rule: 'required members of nested shapes (healthCheck.command)',
    ok: ec2({}, { healthCheck: { command: ['CMD', 'true'], interval: 10 } }),
    bad: ec2({}, { healthCheck: { interval: 10 } }),
    path: '/containerDefinitions/0/healthCheck',
    message: TypeMessages.missing('containerDefinitions[0].healthCheck', 'command'),
    pos: (t) => after(t, '"healthCheck":'),
  },
  {
    rule: 'networkMode is an enum',
    ok: ec2({ networkMode: 'host' }, { portMappings: [{ containerPort: 80 }] }),
    bad: ec2({ networkMode: 'vpc' }),
    path: '/networkMode',
    message: TypeMessages.enumValue('networkMode', 'vpc', ['bridge', 'host', 'awsvpc', 'none']),
    pos: (t) => after(t, '"networkMode":'),
  },
  {
    rule: 'requiresCompatibilities entries are an enum',
    ok: ec2({ requiresCompatibilities: ['EC2', 'EXTERNAL'] }),
    bad: ec2({ requiresCompatibilities: ['EC2', 'ECS'] }),
    path: '/requiresCompatibilities/1',
    message: TypeMessages.enumValue('requiresCompatibilities[1]', 'ECS', ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']),
    pos: (t) => at(t, '"ECS"'),
  },
  {
    rule: 'pidMode is an enum',
    ok: ec2({ pidMode: 'task' }),
    bad: ec2({ pidMode: 'container' }),
    path: '/pidMode',
    message: TypeMessages.enumValue('pidMode', 'container', ['host', 'task']),
    pos: (t) => after(t, '"pidMode":'),
  },
  {
    rule: 'ipcMode is an enum',
    ok: ec2({ ipcMode: 'none' }),
    bad: ec2({ ipcMode: 'shareable' }),
    path: '/ipcMode',
    message: TypeMessages.enumValue('ipcMode', 'shareable', ['host', 'task', 'none']),
    pos: (t) => after(t, '"ipcMode":'),
  },
  {
    rule: 'port mapping protocol is tcp or udp',
    ok: ec2({}, { portMappings: [{ containerPort: 53, protocol: 'udp' }] }),
    bad: ec2({}, { portMappings: [{ containerPort: 53, protocol: 'UDP' }] }),
    path: '/containerDefinitions/0/portMappings/0/protocol',
    message: TypeMessages.enumValue('containerDefinitions[0].portMappings[0].protocol', 'UDP', ['tcp', 'udp']),
    pos: (t) => after(t, '"protocol":'),
  },
  {
    rule: 'ports are 0-65535',
    ok: ec2({}, { portMappings: [{ containerPort: 65535 }] }),
    bad: ec2({}, { portMappings: [{ containerPort: 65536 }] }),
    path: '/containerDefinitions/0/portMappings/0/containerPort',
    message: TypeMessages.range('containerDefinitions[0].portMappings[0].containerPort', 65536, 0, 65535),
    pos: (t) => after(t, '"containerPort":'),
  },
  {
    rule: 'host ports are 0-65535',
    ok: ec2({}, { portMappings: [{ containerPort: 80, hostPort: 8080 }] }),
    bad: ec2({}, { portMappings: [{ containerPort: 80, hostPort: -1 }] }),
    path: '/containerDefinitions/0/portMappings/0/hostPort',
    message: TypeMessages.range('containerDefinitions[0].portMappings[0].hostPort', -1, 0, 65535),
    pos: (t) => after(t, '"hostPort":'),
  },
  {
    rule: 'healthCheck.interval is 5-300',
    ok: ec2({}, { healthCheck: { command: ['CMD', 'true'], interval: 300 } }),
    bad: ec2({}, { healthCheck: { command: ['CMD', 'true'], interval: 4 } }),
    path: '/containerDefinitions/0/healthCheck/interval',
    message: TypeMessages.range('containerDefinitions[0].healthCheck.interval', 4, 5, 300),
    pos: (t) => after(t, '"interval":'),
  },
  {
    rule: 'healthCheck.timeout is 2-60',
    ok: ec2({}, { healthCheck: { command: ['CMD', 'true'], timeout: 2 } }),
    bad: ec2({}, { healthCheck: { command: ['CMD', 'true'], timeout: 61 } }),
    path: '/containerDefinitions/0/healthCheck/timeout',
    message: TypeMessages.range('containerDefinitions[0].healthCheck.timeout', 61, 2, 60),
    pos: (t) => after(t, '"timeout":'),
  },
  {
    rule: 'healthCheck.retries is 1-10',
    ok: ec2({}, { healthCheck: { command: ['CMD', 'true'], retries: 10 } }),
    bad: ec2({}, { healthCheck: { command: ['CMD', 'true'], retries: 0 } }),
    path: '/containerDefinitions/0/healthCheck/retries',
    message: TypeMessages.range('containerDefinitions[0].healthCheck.retries', 0, 1, 10),
    pos: (t) => after(t, '"retries":'),
  },
  {
    rule: 'healthCheck.startPeriod is 0-300',
    ok: ec2({}, { healthCheck: { command: ['CMD', 'true'], startPeriod: 0 } }),
    bad: ec2({}, { healthCheck: { command: ['CMD', 'true'], startPeriod: 301 } }),
    path: '/containerDefinitions/0/healthCheck/startPeriod',
    message: TypeMessages.range('containerDefinitions[0].healthCheck.startPeriod', 301, 0, 300),
    pos: (t) => after(t, '"startPeriod":'),
  },
  {
    rule: 'restartPolicy.restartAttemptPeriod is 60-1800',
    ok: ec2({}, { restartPolicy: { enabled: true, restartAttemptPeriod: 60 } }),
    bad: ec2({}, { restartPolicy: { enabled: true, restartAttemptPeriod: 30 } }),
    path: '/containerDefinitions/0/restartPolicy/restartAttemptPeriod',
    message: TypeMessages.range('containerDefinitions[0].restartPolicy.restartAttemptPeriod', 30, 60, 1800),
    pos: (t) => after(t, '"restartAttemptPeriod":'),
  },
  {
    rule: 'ephemeralStorage is 21-200 GiB',
    ok: fargate({ ephemeralStorage: { sizeInGiB: 200 } }),
    bad: fargate({ ephemeralStorage: { sizeInGiB: 20 } }),
    path: '/ephemeralStorage/sizeInGiB',
    message: TypeMessages.range('ephemeralStorage.sizeInGiB', 20, 21, 200),
    pos: (t) => after(t, '"sizeInGiB":'),
  },
  {
    rule: 'container memory is at least 6 MiB',
    ok: ec2({}, { memory: 6 }),
    bad: ec2({}, { memory: 4 }),
    path: '/containerDefinitions/0/memory',
    message: TypeMessages.range('containerDefinitions[0].memory', 4, 6),
    pos: (t) => after(t, '"memory":'),
  },
  {
    rule: 'at most 10 containers',
    ok: { family: 'web', containerDefinitions: Array.from({ length: 10 }, (_, i) => ({ name: `c${i}`, image: 'nginx:1.27', memory: 64, logConfiguration: { logDriver: 'json-file' } })) },
    bad: { family: 'web', containerDefinitions: Array.from({ length: 11 }, (_, i) => ({ name: `c${i}`, image: 'nginx:1.27', memory: 64 })) },
    path: '/containerDefinitions',
    message: TaskMessages.tooManyContainers,
    pos: (t) => after(t, '"containerDefinitions":'),
  },
  {
    rule: 'at least one container',
    ok: ec2(),
    bad: { family: 'web', containerDefinitions: [] },
    path: '/containerDefinitions',
    message: TaskMessages.noContainers,
    pos: (t) => after(t, '"containerDefinitions":'),
  },
  {
    rule: 'at most 50 tags',
    ok: ec2({ tags: Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' })) }),
    bad: ec2({ tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' })) }),
    path: '/tags',
    message: TypeMessages.tooMany('tags', 50),
    pos: (t) => after(t, '"tags":'),
  },
  {
    rule: 'tag keys are 1-128 characters',
    ok: ec2({ tags: [{ key: 'k'.repeat(128), value: '' }] }),
    bad: ec2({ tags: [{ key: 'k'.repeat(129), value: '' }] }),
    path: '/tags/0/key',
    message: TypeMessages.tooLong('tags[0].key', 128),
    pos: (t) => after(t, '"key":'),
  },
  {
    rule: 'tag values are at most 256 characters',
    ok: ec2({ tags: [{ key: 'team', value: 'v'.repeat(256) }] }),
    bad: ec2({ tags: [{ key: 'team', value: 'v'.repeat(257) }] }),
    path: '/tags/0/value',
    message: TypeMessages.tooLong('tags[0].value', 256),
    pos: (t) => after(t, '"value":'),
  },
  {
    rule: 'credentialSpecs holds at most one entry',
    ok: ec2({}, { credentialSpecs: ['credentialspec:arn:aws:ssm:us-east-1:123456789012:parameter/gmsa'] }),
    bad: ec2({}, { credentialSpecs: ['credentialspec:a', 'credentialspec:b'] }),
    path: '/containerDefinitions/0/credentialSpecs',
    message: TypeMessages.tooMany('containerDefinitions[0].credentialSpecs', 1),
    pos: (t) => after(t, '"credentialSpecs":'),
  },
  {
    rule: 'task cpu must be units or vCPU',
    ok: fargate({ cpu: '0.25 vCPU' }),
    bad: fargate({ cpu: '__TASK_CPU__' }),
    path: '/cpu',
    message: TaskMessages.cpuUnparseable('__TASK_CPU__'),
    pos: (t) => after(t, '"cpu":'),
  },
  {
    rule: 'task memory must be MiB or GB',
    ok: fargate({ memory: '0.5 GB' }),
    bad: fargate({ memory: '512 MiB' }),
    path: '/memory',
    message: TaskMessages.memoryUnparseable('512 MiB'),
    pos: (t) => after(t, '"memory":'),
  },
]);

describe('catalogue checks: nulls, numbers for cpu/memory, ECS forms', () => {
  it('null members are treated as absent, with a warning', () => {
    const { text, r } = run(ec2({ pidMode: null }, { hostname: null }));
    expect(r.ok).toBe(true);
    expectWarning(r, '/pidMode', WarningMessages.nullValue, after(text, '"pidMode":'));
    expectWarning(r, '/containerDefinitions/0/hostname', WarningMessages.nullValue, after(text, '"hostname":'));
    expect(r.value?.pidMode).toBeUndefined();
  });

  it('null inside a list is a type error', () => {
    const { text, r } = run(ec2({}, { links: [null] }));
    expect(r.errors[0]).toMatchObject({ path: '/containerDefinitions/0/links/0', ...after(text, '"links": [') });
  });

  it('task cpu and memory may be numbers; the value holds ECS\'s canonical strings', () => {
    const r = run(fargate({ cpu: 512, memory: '2 GB' })).r;
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ cpu: '512', memory: '2048' });
  });

  it('an empty container name uses the ECS message', () => {
    const { text, r } = run(ec2({}, { name: '' }));
    expect(r.errors).toContainEqual({ path: '/containerDefinitions/0/name', message: ContainerMessages.nameEmpty, ...after(text, '"name":'), code: 'ClientException' });
  });
});
