import { describe, expect, it } from 'vitest';
import { TaskMessages, WarningMessages } from './messages';
import { ruleTable } from './rulesTable';
import { after, at, awslogs, ec2, expectValid, expectWarning, fargate, run } from './testHelpers';

const win = { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' } };

ruleTable('task-level rules', [
  {
    rule: 'family uses letters, digits, hyphens and underscores',
    ok: ec2({ family: 'web_app-2' }),
    bad: ec2({ family: 'web app' }),
    path: '/family',
    message: TaskMessages.familyInvalid,
    pos: (t) => after(t, '"family":'),
  },
  {
    rule: 'family is at most 255 characters',
    ok: ec2({ family: 'f'.repeat(255) }),
    bad: ec2({ family: 'f'.repeat(256) }),
    path: '/family',
    message: TaskMessages.familyInvalid,
    pos: (t) => after(t, '"family":'),
  },
  {
    rule: 'family may not be empty',
    ok: ec2({ family: 'a' }),
    bad: ec2({ family: '' }),
    path: '/family',
    message: TaskMessages.familyInvalid,
    pos: (t) => after(t, '"family":'),
  },
  {
    rule: 'Fargate needs task cpu',
    ok: fargate(),
    bad: fargate({ cpu: undefined }),
    path: '/requiresCompatibilities/0',
    message: TaskMessages.fargateNeedsCpu,
    pos: (t) => at(t, '"FARGATE"'),
  },
  {
    rule: 'Fargate needs task memory',
    ok: fargate(),
    bad: fargate({ memory: undefined }),
    path: '/requiresCompatibilities/0',
    message: TaskMessages.fargateNeedsMemory,
    pos: (t) => at(t, '"FARGATE"'),
  },
  {
    rule: 'Fargate cpu must be a Fargate size',
    ok: fargate({ cpu: '1 vCPU', memory: '2 GB' }),
    bad: fargate({ cpu: '384', memory: '1024' }),
    path: '/cpu',
    message: TaskMessages.fargateBadCpu('384'),
    pos: (t) => after(t, '"cpu":'),
  },
  {
    rule: 'Fargate cpu/memory must be a valid pair',
    ok: fargate({ cpu: '512', memory: '4096' }),
    bad: fargate({ cpu: '256', memory: '4096' }),
    path: '/memory',
    message: TaskMessages.fargateBadPair('256', '4096'),
    pos: (t) => after(t, '"memory":'),
  },
  {
    rule: 'Fargate rules apply when EC2 is listed too',
    ok: fargate({ requiresCompatibilities: ['EC2', 'FARGATE'] }),
    bad: fargate({ requiresCompatibilities: ['EC2', 'FARGATE'], memory: '3 GB' }),
    path: '/memory',
    message: TaskMessages.fargateBadPair('256', '3072'),
    pos: (t) => after(t, '"memory":'),
  },
  {
    rule: 'Windows on Fargate needs at least 1 vCPU',
    ok: fargate({ ...win, cpu: '1024', memory: '2048' }),
    bad: fargate({ ...win, cpu: '512', memory: '1024' }),
    path: '/cpu',
    message: TaskMessages.fargateWindowsCpu('512'),
    pos: (t) => after(t, '"cpu":'),
  },
  {
    rule: 'Windows on Fargate is X86_64 only',
    ok: fargate({ ...win, cpu: '1024', memory: '2048' }),
    bad: fargate({ runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'ARM64' }, cpu: '1024', memory: '2048' }),
    path: '/runtimePlatform/cpuArchitecture',
    message: TaskMessages.fargateWindowsArm,
    pos: (t) => after(t, '"cpuArchitecture":'),
  },
  {
    rule: 'Fargate needs awsvpc',
    ok: fargate(),
    bad: fargate({ networkMode: 'bridge' }),
    path: '/networkMode',
    message: TaskMessages.fargateNetworkMode,
    pos: (t) => after(t, '"networkMode":'),
  },
  {
    rule: 'Fargate without a networkMode is refused at FARGATE',
    ok: fargate(),
    bad: fargate({ networkMode: undefined }),
    path: '/requiresCompatibilities/0',
    message: TaskMessages.fargateNetworkMode,
    pos: (t) => at(t, '"FARGATE"'),
  },
  {
    rule: 'Fargate refuses placement constraints',
    ok: fargate({ placementConstraints: [] }),
    bad: fargate({ placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1a' }] }),
    path: '/placementConstraints',
    message: TaskMessages.fargatePlacement,
    pos: (t) => after(t, '"placementConstraints":'),
  },
  {
    rule: 'Fargate refuses ipcMode',
    ok: ec2({ ipcMode: 'task' }),
    bad: fargate({ ipcMode: 'task' }),
    path: '/ipcMode',
    message: TaskMessages.fargateUnsupported('ipcMode'),
    pos: (t) => after(t, '"ipcMode":'),
  },
  {
    rule: "Fargate refuses pidMode 'host' but takes 'task'",
    ok: fargate({ pidMode: 'task' }),
    bad: fargate({ pidMode: 'host' }),
    path: '/pidMode',
    message: TaskMessages.fargatePidHost,
    pos: (t) => after(t, '"pidMode":'),
  },
  {
    rule: 'EXTERNAL does not take awsvpc',
    ok: ec2({ requiresCompatibilities: ['EXTERNAL'], networkMode: 'bridge' }),
    bad: ec2({ requiresCompatibilities: ['EXTERNAL'], networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 80 }] }),
    path: '/networkMode',
    message: TaskMessages.externalAwsvpc,
    pos: (t) => after(t, '"networkMode":'),
  },
  {
    rule: 'EC2 task cpu is 128-196608 units',
    ok: ec2({ cpu: '128' }),
    bad: ec2({ cpu: '64' }),
    path: '/cpu',
    message: TaskMessages.cpuRange,
    pos: (t) => after(t, '"cpu":'),
  },
  {
    rule: 'EC2 task cpu is at most 192 vCPU',
    ok: ec2({ cpu: '192 vCPU' }),
    bad: ec2({ cpu: '196609' }),
    path: '/cpu',
    message: TaskMessages.cpuRange,
    pos: (t) => after(t, '"cpu":'),
  },
  {
    rule: 'task memory is at least 6 MiB',
    ok: ec2({ memory: '6' }, { memory: undefined }),
    bad: ec2({ memory: '4' }, { memory: undefined }),
    path: '/memory',
    message: TaskMessages.invalidMemory,
    pos: (t) => after(t, '"memory":'),
  },
  {
    rule: 'tag keys may not start with aws:',
    ok: ec2({ tags: [{ key: 'awsome', value: 'x' }] }),
    bad: ec2({ tags: [{ key: 'aws:team', value: 'x' }] }),
    path: '/tags/0/key',
    message: TaskMessages.tagReserved,
    pos: (t) => after(t, '"key":'),
  },
  {
    rule: 'Fargate refuses host volumes with a sourcePath',
    ok: fargate({ volumes: [{ name: 'scratch', host: {} }] }),
    bad: fargate({ volumes: [{ name: 'logs', host: { sourcePath: '/var/log' } }] }),
    path: '/volumes/0/host/sourcePath',
    message: TaskMessages.fargateHostVolume('logs'),
    pos: (t) => after(t, '"sourcePath":'),
  },
  {
    rule: 'Fargate refuses Docker volumes',
    ok: ec2({ volumes: [{ name: 'data', dockerVolumeConfiguration: { scope: 'task', driver: 'local' } }] }),
    bad: fargate({ volumes: [{ name: 'data', dockerVolumeConfiguration: { scope: 'task', driver: 'local' } }] }),
    path: '/volumes/0/dockerVolumeConfiguration',
    message: TaskMessages.fargateDockerVolume('data'),
    pos: (t) => after(t, '"dockerVolumeConfiguration":'),
  },
  {
    rule: 'Fargate refuses FSx for Windows volumes',
    ok: ec2({ ...win, volumes: [{ name: 'share', fsxWindowsFileServerVolumeConfiguration: { fileSystemId: 'fs-1', rootDirectory: '\\share', authorizationConfig: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ad', domain: 'corp.example.com' } } }] }),
    bad: fargate({ ...win, cpu: '1024', memory: '2048', volumes: [{ name: 'share', fsxWindowsFileServerVolumeConfiguration: { fileSystemId: 'fs-1', rootDirectory: '\\share', authorizationConfig: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ad', domain: 'corp.example.com' } } }] }),
    path: '/volumes/0/fsxWindowsFileServerVolumeConfiguration',
    message: TaskMessages.fargateFsxVolume('share'),
    pos: (t) => after(t, '"fsxWindowsFileServerVolumeConfiguration":'),
  },
  {
    rule: 'volume names are unique',
    ok: ec2({ volumes: [{ name: 'a' }, { name: 'b' }] }),
    bad: ec2({ volumes: [{ name: 'a' }, { name: 'a' }] }),
    path: '/volumes/1/name',
    message: TaskMessages.volumeDuplicate('a'),
    pos: (t) => after(t, '"name": ', 3),
  },
  {
    rule: 'only one volume is configured at launch',
    ok: fargate({ volumes: [{ name: 'ebs', configuredAtLaunch: true }] }),
    bad: fargate({ volumes: [{ name: 'a', configuredAtLaunch: true }, { name: 'b', configuredAtLaunch: true }] }),
    path: '/volumes/1/configuredAtLaunch',
    message: TaskMessages.tooManyLaunchVolumes,
    pos: (t) => after(t, '"configuredAtLaunch":', 2),
  },
  {
    rule: 'EFS IAM authorization needs transit encryption',
    ok: fargate({ volumes: [{ name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', transitEncryption: 'ENABLED', authorizationConfig: { iam: 'ENABLED' } } }] }),
    bad: fargate({ volumes: [{ name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', authorizationConfig: { iam: 'ENABLED' } } }] }),
    path: '/volumes/0/efsVolumeConfiguration/transitEncryption',
    message: TaskMessages.efsNeedsTransitEncryption,
    pos: (t) => after(t, '"efsVolumeConfiguration":'),
  },
  {
    rule: 'EFS access points need rootDirectory "/" or none',
    ok: fargate({ volumes: [{ name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', rootDirectory: '/', transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: 'fsap-1' } } }] }),
    bad: fargate({ volumes: [{ name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', rootDirectory: '/data', transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: 'fsap-1' } } }] }),
    path: '/volumes/0/efsVolumeConfiguration/rootDirectory',
    message: TaskMessages.efsRootWithAccessPoint,
    pos: (t) => after(t, '"rootDirectory":'),
  },
  {
    rule: 'proxyConfiguration names a container of the task',
    ok: fargate({ proxyConfiguration: { type: 'APPMESH', containerName: 'web', properties: [{ name: 'AppPorts', value: '80' }] } }),
    bad: fargate({ proxyConfiguration: { type: 'APPMESH', containerName: 'envoy' } }),
    path: '/proxyConfiguration/containerName',
    message: TaskMessages.proxyContainerMissing('envoy'),
    pos: (t) => after(t, '"containerName":'),
  },
  {
    rule: 'Fargate refuses Elastic Inference accelerators',
    ok: ec2({ inferenceAccelerators: [{ deviceName: 'd1', deviceType: 'eia2.medium' }] }),
    bad: fargate({ inferenceAccelerators: [{ deviceName: 'd1', deviceType: 'eia2.medium' }] }),
    path: '/inferenceAccelerators',
    message: TaskMessages.fargateUnsupported('inferenceAccelerators'),
    pos: (t) => after(t, '"inferenceAccelerators":'),
  },
]);

describe('task-level warnings', () => {
  it('an empty role ARN is treated as absent', () => {
    const { text, r } = run(ec2({ taskRoleArn: '' }));
    expectValid(r);
    expectWarning(r, '/taskRoleArn', WarningMessages.emptyRole('taskRoleArn'), after(text, '"taskRoleArn":'));
    expect(r.value).not.toHaveProperty('taskRoleArn');
  });

  it('an EFS file system id that is not fs-<hex> is flagged', () => {
    const { text, r } = run(fargate({ volumes: [{ name: 'efs', efsVolumeConfiguration: { fileSystemId: 'FILESYSTEM_ID' } }] }));
    expectValid(r);
    expectWarning(r, '/volumes/0/efsVolumeConfiguration/fileSystemId', WarningMessages.efsId('FILESYSTEM_ID'), after(text, '"fileSystemId":'));
    expect(run(fargate({ volumes: [{ name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } }] })).r.warnings).toEqual([]);
  });

  it('ephemeralStorage outside Fargate has no effect', () => {
    const { text, r } = run(ec2({ ephemeralStorage: { sizeInGiB: 30 } }));
    expectValid(r);
    expectWarning(r, '/ephemeralStorage', WarningMessages.ephemeralNotFargate, after(text, '"ephemeralStorage":'));
  });

  it('GB and vCPU strings are accepted for Fargate and stored canonically', () => {
    const r = run(fargate({ cpu: '.25 vcpu', memory: '.5 gb' }, { logConfiguration: awslogs() })).r;
    expectValid(r);
    expect(r.value).toMatchObject({ cpu: '256', memory: '512' });
  });
});
