/**
 * Complete, valid task definitions for common shapes. The editor offers them as completions
 * (`defaultSnippets` in schema.ts) and the UI as "examples one click away". Each one registers as it
 * is in a fresh simulation (account 123456789012, us-east-1); tests hold them to that.
 */
import type { RegisterTaskDefinitionRequest } from '@aws-sdk/client-ecs';

export interface TaskDefinitionSnippet {
  id: string;
  label: string;
  description: string;
  definition: RegisterTaskDefinitionRequest;
}

const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

const awslogs = (family: string) => ({
  logDriver: 'awslogs' as const,
  options: {
    'awslogs-group': `/ecs/${family}`,
    'awslogs-region': 'us-east-1',
    'awslogs-stream-prefix': 'ecs',
  },
});

export const taskDefinitionSnippets: readonly TaskDefinitionSnippet[] = [
  {
    id: 'fargate-web',
    label: 'Fargate web service',
    description: 'One nginx container on Fargate: awsvpc networking, 0.25 vCPU / 512 MiB, port 80, logs to CloudWatch.',
    definition: {
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      executionRoleArn: EXECUTION_ROLE,
      containerDefinitions: [
        {
          name: 'web',
          image: 'public.ecr.aws/nginx/nginx:1.27',
          essential: true,
          portMappings: [{ containerPort: 80, protocol: 'tcp' }],
          logConfiguration: awslogs('web'),
        },
      ],
    },
  },
  {
    id: 'ec2-bridge-dynamic-ports',
    label: 'EC2 bridge service with dynamic ports',
    description:
      'An EC2 task in bridge mode. hostPort 0 lets Docker pick a free host port, so several copies fit on one instance behind a load balancer.',
    definition: {
      family: 'api-bridge',
      requiresCompatibilities: ['EC2'],
      networkMode: 'bridge',
      containerDefinitions: [
        {
          name: 'api',
          image: 'public.ecr.aws/docker/library/httpd:2.4',
          cpu: 256,
          memoryReservation: 256,
          memory: 512,
          essential: true,
          portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
        },
      ],
    },
  },
  {
    id: 'sidecar-depends-on',
    label: 'App with a sidecar (dependsOn)',
    description:
      'Two containers on Fargate: the app starts only once its proxy sidecar reports HEALTHY. The sidecar is essential, so the task stops if it fails.',
    definition: {
      family: 'app-with-sidecar',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '512',
      memory: '1024',
      executionRoleArn: EXECUTION_ROLE,
      containerDefinitions: [
        {
          name: 'proxy',
          image: 'public.ecr.aws/docker/library/haproxy:3.0',
          essential: true,
          cpu: 128,
          memory: 256,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          healthCheck: {
            command: ['CMD-SHELL', 'nc -z localhost 8080 || exit 1'],
            interval: 10,
            timeout: 5,
            retries: 3,
            startPeriod: 10,
          },
          logConfiguration: awslogs('app-with-sidecar'),
        },
        {
          name: 'app',
          image: 'public.ecr.aws/docker/library/node:22-alpine',
          essential: true,
          cpu: 384,
          memory: 768,
          command: ['node', 'server.js'],
          environment: [{ name: 'PORT', value: '3000' }],
          dependsOn: [{ containerName: 'proxy', condition: 'HEALTHY' }],
          logConfiguration: awslogs('app-with-sidecar'),
        },
      ],
    },
  },
  {
    id: 'fargate-one-shot-job',
    label: 'Fargate one-shot job',
    description: 'A container that runs a command and exits: run it with RunTask and watch it go to STOPPED with exit code 0.',
    definition: {
      family: 'nightly-report',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '1 vCPU',
      memory: '2 GB',
      containerDefinitions: [
        {
          name: 'report',
          image: 'public.ecr.aws/docker/library/busybox:1.36',
          essential: true,
          command: ['sh', '-c', 'echo building report && sleep 30'],
        },
      ],
    },
  },
  {
    id: 'ec2-minimal',
    label: 'Minimal EC2 task',
    description: 'The smallest definition ECS accepts for EC2: a family and one container with a memory limit.',
    definition: {
      family: 'hello',
      containerDefinitions: [{ name: 'hello', image: 'public.ecr.aws/docker/library/busybox:1.36', memory: 128 }],
    },
  },
];
