/**
 * Tasks at scale: 10,000 EC2 tasks placed (random strategy) on 1,000 registered instances and run
 * through their whole lifecycle (PROVISIONING … RUNNING … STOPPED, each container a `sleep 60` that
 * ends by itself), and the same with 1,000 tasks to see how the cost per task grows.
 * Instance launch and registration happen before the clock starts.
 */
import { createSimulation, type Simulation } from '../../src/core/engine/simulation';
import { onceMs, type BenchCase } from '../harness';

function fleet(instances: number): Simulation {
  const sim = createSimulation({ seed: 1, timingProfile: 'realistic' });
  sim.ecs.createCluster({ clusterName: 'big' });
  sim.infra.launchInstances({ cluster: 'big', instanceType: 'm5.xlarge', count: instances });
  sim.advance(180_000);
  sim.ecs.registerTaskDefinition({
    family: 'batch',
    containerDefinitions: [{ name: 'job', image: 'busybox', memory: 128, cpu: 64, command: ['sleep', '60'] }],
  });
  return sim;
}

/** Wall ms per task to run `tasks` tasks from RunTask to STOPPED on 1,000 instances. */
function msPerTask(tasks: number): number {
  const sim = fleet(1_000);
  const ms = onceMs(() => {
    for (let i = 0; i < tasks / 10; i++) {
      const out = sim.ecs.runTask({ cluster: 'big', taskDefinition: 'batch', count: 10 });
      if (out.tasks!.length !== 10) throw new Error(`placed ${out.tasks!.length} of 10: ${JSON.stringify(out.failures)}`);
    }
    sim.advance(10 * 60_000);
  });
  const running = sim.ecs.listTasks({ cluster: 'big' }).taskArns!.length;
  const stopped = sim.ecs.listTasks({ cluster: 'big', desiredStatus: 'STOPPED', maxResults: 100 }).taskArns!.length;
  if (running !== 0 || stopped === 0) throw new Error(`lifecycle did not finish: ${running} still running`);
  return ms / tasks;
}

let perTaskSmall = 0;
export const cases: BenchCase[] = [
  {
    name: '1,000 tasks on 1,000 instances, RunTask → STOPPED (wall ms per task)',
    unit: 'ms',
    budget: 1.5,
    run: () => {
      msPerTask(1_000); // warm-up: JIT and XState's lazily built tables, not measured
      return (perTaskSmall = msPerTask(1_000));
    },
  },
  {
    name: '10,000 tasks on 1,000 instances, RunTask → STOPPED (wall ms per task)',
    unit: 'ms',
    budget: 1.5,
    run: () => {
      const big = msPerTask(10_000);
      lastRatio = big / perTaskSmall;
      return big;
    },
  },
  {
    name: 'growth of ms per task, 1,000 → 10,000 tasks',
    unit: 'ratio',
    budget: 1.5,
    run: () => lastRatio,
  },
];
let lastRatio = 0;
