/** A cluster with an Auto Scaling group capacity provider, for the capacity tests. */
import { createSimulation, type Simulation } from '../engine/simulation';
import type { SimState } from '../engine/state';

export interface AsgWorldOptions {
  seed?: number;
  instanceType?: string;
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
  managedScaling?: Record<string, unknown> | null;
  managedTerminationProtection?: 'ENABLED' | 'DISABLED';
  protectNew?: boolean;
}

export interface AsgWorld {
  sim: Simulation;
  state: SimState;
  asgArn: string;
}

export function asgWorld(o: AsgWorldOptions = {}): AsgWorld {
  const sim = createSimulation({ seed: o.seed ?? 7, timingProfile: 'fast' });
  sim.ecs.createCluster({ clusterName: 'demo' });
  const { autoScalingGroupArn } = sim.infra.createAutoScalingGroup({
    autoScalingGroupName: 'asg',
    cluster: 'demo',
    instanceType: o.instanceType ?? 'm5.large',
    minSize: o.minSize ?? 0,
    maxSize: o.maxSize ?? 10,
    desiredCapacity: o.desiredCapacity ?? 0,
    newInstancesProtectedFromScaleIn: o.protectNew ?? true,
  });
  const managedScaling = o.managedScaling === null ? undefined : { status: 'ENABLED', targetCapacity: 100, ...(o.managedScaling ?? {}) };
  sim.ecs.createCapacityProvider({
    name: 'cp',
    autoScalingGroupProvider: {
      autoScalingGroupArn,
      managedScaling: managedScaling as never,
      managedTerminationProtection: o.managedTerminationProtection ?? (managedScaling ? 'ENABLED' : 'DISABLED'),
    },
  });
  sim.ecs.putClusterCapacityProviders({ cluster: 'demo', capacityProviders: ['cp'], defaultCapacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] });
  return { sim, state: sim.state as SimState, asgArn: autoScalingGroupArn };
}

/** An EC2 task definition of `cpu` units and `memory` MiB (bridge, no ports). */
export function registerWorker(sim: Simulation, family = 'worker', cpu = 2048, memory = 2048): void {
  sim.ecs.registerTaskDefinition({
    family,
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{ name: 'app', image: 'busybox:1.36', cpu, memory, essential: true, command: ['sleep', '86400'] }],
  });
}
