import type { Scenario } from '../types';

const web = (version: string) => ({
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: `public.ecr.aws/nginx/nginx:${version}` }],
});

export const stuckRollingUpdate: Scenario = {
  id: 'unstick-a-rolling-update',
  kind: 'exercise',
  title: { en: 'Unstick a rolling update', ko: '멈춘 rolling update 풀기' },
  description: {
    en: 'The service "web" runs 3 tasks with minimumHealthyPercent 100 and maximumPercent 125. At 0:30 a teammate deploys revision 2. With these settings the lower bound is 3 and the upper bound is floor(3.75) = 3: the scheduler may not stop an old task and may not start a new one, so the deployment never moves. Fix the deployment configuration so that revision 2 rolls out without ever running fewer than 3 tasks.',
    ko: 'service "web"은 minimumHealthyPercent 100, maximumPercent 125로 task 3개를 실행합니다. 0:30에 동료가 revision 2를 배포합니다. 이 설정에서는 하한이 3이고 상한이 floor(3.75) = 3이라서 scheduler가 이전 task를 멈출 수도, 새 task를 시작할 수도 없어 deployment가 전혀 진행되지 않습니다. 실행 중인 task가 3개 아래로 내려가지 않으면서 revision 2가 배포되도록 deployment configuration을 고치세요.',
  },
  seed: 909,
  durationSeconds: 600,
  tags: ['deployments'],
  setup: {
    clusters: [{ clusterName: 'team' }],
    taskDefinitions: [web('1.26'), web('1.27')],
    services: [
      {
        cluster: 'team',
        serviceName: 'web',
        taskDefinition: 'web:1',
        desiredCount: 3,
        launchType: 'FARGATE',
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 125 },
        networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
      },
    ],
    warmUpSeconds: 90,
  },
  script: [{ at: 30, ecs: 'updateService', input: { cluster: 'team', service: 'web', taskDefinition: 'web:2' }, note: 'a teammate deploys revision 2' }],
  goals: [
    { id: 'completed', title: { en: 'The deployment of revision 2 completed', ko: 'revision 2의 deployment 완료' }, check: { type: 'deploymentCompleted', cluster: 'team', service: 'web', revision: 2 } },
    { id: 'three-new', title: { en: '3 tasks RUNNING on revision 2', ko: 'revision 2로 RUNNING인 task 3개' }, check: { type: 'serviceTasks', cluster: 'team', service: 'web', revision: 2, equals: 3 } },
    { id: 'never-below', title: { en: 'Never fewer than 3 tasks RUNNING', ko: 'RUNNING task가 3개 아래로 내려간 적 없음' }, check: { type: 'runningNeverBelow', cluster: 'team', service: 'web', min: 3 } },
  ],
  hints: [
    { en: 'Compute both bounds: lower = ceil(3 × min / 100), upper = floor(3 × max / 100). Progress needs upper > 3 or lower < 3.', ko: '두 경계를 계산해 보세요. 하한 = ceil(3 × min / 100), 상한 = floor(3 × max / 100). 진행하려면 상한 > 3이거나 하한 < 3이어야 합니다.' },
    { en: 'Lowering minimumHealthyPercent would let ECS stop a task first: that breaks "never fewer than 3". Raise maximumPercent instead.', ko: 'minimumHealthyPercent를 낮추면 ECS가 task를 먼저 멈출 수 있어 "3개 아래로 내려가지 않기"를 어깁니다. 대신 maximumPercent를 올리세요.' },
  ],
  solution: {
    explanation: {
      en: 'maximumPercent 200 gives an upper bound of 6: the scheduler starts new tasks next to the old ones and stops old ones only as new ones turn healthy.',
      ko: 'maximumPercent를 200으로 하면 상한이 6이 됩니다. scheduler가 이전 task 옆에서 새 task를 시작하고, 새 task가 healthy가 되는 만큼만 이전 task를 멈춥니다.',
    },
    steps: [{ ecs: 'updateService', input: { cluster: 'team', service: 'web', deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 } } }],
  },
};
