/**
 * Task-definition validation speed: a realistic definition of about 64 KiB (the ECS size limit),
 * ten containers with environment, secrets, ports, health checks and logging, pretty-printed; and
 * one of about 8 KiB (one container with fewer variables) to see how the cost grows with the text.
 */
import { validateTaskDefinition } from '../../src/core/taskdef/validate';
import { medianMs, type BenchCase } from '../harness';

function container(i: number, envCount = 32): Record<string, unknown> {
  const env = Array.from({ length: envCount }, (_, k) => ({ name: `APP_SETTING_${i}_${k}`, value: `https://service-${k}.internal.example.com:${8000 + k}/v1` }));
  const secrets = Array.from({ length: 8 }, (_, k) => ({
    name: `SECRET_${k}`,
    valueFrom: `arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/app-${i}/secret-${k}-AbCdEf`,
  }));
  return {
    name: `app-${i}`,
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app-${i}:2026.11.${i}`,
    cpu: 96,
    memoryReservation: 256,
    memory: 512,
    essential: i < 2,
    portMappings: [{ containerPort: 8080 + i, protocol: 'tcp', name: `http-${i}`, appProtocol: 'http' }],
    environment: env,
    secrets,
    healthCheck: { command: ['CMD-SHELL', `curl -fsS http://localhost:${8080 + i}/health || exit 1`], interval: 15, timeout: 5, retries: 3, startPeriod: 30 },
    logConfiguration: {
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/prod/app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': `app-${i}` },
    },
    dependsOn: i > 0 ? [{ containerName: 'app-0', condition: 'HEALTHY' }] : undefined,
    ulimits: [{ name: 'nofile', softLimit: 65535, hardLimit: 65535 }],
  };
}

export function definitionOfAbout64KiB(containers = 10, envCount = 32): string {
  const def = {
    family: 'bench-64k',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '1 vCPU',
    memory: '8 GB',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    taskRoleArn: 'arn:aws:iam::123456789012:role/app',
    containerDefinitions: Array.from({ length: containers }, (_, i) => container(i, envCount)),
    tags: [{ key: 'team', value: 'platform' }],
  };
  return JSON.stringify(def, null, 2);
}

const text = definitionOfAbout64KiB();
const smallText = definitionOfAbout64KiB(2, 8);

let small = 0;
let large = 0;
export const cases: BenchCase[] = [
  {
    name: `validate ${Math.round(smallText.length / 1024)} KiB task definition (median)`,
    unit: 'ms',
    budget: 1,
    run: () => (small = medianMs(() => validateTaskDefinition(smallText), 200, 50)),
  },
  {
    name: `validate ${Math.round(text.length / 1024)} KiB task definition (median)`,
    unit: 'ms',
    budget: 5,
    run: () => (large = medianMs(() => validateTaskDefinition(text), 60, 30)),
  },
  {
    name: `growth ${Math.round(smallText.length / 1024)} → ${Math.round(text.length / 1024)} KiB (linear = ${(text.length / smallText.length).toFixed(1)})`,
    unit: 'ratio',
    budget: Math.round((1.5 * text.length) / smallText.length),
    run: () => large / small,
  },
];
