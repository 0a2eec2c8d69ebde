/** A cluster with registered instances and a web task definition, for the service tests. */
import type { ContainerDefinition, Service } from '@aws-sdk/client-ecs';
import { createSimulation, type Simulation } from '../engine/simulation';
import type { TimingProfileName } from '../timings';
import { isHealthy } from './taskView';

export interface ServiceWorld {
  sim: Simulation;
  cluster: string;
  instanceIds: string[];
}

export const WEB: ContainerDefinition = { name: 'web', image: 'nginx:latest', memory: 128, cpu: 128 };

export function serviceWorld(
  options: { instances?: number; instanceType?: string; seed?: number; timingProfile?: TimingProfileName; cluster?: string } = {},
): ServiceWorld {
  const cluster = options.cluster ?? 'demo';
  const sim = createSimulation({ seed: options.seed ?? 7, timingProfile: options.timingProfile ?? 'fast' });
  sim.ecs.createCluster({ clusterName: cluster });
  let instanceIds: string[] = [];
  if ((options.instances ?? 3) > 0) {
    instanceIds = sim.infra.launchInstances({ cluster, instanceType: options.instanceType ?? 'm5.large', count: options.instances ?? 3 }).instanceIds;
    const ok = sim.runUntil((s) => instanceIds.every((id) => s.state.ec2Instances[id].containerInstanceArn), { maxMs: 10 * 60_000 });
    if (!ok) throw new Error('instances did not register');
  }
  sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [WEB] });
  return { sim, cluster, instanceIds };
}

export function describe1(sim: Simulation, cluster: string, service: string): Service {
  return sim.ecs.describeServices({ cluster, services: [service] }).services![0];
}

/** Service event messages, oldest first. */
export function messages(sim: Simulation, cluster: string, service: string): string[] {
  return describe1(sim, cluster, service).events!.map((e) => e.message!).reverse();
}

/** Runs until the service has one COMPLETED deployment at its desired count (or maxMs passes). */
export function runToSteady(sim: Simulation, cluster: string, service: string, maxMs = 30 * 60_000): boolean {
  return sim.runUntil(
    () => {
      const s = describe1(sim, cluster, service);
      return s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED' && s.runningCount === s.desiredCount && s.pendingCount === 0;
    },
    { maxMs },
  );
}

/** Tasks of the service counted against the bounds right now: in RUNNING or earlier, and healthy. */
export function boundCounts(sim: Simulation, serviceArn: string): { inFlight: number; healthy: number; running: number } {
  const state = sim.state;
  const svc = state.services[serviceArn];
  let inFlight = 0;
  let healthy = 0;
  let running = 0;
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (!t) continue;
    if (['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING'].includes(t.lastStatus)) inFlight++;
    if (t.lastStatus === 'RUNNING') running++;
    const dep = [...svc.deployments, ...svc.pastDeployments].find((d) => d.id === svc.tasks[arn].deploymentId);
    if (isHealthy(state as never, t, dep)) healthy++;
  }
  return { inFlight, healthy, running };
}

/** Runs up to maxMs, calling `check` after every fired queue entry; stops early when `done` holds. */
export function watch(sim: Simulation, check: () => void, done: () => boolean, maxMs: number): boolean {
  return sim.runUntil(
    () => {
      check();
      return done();
    },
    { maxMs },
  );
}
