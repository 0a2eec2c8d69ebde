/**
 * Bundled for the browser by sdk-in-browser.test.ts: a learner's SDK script against the simulation,
 * run inside Chromium through createEcsClient. Exposes `window.runSdkScript`.
 */
import {
  ClusterNotFoundException,
  CreateClusterCommand,
  DeleteClusterCommand,
  paginateListClusters,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  waitUntilTasksRunning,
} from '@aws-sdk/client-ecs';
import { createEcsClient, createSimulation } from '../../src/core';

async function runSdkScript() {
  const sim = createSimulation({ seed: 3 });
  const client = createEcsClient(sim, { advanceOnWait: true });
  for (const name of ['a', 'b', 'c']) await client.send(new CreateClusterCommand({ clusterName: name }));
  const pages: number[] = [];
  for await (const page of paginateListClusters({ client, pageSize: 2 }, {})) pages.push(page.clusterArns?.length ?? 0);
  const registered = await client.send(
    new RegisterTaskDefinitionCommand({
      family: 'api',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'api', image: 'nginx:1.27', essential: true }],
    }),
  );
  const run = await client.send(
    new RunTaskCommand({
      cluster: 'a',
      taskDefinition: 'api',
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
    }),
  );
  const waited = await waitUntilTasksRunning(
    { client, maxWaitTime: 30, minDelay: 0.001, maxDelay: 0.001 },
    { cluster: 'a', tasks: [run.tasks![0].taskArn!] },
  );
  const error = await client.send(new DeleteClusterCommand({ cluster: 'nope' })).catch((e: unknown) => e);
  return {
    pages,
    revision: registered.taskDefinition?.revision,
    registeredAt: registered.taskDefinition?.registeredAt instanceof Date,
    waiter: waited.state,
    virtualSecondsWaited: sim.now() / 1000,
    error: error instanceof ClusterNotFoundException ? [error.name, error.message, error.$metadata.httpStatusCode] : String(error),
  };
}

(window as unknown as { runSdkScript: typeof runSdkScript }).runSdkScript = runSdkScript;
