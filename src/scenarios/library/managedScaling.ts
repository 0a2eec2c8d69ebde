import type { Scenario } from '../types';

export const managedScaling: Scenario = {
  id: 'managed-scaling-from-zero',
  kind: 'exercise',
  title: { en: 'Cluster auto scaling from zero instances', ko: '인스턴스 0대에서 시작하는 cluster auto scaling' },
  description: {
    en: 'The cluster "jobs" has an Auto Scaling group capacity provider, "jobs-cp", whose group has no instances at all, and managed scaling is turned off. The service "worker" wants 4 tasks of 1 vCPU and 2 GiB, so its tasks wait in PROVISIONING with nowhere to go. Turn managed scaling on with a target capacity of 100 %: every minute ECS computes CapacityProviderReservation = instances needed / instances running × 100 (200 when there are none), asks the group for instances, and the waiting tasks are placed as the instances register. Binpacked, 4 such tasks need only 2 m5.large instances.',
    ko: '클러스터 "jobs"에는 Auto Scaling group capacity provider "jobs-cp"가 있는데, 그 group에는 instance가 하나도 없고 managed scaling도 꺼져 있습니다. service "worker"는 1 vCPU, 2 GiB task 4개를 원하므로 task가 갈 곳 없이 PROVISIONING에서 기다립니다. target capacity 100 %로 managed scaling을 켜세요. ECS는 1분마다 CapacityProviderReservation = 필요한 instance 수 / 실행 중인 instance 수 × 100(instance가 없으면 200)을 계산해 group에 instance를 요청하고, instance가 등록되는 대로 기다리던 task가 배치됩니다. binpack으로 배치하면 이런 task 4개에는 m5.large instance 2대면 충분합니다.',
  },
  seed: 1414,
  durationSeconds: 900,
  tags: ['capacity providers', 'scaling'],
  setup: {
    clusters: [{ clusterName: 'jobs' }],
    autoScalingGroups: [
      { autoScalingGroupName: 'jobs-asg', cluster: 'jobs', instanceType: 'm5.large', minSize: 0, maxSize: 4, desiredCapacity: 0, newInstancesProtectedFromScaleIn: true },
    ],
    capacityProviders: [
      {
        name: 'jobs-cp',
        autoScalingGroupProvider: {
          autoScalingGroupArn: { $autoScalingGroupArn: 'jobs-asg' },
          managedScaling: { status: 'DISABLED' },
          managedTerminationProtection: 'DISABLED',
        },
      },
    ],
    clusterCapacityProviders: [{ cluster: 'jobs', capacityProviders: ['jobs-cp'], defaultCapacityProviderStrategy: [{ capacityProvider: 'jobs-cp', weight: 1 }] }],
    taskDefinitions: [
      {
        family: 'worker',
        requiresCompatibilities: ['EC2'],
        containerDefinitions: [{ name: 'worker', image: 'busybox:1.36', cpu: 1024, memory: 2048, command: ['sh', '-c', 'while true; do sleep 30; done'] }],
      },
    ],
    servicesAtSeconds: 0,
    services: [{ cluster: 'jobs', serviceName: 'worker', taskDefinition: 'worker', desiredCount: 4, placementStrategy: [{ type: 'binpack', field: 'memory' }] }],
    warmUpSeconds: 60,
  },
  goals: [
    { id: 'running', title: { en: 'worker has 4 RUNNING tasks', ko: 'worker의 RUNNING task 4개' }, check: { type: 'serviceTasks', cluster: 'jobs', service: 'worker', equals: 4 } },
    { id: 'two-instances', title: { en: 'They fit on 2 instances', ko: 'instance 2대에 모두 들어감' }, check: { type: 'instancesUsed', cluster: 'jobs', group: 'service:worker', equals: 2 } },
    {
      id: 'steady',
      title: { en: 'The service reached a steady state', ko: 'service가 steady state에 도달' },
      check: { type: 'serviceEventSeen', cluster: 'jobs', service: 'worker', contains: 'has reached a steady state' },
    },
  ],
  hints: [
    { en: 'UpdateCapacityProvider changes autoScalingGroupProvider.managedScaling.', ko: 'UpdateCapacityProvider로 autoScalingGroupProvider.managedScaling을 바꿉니다.' },
    { en: '{"status": "ENABLED", "targetCapacity": 100}; the first scale-out from zero launches two instances.', ko: '{"status": "ENABLED", "targetCapacity": 100}을 쓰세요. instance 0대에서 처음 scale-out하면 instance 2대가 시작됩니다.' },
  ],
  solution: {
    explanation: {
      en: 'With managed scaling on, the metric is 200 (tasks waiting, no instances), so ECS raises the group to 2 instances; binpack places 2 tasks on each and the metric settles at 100.',
      ko: 'managed scaling을 켜면 지표가 200(기다리는 task는 있고 instance는 없음)이 되어 ECS가 group을 instance 2대로 늘립니다. binpack이 instance마다 task 2개를 배치하면 지표가 100에 자리잡습니다.',
    },
    steps: [{ ecs: 'updateCapacityProvider', input: { name: 'jobs-cp', autoScalingGroupProvider: { managedScaling: { status: 'ENABLED', targetCapacity: 100 } } } }],
  },
};
