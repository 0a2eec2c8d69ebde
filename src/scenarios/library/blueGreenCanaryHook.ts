import type { Scenario } from '../types';

const SMOKE_TEST = 'arn:aws:lambda:us-east-1:123456789012:function:shop-smoke-test';
const HOOK_ROLE = 'arn:aws:iam::123456789012:role/ecsLifecycleHookRole';

const web = (image: string) => ({
  family: 'shop',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image, essential: true, portMappings: [{ containerPort: 80 }] }],
});

const forward = (blue: number, green: number) => [
  {
    Type: 'forward',
    ForwardConfig: {
      TargetGroups: [
        { TargetGroupArn: { $targetGroup: 'shop-blue' }, Weight: blue },
        { TargetGroupArn: { $targetGroup: 'shop-green' }, Weight: green },
      ],
    },
  },
];

export const blueGreenCanaryHook: Scenario = {
  id: 'blue-green-canary-hook',
  kind: 'exercise',
  title: {
    en: 'Blue/green with linear and canary shifting and a failing hook',
    ko: '실패하는 hook이 있는 linear·canary 방식의 blue/green',
  },
  description: {
    en: 'The "shop" service runs revision 1 behind an Application Load Balancer with an ECS-native BLUE_GREEN deployment: the new revision starts beside the old one, gets the test listener, then 100 % of production traffic in one step. At 2:00 revision 2 is deployed, and it is broken: the team\'s smoke-test Lambda (shop-smoke-test) answers FAILED for it. Left alone, every customer gets revision 2. Change the deployment configuration before 2:00 so that revision 2 only ever sees a small slice of production traffic (a CANARY step of 5–10 %, or a LINEAR step of 10 %) and the smoke test runs as a lifecycle hook at PRODUCTION_TRAFFIC_SHIFT: the hook fails, ECS puts all traffic back on revision 1 and rolls back.',
    ko: '"shop" service는 Application Load Balancer 뒤에서 revision 1을 ECS 네이티브 BLUE_GREEN deployment로 실행합니다. 새 revision은 이전 revision 옆에서 시작하고, test listener를 받은 뒤 production 트래픽 100 %를 한 번에 받습니다. 2:00에 revision 2가 배포되는데, 이 revision은 고장 나 있습니다. 팀의 smoke test Lambda(shop-smoke-test)가 이 revision에 대해 FAILED를 답합니다. 그대로 두면 모든 고객이 revision 2를 받게 됩니다. 2:00 전에 deployment configuration을 바꿔서 revision 2가 production 트래픽의 작은 일부만 받게 하고(5–10 %의 CANARY 단계, 또는 10 %의 LINEAR 단계), smoke test가 PRODUCTION_TRAFFIC_SHIFT의 lifecycle hook으로 실행되게 하세요. hook이 실패하면 ECS가 모든 트래픽을 revision 1로 되돌리고 rollback합니다.',
  },
  seed: 2024,
  durationSeconds: 1500,
  tags: ['deployments', 'blue/green', 'load balancers'],
  setup: {
    clusters: [{ clusterName: 'shop' }],
    taskDefinitions: [web('public.ecr.aws/nginx/nginx:1.27'), web('public.ecr.aws/nginx/nginx:1.28')],
    targetGroups: [
      { Name: 'shop-blue', Protocol: 'HTTP', Port: 80, TargetType: 'ip' },
      { Name: 'shop-green', Protocol: 'HTTP', Port: 80, TargetType: 'ip' },
    ],
    loadBalancers: [{ Name: 'shop-alb' }],
    listeners: [
      { LoadBalancerArn: { $loadBalancer: 'shop-alb' }, Port: 80, Protocol: 'HTTP', DefaultActions: forward(100, 0) },
      { LoadBalancerArn: { $loadBalancer: 'shop-alb' }, Port: 8080, Protocol: 'HTTP', DefaultActions: forward(100, 0) },
    ],
    services: [
      {
        cluster: 'shop',
        serviceName: 'web',
        taskDefinition: 'shop:1',
        desiredCount: 3,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
        deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 },
        loadBalancers: [
          {
            targetGroupArn: { $targetGroup: 'shop-blue' },
            containerName: 'web',
            containerPort: 80,
            advancedConfiguration: {
              alternateTargetGroupArn: { $targetGroup: 'shop-green' },
              productionListenerRule: { $listenerRule: { loadBalancer: 'shop-alb', port: 80 } },
              testListenerRule: { $listenerRule: { loadBalancer: 'shop-alb', port: 8080 } },
              roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers',
            },
          },
        ],
      },
    ],
    warmUpSeconds: 600,
  },
  script: [
    { at: 0, fault: 'setHookAnswer', input: { hookTargetArn: SMOKE_TEST, answer: 'FAILED' }, note: 'the smoke test fails against revision 2' },
    { at: 120, ecs: 'updateService', input: { cluster: 'shop', service: 'web', taskDefinition: 'shop:2' }, note: 'deploy revision 2' },
  ],
  goals: [
    {
      id: 'small-first-step',
      title: { en: 'Revision 2 got at most 10 % of production traffic in its first step', ko: 'revision 2가 첫 단계에서 production 트래픽을 최대 10 %만 받음' },
      check: {
        type: 'anyOf',
        goals: [
          { type: 'serviceEventSeen', cluster: 'shop', service: 'web', contains: 'shifted 5% of production traffic' },
          { type: 'serviceEventSeen', cluster: 'shop', service: 'web', contains: 'shifted 10% of production traffic' },
        ],
      },
    },
    {
      id: 'hook-failed',
      title: { en: 'The smoke-test hook failed at PRODUCTION_TRAFFIC_SHIFT', ko: 'smoke test hook이 PRODUCTION_TRAFFIC_SHIFT에서 실패함' },
      check: { type: 'serviceEventSeen', cluster: 'shop', service: 'web', contains: 'lifecycle hook failed in stage PRODUCTION_TRAFFIC_SHIFT' },
    },
    { id: 'rolled-back', title: { en: 'ECS rolled the service back', ko: 'ECS가 service를 rollback함' }, check: { type: 'rollbackHappened', cluster: 'shop', service: 'web' } },
    { id: 'back-on-1', title: { en: 'The service is steady on revision 1 again', ko: 'service가 다시 revision 1로 안정됨' }, check: { type: 'deploymentCompleted', cluster: 'shop', service: 'web', revision: 1 } },
    { id: 'three-running', title: { en: '3 tasks RUNNING on revision 1', ko: 'revision 1로 RUNNING인 task 3개' }, check: { type: 'serviceTasks', cluster: 'shop', service: 'web', revision: 1, equals: 3 } },
  ],
  hints: [
    {
      en: 'deploymentConfiguration.strategy can be BLUE_GREEN, LINEAR (linearConfiguration.stepPercent) or CANARY (canaryConfiguration.canaryPercent); a change of the deployment configuration alone does not start a deployment.',
      ko: 'deploymentConfiguration.strategy는 BLUE_GREEN, LINEAR(linearConfiguration.stepPercent), CANARY(canaryConfiguration.canaryPercent) 중 하나입니다. deployment configuration만 바꾸면 deployment가 시작되지 않습니다.',
    },
    {
      en: `A lifecycle hook is an entry of deploymentConfiguration.lifecycleHooks: {"hookTargetArn": "${SMOKE_TEST}", "roleArn": …, "lifecycleStages": ["PRODUCTION_TRAFFIC_SHIFT"]}. With linear or canary shifting it runs after every production step.`,
      ko: `lifecycle hook은 deploymentConfiguration.lifecycleHooks의 항목입니다: {"hookTargetArn": "${SMOKE_TEST}", "roleArn": …, "lifecycleStages": ["PRODUCTION_TRAFFIC_SHIFT"]}. linear나 canary 방식에서는 production 단계마다 실행됩니다.`,
    },
  ],
  solution: {
    explanation: {
      en: 'CANARY with canaryPercent 10 moves 10 % of production traffic to revision 2 first; the smoke-test hook at PRODUCTION_TRAFFIC_SHIFT runs right after that step, answers FAILED, and ECS shifts production and test traffic back to revision 1, marks the deployment FAILED and makes revision 1 PRIMARY again.',
      ko: 'canaryPercent 10의 CANARY는 먼저 production 트래픽의 10 %만 revision 2로 옮깁니다. PRODUCTION_TRAFFIC_SHIFT의 smoke test hook이 그 단계 직후 실행되어 FAILED를 답하면, ECS는 production과 test 트래픽을 revision 1로 되돌리고 deployment를 FAILED로 표시한 뒤 revision 1을 다시 PRIMARY로 만듭니다.',
    },
    steps: [
      {
        ecs: 'updateService',
        input: {
          cluster: 'shop',
          service: 'web',
          deploymentConfiguration: {
            strategy: 'CANARY',
            canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
            bakeTimeInMinutes: 2,
            lifecycleHooks: [{ targetType: 'AWS_LAMBDA', hookTargetArn: SMOKE_TEST, roleArn: HOOK_ROLE, lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] }],
          },
        },
      },
    ],
  },
};
