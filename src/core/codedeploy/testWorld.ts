/** A CODE_DEPLOY web service behind an ALB (production and test listener), with a CodeDeploy application and deployment group, for the CodeDeploy tests. */
import { lbWorld, webService, type LbWorld } from '../elb/testWorld';
import type { Simulation } from '../engine/simulation';

export interface CdWorld extends LbWorld {
  /** task definition ARN of web:2 (the new revision) */
  web2: string;
}

export interface CdWorldOptions {
  seed?: number;
  config?: string;
  terminationWaitTimeInMinutes?: number;
  action?: 'TERMINATE' | 'KEEP_ALIVE';
  readyOption?: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' | 'STOP_DEPLOYMENT'; waitTimeInMinutes: number };
  autoRollback?: boolean;
  desiredCount?: number;
  withTestListener?: boolean;
}

export function cdWorld(o: CdWorldOptions = {}): CdWorld {
  const w = lbWorld(o.seed ?? 5, { HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 });
  webService(w, { deploymentController: { type: 'CODE_DEPLOY' }, desiredCount: o.desiredCount ?? 2 });
  const web2 = w.sim.ecs.registerTaskDefinition({
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.28', essential: true, portMappings: [{ containerPort: 80 }] }],
  }).taskDefinition!.taskDefinitionArn!;
  w.sim.codedeploy.createApplication({ applicationName: 'web-app', computePlatform: 'ECS' });
  w.sim.codedeploy.createDeploymentGroup({
    applicationName: 'web-app',
    deploymentGroupName: 'web-dg',
    serviceRoleArn: 'arn:aws:iam::123456789012:role/ecsCodeDeployRole',
    deploymentConfigName: o.config ?? 'CodeDeployDefault.ECSAllAtOnce',
    ecsServices: [{ serviceName: 'web', clusterName: 'lb' }],
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    loadBalancerInfo: {
      targetGroupPairInfoList: [
        {
          targetGroups: [{ name: 'web-blue' }, { name: 'web-green' }],
          prodTrafficRoute: { listenerArns: [w.prodListener] },
          ...(o.withTestListener === false ? {} : { testTrafficRoute: { listenerArns: [w.testListener] } }),
        },
      ],
    },
    blueGreenDeploymentConfiguration: {
      terminateBlueInstancesOnDeploymentSuccess: { action: o.action ?? 'TERMINATE', terminationWaitTimeInMinutes: o.terminationWaitTimeInMinutes ?? 5 },
      deploymentReadyOption: o.readyOption ?? { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
    },
    autoRollbackConfiguration: { enabled: o.autoRollback ?? true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_REQUEST'] },
  });
  return { ...w, web2 };
}

export function appSpec(taskDefinition: string, hooks: Record<string, string>[] = []): string {
  return JSON.stringify({
    version: 0.0,
    Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: taskDefinition, LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } } } }],
    Hooks: hooks,
  });
}

export function deploy(w: CdWorld, hooks: Record<string, string>[] = [], extra: Record<string, unknown> = {}): string {
  return w.sim.codedeploy.createDeployment({
    applicationName: 'web-app',
    deploymentGroupName: 'web-dg',
    revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(w.web2, hooks) } },
    ...extra,
  }).deploymentId;
}

export function statusOf(sim: Simulation, id: string): string {
  return sim.state.codedeploy!.deployments[id].status;
}

/** Runs until every task set of the service is at STEADY_STATE (the first task set comes up). */
export function steadyTaskSets(w: LbWorld, maxMs = 30 * 60_000): boolean {
  return w.sim.runUntil(() => {
    const sets = w.sim.ecs.describeTaskSets({ cluster: 'lb', service: 'web' }).taskSets ?? [];
    return sets.length > 0 && sets.every((s) => s.stabilityStatus === 'STEADY_STATE');
  }, { maxMs });
}

export function prodWeights(w: LbWorld): { blue: number; green: number } {
  const out = { blue: 0, green: 0 };
  for (const g of w.sim.state.elb.rules[w.prodRule].actions[0].targetGroups) out[g.targetGroupArn === w.blueTg ? 'blue' : 'green'] = g.weight;
  return out;
}
