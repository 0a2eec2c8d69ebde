import type { Scenario } from '../types';

export const agentDisconnect: Scenario = {
  id: 'agent-disconnect-and-termination',
  kind: 'demo',
  title: { en: 'Agent disconnect and instance termination', ko: 'agent 연결 끊김과 instance 종료' },
  description: {
    en: 'The service "web" runs 3 tasks on three instances. At 1:00 the ECS agent on the first instance loses its connection for four minutes: agentConnected turns false, the instance takes no new tasks, but its task keeps running and still counts, because ECS cannot tell whether it is alive. At 6:00 the second instance is terminated: its container instance becomes INACTIVE, its task is marked STOPPED, and the scheduler starts a replacement on another instance.',
    ko: 'service "web"이 instance 3대에서 task 3개를 실행합니다. 1:00에 첫 번째 instance의 ECS agent가 4분 동안 연결을 잃습니다. agentConnected가 false가 되고 그 instance는 새 task를 받지 않지만, ECS는 task가 살아 있는지 알 수 없으므로 task는 계속 실행되고 개수에도 포함됩니다. 6:00에 두 번째 instance가 종료됩니다. 그 container instance는 INACTIVE가 되고, task는 STOPPED로 표시되며, scheduler가 다른 instance에 대체 task를 시작합니다.',
  },
  seed: 1111,
  durationSeconds: 600,
  tags: ['instances', 'failures'],
  setup: {
    clusters: [{ clusterName: 'ops' }],
    instances: [{ ref: 'node', cluster: 'ops', instanceType: 't3.medium', count: 3 }],
    taskDefinitions: [{ family: 'web', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] }] }],
    services: [{ cluster: 'ops', serviceName: 'web', taskDefinition: 'web', desiredCount: 3, launchType: 'EC2' }],
    warmUpSeconds: 30,
  },
  script: [
    { at: 60, fault: 'disconnectAgent', instance: 'node', forSeconds: 240, note: 'agent loses its connection' },
    { at: 360, infra: 'terminateInstance', instance: 'node[1]', note: 'the instance is terminated' },
  ],
};
