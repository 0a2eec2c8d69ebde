import type { Scenario } from '../types';

export const binpackExercise: Scenario = {
  id: 'binpack-fewer-instances',
  kind: 'exercise',
  title: { en: 'Pack tasks onto fewer instances', ko: 'task를 더 적은 instance에 모으기' },
  description: {
    en: 'The service "worker" runs 4 tasks on a cluster of four t3.medium instances. It uses the default service placement, which spreads tasks across Availability Zones and then across instances, so every instance ends up with one task and none can be given back. Change the placement strategy so that the 4 tasks are packed by memory onto a single instance. Changing the placement starts a new deployment: the scheduler places the new tasks with the new strategy and then stops the old ones.',
    ko: 'service "worker"가 t3.medium instance 4대로 된 클러스터에서 task 4개를 실행합니다. 기본 service 배치는 Availability Zone별로, 그다음 instance별로 task를 퍼뜨리기 때문에 instance마다 task가 하나씩 있어 어느 instance도 반납할 수 없습니다. placement strategy를 바꿔 task 4개를 memory 기준으로 instance 한 대에 모으세요. 배치 방식을 바꾸면 새 deployment가 시작됩니다. scheduler는 새 strategy로 새 task를 배치한 뒤 이전 task를 멈춥니다.',
  },
  seed: 505,
  durationSeconds: 420,
  tags: ['placement'],
  setup: {
    clusters: [{ clusterName: 'batch' }],
    instances: [{ ref: 'node', cluster: 'batch', instanceType: 't3.medium', count: 4 }],
    taskDefinitions: [
      {
        family: 'worker',
        requiresCompatibilities: ['EC2'],
        containerDefinitions: [{ name: 'worker', image: 'busybox:1.36', cpu: 256, memory: 512, command: ['sh', '-c', 'while true; do sleep 30; done'] }],
      },
    ],
    services: [{ cluster: 'batch', serviceName: 'worker', taskDefinition: 'worker', desiredCount: 4, launchType: 'EC2' }],
    warmUpSeconds: 60,
  },
  goals: [
    { id: 'one-instance', title: { en: 'All worker tasks share one instance', ko: 'worker task 전부가 instance 한 대에 있음' }, check: { type: 'instancesUsed', cluster: 'batch', group: 'service:worker', equals: 1 } },
    { id: 'four-running', title: { en: '4 worker tasks RUNNING', ko: 'worker task 4개가 RUNNING' }, check: { type: 'serviceTasks', cluster: 'batch', service: 'worker', equals: 4 } },
    { id: 'completed', title: { en: 'The deployment completed', ko: 'deployment 완료' }, check: { type: 'deploymentCompleted', cluster: 'batch', service: 'worker' } },
    {
      id: 'strategy',
      title: { en: 'The service uses binpack on memory', ko: 'service가 memory 기준 binpack 사용' },
      check: { type: 'serviceField', cluster: 'batch', service: 'worker', pointer: '/placementStrategy/0/type', is: 'binpack' },
    },
  ],
  hints: [
    { en: 'UpdateService accepts placementStrategy.', ko: 'UpdateService는 placementStrategy를 받습니다.' },
    { en: 'binpack takes a field: cpu or memory. It picks the instance with the least of it left that still fits the task.', ko: 'binpack에는 field(cpu 또는 memory)가 필요합니다. 작업이 들어가는 instance 중 그 자원이 가장 적게 남은 곳을 고릅니다.' },
  ],
  solution: {
    explanation: {
      en: 'placementStrategy [{"type": "binpack", "field": "memory"}] makes every new task go to the fullest instance that still has room.',
      ko: 'placementStrategy [{"type": "binpack", "field": "memory"}]를 쓰면 새 task가 모두 자리가 남아 있는 가장 꽉 찬 instance로 갑니다.',
    },
    steps: [{ ecs: 'updateService', input: { cluster: 'batch', service: 'worker', placementStrategy: [{ type: 'binpack', field: 'memory' }] } }],
  },
};
