/**
 * A populated account for browser tests, built through the test hooks (`?test` in the address):
 * cluster "demo" with FARGATE and FARGATE_SPOT, two t3.medium instances (one DRAINING, one with its
 * agent disconnected), an EC2 service "web" of 3 and a Fargate service "api" of 4 split over
 * FARGATE and FARGATE_SPOT, all RUNNING after ten virtual minutes.
 */
import type { Page } from 'playwright-core';

export async function populateDemo(page: Page): Promise<void> {
  await page.waitForFunction(() => !!window.__playground);
  await page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the app's Playground, typed in src/
    const p = window.__playground!.playground as any;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    p.act((sim: any) => {
      sim.ecs.createCluster({ clusterName: 'demo', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
      sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.medium', count: 2 });
      sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256, cpu: 256 }] });
      sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 512, cpu: 256 }] });
      sim.ecs.registerTaskDefinition({
        family: 'api',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '512',
        memory: '1024',
        containerDefinitions: [{ name: 'api', image: 'public.ecr.aws/docker/library/node:22' }],
      });
    }, { asHost: true });
    p.advance(120_000);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    p.act((sim: any) => {
      sim.ecs.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 3 });
      sim.ecs.createService({
        cluster: 'demo',
        serviceName: 'api',
        taskDefinition: 'api',
        desiredCount: 4,
        capacityProviderStrategy: [
          { capacityProvider: 'FARGATE', base: 1, weight: 1 },
          { capacityProvider: 'FARGATE_SPOT', weight: 1 },
        ],
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'] } },
      });
    }, { asHost: true });
    for (let i = 0; i < 10; i++) p.advance(60_000);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    p.act((sim: any) => {
      const [first, second] = sim.ecs.listContainerInstances({ cluster: 'demo' }).containerInstanceArns;
      sim.ecs.updateContainerInstancesState({ cluster: 'demo', containerInstances: [first], status: 'DRAINING' });
      sim.faults.disconnectAgent(second);
    }, { asHost: true });
    p.advance(60_000);
  });
}
