import type { Scenario } from '../types';

export const daemonVsReplica: Scenario = {
  id: 'daemon-vs-replica',
  kind: 'exercise',
  title: { en: 'DAEMON and REPLICA services', ko: 'DAEMON service와 REPLICA service' },
  description: {
    en: 'The service "web" is a REPLICA service: you choose how many tasks run (2) and the scheduler decides where. Some software must run once on every instance instead, like a log or metrics agent. Create the service "node-agent" with the DAEMON scheduling strategy: it has no desired count; ECS places exactly one task on every ACTIVE container instance, first on new instances. At 2:00 a fourth instance joins the cluster; the daemon should follow it.',
    ko: 'service "web"은 REPLICA service입니다. 실행할 task 수(2개)는 사용자가 정하고 위치는 scheduler가 정합니다. 로그나 메트릭 에이전트처럼 모든 instance에서 하나씩 실행되어야 하는 소프트웨어도 있습니다. scheduling strategy가 DAEMON인 service "node-agent"를 만드세요. DAEMON service에는 desired count가 없고, ECS가 ACTIVE 상태인 모든 container instance에 task를 정확히 하나씩, 새 instance에는 가장 먼저 배치합니다. 2:00에 네 번째 instance가 클러스터에 합류하면 daemon도 따라가야 합니다.',
  },
  seed: 707,
  durationSeconds: 420,
  tags: ['services', 'daemon'],
  setup: {
    clusters: [{ clusterName: 'fleet' }],
    instances: [{ ref: 'node', cluster: 'fleet', instanceType: 't3.medium', count: 3 }],
    taskDefinitions: [
      { family: 'web', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] }] },
      { family: 'node-agent', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'agent', image: 'amazon/cloudwatch-agent:latest', cpu: 128, memory: 128 }] },
    ],
    services: [{ cluster: 'fleet', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'EC2' }],
    warmUpSeconds: 30,
  },
  script: [{ at: 120, infra: 'launchInstances', input: { cluster: 'fleet', instanceType: 't3.medium', count: 1 }, note: 'a fourth instance' }],
  goals: [
    { id: 'daemon', title: { en: 'node-agent is a DAEMON service', ko: 'node-agent가 DAEMON service' }, check: { type: 'serviceField', cluster: 'fleet', service: 'node-agent', pointer: '/schedulingStrategy', is: 'DAEMON' } },
    { id: 'everywhere', title: { en: 'node-agent runs on every ACTIVE instance', ko: 'node-agent가 모든 ACTIVE instance에서 실행' }, check: { type: 'daemonOnEveryInstance', cluster: 'fleet', service: 'node-agent' } },
    { id: 'four', title: { en: '4 node-agent tasks (one per instance, the new one too)', ko: 'node-agent task 4개 (새 instance 포함, instance마다 하나)' }, check: { type: 'serviceTasks', cluster: 'fleet', service: 'node-agent', equals: 4 } },
    { id: 'web-untouched', title: { en: 'web still has 2 tasks', ko: 'web은 여전히 task 2개' }, check: { type: 'serviceTasks', cluster: 'fleet', service: 'web', equals: 2 } },
  ],
  hints: [
    { en: 'CreateService with "schedulingStrategy": "DAEMON" and no desiredCount.', ko: 'CreateService에 "schedulingStrategy": "DAEMON"을 주고 desiredCount는 빼세요.' },
    { en: 'DAEMON services do not run on Fargate; use the EC2 launch type.', ko: 'DAEMON service는 Fargate에서 실행되지 않으니 EC2 launch type을 쓰세요.' },
  ],
  solution: {
    explanation: {
      en: 'A DAEMON service follows the instances: one task per ACTIVE instance, placed before replica tasks when an instance registers.',
      ko: 'DAEMON service는 instance를 따라갑니다. ACTIVE instance마다 task 하나가 있고, instance가 등록되면 replica task보다 먼저 배치됩니다.',
    },
    steps: [{ ecs: 'createService', input: { cluster: 'fleet', serviceName: 'node-agent', taskDefinition: 'node-agent', schedulingStrategy: 'DAEMON', launchType: 'EC2' } }],
  },
};
