import { TaskMessages, WarningMessages, ContainerMessages } from './messages';
import { ruleTable } from './rulesTable';
import { describe, it } from 'vitest';
import { after, EXEC_ROLE, ec2, expectValid, expectWarning, fargate, run } from './testHelpers';

ruleTable('container parameters Fargate refuses', [
  {
    rule: 'privileged (false is fine)',
    ok: fargate({}, { privileged: false }),
    bad: fargate({}, { privileged: true }),
    path: '/containerDefinitions/0/privileged',
    message: TaskMessages.fargateUnsupported('privileged'),
    pos: (t) => after(t, '"privileged":'),
  },
  {
    rule: 'dnsServers (empty lists of links, dnsServers and extraHosts are fine)',
    ok: fargate({}, { links: [], dnsServers: [], extraHosts: [] }),
    bad: fargate({}, { dnsServers: ['10.0.0.2'] }),
    path: '/containerDefinitions/0/dnsServers',
    message: TaskMessages.fargateUnsupported('dnsServers'),
    pos: (t) => after(t, '"dnsServers":'),
  },
  {
    rule: 'dockerSecurityOptions',
    ok: ec2({}, { dockerSecurityOptions: ['no-new-privileges'] }),
    bad: fargate({}, { dockerSecurityOptions: ['no-new-privileges'] }),
    path: '/containerDefinitions/0/dockerSecurityOptions',
    message: TaskMessages.fargateUnsupported('dockerSecurityOptions'),
    pos: (t) => after(t, '"dockerSecurityOptions":'),
  },
  {
    rule: 'disableNetworking',
    ok: ec2({}, { disableNetworking: true, portMappings: [] }),
    bad: fargate({}, { disableNetworking: true }),
    path: '/containerDefinitions/0/disableNetworking',
    message: TaskMessages.fargateUnsupported('disableNetworking'),
    pos: (t) => after(t, '"disableNetworking":'),
  },
  {
    rule: 'linuxParameters.devices',
    ok: ec2({}, { linuxParameters: { devices: [{ hostPath: '/dev/fuse' }] } }),
    bad: fargate({}, { linuxParameters: { devices: [{ hostPath: '/dev/fuse' }] } }),
    path: '/containerDefinitions/0/linuxParameters/devices',
    message: TaskMessages.fargateUnsupported('devices'),
    pos: (t) => after(t, '"devices":'),
  },
  {
    rule: 'linuxParameters.tmpfs',
    ok: ec2({}, { linuxParameters: { tmpfs: [{ containerPath: '/tmp', size: 64 }] } }),
    bad: fargate({}, { linuxParameters: { tmpfs: [{ containerPath: '/tmp', size: 64 }] } }),
    path: '/containerDefinitions/0/linuxParameters/tmpfs',
    message: TaskMessages.fargateUnsupported('tmpfs'),
    pos: (t) => after(t, '"tmpfs":'),
  },
  {
    rule: 'linuxParameters.maxSwap and swappiness',
    ok: ec2({}, { linuxParameters: { maxSwap: 512, swappiness: 10 } }),
    bad: fargate({}, { linuxParameters: { maxSwap: 512 } }),
    path: '/containerDefinitions/0/linuxParameters/maxSwap',
    message: TaskMessages.fargateUnsupported('maxSwap'),
    pos: (t) => after(t, '"maxSwap":'),
  },
  {
    rule: 'linuxParameters.sharedMemorySize',
    ok: ec2({}, { linuxParameters: { sharedMemorySize: 64 } }),
    bad: fargate({}, { linuxParameters: { sharedMemorySize: 64 } }),
    path: '/containerDefinitions/0/linuxParameters/sharedMemorySize',
    message: TaskMessages.fargateUnsupported('sharedMemorySize'),
    pos: (t) => after(t, '"sharedMemorySize":'),
  },
  {
    rule: 'capabilities: only SYS_PTRACE may be added; any may be dropped',
    ok: fargate({}, { linuxParameters: { initProcessEnabled: true, capabilities: { add: ['SYS_PTRACE'], drop: ['ALL'] } } }),
    bad: fargate({}, { linuxParameters: { capabilities: { add: ['NET_ADMIN'] } } }),
    path: '/containerDefinitions/0/linuxParameters/capabilities/add/0',
    message: TaskMessages.fargateCapability('NET_ADMIN'),
    pos: (t) => after(t, '"add": ['),
  },
  {
    rule: 'GPUs',
    ok: ec2({}, { resourceRequirements: [{ type: 'GPU', value: '1' }] }),
    bad: fargate({}, { resourceRequirements: [{ type: 'GPU', value: '1' }] }),
    path: '/containerDefinitions/0/resourceRequirements/0/type',
    message: TaskMessages.fargateUnsupported('GPU resource requirements'),
    pos: (t) => after(t, '"type":'),
  },
  {
    rule: 'log drivers other than awslogs, splunk and awsfirelens',
    ok: fargate({}, { logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com' } } }),
    bad: fargate({}, { logConfiguration: { logDriver: 'json-file' } }),
    path: '/containerDefinitions/0/logConfiguration/logDriver',
    message: TaskMessages.fargateLogDriver('json-file'),
    pos: (t) => after(t, '"logDriver":'),
  },
  {
    rule: 'startTimeout 2-120 seconds',
    ok: fargate({}, { startTimeout: 120 }),
    bad: fargate({}, { startTimeout: 600 }),
    path: '/containerDefinitions/0/startTimeout',
    message: TaskMessages.fargateStartTimeout(600),
    pos: (t) => after(t, '"startTimeout":'),
  },
  {
    rule: 'stopTimeout at most 120 seconds',
    ok: ec2({}, { stopTimeout: 600 }),
    bad: fargate({}, { stopTimeout: 121 }),
    path: '/containerDefinitions/0/stopTimeout',
    message: TaskMessages.fargateStopTimeout(121),
    pos: (t) => after(t, '"stopTimeout":'),
  },
]);

ruleTable('execution role and awslogs options', [
  {
    rule: 'awslogs on Fargate needs an execution role',
    ok: fargate(),
    bad: fargate({ executionRoleArn: undefined }),
    path: '/containerDefinitions/0/logConfiguration/logDriver',
    message: TaskMessages.fargateAwslogsRole,
    pos: (t) => after(t, '"logDriver":'),
  },
  {
    rule: 'secrets need an execution role',
    ok: ec2({ executionRoleArn: EXEC_ROLE }, { secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }] }),
    bad: ec2({}, { secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' }] }),
    path: '/containerDefinitions/0/secrets',
    message: TaskMessages.secretsNeedRole,
    pos: (t) => after(t, '"secrets":'),
  },
  {
    rule: 'log secretOptions need an execution role',
    ok: ec2({ executionRoleArn: EXEC_ROLE }, { logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://s' }, secretOptions: [{ name: 'splunk-token', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:t' }] } }),
    bad: ec2({}, { logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://s' }, secretOptions: [{ name: 'splunk-token', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:t' }] } }),
    path: '/containerDefinitions/0/logConfiguration/secretOptions',
    message: TaskMessages.secretsNeedRole,
    pos: (t) => after(t, '"secretOptions":'),
  },
  {
    rule: 'private registry credentials need an execution role',
    ok: ec2({ executionRoleArn: EXEC_ROLE }, { repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub' } }),
    bad: ec2({}, { repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub' } }),
    path: '/containerDefinitions/0/repositoryCredentials',
    message: TaskMessages.repoCredsNeedRole,
    pos: (t) => after(t, '"repositoryCredentials":'),
  },
  {
    rule: 'environment files need an execution role',
    ok: ec2({ executionRoleArn: EXEC_ROLE }, { environmentFiles: [{ value: 'arn:aws:s3:::bucket/app.env', type: 's3' }] }),
    bad: ec2({}, { environmentFiles: [{ value: 'arn:aws:s3:::bucket/app.env', type: 's3' }] }),
    path: '/containerDefinitions/0/environmentFiles',
    message: TaskMessages.envFilesNeedRole,
    pos: (t) => after(t, '"environmentFiles":'),
  },
  {
    rule: 'awslogs needs awslogs-group and awslogs-region',
    ok: ec2({}, { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1' } } }),
    bad: ec2({}, { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } } }),
    path: '/containerDefinitions/0/logConfiguration/options',
    message: ContainerMessages.awslogsOptions(['awslogs-region']),
    pos: (t) => after(t, '"options":'),
  },
  {
    rule: 'awsfirelens needs a FireLens log router in the task',
    ok: fargate({}, { firelensConfiguration: { type: 'fluentbit' }, logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'stdout' } } }),
    bad: fargate({}, { logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'stdout' } } }),
    path: '/containerDefinitions/0/logConfiguration/logDriver',
    message: ContainerMessages.firelensRouterMissing,
    pos: (t) => after(t, '"logDriver":'),
  },
  {
    rule: 'only one FireLens log router per task',
    ok: { family: 'app', containerDefinitions: [{ name: 'router', image: 'fluent/fluent-bit:3.1', memory: 64, firelensConfiguration: { type: 'fluentbit' } }] },
    bad: { family: 'app', containerDefinitions: [{ name: 'a', image: 'fluent/fluent-bit:3.1', memory: 64, firelensConfiguration: { type: 'fluentbit' } }, { name: 'b', image: 'fluent/fluentd:v1.17-1', memory: 64, firelensConfiguration: { type: 'fluentd' } }] },
    path: '/containerDefinitions/1/firelensConfiguration',
    message: ContainerMessages.firelensTwoRouters,
    pos: (t) => after(t, '"firelensConfiguration":', 2),
  },
  {
    rule: 'awslogs on Fargate also needs awslogs-stream-prefix',
    ok: fargate(),
    bad: fargate({}, { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1' } } }),
    path: '/containerDefinitions/0/logConfiguration/options',
    message: ContainerMessages.awslogsOptions(['awslogs-stream-prefix']),
    pos: (t) => after(t, '"options":'),
  },
]);

describe('Fargate warnings', () => {
  it('a private ECR image without an execution role cannot be pulled on Fargate', () => {
    const { r } = run(fargate({ executionRoleArn: undefined }, { image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0', logConfiguration: { logDriver: 'splunk', options: {} } }));
    expectValid(r);
    expectWarning(r, '/containerDefinitions/0/image', WarningMessages.ecrWithoutRole);
  });

  it('ulimits other than nofile and non-net sysctls are flagged', () => {
    const { r } = run(fargate({}, { ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }, { name: 'core', softLimit: 0, hardLimit: 0 }], systemControls: [{ namespace: 'net.core.somaxconn', value: '1024' }, { namespace: 'kernel.shmmax', value: '1' }] }));
    expectValid(r);
    expectWarning(r, '/containerDefinitions/0/ulimits/1/name', WarningMessages.fargateUlimit('core'));
    expectWarning(r, '/containerDefinitions/0/systemControls/1/namespace', WarningMessages.fargateSysctl('kernel.shmmax'));
  });
});
