/**
 * Capacity at scale: a 400-task service on an Auto Scaling group capacity provider (m5.xlarge, four
 * 1-vCPU tasks each) started from zero instances, run until managed scaling has brought all 100
 * instances and every task runs (warm-up 60 s, maximum step 25); and a cost report over the result.
 */
import { createSimulation, type Simulation } from '../../src/core/engine/simulation';
import { costReport } from '../../src/core/capacity/cost';
import { medianMs, onceMs, type BenchCase } from '../harness';

const TASKS = 400;

function world(): Simulation {
  const sim = createSimulation({ seed: 9, timingProfile: 'realistic' });
  sim.ecs.createCluster({ clusterName: 'big' });
  const { autoScalingGroupArn } = sim.infra.createAutoScalingGroup({
    autoScalingGroupName: 'asg',
    cluster: 'big',
    instanceType: 'm5.xlarge',
    minSize: 0,
    maxSize: 120,
    desiredCapacity: 0,
    newInstancesProtectedFromScaleIn: true,
  });
  sim.ecs.createCapacityProvider({
    name: 'cp',
    autoScalingGroupProvider: {
      autoScalingGroupArn,
      managedScaling: { status: 'ENABLED', targetCapacity: 100, maximumScalingStepSize: 25, instanceWarmupPeriod: 60 },
      managedTerminationProtection: 'ENABLED',
    },
  });
  sim.ecs.putClusterCapacityProviders({ cluster: 'big', capacityProviders: ['cp'], defaultCapacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] });
  sim.ecs.registerTaskDefinition({ family: 'w', containerDefinitions: [{ name: 'w', image: 'busybox:1.36', cpu: 1024, memory: 1024, command: ['sleep', '86400'] }] });
  return sim;
}

let done: Simulation | undefined;
export const cases: BenchCase[] = [
  {
    name: `${TASKS}-task service from zero instances to all RUNNING via managed scaling`,
    unit: 'ms',
    budget: 2500,
    run: () => {
      const sim = world();
      const ms = onceMs(() => {
        sim.ecs.createService({ cluster: 'big', serviceName: 'w', taskDefinition: 'w', desiredCount: TASKS });
        // Checked once a simulated minute (a per-event predicate over every task would dominate the figure).
        for (let minute = 0; ; minute++) {
          sim.advance(60_000);
          if (Object.values(sim.state.tasks).filter((t) => t.lastStatus === 'RUNNING').length === TASKS) break;
          if (minute > 180) throw new Error('the service did not reach its desired count');
        }
      });
      done = sim;
      return ms;
    },
  },
  {
    name: 'cost report of that cluster (median)',
    unit: 'ms',
    budget: 20,
    run: () => {
      const sim = done ?? world();
      return medianMs(() => void costReport(sim.state), 20, 3);
    },
  },
];
