/** A simulation with a cluster and registered EC2 container instances, for the instance tests. */
import { createSimulation, type Simulation } from '../engine/simulation';
import type { TimingProfileName } from '../timings';

export interface World {
  sim: Simulation;
  instanceIds: string[];
  /** container-instance ARNs, in the order of instanceIds */
  arns: string[];
}

export function worldWithInstances(
  options: { instanceType?: string; count?: number; cluster?: string; seed?: number; timingProfile?: TimingProfileName } = {},
): World {
  const cluster = options.cluster ?? 'demo';
  const sim = createSimulation({ seed: options.seed ?? 42, timingProfile: options.timingProfile ?? 'fast' });
  sim.ecs.createCluster({ clusterName: cluster });
  const { instanceIds } = sim.infra.launchInstances({ cluster, instanceType: options.instanceType ?? 'm5.large', count: options.count ?? 1 });
  const registered = sim.runUntil((s) => instanceIds.every((id) => s.state.ec2Instances[id].containerInstanceArn), { maxMs: 10 * 60_000 });
  if (!registered) throw new Error('instances did not register');
  const arns = instanceIds.map((id) => sim.state.ec2Instances[id].containerInstanceArn!);
  return { sim, instanceIds, arns };
}

/** The live state, writable, for calling core functions directly in tests. */
export function stateOf(sim: Simulation) {
  return sim.state as Simulation['state'] & { now: number };
}
