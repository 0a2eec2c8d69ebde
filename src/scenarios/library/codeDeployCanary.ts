import type { Scenario } from '../types';

const SMOKE_TEST = 'arn:aws:lambda:us-east-1:123456789012:function:shop-after-traffic-check';

const web = (image: string) => ({
  family: 'shop',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image, essential: true, portMappings: [{ containerPort: 80 }] }],
});

const forward = [
  {
    Type: 'forward',
    ForwardConfig: {
      TargetGroups: [
        { TargetGroupArn: { $targetGroup: 'shop-blue' }, Weight: 100 },
        { TargetGroupArn: { $targetGroup: 'shop-green' }, Weight: 0 },
      ],
    },
  },
];

const appSpec = JSON.stringify({
  version: 0.0,
  Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'shop:2', LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } } } }],
  Hooks: [{ AfterAllowTraffic: 'shop-after-traffic-check' }],
});

export const codeDeployCanary: Scenario = {
  id: 'codedeploy-canary',
  kind: 'demo',
  title: { en: 'CodeDeploy canary: where the traffic is, and a failing hook', ko: 'CodeDeploy canary: 트래픽의 위치와 실패하는 hook' },
  description: {
    en: 'The "shop" service uses the CODE_DEPLOY deployment controller: ECS runs task sets and CodeDeploy deploys. At 1:00 CodeDeploy deploys revision 2 with CodeDeployDefault.ECSCanary10Percent5Minutes. Watch the Services tab: Install starts a green task set beside blue, the test listener (port 8080) moves to green at once, production (port 80) gets 10 % for five minutes and then the rest. The AfterAllowTraffic hook (a Lambda that answers FAILED) then fails the deployment, and CodeDeploy rolls back: all traffic returns to blue, blue is PRIMARY again and the green task set drains. The original task set was never gone: it waits out terminationWaitTimeInMinutes before CodeDeploy deletes it.',
    ko: '"shop" service는 CODE_DEPLOY deployment controller를 사용합니다. ECS는 task set을 실행하고 배포는 CodeDeploy가 합니다. 1:00에 CodeDeploy가 CodeDeployDefault.ECSCanary10Percent5Minutes로 revision 2를 배포합니다. Services 탭을 보세요. Install 단계에서 blue 옆에 green task set이 시작되고, test listener(8080 포트)는 곧바로 green으로 옮겨지며, production(80 포트)은 5분 동안 10 %를 받은 뒤 나머지를 받습니다. 그다음 AfterAllowTraffic hook(FAILED를 답하는 Lambda)이 deployment를 실패시키고 CodeDeploy가 rollback합니다. 모든 트래픽이 blue로 돌아오고, blue가 다시 PRIMARY가 되며, green task set은 drain됩니다. 원본 task set은 사라진 적이 없습니다. CodeDeploy는 terminationWaitTimeInMinutes가 지나야 원본을 삭제합니다.',
  },
  seed: 2026,
  durationSeconds: 1200,
  tags: ['deployments', 'blue/green', 'CodeDeploy', 'load balancers'],
  setup: {
    clusters: [{ clusterName: 'shop' }],
    taskDefinitions: [web('public.ecr.aws/nginx/nginx:1.27'), web('public.ecr.aws/nginx/nginx:1.28')],
    targetGroups: [
      { Name: 'shop-blue', Protocol: 'HTTP', Port: 80, TargetType: 'ip' },
      { Name: 'shop-green', Protocol: 'HTTP', Port: 80, TargetType: 'ip' },
    ],
    loadBalancers: [{ Name: 'shop-alb' }],
    listeners: [
      { LoadBalancerArn: { $loadBalancer: 'shop-alb' }, Port: 80, Protocol: 'HTTP', DefaultActions: forward },
      { LoadBalancerArn: { $loadBalancer: 'shop-alb' }, Port: 8080, Protocol: 'HTTP', DefaultActions: forward },
    ],
    services: [
      {
        cluster: 'shop',
        serviceName: 'web',
        taskDefinition: 'shop:1',
        desiredCount: 3,
        launchType: 'FARGATE',
        deploymentController: { type: 'CODE_DEPLOY' },
        networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
        loadBalancers: [{ targetGroupArn: { $targetGroup: 'shop-blue' }, containerName: 'web', containerPort: 80 }],
      },
    ],
    codeDeployApplications: [{ applicationName: 'shop', computePlatform: 'ECS' }],
    deploymentGroups: [
      {
        applicationName: 'shop',
        deploymentGroupName: 'shop-web',
        serviceRoleArn: 'arn:aws:iam::123456789012:role/ecsCodeDeployRole',
        deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
        ecsServices: [{ serviceName: 'web', clusterName: 'shop' }],
        deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
        loadBalancerInfo: {
          targetGroupPairInfoList: [
            {
              targetGroups: [{ name: 'shop-blue' }, { name: 'shop-green' }],
              prodTrafficRoute: { listenerArns: [{ $listener: { loadBalancer: 'shop-alb', port: 80 } }] },
              testTrafficRoute: { listenerArns: [{ $listener: { loadBalancer: 'shop-alb', port: 8080 } }] },
            },
          ],
        },
        blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 10 } },
        autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
      },
    ],
    warmUpSeconds: 300,
  },
  script: [
    { at: 0, fault: 'setHookAnswer', input: { hookTargetArn: SMOKE_TEST, answer: 'FAILED' }, note: 'the after-traffic check fails against revision 2' },
    {
      at: 60,
      codedeploy: 'createDeployment',
      input: { applicationName: 'shop', deploymentGroupName: 'shop-web', revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec } } },
      note: 'CodeDeploy deploys revision 2 (canary 10 %, 5 minutes)',
    },
  ],
};
