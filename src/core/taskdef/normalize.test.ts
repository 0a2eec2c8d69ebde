import { describe, expect, it } from 'vitest';
import type { RegisterTaskDefinitionRequest } from '@aws-sdk/client-ecs';
import { normalizeTaskDefinition } from './normalize';

const fargate: RegisterTaskDefinitionRequest = {
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '0.25 vCPU',
  memory: '0.5 GB',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1.27',
      portMappings: [{ containerPort: 80 }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
      },
    },
  ],
};

describe('normalizeTaskDefinition', () => {
  it('fills container defaults as describe shows them: cpu 0, essential true, empty lists', () => {
    const body = normalizeTaskDefinition({ family: 'a', containerDefinitions: [{ name: 'c', image: 'busybox', memory: 128 }] });
    expect(body.containerDefinitions).toEqual([
      {
        name: 'c',
        image: 'busybox',
        cpu: 0,
        memory: 128,
        portMappings: [],
        essential: true,
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        systemControls: [],
      },
    ]);
  });

  it('keeps a given essential false and container cpu', () => {
    const body = normalizeTaskDefinition({
      family: 'a',
      containerDefinitions: [{ name: 'c', image: 'busybox', memory: 128, cpu: 10, essential: false }],
    });
    expect(body.containerDefinitions?.[0]).toMatchObject({ cpu: 10, essential: false });
  });

  it('defaults networkMode to bridge on Linux and leaves it out for Windows', () => {
    const c = [{ name: 'c', image: 'busybox', memory: 128 }];
    expect(normalizeTaskDefinition({ family: 'a', containerDefinitions: c }).networkMode).toBe('bridge');
    const win = normalizeTaskDefinition({
      family: 'a',
      containerDefinitions: c,
      runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' },
    });
    expect('networkMode' in win).toBe(false);
  });

  it('fills protocol tcp, and hostPort = containerPort with awsvpc and host, 0 with bridge', () => {
    const ports = (mode: 'awsvpc' | 'host' | 'bridge') =>
      normalizeTaskDefinition({
        family: 'a',
        networkMode: mode,
        containerDefinitions: [{ name: 'c', image: 'busybox', memory: 128, portMappings: [{ containerPort: 8080 }] }],
      }).containerDefinitions?.[0].portMappings;
    expect(ports('awsvpc')).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }]);
    expect(ports('host')).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }]);
    expect(ports('bridge')).toEqual([{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }]);
  });

  it('leaves hostPort out of a containerPortRange mapping', () => {
    const body = normalizeTaskDefinition({
      family: 'a',
      networkMode: 'awsvpc',
      containerDefinitions: [{ name: 'c', image: 'busybox', memory: 128, portMappings: [{ containerPortRange: '8000-8010' }] }],
    });
    expect(body.containerDefinitions?.[0].portMappings).toEqual([{ protocol: 'tcp', containerPortRange: '8000-8010' }]);
  });

  it('converts task cpu and memory to canonical units', () => {
    const body = normalizeTaskDefinition(fargate);
    expect([body.cpu, body.memory]).toEqual(['256', '512']);
    const g = normalizeTaskDefinition({ ...fargate, cpu: '2 vcpu', memory: '16GB' });
    expect([g.cpu, g.memory]).toEqual(['2048', '16384']);
  });

  it('fills task-level empty volumes and placementConstraints, enableFaultInjection false, no family or tags', () => {
    const body = normalizeTaskDefinition({ ...fargate, tags: [{ key: 'team', value: 'x' }] });
    expect(body.volumes).toEqual([]);
    expect(body.placementConstraints).toEqual([]);
    expect(body.enableFaultInjection).toBe(false);
    expect('family' in body).toBe(false);
    expect('tags' in body).toBe(false);
  });

  it('echoes requiresCompatibilities only when given', () => {
    expect(normalizeTaskDefinition(fargate).requiresCompatibilities).toEqual(['FARGATE']);
    const ec2 = normalizeTaskDefinition({ family: 'a', containerDefinitions: [{ name: 'c', image: 'b', memory: 64 }] });
    expect('requiresCompatibilities' in ec2).toBe(false);
  });

  it('gives a volume without a source an empty host, as describe shows a Docker-managed volume', () => {
    const body = normalizeTaskDefinition({
      family: 'a',
      volumes: [{ name: 'scratch' }, { name: 'data', host: { sourcePath: '/data' } }],
      containerDefinitions: [{ name: 'c', image: 'b', memory: 64 }],
    });
    expect(body.volumes).toEqual([{ name: 'scratch', host: {} }, { name: 'data', host: { sourcePath: '/data' } }]);
  });

  it('fills the health check defaults interval 30, timeout 5, retries 3', () => {
    const body = normalizeTaskDefinition({
      family: 'a',
      containerDefinitions: [{ name: 'c', image: 'b', memory: 64, healthCheck: { command: ['CMD-SHELL', 'true'] } }],
    });
    expect(body.containerDefinitions?.[0].healthCheck).toEqual({ command: ['CMD-SHELL', 'true'], interval: 30, timeout: 5, retries: 3 });
  });

  it('orders members as describe output does', () => {
    const body = normalizeTaskDefinition(fargate);
    expect(Object.keys(body)).toEqual([
      'containerDefinitions',
      'executionRoleArn',
      'networkMode',
      'volumes',
      'requiresAttributes',
      'placementConstraints',
      'compatibilities',
      'requiresCompatibilities',
      'cpu',
      'memory',
      'enableFaultInjection',
    ]);
    expect(Object.keys(body.containerDefinitions?.[0] ?? {})).toEqual([
      'name',
      'image',
      'cpu',
      'portMappings',
      'essential',
      'environment',
      'mountPoints',
      'volumesFrom',
      'logConfiguration',
      'systemControls',
    ]);
  });

  it('does not modify its input', () => {
    const input = structuredClone(fargate);
    normalizeTaskDefinition(input);
    expect(input).toEqual(fargate);
  });
});

describe('compatibilities', () => {
  it('a Fargate definition is compatible with EC2, FARGATE and MANAGED_INSTANCES', () => {
    expect(normalizeTaskDefinition(fargate).compatibilities).toEqual(['EC2', 'FARGATE', 'MANAGED_INSTANCES']);
  });

  it('an awsvpc definition with a Fargate size is Fargate-compatible without asking for it', () => {
    const { requiresCompatibilities: _ignored, ...rest } = fargate;
    expect(normalizeTaskDefinition(rest).compatibilities).toEqual(['EC2', 'FARGATE', 'MANAGED_INSTANCES']);
  });

  it('a Windows Fargate definition is EC2 and FARGATE, without MANAGED_INSTANCES', () => {
    const win = normalizeTaskDefinition({
      ...fargate,
      cpu: '1024',
      memory: '2048',
      runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' },
    });
    expect(win.compatibilities).toEqual(['EC2', 'FARGATE']);
  });

  it('a bridge definition is EC2 only; EXTERNAL is added when required', () => {
    const c = [{ name: 'c', image: 'busybox', memory: 128 }];
    expect(normalizeTaskDefinition({ family: 'a', containerDefinitions: c }).compatibilities).toEqual(['EC2']);
    expect(
      normalizeTaskDefinition({ family: 'a', requiresCompatibilities: ['EXTERNAL'], containerDefinitions: c }).compatibilities,
    ).toEqual(['EC2', 'EXTERNAL']);
  });

  it('an awsvpc definition with a size Fargate does not offer stays EC2 only', () => {
    const { requiresCompatibilities: _ignored, ...rest } = fargate;
    expect(normalizeTaskDefinition({ ...rest, cpu: '256', memory: '4096' }).compatibilities).toEqual(['EC2']);
  });

  it('an awsvpc definition Fargate would refuse (awslogs without an execution role) stays EC2 only', () => {
    const { requiresCompatibilities: _ignored, executionRoleArn: _role, ...rest } = fargate;
    expect(normalizeTaskDefinition(rest).compatibilities).toEqual(['EC2']);
  });

  it('a privileged container keeps an awsvpc definition off Fargate', () => {
    const { requiresCompatibilities: _ignored, ...rest } = fargate;
    const c = { ...fargate.containerDefinitions![0], privileged: true };
    expect(normalizeTaskDefinition({ ...rest, containerDefinitions: [c] }).compatibilities).toEqual(['EC2']);
  });
});

describe('requiresAttributes', () => {
  const names = (req: RegisterTaskDefinitionRequest) => (normalizeTaskDefinition(req).requiresAttributes ?? []).map((a) => a.name);

  it('derives awslogs, execution-role-awslogs, the Docker API versions and task-eni for a Fargate web task', () => {
    expect(names(fargate)).toEqual([
      'com.amazonaws.ecs.capability.logging-driver.awslogs',
      'ecs.capability.execution-role-awslogs',
      'com.amazonaws.ecs.capability.docker-remote-api.1.19',
      'com.amazonaws.ecs.capability.docker-remote-api.1.18',
      'ecs.capability.task-eni',
    ]);
  });

  it('shows each attribute as a name only', () => {
    expect(normalizeTaskDefinition(fargate).requiresAttributes?.[0]).toEqual({
      name: 'com.amazonaws.ecs.capability.logging-driver.awslogs',
    });
  });

  it('a plain bridge container requires nothing', () => {
    expect(names({ family: 'a', containerDefinitions: [{ name: 'c', image: 'busybox', memory: 128 }] })).toEqual([]);
  });

  it('derives ECR pull, secrets, health check, ordering and task role attributes', () => {
    const got = names({
      family: 'a',
      taskRoleArn: 'arn:aws:iam::123456789012:role/app',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containerDefinitions: [
        {
          name: 'app',
          image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1',
          memory: 256,
          memoryReservation: 128,
          secrets: [
            { name: 'DB', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' },
            { name: 'FLAG', valueFrom: 'feature-flag' },
          ],
          healthCheck: { command: ['CMD-SHELL', 'true'] },
          dependsOn: [{ containerName: 'side', condition: 'START' }],
        },
        { name: 'side', image: 'busybox', memory: 64 },
      ],
    });
    expect(got).toEqual([
      'com.amazonaws.ecs.capability.ecr-auth',
      'ecs.capability.execution-role-ecr-pull',
      'ecs.capability.secrets.asm.environment-variables',
      'ecs.capability.secrets.ssm.environment-variables',
      'ecs.capability.container-health-check',
      'com.amazonaws.ecs.capability.docker-remote-api.1.24',
      'ecs.capability.container-ordering',
      'com.amazonaws.ecs.capability.docker-remote-api.1.21',
      'com.amazonaws.ecs.capability.task-iam-role',
    ]);
  });
});
