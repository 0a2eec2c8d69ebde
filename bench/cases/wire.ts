/** The wire protocol's own cost: JSON in and out around the facade, and the SDK's round trip in-process. */
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { createSimulation, type Simulation } from '../../src/core/engine/simulation';
import { handleAwsJsonRequest, TARGET_PREFIX } from '../../src/core/api/wire/awsJson';
import { createEcsClient } from '../../src/core/sdk/createEcsClient';
import { medianMs, type BenchCase } from '../harness';

/** A cluster with 100 RUNNING Fargate tasks. */
function busy(): { sim: Simulation; tasks: string[] } {
  const sim = createSimulation({ seed: 1 });
  sim.ecs.createCluster({ clusterName: 'bench' });
  sim.ecs.registerTaskDefinition({
    family: 'api',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'api', image: 'nginx:1.27', essential: true }],
  });
  const tasks: string[] = [];
  for (let i = 0; i < 10; i++) {
    const run = sim.ecs.runTask({
      cluster: 'bench',
      taskDefinition: 'api',
      launchType: 'FARGATE',
      count: 10,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
    });
    tasks.push(...(run.tasks ?? []).map((t) => t.taskArn!));
  }
  sim.advance(300_000);
  return { sim, tasks };
}

let direct = 0;
let wire = 0;
export const cases: BenchCase[] = [
  {
    name: 'DescribeTasks of 100 tasks, direct facade call (median)',
    unit: 'ms',
    budget: 20,
    run: () => {
      const { sim, tasks } = busy();
      return (direct = medianMs(() => sim.ecs.describeTasks({ cluster: 'bench', tasks })));
    },
  },
  {
    name: 'DescribeTasks of 100 tasks over the wire protocol (median)',
    unit: 'ms',
    budget: 40,
    run: () => {
      const { sim, tasks } = busy();
      const body = JSON.stringify({ cluster: 'bench', tasks });
      return (wire = medianMs(() => handleAwsJsonRequest(sim, { target: `${TARGET_PREFIX}.DescribeTasks`, body })));
    },
  },
  {
    // About 200 KB of JSON out for 100 tasks: encoding it costs a few times the facade call itself.
    name: 'wire protocol overhead on DescribeTasks of 100 tasks',
    unit: 'ratio',
    budget: 6,
    run: () => wire / direct,
  },
  {
    name: 'ListClusters through the AWS SDK in-process, round trip (median)',
    unit: 'ms',
    budget: 10,
    run: async () => {
      const client = createEcsClient(createSimulation({ seed: 1 }));
      const times: number[] = [];
      for (let i = 0; i < 55; i++) {
        const t0 = performance.now();
        await client.send(new ListClustersCommand({}));
        if (i >= 5) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return (times[24] + times[25]) / 2;
    },
  },
];
