import type { Scenario } from '../types';

export const firstFargateService: Scenario = {
  id: 'first-fargate-service',
  kind: 'exercise',
  title: { en: 'Your first Fargate service', ko: '첫 Fargate service 만들기' },
  description: {
    en: 'The cluster "demo" is empty and the task definition "web" (nginx, 0.25 vCPU, 512 MiB, awsvpc) is registered. There are no servers to manage: with the FARGATE launch type, ECS finds capacity for each task. Create a service named "web" that keeps 2 copies of the task running. Fargate tasks use the awsvpc network mode, so the service needs a network configuration with subnets. Watch each task go PROVISIONING → PENDING → ACTIVATING → RUNNING, and the deployment reach COMPLETED.',
    ko: '클러스터 "demo"는 비어 있고 task definition "web"(nginx, 0.25 vCPU, 512 MiB, awsvpc)이 등록되어 있습니다. 관리할 서버는 없습니다. FARGATE launch type을 쓰면 ECS가 task마다 실행할 자리를 찾아 줍니다. task 2개를 계속 실행하는 service "web"을 만들어 보세요. Fargate task는 awsvpc 네트워크 모드를 쓰므로 service에 subnet이 들어간 network configuration이 필요합니다. 각 task가 PROVISIONING → PENDING → ACTIVATING → RUNNING으로 바뀌고 deployment가 COMPLETED에 이르는 과정을 지켜보세요.',
  },
  seed: 101,
  durationSeconds: 300,
  tags: ['fargate', 'services'],
  setup: {
    clusters: [{ clusterName: 'demo' }],
    taskDefinitions: [
      {
        family: 'web',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }] }],
      },
    ],
  },
  goals: [
    {
      id: 'two-running',
      title: { en: 'Service web has 2 RUNNING Fargate tasks', ko: 'service web에 RUNNING 상태의 Fargate task 2개' },
      check: { type: 'serviceTasks', cluster: 'demo', service: 'web', launchType: 'FARGATE', equals: 2 },
    },
    {
      id: 'deployment-completed',
      title: { en: 'Its deployment is COMPLETED', ko: 'deployment가 COMPLETED 상태' },
      check: { type: 'deploymentCompleted', cluster: 'demo', service: 'web' },
    },
  ],
  hints: [
    { en: 'CreateService needs a cluster, a serviceName, a taskDefinition and a desiredCount.', ko: 'CreateService에는 cluster, serviceName, taskDefinition, desiredCount가 필요합니다.' },
    { en: 'Set launchType to FARGATE.', ko: 'launchType을 FARGATE로 지정하세요.' },
    {
      en: 'awsvpc needs networkConfiguration.awsvpcConfiguration.subnets: pick the default VPC subnets (sim.infra.describeSubnets).',
      ko: 'awsvpc에는 networkConfiguration.awsvpcConfiguration.subnets가 필요합니다. 기본 VPC의 subnet을 고르세요(sim.infra.describeSubnets).',
    },
  ],
  solution: {
    explanation: {
      en: 'One CreateService call with the FARGATE launch type and the default subnets; the scheduler starts 2 tasks and completes the deployment once both are healthy.',
      ko: 'FARGATE launch type과 기본 subnet으로 CreateService를 한 번 호출하면, scheduler가 task 2개를 시작하고 두 task가 healthy가 되면 deployment를 완료합니다.',
    },
    steps: [
      {
        ecs: 'createService',
        input: {
          cluster: 'demo',
          serviceName: 'web',
          taskDefinition: 'web',
          desiredCount: 2,
          launchType: 'FARGATE',
          networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true }, assignPublicIp: 'ENABLED' } },
        },
      },
    ],
  },
};
