import type { Scenario } from '../types';

const rows: [number, number, number][] = [
  [4, 50, 200],
  [4, 100, 200],
  [2, 75, 100],
  [3, 100, 125],
  [1, 0, 100],
  [10, 50, 150],
];

const name = ([d, min, max]: [number, number, number]) => `d${d}-min${min}-max${max}`;

const appRevision = (version: string) => ({
  family: 'app',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'app', image: `public.ecr.aws/nginx/nginx:${version}` }],
});

export const rollingUpdateTable: Scenario = {
  id: 'rolling-update-parameters',
  kind: 'demo',
  title: { en: 'Rolling updates: minimumHealthyPercent and maximumPercent', ko: 'rolling update: minimumHealthyPercent와 maximumPercent' },
  description: {
    en: 'Six Fargate services deploy revision 2 of the same task definition at 1:00, each with a different desired count, minimumHealthyPercent and maximumPercent. The lower bound is ceil(desired × min% / 100) tasks that must stay healthy; the upper bound is floor(desired × max% / 100) tasks that may run or be pending. With 4/50/200 the scheduler may stop two old tasks at once; 4/100/200 starts four new tasks first; 1/0/100 stops the only task before starting its replacement (a short outage). 2/75/100 and 3/100/125 can neither stop nor start a task: their deployments stay stuck and the service events ask you to change the percentages.',
    ko: '여섯 개의 Fargate service가 1:00에 같은 task definition의 revision 2를 배포합니다. service마다 desired count, minimumHealthyPercent, maximumPercent가 다릅니다. 하한은 ceil(desired × min% / 100)로, healthy 상태를 유지해야 하는 task 수입니다. 상한은 floor(desired × max% / 100)로, 실행 중이거나 대기 중일 수 있는 task 수입니다. 4/50/200에서는 scheduler가 이전 task 두 개를 한꺼번에 멈출 수 있고, 4/100/200은 새 task 네 개를 먼저 시작하며, 1/0/100은 하나뿐인 task를 멈춘 뒤 대체 task를 시작합니다(잠깐 중단됨). 2/75/100과 3/100/125는 task를 멈출 수도 시작할 수도 없어서 deployment가 멈춰 있고, service event가 비율을 바꾸라고 알려 줍니다.',
  },
  seed: 808,
  durationSeconds: 600,
  tags: ['deployments'],
  setup: {
    clusters: [{ clusterName: 'rolling' }],
    taskDefinitions: [appRevision('1.26'), appRevision('1.27')],
    services: rows.map((r) => ({
      cluster: 'rolling',
      serviceName: name(r),
      taskDefinition: 'app:1',
      desiredCount: r[0],
      launchType: 'FARGATE',
      deploymentConfiguration: { minimumHealthyPercent: r[1], maximumPercent: r[2] },
      networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
    })),
    warmUpSeconds: 90,
  },
  script: rows.map((r) => ({ at: 60, ecs: 'updateService', input: { cluster: 'rolling', service: name(r), taskDefinition: 'app:2' } })),
};
