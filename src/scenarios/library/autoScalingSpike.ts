import type { Scenario } from '../types';

const TARGET = { ServiceNamespace: 'ecs', ResourceId: 'service/api/orders', ScalableDimension: 'ecs:service:DesiredCount' };

export const autoScalingSpike: Scenario = {
  id: 'auto-scaling-traffic-spike',
  kind: 'exercise',
  title: { en: 'Service auto scaling under a traffic spike', ko: '트래픽 급증에 대응하는 service auto scaling' },
  description: {
    en: 'The "orders" service runs 2 small Fargate tasks (0.25 vCPU) behind an Application Load Balancer, comfortably serving 20 requests per second. At 5:00 a sale starts and traffic jumps to 100 requests per second for half an hour. The load balancer spreads the requests over the healthy targets, and each task\'s CPU follows the requests it serves: 2 tasks saturate at 100 %. Before the spike, register the service as a scalable target (2 to 10 tasks) and add a target tracking policy that keeps the average CPU at 50 %. Watch the CloudWatch alarm need three high minutes, new tasks start with no traffic until their targets are healthy, and the scale-out cooldown.',
    ko: '"orders" service는 Application Load Balancer 뒤에서 작은 Fargate task 2개(0.25 vCPU)로 초당 20개 요청을 여유 있게 처리합니다. 5:00에 세일이 시작되어 트래픽이 30분 동안 초당 100개 요청으로 뛰어오릅니다. load balancer는 요청을 healthy target에 나누고, 각 task의 CPU는 처리하는 요청을 따라갑니다. task 2개로는 100 %에 이릅니다. 급증 전에 service를 scalable target(task 2~10개)으로 등록하고 평균 CPU를 50 %로 유지하는 target tracking policy를 추가하세요. CloudWatch alarm이 높은 값 3분을 기다리는 것, 새 task가 target이 healthy가 될 때까지 트래픽을 받지 않는 것, scale-out cooldown을 지켜보세요.',
  },
  seed: 3303,
  durationSeconds: 1800,
  tags: ['auto scaling', 'load balancers'],
  setup: {
    clusters: [{ clusterName: 'api' }],
    taskDefinitions: [
      {
        family: 'orders',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'orders', image: 'public.ecr.aws/nginx/nginx:1.27', essential: true, portMappings: [{ containerPort: 80 }] }],
      },
    ],
    targetGroups: [{ Name: 'orders-tg', Protocol: 'HTTP', Port: 80, TargetType: 'ip' }],
    loadBalancers: [{ Name: 'orders-alb' }],
    listeners: [
      {
        LoadBalancerArn: { $loadBalancer: 'orders-alb' },
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [{ Type: 'forward', TargetGroupArn: { $targetGroup: 'orders-tg' } }],
      },
    ],
    services: [
      {
        cluster: 'api',
        serviceName: 'orders',
        taskDefinition: 'orders:1',
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
        loadBalancers: [{ targetGroupArn: { $targetGroup: 'orders-tg' }, containerName: 'orders', containerPort: 80 }],
      },
    ],
    warmUpSeconds: 240,
  },
  script: [
    {
      at: 0,
      fault: 'setLoad',
      input: { cluster: 'api', service: 'orders', profile: { type: 'spike', base: 20, peak: 100, atMs: 300_000, durationMs: 1_800_000 } },
      note: '20 requests/s, 100 from 5:00 for 30 minutes',
    },
  ],
  goals: [
    { id: 'scaled-out', title: { en: 'The desired count grew to at least 4 during the spike', ko: '급증 동안 desired count가 4 이상으로 늘어남' }, check: { type: 'serviceField', cluster: 'api', service: 'orders', pointer: '/desiredCount', atLeast: 4 } },
    { id: 'running', title: { en: 'At least 4 tasks RUNNING at the end', ko: '끝날 때 RUNNING인 task가 4개 이상' }, check: { type: 'serviceTasks', cluster: 'api', service: 'orders', atLeast: 4 } },
    { id: 'within-max', title: { en: 'Never more than 10 tasks', ko: 'task가 10개를 넘지 않음' }, check: { type: 'serviceField', cluster: 'api', service: 'orders', pointer: '/desiredCount', atMost: 10 } },
    { id: 'never-below', title: { en: 'Never fewer than 2 RUNNING tasks', ko: 'RUNNING task가 2개 미만으로 떨어지지 않음' }, check: { type: 'runningNeverBelow', cluster: 'api', service: 'orders', min: 2 } },
  ],
  hints: [
    {
      en: 'Application Auto Scaling first needs a scalable target: registerScalableTarget with ServiceNamespace "ecs", ResourceId "service/api/orders", ScalableDimension "ecs:service:DesiredCount", MinCapacity and MaxCapacity.',
      ko: 'Application Auto Scaling에는 먼저 scalable target이 필요합니다: ServiceNamespace "ecs", ResourceId "service/api/orders", ScalableDimension "ecs:service:DesiredCount", MinCapacity, MaxCapacity로 registerScalableTarget을 호출하세요.',
    },
    {
      en: 'Then putScalingPolicy with PolicyType "TargetTrackingScaling" and PredefinedMetricType "ECSServiceAverageCPUUtilization" (or "ALBRequestCountPerTarget" with a ResourceLabel naming the target group).',
      ko: '그다음 PolicyType "TargetTrackingScaling", PredefinedMetricType "ECSServiceAverageCPUUtilization"(또는 target group을 가리키는 ResourceLabel과 함께 "ALBRequestCountPerTarget")으로 putScalingPolicy를 호출하세요.',
    },
  ],
  solution: {
    explanation: {
      en: 'With a CPU target of 50 %, three minutes above it raise the high alarm; the policy asks for ceil(capacity × CPU ÷ 50) tasks, clamped to 2–10. New tasks get requests only once their targets are healthy, so the average stays high a little longer and a larger scale-out can follow within the cooldown.',
      ko: 'CPU 목표가 50 %이면 3분 동안 그 값을 넘을 때 high alarm이 울리고, policy는 ceil(capacity × CPU ÷ 50)개의 task를 2~10 범위 안에서 요청합니다. 새 task는 target이 healthy가 된 뒤에야 요청을 받으므로 평균이 조금 더 높게 유지되고, cooldown 동안에도 더 큰 scale-out이 이어질 수 있습니다.',
    },
    steps: [
      { applicationAutoScaling: 'registerScalableTarget', input: { ...TARGET, MinCapacity: 2, MaxCapacity: 10 } },
      {
        applicationAutoScaling: 'putScalingPolicy',
        input: {
          ...TARGET,
          PolicyName: 'orders-cpu50',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
        },
      },
    ],
  },
};
