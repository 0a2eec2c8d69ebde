import type { Scenario } from '../types';

export const placementConstraints: Scenario = {
  id: 'placement-constraints',
  kind: 'exercise',
  title: { en: 'Placement constraints: distinctInstance and memberOf', ko: 'placement constraint: distinctInstance와 memberOf' },
  description: {
    en: 'The cluster "prod" has three t3.medium instances and one m5.large. The service "api" (3 tasks) must survive the loss of any one instance, so no two of its tasks may share an instance, and it must run on the t3.medium instances only. The service "cache" (2 tasks) must stay in us-east-1a. Right now neither rule is written down anywhere, so the scheduler follows its defaults. Add placement constraints: distinctInstance, and memberOf with a cluster query language expression on ecs.instance-type or ecs.availability-zone.',
    ko: '클러스터 "prod"에는 t3.medium instance 3대와 m5.large 1대가 있습니다. service "api"(task 3개)는 instance 하나를 잃어도 버틸 수 있어야 하므로 task 두 개가 같은 instance를 공유하면 안 되고, t3.medium instance에서만 실행되어야 합니다. service "cache"(task 2개)는 us-east-1a에만 있어야 합니다. 지금은 이 규칙이 어디에도 적혀 있지 않아 scheduler가 기본 동작을 따릅니다. placement constraint를 추가하세요. distinctInstance, 그리고 ecs.instance-type이나 ecs.availability-zone에 대한 cluster query language 식을 쓴 memberOf입니다.',
  },
  seed: 606,
  durationSeconds: 420,
  tags: ['placement'],
  setup: {
    clusters: [{ clusterName: 'prod' }],
    instances: [
      { ref: 'small-a', cluster: 'prod', instanceType: 't3.medium', availabilityZone: 'us-east-1a' },
      { ref: 'small-b', cluster: 'prod', instanceType: 't3.medium', availabilityZone: 'us-east-1b' },
      { ref: 'small-a2', cluster: 'prod', instanceType: 't3.medium', availabilityZone: 'us-east-1a' },
      { ref: 'large-c', cluster: 'prod', instanceType: 'm5.large', availabilityZone: 'us-east-1c' },
    ],
    taskDefinitions: [
      { family: 'api', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'api', image: 'httpd:2.4', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] }] },
      { family: 'cache', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'cache', image: 'redis:7', cpu: 256, memory: 512 }] },
    ],
    services: [
      { cluster: 'prod', serviceName: 'api', taskDefinition: 'api', desiredCount: 3, launchType: 'EC2' },
      { cluster: 'prod', serviceName: 'cache', taskDefinition: 'cache', desiredCount: 2, launchType: 'EC2' },
    ],
    warmUpSeconds: 60,
  },
  goals: [
    { id: 'api-distinct', title: { en: 'No two api tasks share an instance', ko: 'api task 두 개가 같은 instance를 쓰지 않음' }, check: { type: 'distinctInstances', cluster: 'prod', group: 'service:api' } },
    {
      id: 'api-type',
      title: { en: 'api runs only on t3.medium', ko: 'api는 t3.medium에서만 실행' },
      check: { type: 'tasksOnAttribute', cluster: 'prod', group: 'service:api', attribute: 'ecs.instance-type', in: ['t3.medium'] },
    },
    {
      id: 'cache-az',
      title: { en: 'cache runs only in us-east-1a', ko: 'cache는 us-east-1a에서만 실행' },
      check: { type: 'tasksOnAttribute', cluster: 'prod', group: 'service:cache', attribute: 'ecs.availability-zone', in: ['us-east-1a'] },
    },
    { id: 'api-count', title: { en: 'api has 3 RUNNING tasks', ko: 'api의 RUNNING task 3개' }, check: { type: 'serviceTasks', cluster: 'prod', service: 'api', equals: 3 } },
    { id: 'cache-count', title: { en: 'cache has 2 RUNNING tasks', ko: 'cache의 RUNNING task 2개' }, check: { type: 'serviceTasks', cluster: 'prod', service: 'cache', equals: 2 } },
  ],
  hints: [
    { en: 'UpdateService takes placementConstraints; changing them starts a new deployment.', ko: 'UpdateService는 placementConstraints를 받고, 바꾸면 새 deployment가 시작됩니다.' },
    { en: '{"type": "distinctInstance"} has no expression.', ko: '{"type": "distinctInstance"}에는 expression이 없습니다.' },
    { en: 'memberOf takes an expression such as "attribute:ecs.instance-type == t3.medium".', ko: 'memberOf에는 "attribute:ecs.instance-type == t3.medium" 같은 expression이 들어갑니다.' },
  ],
  solution: {
    explanation: {
      en: 'Constraints are binding: an instance that breaks one is never chosen. api gets distinctInstance plus memberOf on the instance type; cache gets memberOf on the Availability Zone.',
      ko: 'constraint는 반드시 지켜집니다. 하나라도 어기는 instance는 선택되지 않습니다. api에는 distinctInstance와 instance type에 대한 memberOf를, cache에는 Availability Zone에 대한 memberOf를 줍니다.',
    },
    steps: [
      {
        ecs: 'updateService',
        input: {
          cluster: 'prod',
          service: 'api',
          placementConstraints: [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.instance-type == t3.medium' }],
        },
      },
      { ecs: 'updateService', input: { cluster: 'prod', service: 'cache', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1a' }] } },
    ],
  },
};
