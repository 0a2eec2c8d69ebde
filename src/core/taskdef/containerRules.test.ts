import { describe, expect, it } from 'vitest';
import { ContainerMessages, WarningMessages } from './messages';
import { ruleTable } from './rulesTable';
import { after, at, box, ec2, expectValid, expectWarning, fargate, run } from './testHelpers';

const two = (a: Record<string, unknown>, b: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  family: 'web',
  containerDefinitions: [a, b],
  ...extra,
});

ruleTable('container rules: names, images, memory, essential', [
  {
    rule: 'container name is required',
    ok: ec2(),
    bad: ec2({}, { name: undefined }),
    path: '/containerDefinitions/0',
    message: ContainerMessages.nameEmpty,
    pos: (t) => after(t, '"containerDefinitions": ['),
  },
  {
    rule: 'container name uses letters, digits, hyphens and underscores',
    ok: ec2({}, { name: 'web_1-a' }),
    bad: ec2({}, { name: 'web.1' }),
    path: '/containerDefinitions/0/name',
    message: ContainerMessages.nameInvalid,
    pos: (t) => after(t, '"name":'),
  },
  {
    rule: 'container names are unique',
    ok: two(box('a'), box('b')),
    bad: two(box('a'), box('a')),
    path: '/containerDefinitions/1/name',
    message: ContainerMessages.namesUnique,
    pos: (t) => after(t, '"name":', 2),
  },
  {
    rule: 'image is required',
    ok: ec2(),
    bad: ec2({}, { image: undefined }),
    path: '/containerDefinitions/0',
    message: ContainerMessages.imageEmpty,
    pos: (t) => after(t, '"containerDefinitions": ['),
  },
  {
    rule: 'image may not be empty',
    ok: ec2({}, { image: 'public.ecr.aws/nginx/nginx:1.27' }),
    bad: ec2({}, { image: '' }),
    path: '/containerDefinitions/0/image',
    message: ContainerMessages.imageEmpty,
    pos: (t) => after(t, '"image":'),
  },
  {
    rule: 'an image digest is sha256 with 64 hex digits',
    ok: ec2({}, { image: `nginx@sha256:${'a'.repeat(64)}` }),
    bad: ec2({}, { image: 'nginx@sha256:abc' }),
    path: '/containerDefinitions/0/image',
    message: ContainerMessages.imageBadDigest('web'),
    pos: (t) => after(t, '"image":'),
  },
  {
    rule: 'image repository and tag are at most 255 characters',
    ok: ec2({}, { image: `${'r'.repeat(250)}:1.0` }),
    bad: ec2({}, { image: `${'r'.repeat(252)}:1.0` }),
    path: '/containerDefinitions/0/image',
    message: ContainerMessages.imageTooLong('web'),
    pos: (t) => after(t, '"image":'),
  },
  {
    rule: 'EC2 without task memory needs memory or memoryReservation',
    ok: ec2({}, { memory: undefined, memoryReservation: 128 }),
    bad: ec2({}, { memory: undefined }),
    path: '/containerDefinitions/0',
    message: ContainerMessages.memoryRequired('web'),
    pos: (t) => after(t, '"containerDefinitions": ['),
  },
  {
    rule: 'container memory is optional when the task has memory',
    ok: ec2({ memory: '512' }, { memory: undefined }),
    bad: ec2({}, { memory: 0 }),
    path: '/containerDefinitions/0/memory',
    message: /valid min value: 6/,
    pos: (t) => after(t, '"memory":'),
  },
  {
    rule: 'memoryReservation may not exceed memory',
    ok: ec2({}, { memory: 256, memoryReservation: 256 }),
    bad: ec2({}, { memory: 256, memoryReservation: 512 }),
    path: '/containerDefinitions/0/memoryReservation',
    message: ContainerMessages.reservationAboveMemory('web'),
    pos: (t) => after(t, '"memoryReservation":'),
  },
  {
    rule: 'container memory may not exceed task memory',
    ok: ec2({ memory: '512' }, { memory: 512 }),
    bad: ec2({ memory: '512' }, { memory: 1024 }),
    path: '/containerDefinitions/0/memory',
    message: ContainerMessages.memoryAboveTask,
    pos: (t) => after(t, '"memory":'),
  },
  {
    rule: 'container memory reservations fit in the task memory',
    ok: two(box('a', { memory: undefined, memoryReservation: 256 }), box('b', { memory: undefined, memoryReservation: 256 }), { memory: '512' }),
    bad: two(box('a', { memory: undefined, memoryReservation: 256 }), box('b', { memory: undefined, memoryReservation: 384 }), { memory: '512' }),
    path: '/memory',
    message: ContainerMessages.reservationSum,
    pos: (t) => after(t, '"memory": "'.slice(0, -1)),
  },
  {
    rule: 'container hard limits fit in the task memory',
    ok: two(box('a', { memory: 256 }), box('b', { memory: 256 }), { memory: '512' }),
    bad: two(box('a', { memory: 256 }), box('b', { memory: 384 }), { memory: '512' }),
    path: '/memory',
    message: ContainerMessages.memorySum,
    pos: (t) => at(t, '"512"'),
  },
  {
    rule: 'container cpu fits in the task cpu',
    ok: fargate({}, { cpu: 256 }),
    bad: fargate({}, { cpu: 512 }),
    path: '/cpu',
    message: ContainerMessages.cpuSum,
    pos: (t) => after(t, '"cpu":'),
  },
  {
    rule: 'at least one container is essential',
    ok: two(box('a', { essential: false }), box('b')),
    bad: two(box('a', { essential: false }), box('b', { essential: false })),
    path: '/containerDefinitions',
    message: ContainerMessages.noEssential,
    pos: (t) => after(t, '"containerDefinitions":'),
  },
  {
    rule: 'hostname is not allowed with awsvpc',
    ok: ec2({}, { hostname: 'web' }),
    bad: fargate({}, { hostname: 'web' }),
    path: '/containerDefinitions/0/hostname',
    message: ContainerMessages.hostnameAwsvpc,
    pos: (t) => after(t, '"hostname":'),
  },
  {
    rule: 'extraHosts is not allowed with awsvpc',
    ok: ec2({}, { extraHosts: [{ hostname: 'db', ipAddress: '10.0.0.5' }] }),
    bad: ec2({ networkMode: 'awsvpc' }, { extraHosts: [{ hostname: 'db', ipAddress: '10.0.0.5' }], portMappings: [{ containerPort: 80 }] }),
    path: '/containerDefinitions/0/extraHosts',
    message: ContainerMessages.extraHostsAwsvpc,
    pos: (t) => after(t, '"extraHosts":'),
  },
  {
    rule: 'links need the bridge network mode (an empty list is fine)',
    ok: fargate({}, { links: [] }),
    bad: two(box('a', { links: ['b'] }), box('b'), { networkMode: 'host' }),
    path: '/containerDefinitions/0/links',
    message: ContainerMessages.linksNotBridge('host'),
    pos: (t) => after(t, '"links":'),
  },
  {
    rule: 'GPU counts are whole numbers',
    ok: ec2({}, { resourceRequirements: [{ type: 'GPU', value: '2' }] }),
    bad: ec2({}, { resourceRequirements: [{ type: 'GPU', value: 'one' }] }),
    path: '/containerDefinitions/0/resourceRequirements/0/value',
    message: ContainerMessages.gpuValue('one'),
    pos: (t) => after(t, '"value":'),
  },
  {
    rule: 'a GPU requirement has a value or a sharing strategy, not both',
    ok: ec2({}, { resourceRequirements: [{ type: 'GPU', sharingStrategy: { nvidiaMps: { memory: 2048, maxComputePercent: 50 } } }] }),
    bad: ec2({}, { resourceRequirements: [{ type: 'GPU', value: '1', sharingStrategy: { nvidiaMps: { memory: 2048 } } }] }),
    path: '/containerDefinitions/0/resourceRequirements/0/sharingStrategy',
    message: ContainerMessages.gpuValueAndSharing,
    pos: (t) => after(t, '"sharingStrategy":'),
  },
  {
    rule: 'InferenceAccelerator requirements name a task accelerator',
    ok: ec2({ inferenceAccelerators: [{ deviceName: 'd1', deviceType: 'eia2.medium' }] }, { resourceRequirements: [{ type: 'InferenceAccelerator', value: 'd1' }] }),
    bad: ec2({ inferenceAccelerators: [{ deviceName: 'd1', deviceType: 'eia2.medium' }] }, { resourceRequirements: [{ type: 'InferenceAccelerator', value: 'd2' }] }),
    path: '/containerDefinitions/0/resourceRequirements/0/value',
    message: ContainerMessages.inferenceMissing('d2'),
    pos: (t) => after(t, '"value": "d2"'.slice(0, 9)),
  },
  {
    rule: 'healthCheck.command may not be empty',
    ok: ec2({}, { healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] } }),
    bad: ec2({}, { healthCheck: { command: [] } }),
    path: '/containerDefinitions/0/healthCheck/command',
    message: ContainerMessages.healthCheckEmpty,
    pos: (t) => after(t, '"command":'),
  },
]);

describe('container warnings', () => {
  it('latest and missing tags are flagged; pinned tags and digests are not', () => {
    const { text, r } = run(two(box('a', { image: 'nginx' }), box('b', { image: 'redis:latest' })));
    expectWarning(r, '/containerDefinitions/0/image', WarningMessages.latestTag('nginx'), after(text, '"image":'));
    expectWarning(r, '/containerDefinitions/1/image', WarningMessages.latestTag('redis:latest'), after(text, '"image":', 2));
    const pinned = run(two(box('a', { image: 'localhost:5000/nginx:1.27' }), box('b', { image: `redis@sha256:${'0'.repeat(64)}` }))).r;
    expect(pinned.warnings.filter((w) => w.message.includes('latest tag'))).toEqual([]);
  });

  it('a container without logConfiguration is flagged', () => {
    const { text, r } = run(ec2({}, { logConfiguration: undefined }));
    expectValid(r);
    expectWarning(r, '/containerDefinitions/0', WarningMessages.noLogging('web'), after(text, '"containerDefinitions": ['));
  });

  it('a health check that is not CMD, CMD-SHELL or NONE is flagged', () => {
    const { text, r } = run(ec2({}, { healthCheck: { command: ['curl -f http://localhost/'] } }));
    expectValid(r);
    expectWarning(r, '/containerDefinitions/0/healthCheck/command/0', WarningMessages.healthCheckForm, after(text, '"command": ['));
  });

  it('parameters Windows containers do not support are flagged', () => {
    const { text, r } = run(ec2({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }, { readonlyRootFilesystem: true, dnsServers: ['10.0.0.2'] }));
    expectValid(r);
    expectWarning(r, '/containerDefinitions/0/readonlyRootFilesystem', WarningMessages.windowsUnsupported('readonlyRootFilesystem'), after(text, '"readonlyRootFilesystem":'));
    expectWarning(r, '/containerDefinitions/0/dnsServers', WarningMessages.windowsUnsupported('dnsServers'), after(text, '"dnsServers":'));
    expect(run(ec2({}, { readonlyRootFilesystem: true })).r.warnings).toEqual([]);
  });

  it('an image with characters outside the image charset is flagged', () => {
    const { r } = run(ec2({}, { image: 'my image:1' }));
    expectValid(r);
    expectWarning(r, '/containerDefinitions/0/image', WarningMessages.imageMalformed('my image:1'));
  });
});
