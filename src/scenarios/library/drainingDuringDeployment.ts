import type { Scenario } from '../types';

const api = (version: string) => ({
  family: 'api',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [{ name: 'api', image: `httpd:${version}`, cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
});

export const drainingDuringDeployment: Scenario = {
  id: 'draining-during-deployment',
  kind: 'exercise',
  title: { en: 'Drain an instance during a deployment', ko: 'deployment 중에 instance drain하기' },
  description: {
    en: 'The instance "old" is due for retirement, and at 0:30 a deployment of revision 2 of the service "api" (4 tasks, minimumHealthyPercent 100, maximumPercent 200) starts. Set "old" to DRAINING: no new task will be placed on it, and the service tasks on it are replaced within the same bounds as the deployment, so the service never runs fewer than 4 tasks. When you are done, "old" should run nothing and the deployment should have completed.',
    ko: 'instance "old"는 곧 폐기될 예정이고, 0:30에 service "api"(task 4개, minimumHealthyPercent 100, maximumPercent 200)의 revision 2 deployment가 시작됩니다. "old"를 DRAINING으로 설정하세요. 그러면 새 task가 배치되지 않고, 그 위의 service task는 deployment와 같은 경계 안에서 교체되므로 service의 task가 4개 아래로 내려가지 않습니다. 끝났을 때 "old"에는 아무것도 실행되지 않아야 하고 deployment는 완료되어 있어야 합니다.',
  },
  seed: 1212,
  durationSeconds: 600,
  tags: ['instances', 'deployments'],
  setup: {
    clusters: [{ clusterName: 'prod' }],
    instances: [
      { ref: 'old', cluster: 'prod', instanceType: 't3.medium', availabilityZone: 'us-east-1a' },
      { ref: 'new', cluster: 'prod', instanceType: 't3.medium', count: 2, availabilityZone: 'us-east-1b' },
    ],
    taskDefinitions: [api('2.4.62'), api('2.4.63')],
    services: [
      {
        cluster: 'prod',
        serviceName: 'api',
        taskDefinition: 'api:1',
        desiredCount: 4,
        launchType: 'EC2',
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
      },
    ],
    warmUpSeconds: 60,
  },
  script: [{ at: 30, ecs: 'updateService', input: { cluster: 'prod', service: 'api', taskDefinition: 'api:2' }, note: 'deploy revision 2' }],
  goals: [
    { id: 'draining', title: { en: '"old" is DRAINING and runs no task', ko: '"old"가 DRAINING이고 실행 중인 task 없음' }, check: { type: 'containerInstance', instance: 'old', status: 'DRAINING', runningTasksCount: 0 } },
    { id: 'completed', title: { en: 'The deployment of revision 2 completed', ko: 'revision 2의 deployment 완료' }, check: { type: 'deploymentCompleted', cluster: 'prod', service: 'api', revision: 2 } },
    { id: 'never-below', title: { en: 'Never fewer than 4 tasks RUNNING', ko: 'RUNNING task가 4개 아래로 내려간 적 없음' }, check: { type: 'runningNeverBelow', cluster: 'prod', service: 'api', min: 4 } },
  ],
  hints: [
    { en: 'UpdateContainerInstancesState sets status DRAINING; it takes container instance ARNs or ids, not EC2 ids.', ko: 'UpdateContainerInstancesState로 status를 DRAINING으로 바꿉니다. EC2 id가 아니라 container instance ARN이나 id를 받습니다.' },
    { en: 'Standalone tasks would keep a DRAINING instance busy; service tasks are moved for you.', ko: '독립 실행 task는 DRAINING instance에 남아 있지만, service task는 알아서 옮겨집니다.' },
  ],
  solution: {
    explanation: {
      en: 'Draining takes the instance out of placement and lets the scheduler replace its tasks under the same minimumHealthyPercent / maximumPercent rules as the deployment.',
      ko: 'drain하면 instance가 배치 대상에서 빠지고, scheduler가 deployment와 같은 minimumHealthyPercent / maximumPercent 규칙에 따라 그 위의 task를 교체합니다.',
    },
    steps: [{ ecs: 'updateContainerInstancesState', input: { cluster: 'prod', containerInstances: [{ $containerInstance: 'old' }], status: 'DRAINING' } }],
  },
};
