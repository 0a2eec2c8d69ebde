import type { Scenario } from '../types';

export const fargateSpot: Scenario = {
  id: 'fargate-spot-base-weight',
  kind: 'exercise',
  title: { en: 'Capacity providers: base, weight and Fargate Spot', ko: 'capacity provider: base, weight와 Fargate Spot' },
  description: {
    en: 'The service "render" runs 10 tasks, all on the FARGATE capacity provider. Fargate Spot runs the same tasks for much less, but AWS may take the capacity back with a two-minute warning. Change the capacity provider strategy so that 2 tasks always stay on FARGATE (base 2) and the rest are split 1 : 3 between FARGATE and FARGATE_SPOT: 4 on FARGATE and 6 on FARGATE_SPOT in all. At 5:00 a Spot task is interrupted (if none runs on Spot yet, the interruption finds nothing to hit); the service replaces it and the split stays the same. Watch the cost meter: Spot is billed at a fraction of the On-Demand rate.',
    ko: 'service "render"는 task 10개를 모두 FARGATE capacity provider에서 실행합니다. Fargate Spot은 같은 task를 훨씬 싸게 실행하지만, AWS가 2분 전에 알리고 capacity를 회수할 수 있습니다. capacity provider strategy를 바꿔 task 2개는 항상 FARGATE에 남고(base 2) 나머지는 FARGATE와 FARGATE_SPOT에 1 : 3으로 나뉘게 하세요. 합쳐서 FARGATE에 4개, FARGATE_SPOT에 6개입니다. 5:00에 Spot task 하나가 중단되면(아직 Spot에서 실행 중인 task가 없으면 아무 일도 일어나지 않습니다) service가 대체하고 비율은 그대로 유지됩니다. 비용 미터도 보세요. Spot은 On-Demand 요금의 일부만 청구됩니다.',
  },
  seed: 1313,
  durationSeconds: 600,
  tags: ['capacity providers', 'fargate', 'cost'],
  setup: {
    clusters: [{ clusterName: 'render', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }],
    taskDefinitions: [
      {
        family: 'render',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '1024',
        memory: '2048',
        containerDefinitions: [{ name: 'render', image: 'public.ecr.aws/example/render:3.1', stopTimeout: 110 }],
      },
    ],
    services: [
      {
        cluster: 'render',
        serviceName: 'render',
        taskDefinition: 'render',
        desiredCount: 10,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
        networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
      },
    ],
    warmUpSeconds: 90,
  },
  script: [{ at: 300, fault: 'interruptSpot', task: { cluster: 'render', service: 'render', capacityProvider: 'FARGATE_SPOT' }, note: 'Fargate Spot takes capacity back' }],
  goals: [
    { id: 'on-demand', title: { en: '4 tasks on FARGATE', ko: 'FARGATE에 task 4개' }, check: { type: 'serviceTasks', cluster: 'render', service: 'render', capacityProvider: 'FARGATE', equals: 4 } },
    { id: 'spot', title: { en: '6 tasks on FARGATE_SPOT', ko: 'FARGATE_SPOT에 task 6개' }, check: { type: 'serviceTasks', cluster: 'render', service: 'render', capacityProvider: 'FARGATE_SPOT', equals: 6 } },
    {
      id: 'interrupted',
      title: { en: 'A Spot interruption happened and was absorbed', ko: 'Spot 중단이 일어났고 service가 흡수함' },
      check: { type: 'tasksStopped', cluster: 'render', group: 'service:render', stopCode: 'SpotInterruption', atLeast: 1 },
    },
    { id: 'cheaper', title: { en: 'The service costs less than $0.30 per hour', ko: 'service 비용이 시간당 $0.30 미만' }, check: { type: 'costPerHour', cluster: 'render', service: 'render', below: 0.3 } },
  ],
  hints: [
    { en: 'UpdateService takes capacityProviderStrategy: a list of {capacityProvider, base, weight}.', ko: 'UpdateService는 capacityProviderStrategy, 즉 {capacityProvider, base, weight} 목록을 받습니다.' },
    { en: 'Only one item may have a base. Base is filled first; weights split the rest.', ko: 'base는 한 항목에만 줄 수 있습니다. base가 먼저 채워지고 나머지를 weight로 나눕니다.' },
    { en: '2 + (8 × 1/4) = 4 on FARGATE, 8 × 3/4 = 6 on FARGATE_SPOT.', ko: 'FARGATE에 2 + (8 × 1/4) = 4개, FARGATE_SPOT에 8 × 3/4 = 6개입니다.' },
  ],
  solution: {
    explanation: {
      en: 'Strategy [{FARGATE, base 2, weight 1}, {FARGATE_SPOT, weight 3}]: the new deployment places 4 tasks on FARGATE and 6 on FARGATE_SPOT, which cuts the bill; an interrupted Spot task is replaced on Spot.',
      ko: '전략 [{FARGATE, base 2, weight 1}, {FARGATE_SPOT, weight 3}]을 쓰면 새 deployment가 FARGATE에 4개, FARGATE_SPOT에 6개를 배치해 비용이 줄고, 중단된 Spot task는 Spot에서 대체됩니다.',
    },
    steps: [
      {
        ecs: 'updateService',
        input: {
          cluster: 'render',
          service: 'render',
          capacityProviderStrategy: [
            { capacityProvider: 'FARGATE', base: 2, weight: 1 },
            { capacityProvider: 'FARGATE_SPOT', weight: 3 },
          ],
        },
      },
    ],
  },
};
