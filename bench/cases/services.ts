/**
 * Services at scale: a rolling deployment (new task definition revision, defaults 100 % / 200 %) of
 * a steady 1,000-task REPLICA service on 250 m5.xlarge instances, run until the new deployment is
 * COMPLETED and the service is back at steady state; and the same with 250 tasks on 63 instances to
 * see how the cost grows. Service creation and its first steady state happen before the clock starts.
 */
import { createSimulation, type Simulation } from '../../src/core/engine/simulation';
import { onceMs, type BenchCase } from '../harness';

function steadyService(tasks: number, instances: number): Simulation {
  const sim = createSimulation({ seed: 3, timingProfile: 'realistic' });
  sim.ecs.createCluster({ clusterName: 'big' });
  sim.infra.launchInstances({ cluster: 'big', instanceType: 'm5.xlarge', count: instances });
  sim.advance(180_000);
  sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.26', memory: 256, cpu: 64 }] });
  sim.ecs.createService({ cluster: 'big', serviceName: 'web', taskDefinition: 'web', desiredCount: tasks });
  if (!runToSteady(sim, 'ecs-svc')) throw new Error('service did not reach steady state');
  return sim;
}

function runToSteady(sim: Simulation, _label: string): boolean {
  return sim.runUntil(
    (s) => {
      const svc = Object.values(s.state.services)[0];
      return svc.deployments.length === 1 && svc.deployments[0].rolloutState === 'COMPLETED' && svc.steadyEventAt !== undefined;
    },
    { maxMs: 60 * 60_000 },
  );
}

/** Wall ms of one rolling deployment of `tasks` tasks on `instances` instances, to steady state. */
function rollingDeploymentMs(tasks: number, instances: number): number {
  const sim = steadyService(tasks, instances);
  sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256, cpu: 64 }] });
  const ms = onceMs(() => {
    sim.ecs.updateService({ cluster: 'big', service: 'web', taskDefinition: 'web' });
    if (!runToSteady(sim, 'rolling')) throw new Error('deployment did not complete');
  });
  const svc = sim.ecs.describeServices({ cluster: 'big', services: ['web'] }).services![0];
  if (svc.runningCount !== tasks || !svc.taskDefinition!.endsWith(':2')) throw new Error(`unexpected end state: ${svc.runningCount} running`);
  return ms;
}

let small = 0;
let large = 0;
export const cases: BenchCase[] = [
  {
    name: 'rolling deployment of 250 tasks on 63 instances, to steady state',
    unit: 'ms',
    budget: 300,
    run: () => {
      rollingDeploymentMs(50, 13); // warm-up (JIT), not measured
      return (small = rollingDeploymentMs(250, 63));
    },
  },
  {
    name: 'rolling deployment of 1,000 tasks on 250 instances, to steady state',
    unit: 'ms',
    budget: 1000,
    run: () => (large = rollingDeploymentMs(1000, 250)),
  },
  {
    name: 'growth 250 → 1,000 tasks (linear = 4)',
    unit: 'ratio',
    budget: 6,
    run: () => large / small,
  },
];
