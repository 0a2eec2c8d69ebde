/** A cluster with FARGATE and FARGATE_SPOT and a 0.5 vCPU / 1 GB Fargate task definition, for the capacity tests. */
import { createSimulation, type Simulation } from '../engine/simulation';

export const awsvpc = { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'] } };

export function fargateWorld(seed = 11): Simulation {
  const sim = createSimulation({ seed, timingProfile: 'fast' });
  sim.ecs.createCluster({ clusterName: 'f', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
  sim.ecs.registerTaskDefinition({
    family: 'api',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '512',
    memory: '1024',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true }],
  });
  return sim;
}
