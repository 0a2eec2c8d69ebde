import type { Scenario } from '../types';

const worker = {
  family: 'worker',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [{ name: 'worker', image: 'busybox:1.36', cpu: 256, memory: 512, command: ['sh', '-c', 'while true; do sleep 30; done'] }],
};

const cluster = (name: string) => ({ clusterName: name });
const nodes = (name: string) => ({ ref: name, cluster: name, instanceType: 't3.medium', count: 3 });
const service = (name: string, placementStrategy: Record<string, unknown>[]) => ({
  cluster: name,
  serviceName: 'worker',
  taskDefinition: 'worker',
  desiredCount: 6,
  launchType: 'EC2',
  placementStrategy,
});

export const placementStrategiesCompared: Scenario = {
  id: 'placement-strategies-compared',
  kind: 'demo',
  title: { en: 'binpack, spread and random on the same workload', ko: '같은 작업에 binpack, spread, random 적용하기' },
  description: {
    en: 'Three identical clusters, each with three t3.medium instances in three Availability Zones, run the same service "worker" (6 tasks of 0.25 vCPU and 512 MiB) with a different placement strategy. binpack on memory fills one instance before using the next, leaving whole instances free. spread on the Availability Zone puts the same number of tasks in each zone. random places tasks anywhere they fit. At 3:00 every service scales in to 3 tasks: watch which tasks each strategy stops. Open a task and read "why here?" to see each instance\'s verdict.',
    ko: '똑같은 클러스터 세 개가 있고, 각각 서로 다른 Availability Zone에 있는 t3.medium instance 3대가 있습니다. 세 클러스터 모두 같은 service "worker"(0.25 vCPU, 512 MiB task 6개)를 실행하지만 placement strategy가 다릅니다. memory 기준 binpack은 한 instance를 가득 채운 뒤 다음 instance를 써서 instance 전체를 비워 둡니다. Availability Zone 기준 spread는 zone마다 같은 수의 task를 둡니다. random은 들어갈 수 있는 곳 아무 데나 둡니다. 3:00에 모든 service가 task 3개로 줄어듭니다. 각 strategy가 어떤 task를 멈추는지 보세요. task를 열어 "why here?"를 보면 instance별 판정을 확인할 수 있습니다.',
  },
  seed: 404,
  durationSeconds: 360,
  tags: ['placement'],
  setup: {
    clusters: [cluster('binpack'), cluster('spread'), cluster('random')],
    instances: [nodes('binpack'), nodes('spread'), nodes('random')],
    taskDefinitions: [worker],
    services: [
      service('binpack', [{ type: 'binpack', field: 'memory' }]),
      service('spread', [{ type: 'spread', field: 'attribute:ecs.availability-zone' }]),
      service('random', [{ type: 'random' }]),
    ],
  },
  script: [
    { at: 180, ecs: 'updateService', input: { cluster: 'binpack', service: 'worker', desiredCount: 3 } },
    { at: 180, ecs: 'updateService', input: { cluster: 'spread', service: 'worker', desiredCount: 3 } },
    { at: 180, ecs: 'updateService', input: { cluster: 'random', service: 'worker', desiredCount: 3 } },
  ],
};
