import type { Scenario } from '../types';

const app = {
  name: 'app',
  image: 'public.ecr.aws/docker/library/httpd:2.4',
  essential: true,
  portMappings: [{ containerPort: 80 }],
};

export const taskDefinitionAnatomy: Scenario = {
  id: 'task-definition-anatomy',
  kind: 'exercise',
  title: { en: 'Anatomy of a task definition', ko: 'task definition 뜯어보기' },
  description: {
    en: 'Revision 1 of the "shop" task definition was written for EC2 in bridge mode: the web container "app" and a log shipper "log-router", both essential, with no health check and no start order. Register revision 2 for Fargate: the awsvpc network mode with task-level cpu and memory; "log-router" not essential (if it dies, the shop keeps serving); "app" starting only after "log-router" has started (dependsOn with START); and a container health check on "app" so ECS knows when it is really healthy. Then run revision 2 as the service "shop" with one task on Fargate.',
    ko: 'task definition "shop"의 revision 1은 EC2의 bridge 모드용으로 작성되었습니다. 웹 컨테이너 "app"과 로그 전송용 "log-router" 모두 essential이고, health check도 시작 순서도 없습니다. Fargate용 revision 2를 등록해 보세요. awsvpc 네트워크 모드와 task 수준의 cpu, memory를 지정하고, "log-router"는 essential이 아니게 하며(죽어도 가게는 계속 영업), "app"은 "log-router"가 시작된 뒤에만 시작하게(dependsOn의 START) 하고, "app"에 container health check를 넣어 ECS가 실제로 healthy한 시점을 알 수 있게 하세요. 그다음 revision 2를 Fargate에서 task 1개로 실행하는 service "shop"을 만드세요.',
  },
  seed: 303,
  durationSeconds: 300,
  tags: ['task definitions', 'fargate'],
  setup: {
    clusters: [{ clusterName: 'shop' }],
    taskDefinitions: [
      {
        family: 'shop',
        requiresCompatibilities: ['EC2'],
        networkMode: 'bridge',
        containerDefinitions: [
          { ...app, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] },
          { name: 'log-router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', memory: 128 },
        ],
      },
    ],
  },
  goals: [
    { id: 'awsvpc', title: { en: 'Revision 2 uses the awsvpc network mode', ko: 'revision 2가 awsvpc 네트워크 모드 사용' }, check: { type: 'taskDefinitionField', family: 'shop', pointer: '/networkMode', is: 'awsvpc' } },
    {
      id: 'sidecar-not-essential',
      title: { en: 'log-router is not essential', ko: 'log-router는 essential이 아님' },
      check: { type: 'taskDefinitionField', family: 'shop', pointer: '/containerDefinitions/[name=log-router]/essential', is: false },
    },
    {
      id: 'start-order',
      title: { en: 'app waits for log-router to START', ko: 'app은 log-router가 START된 뒤 시작' },
      check: {
        type: 'allOf',
        goals: [
          { type: 'taskDefinitionField', family: 'shop', pointer: '/containerDefinitions/[name=app]/dependsOn/0/containerName', is: 'log-router' },
          { type: 'taskDefinitionField', family: 'shop', pointer: '/containerDefinitions/[name=app]/dependsOn/0/condition', is: 'START' },
        ],
      },
    },
    {
      id: 'health-check',
      title: { en: 'app has a container health check', ko: 'app에 container health check 있음' },
      check: { type: 'taskDefinitionField', family: 'shop', pointer: '/containerDefinitions/[name=app]/healthCheck/command', exists: true },
    },
    {
      id: 'running',
      title: { en: 'Service shop runs 1 task on revision 2', ko: 'service shop이 revision 2로 task 1개 실행' },
      check: { type: 'serviceTasks', cluster: 'shop', service: 'shop', revision: 2, launchType: 'FARGATE', equals: 1 },
    },
  ],
  hints: [
    { en: 'Fargate needs networkMode awsvpc and task-level cpu and memory from the Fargate table (e.g. "512" and "1024").', ko: 'Fargate에는 networkMode awsvpc와 Fargate 표에 있는 task 수준 cpu, memory(예: "512", "1024")가 필요합니다.' },
    { en: '"essential": false on log-router; "dependsOn": [{"containerName": "log-router", "condition": "START"}] on app.', ko: 'log-router에 "essential": false, app에 "dependsOn": [{"containerName": "log-router", "condition": "START"}]를 넣으세요.' },
    { en: 'A health check is {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]}; interval, timeout and retries have defaults.', ko: 'health check는 {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]} 형태이며 interval, timeout, retries에는 기본값이 있습니다.' },
  ],
  solution: {
    explanation: {
      en: 'RegisterTaskDefinition with the same family creates revision 2; CreateService on Fargate then runs it.',
      ko: '같은 family로 RegisterTaskDefinition을 호출하면 revision 2가 생기고, Fargate로 CreateService를 호출하면 실행됩니다.',
    },
    steps: [
      {
        ecs: 'registerTaskDefinition',
        input: {
          family: 'shop',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '512',
          memory: '1024',
          containerDefinitions: [
            {
              ...app,
              dependsOn: [{ containerName: 'log-router', condition: 'START' }],
              healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 10, timeout: 5, retries: 3, startPeriod: 10 },
            },
            { name: 'log-router', image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable', essential: false },
          ],
        },
      },
      {
        ecs: 'createService',
        input: {
          cluster: 'shop',
          serviceName: 'shop',
          taskDefinition: 'shop:2',
          desiredCount: 1,
          launchType: 'FARGATE',
          networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
        },
      },
    ],
  },
};
