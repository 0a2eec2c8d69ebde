/** A cluster with a web service on Fargate-sized EC2 capacity, for the auto scaling tests. */
import { createSimulation, type Simulation } from '../engine/simulation';

export interface ScalingWorld {
  sim: Simulation;
  resourceId: string;
}

/**
 * Cluster `demo`, enough m5.xlarge instances for 40 tasks, task definition `web` (256 CPU units,
 * 512 MiB), service `web` with `desiredCount` tasks, run to steady state.
 */
export function scalingWorld(options: { desiredCount?: number; seed?: number; instances?: number } = {}): ScalingWorld {
  const sim = createSimulation({ seed: options.seed ?? 11, timingProfile: 'fast' });
  sim.ecs.createCluster({ clusterName: 'demo' });
  const ids = sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.xlarge', count: options.instances ?? 4 }).instanceIds;
  if (!sim.runUntil((s) => ids.every((id) => s.state.ec2Instances[id].containerInstanceArn), { maxMs: 600_000 })) throw new Error('instances did not register');
  sim.ecs.registerTaskDefinition({ family: 'web', cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx:latest', essential: true }] });
  sim.ecs.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: options.desiredCount ?? 2 });
  sim.runUntil((s) => running(s) === (options.desiredCount ?? 2), { maxMs: 600_000 });
  return { sim, resourceId: 'service/demo/web' };
}

export function running(sim: Simulation): number {
  const svc = sim.ecs.describeServices({ cluster: 'demo', services: ['web'] }).services![0];
  return svc.runningCount ?? 0;
}

export function desired(sim: Simulation): number {
  return sim.ecs.describeServices({ cluster: 'demo', services: ['web'] }).services![0].desiredCount ?? 0;
}

/** Registers the target and a CPU target tracking policy (target 50 %, default cooldowns unless given). */
export function cpuTracking(sim: Simulation, min: number, max: number, extra: Record<string, unknown> = {}): void {
  sim.applicationAutoScaling.registerScalableTarget({
    ServiceNamespace: 'ecs',
    ResourceId: 'service/demo/web',
    ScalableDimension: 'ecs:service:DesiredCount',
    MinCapacity: min,
    MaxCapacity: max,
  });
  sim.applicationAutoScaling.putScalingPolicy({
    PolicyName: 'cpu50',
    ServiceNamespace: 'ecs',
    ResourceId: 'service/demo/web',
    ScalableDimension: 'ecs:service:DesiredCount',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: 50,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      ...extra,
    },
  });
}

/** Scaling activities, oldest first, as [virtual minute, Description, StatusMessage]. */
export function activityLog(sim: Simulation, includeNotScaled = false): [number, string, string | undefined][] {
  const out = sim.applicationAutoScaling.describeScalingActivities({ ServiceNamespace: 'ecs', ResourceId: 'service/demo/web', IncludeNotScaledActivities: includeNotScaled });
  const epoch = sim.state.epochMs;
  return (out.ScalingActivities as { StartTime: Date; Description: string; StatusMessage?: string }[])
    .map((a) => [(a.StartTime.getTime() - epoch) / 60_000, a.Description, a.StatusMessage] as [number, string, string | undefined])
    .reverse();
}
