/**
 * A tour through every served ECS operation with the SDK, checking each response on the wire
 * against the API model's output shape (members that exist, with the model's types; timestamps as
 * epoch seconds). The shapes come from @aws-sdk/client-ecs, so drift from the real API shows here.
 */
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteAttributesCommand,
  DeleteClusterCommand,
  DeleteServiceCommand,
  DeleteTaskDefinitionsCommand,
  DeregisterContainerInstanceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListAttributesCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
  PutAttributesCommand,
  RegisterContainerInstanceCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StartTaskCommand,
  StopServiceDeploymentCommand,
  StopTaskCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateContainerInstancesStateCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { createEcsClient } from './createEcsClient';
import { checkEveryResponse } from '../../../tests/support/wireShape';

describe('responses on the wire', () => {
  it('fit the API model for every operation of a tour through clusters, instances, attributes, tags, task definitions, tasks and services', async () => {
    const sim = createSimulation({ seed: 11 });
    const client = createEcsClient(sim);
    const seen = checkEveryResponse(client);
    const cluster = 'tour';

    const { cluster: created } = await client.send(
      new CreateClusterCommand({ clusterName: cluster, tags: [{ key: 'team', value: 'blue' }], settings: [{ name: 'containerInsights', value: 'enabled' }] }),
    );
    await client.send(new CreateClusterCommand({ clusterName: 'empty' }));
    await client.send(
      new DescribeClustersCommand({ clusters: [cluster, 'missing'], include: ['ATTACHMENTS', 'CONFIGURATIONS', 'SETTINGS', 'STATISTICS', 'TAGS'] }),
    );
    await client.send(new ListClustersCommand({ maxResults: 1 }));

    const { instanceIds } = sim.infra.launchInstances({ cluster, instanceType: 't3.medium', count: 2 });
    sim.runUntil((s) => s.ecs.listContainerInstances({ cluster }).containerInstanceArns!.length === 2, { maxMs: 900_000 });
    const { containerInstanceArns = [] } = await client.send(new ListContainerInstancesCommand({ cluster }));
    expect(containerInstanceArns).toHaveLength(2);
    await client.send(
      new RegisterContainerInstanceCommand({ cluster, instanceIdentityDocument: JSON.stringify({ instanceId: instanceIds[0] }) }),
    );
    await client.send(
      new DescribeContainerInstancesCommand({ cluster, containerInstances: [...containerInstanceArns, 'missing'], include: ['TAGS', 'CONTAINER_INSTANCE_HEALTH'] }),
    );
    const target = containerInstanceArns[0];
    await client.send(new PutAttributesCommand({ cluster, attributes: [{ name: 'stack', value: 'prod', targetId: target }] }));
    await client.send(new ListAttributesCommand({ cluster, targetType: 'container-instance', attributeName: 'stack' }));
    await client.send(new DeleteAttributesCommand({ cluster, attributes: [{ name: 'stack', targetId: target }] }));

    await client.send(new TagResourceCommand({ resourceArn: created!.clusterArn, tags: [{ key: 'env', value: 'dev' }] }));
    await client.send(new ListTagsForResourceCommand({ resourceArn: created!.clusterArn }));
    await client.send(new UntagResourceCommand({ resourceArn: created!.clusterArn, tagKeys: ['env'] }));

    await client.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        tags: [{ key: 'app', value: 'web' }],
        containerDefinitions: [
          { name: 'web', image: 'nginx:1.27', memory: 256, cpu: 128, essential: true, portMappings: [{ containerPort: 80 }], environment: [{ name: 'A', value: '1' }] },
          { name: 'sidecar', image: 'busybox:1.36', memory: 64, essential: false, command: ['sleep', '3600'] },
        ],
      }),
    );
    await client.send(
      new RegisterTaskDefinitionCommand({
        family: 'api',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '512',
        memory: '1024',
        containerDefinitions: [{ name: 'api', image: 'public.ecr.aws/nginx/nginx:latest', essential: true, portMappings: [{ containerPort: 8080 }] }],
      }),
    );
    await client.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web', include: ['TAGS'] }));
    await client.send(new ListTaskDefinitionsCommand({ sort: 'DESC' }));
    await client.send(new ListTaskDefinitionFamiliesCommand({ status: 'ALL' }));

    const ec2 = await client.send(new RunTaskCommand({ cluster, taskDefinition: 'web', count: 2, tags: [{ key: 'run', value: '1' }] }));
    const fargate = await client.send(
      new RunTaskCommand({
        cluster,
        taskDefinition: 'api',
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], assignPublicIp: 'ENABLED' } },
      }),
    );
    await client.send(new StartTaskCommand({ cluster, taskDefinition: 'web', containerInstances: [containerInstanceArns[1]] }));
    sim.advance(180_000);
    const taskArns = [...ec2.tasks!, ...fargate.tasks!].map((t) => t.taskArn!);
    await client.send(new DescribeTasksCommand({ cluster, tasks: [...taskArns, 'missing'], include: ['TAGS'] }));
    await client.send(new ListTasksCommand({ cluster, desiredStatus: 'RUNNING' }));
    await client.send(new StopTaskCommand({ cluster, task: taskArns[0], reason: 'tour' }));
    sim.advance(120_000);
    await client.send(new DescribeTasksCommand({ cluster, tasks: [taskArns[0]] }));
    await client.send(new ListTasksCommand({ cluster, desiredStatus: 'STOPPED' }));

    const { service } = await client.send(
      new CreateServiceCommand({
        cluster,
        serviceName: 'web-svc',
        taskDefinition: 'web',
        desiredCount: 1,
        deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 50, deploymentCircuitBreaker: { enable: true, rollback: true } },
        tags: [{ key: 'svc', value: 'web' }],
      }),
    );
    sim.advance(120_000);
    await client.send(new UpdateServiceCommand({ cluster, service: 'web-svc', desiredCount: 2, forceNewDeployment: true }));
    sim.advance(30_000);
    await client.send(new DescribeServicesCommand({ cluster, services: ['web-svc', 'missing'], include: ['TAGS'] }));
    await client.send(new ListServicesCommand({ cluster }));
    const { serviceDeployments = [] } = await client.send(new ListServiceDeploymentsCommand({ cluster, service: service!.serviceArn }));
    const deploymentArns = serviceDeployments.map((d) => d.serviceDeploymentArn!);
    await client.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: deploymentArns }));
    const inProgress = serviceDeployments.find((d) => d.status === 'IN_PROGRESS' || d.status === 'PENDING');
    if (inProgress) await client.send(new StopServiceDeploymentCommand({ serviceDeploymentArn: inProgress.serviceDeploymentArn!, stopType: 'ROLLBACK' }));
    sim.advance(120_000);
    await client.send(new DeleteServiceCommand({ cluster, service: 'web-svc', force: true }));

    await client.send(new UpdateContainerInstancesStateCommand({ cluster, containerInstances: [target], status: 'DRAINING' }));
    await client.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'api:1' }));
    await client.send(new DeleteTaskDefinitionsCommand({ taskDefinitions: ['api:1'] }));
    await client.send(new DeregisterContainerInstanceCommand({ cluster, containerInstance: target, force: true }));
    await client.send(new DeleteClusterCommand({ cluster: 'empty' }));

    expect(seen.violations).toEqual([]);
    expect([...seen.operations].sort()).toEqual([
      'CreateCluster',
      'CreateService',
      'DeleteAttributes',
      'DeleteCluster',
      'DeleteService',
      'DeleteTaskDefinitions',
      'DeregisterContainerInstance',
      'DeregisterTaskDefinition',
      'DescribeClusters',
      'DescribeContainerInstances',
      'DescribeServiceDeployments',
      'DescribeServices',
      'DescribeTaskDefinition',
      'DescribeTasks',
      'ListAttributes',
      'ListClusters',
      'ListContainerInstances',
      'ListServiceDeployments',
      'ListServices',
      'ListTagsForResource',
      'ListTaskDefinitionFamilies',
      'ListTaskDefinitions',
      'ListTasks',
      'PutAttributes',
      'RegisterContainerInstance',
      'RegisterTaskDefinition',
      'RunTask',
      'StartTask',
      'StopServiceDeployment',
      'StopTask',
      'TagResource',
      'UntagResource',
      'UpdateContainerInstancesState',
      'UpdateService',
    ]);
  });
});
