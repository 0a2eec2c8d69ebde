import type { Scenario } from '../types';

export const ec2VsFargate: Scenario = {
  id: 'ec2-vs-fargate',
  kind: 'demo',
  title: { en: 'EC2 and Fargate side by side', ko: 'EC2와 Fargate 나란히 비교하기' },
  description: {
    en: 'Two services run the same web server: "web-ec2" on two t3.medium container instances you manage, "web-fargate" on Fargate, where AWS finds the capacity. At 2:00 both scale from 3 to 8 tasks. The Fargate service simply grows; the EC2 service runs out of memory on its instances, so two tasks cannot be placed and the service events say why. At 4:00 a third instance joins the cluster and the waiting tasks are placed. Then open the cost meter: on EC2 you pay for the instances whether they are full or not (the tasks themselves cost nothing extra), on Fargate you pay per task for its vCPU and memory, so its cost follows the task count.',
    ko: '같은 웹 서버를 두 service가 실행합니다. "web-ec2"는 직접 관리하는 t3.medium container instance 2대에서, "web-fargate"는 AWS가 자리를 찾아 주는 Fargate에서 실행됩니다. 2:00에 두 service 모두 task 3개에서 8개로 늘어납니다. Fargate service는 그대로 늘어나지만, EC2 service는 instance의 메모리가 모자라 task 2개를 배치하지 못하고 service event에 그 이유가 남습니다. 4:00에 세 번째 instance가 클러스터에 합류하면 기다리던 task가 배치됩니다. 그다음 비용 미터를 열어 보세요. EC2에서는 instance가 다 차 있든 비어 있든 instance 비용을 내고(task 자체에는 추가 비용이 없음), Fargate에서는 task마다 vCPU와 메모리만큼 비용을 내므로 비용이 task 수를 따라갑니다.',
  },
  seed: 202,
  durationSeconds: 480,
  tags: ['fargate', 'ec2', 'capacity', 'cost'],
  setup: {
    clusters: [{ clusterName: 'side-by-side' }],
    instances: [{ ref: 'node', cluster: 'side-by-side', instanceType: 't3.medium', count: 2 }],
    taskDefinitions: [
      {
        family: 'web-ec2',
        requiresCompatibilities: ['EC2'],
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 256, memory: 1024, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
      },
      {
        family: 'web-fargate',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '1024',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }] }],
      },
    ],
    services: [
      { cluster: 'side-by-side', serviceName: 'web-ec2', taskDefinition: 'web-ec2', desiredCount: 3, launchType: 'EC2' },
      {
        cluster: 'side-by-side',
        serviceName: 'web-fargate',
        taskDefinition: 'web-fargate',
        desiredCount: 3,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } },
      },
    ],
    warmUpSeconds: 30,
  },
  script: [
    { at: 120, ecs: 'updateService', input: { cluster: 'side-by-side', service: 'web-ec2', desiredCount: 8 }, note: 'scale EC2 to 8' },
    { at: 120, ecs: 'updateService', input: { cluster: 'side-by-side', service: 'web-fargate', desiredCount: 8 }, note: 'scale Fargate to 8' },
    { at: 240, infra: 'launchInstances', input: { cluster: 'side-by-side', instanceType: 't3.medium', count: 1 }, note: 'add a third instance' },
  ],
};
