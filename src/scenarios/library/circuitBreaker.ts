import type { Scenario } from '../types';

const BAD_IMAGE = 'public.ecr.aws/example/payments:2.0';

const payments = (image: string) => ({
  family: 'payments',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'payments', image }],
});

export const circuitBreaker: Scenario = {
  id: 'circuit-breaker-rollback',
  kind: 'exercise',
  title: { en: 'Circuit breaker and rollback on a bad image', ko: '잘못된 이미지에 circuit breaker와 rollback 적용하기' },
  description: {
    en: 'At 1:00 someone deploys revision 2 of "payments", whose image tag was never pushed: every new task stops with CannotPullContainerError. Without the deployment circuit breaker the service keeps trying (more and more slowly) and the deployment never ends. Turn on the circuit breaker with rollback before the bad deployment arrives: after enough failed tasks (at least 3) ECS marks the deployment FAILED and rolls back to the last COMPLETED deployment, revision 1.',
    ko: '1:00에 누군가 "payments"의 revision 2를 배포하는데, 그 이미지 태그는 push된 적이 없어 새 task가 모두 CannotPullContainerError로 멈춥니다. deployment circuit breaker가 없으면 service는 (점점 더 느리게) 계속 시도하고 deployment는 끝나지 않습니다. 잘못된 deployment가 오기 전에 rollback을 켠 circuit breaker를 설정하세요. 실패한 task가 충분히 쌓이면(최소 3개) ECS는 deployment를 FAILED로 표시하고 마지막 COMPLETED deployment인 revision 1로 rollback합니다.',
  },
  seed: 1001,
  durationSeconds: 900,
  tags: ['deployments', 'failures'],
  setup: {
    clusters: [{ clusterName: 'money' }],
    taskDefinitions: [payments('public.ecr.aws/example/payments:1.0'), payments(BAD_IMAGE)],
    services: [
      {
        cluster: 'money',
        serviceName: 'payments',
        taskDefinition: 'payments:1',
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
      },
    ],
    warmUpSeconds: 90,
  },
  script: [
    { at: 0, fault: 'makeImageUnpullable', image: BAD_IMAGE, note: 'the 2.0 tag was never pushed' },
    { at: 60, ecs: 'updateService', input: { cluster: 'money', service: 'payments', taskDefinition: 'payments:2' }, note: 'deploy revision 2' },
  ],
  goals: [
    { id: 'rollback', title: { en: 'The circuit breaker rolled the service back', ko: 'circuit breaker가 service를 rollback함' }, check: { type: 'rollbackHappened', cluster: 'money', service: 'payments' } },
    { id: 'back-on-1', title: { en: 'The service is steady on revision 1 again', ko: 'service가 다시 revision 1로 안정됨' }, check: { type: 'deploymentCompleted', cluster: 'money', service: 'payments', revision: 1 } },
    { id: 'two-running', title: { en: '2 tasks RUNNING on revision 1', ko: 'revision 1로 RUNNING인 task 2개' }, check: { type: 'serviceTasks', cluster: 'money', service: 'payments', revision: 1, equals: 2 } },
  ],
  hints: [
    { en: 'The breaker lives in deploymentConfiguration.deploymentCircuitBreaker: {"enable": ..., "rollback": ...}.', ko: 'breaker는 deploymentConfiguration.deploymentCircuitBreaker: {"enable": ..., "rollback": ...}에 있습니다.' },
    { en: 'Changing only the deployment configuration does not start a deployment, so it is safe to do now.', ko: 'deployment configuration만 바꾸면 deployment가 시작되지 않으니 지금 해도 안전합니다.' },
  ],
  solution: {
    explanation: {
      en: 'With enable and rollback both true, the failed tasks of revision 2 count toward the threshold (here 3); at the threshold the deployment fails and ECS redeploys revision 1.',
      ko: 'enable과 rollback을 모두 true로 하면 revision 2의 실패한 task가 임계값(여기서는 3)에 더해지고, 임계값에 이르면 deployment가 실패하며 ECS가 revision 1을 다시 배포합니다.',
    },
    steps: [{ ecs: 'updateService', input: { cluster: 'money', service: 'payments', deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } } } }],
  },
};
