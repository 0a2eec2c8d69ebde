/**
 * The AWS SDK for JavaScript v3 driving the simulation in-process: real commands, paginators, error
 * classes and waiters of @aws-sdk/client-ecs. Every response is also checked against the ECS API
 * model's output shapes (tests/support/wireShape.ts).
 */
import {
  ClusterNotFoundException,
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteClusterCommand,
  DeleteServiceCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSServiceException,
  ListClustersCommand,
  paginateListClusters,
  paginateListTaskDefinitions,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  ServerException,
  StopTaskCommand,
  waitUntilServicesInactive,
  waitUntilServicesStable,
  waitUntilTasksRunning,
  waitUntilTasksStopped,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, Simulation } from '../engine/simulation';
import { createEcsClient, type EcsClientOptions } from './createEcsClient';
import { checkEveryResponse } from '../../../tests/support/wireShape';

const EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);
let checks: { violations: string[]; operations: Set<string> }[] = [];

function setup(options: EcsClientOptions = {}, seed = 7): { sim: Simulation; client: ECSClient } {
  const sim = createSimulation({ seed });
  const client = createEcsClient(sim, options);
  checks.push(checkEveryResponse(client));
  return { sim, client };
}

afterEach(() => {
  const violations = checks.flatMap((c) => c.violations);
  const seen = checks.reduce((n, c) => n + c.operations.size, 0);
  checks = [];
  expect(violations).toEqual([]);
  expect(seen).toBeGreaterThan(0);
});

const WEB = {
  family: 'web',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256, essential: true, portMappings: [{ containerPort: 80 }] }],
};

describe('createEcsClient', () => {
  it('sends CreateClusterCommand to the simulation and returns the cluster with $metadata', async () => {
    const { sim, client } = setup();
    const out = await client.send(new CreateClusterCommand({ clusterName: 'demo' }));
    expect(out.cluster).toEqual(sim.ecs.describeClusters({ clusters: ['demo'], include: ['SETTINGS', 'TAGS'] }).clusters![0]);
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1, requestId: '00000000-0000-4000-8000-000000000001' });
  });

  it("uses the simulation's region by default and the one given otherwise", async () => {
    const sim = createSimulation({ seed: 1, region: 'eu-west-1' });
    const fromSim = createEcsClient(sim);
    const given = createEcsClient(sim, { region: 'ap-northeast-2' });
    checks.push(checkEveryResponse(fromSim));
    expect(await fromSim.config.region()).toBe('eu-west-1');
    expect(await given.config.region()).toBe('ap-northeast-2');
    const out = await fromSim.send(new CreateClusterCommand({ clusterName: 'x' }));
    expect(out.cluster?.clusterArn).toBe('arn:aws:ecs:eu-west-1:123456789012:cluster/x');
  });

  it('registers and describes a task definition, timestamps as Dates at the virtual time', async () => {
    const { sim, client } = setup();
    sim.advance(90_500);
    const registered = await client.send(new RegisterTaskDefinitionCommand(WEB));
    expect(registered.taskDefinition?.taskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1');
    expect(registered.taskDefinition?.registeredAt).toEqual(new Date(EPOCH + 90_500));
    const described = await client.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web:1', include: ['TAGS'] }));
    expect(described.taskDefinition).toEqual(registered.taskDefinition);
    expect(described.tags).toEqual([]);
  });

  it("walks ListClusters page by page with the SDK's paginator", async () => {
    const { client } = setup();
    for (const name of ['a', 'b', 'c', 'd', 'e']) await client.send(new CreateClusterCommand({ clusterName: name }));
    const pages: string[][] = [];
    for await (const page of paginateListClusters({ client, pageSize: 2 }, {})) pages.push(page.clusterArns ?? []);
    const arn = (n: string) => `arn:aws:ecs:us-east-1:123456789012:cluster/${n}`;
    expect(pages).toEqual([[arn('a'), arn('b')], [arn('c'), arn('d')], [arn('e')]]);
  });

  it("walks ListTaskDefinitions page by page with the SDK's paginator", async () => {
    const { client } = setup();
    for (let i = 0; i < 3; i++) await client.send(new RegisterTaskDefinitionCommand(WEB));
    const pages: string[][] = [];
    for await (const page of paginateListTaskDefinitions({ client, pageSize: 2 }, { familyPrefix: 'web' })) {
      pages.push(page.taskDefinitionArns ?? []);
    }
    const arn = (r: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${r}`;
    expect(pages).toEqual([[arn(1), arn(2)], [arn(3)]]);
  });

  it("throws the SDK's ClusterNotFoundException with the ECS message and HTTP status 400", async () => {
    const { client } = setup();
    const error = await client.send(new DeleteClusterCommand({ cluster: 'nope' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClusterNotFoundException);
    expect(error).toBeInstanceOf(ECSServiceException);
    const e = error as ClusterNotFoundException;
    expect([e.name, e.message, e.$fault, e.$metadata.httpStatusCode]).toEqual([
      'ClusterNotFoundException',
      'Cluster not found.',
      'client',
      400,
    ]);
  });

  it("throws the SDK's ServerException with status 500, once, when the simulation itself fails", async () => {
    const { sim, client } = setup();
    (sim.ecs as unknown as Record<string, unknown>).listClusters = () => {
      throw new RangeError('broken');
    };
    const error = (await client.send(new ListClustersCommand({})).catch((e: unknown) => e)) as ServerException;
    expect(error).toBeInstanceOf(ServerException);
    expect([error.$fault, error.$metadata.httpStatusCode, error.$metadata.attempts]).toEqual(['server', 500, 1]);
  });

  it('answers a failure while advancing the clock for a waiter with the SDK\'s ServerException', async () => {
    // A simulation without handlers fails as soon as a scheduled entry comes due.
    const sim = new Simulation({ seed: 1 }, {});
    const client = createEcsClient(sim, { advanceOnWait: 3600 });
    checks.push(checkEveryResponse(client));
    await client.send(new CreateClusterCommand({ clusterName: 'demo' }));
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.micro', count: 1 });
    await client.send(new ListClustersCommand({}));
    const error = (await client.send(new ListClustersCommand({})).catch((e: unknown) => e)) as ServerException;
    expect(error).toBeInstanceOf(ServerException);
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(error.message).toMatch(/^The playground failed while handling this request: SimulationError: No handler for queue entry kind/);
  });

  it('never moves the virtual clock unless advanceOnWait is set', async () => {
    const { sim, client } = setup();
    await client.send(new CreateClusterCommand({ clusterName: 'demo' }));
    for (let i = 0; i < 3; i++) await client.send(new ListClustersCommand({}));
    expect(sim.now()).toBe(0);
  });
});

describe('createEcsClient with tasks', () => {
  async function clusterWithInstance(options: EcsClientOptions) {
    const { sim, client } = setup(options);
    await client.send(new CreateClusterCommand({ clusterName: 'demo' }));
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.medium', count: 1 });
    sim.runUntil((s) => s.ecs.describeClusters({ clusters: ['demo'] }).clusters![0].registeredContainerInstancesCount === 1, {
      maxMs: 600_000,
    });
    await client.send(new RegisterTaskDefinitionCommand(WEB));
    return { sim, client };
  }

  it('runs a task and describes it as the simulation does', async () => {
    const { sim, client } = await clusterWithInstance({});
    const run = await client.send(new RunTaskCommand({ cluster: 'demo', taskDefinition: 'web' }));
    expect(run.failures).toEqual([]);
    const taskArn = run.tasks![0].taskArn!;
    expect(run.tasks![0].lastStatus).toBe('PROVISIONING');
    sim.advance(60_000);
    const described = await client.send(new DescribeTasksCommand({ cluster: 'demo', tasks: [taskArn] }));
    expect(described.tasks).toEqual(sim.ecs.describeTasks({ cluster: 'demo', tasks: [taskArn] }).tasks);
    expect(described.tasks![0].createdAt).toEqual(run.tasks![0].createdAt);
  });

  it("waitUntilTasksRunning succeeds on virtual time: each poll advances the clock by the waiter's 6 s", async () => {
    const { sim, client } = await clusterWithInstance({ advanceOnWait: true });
    const run = await client.send(new RunTaskCommand({ cluster: 'demo', taskDefinition: 'web' }));
    const taskArn = run.tasks![0].taskArn!;
    const startedAt = sim.now();
    const wallStart = performance.now();
    // Short wall delays keep the test fast; the virtual clock still moves 6 s per retry.
    const result = await waitUntilTasksRunning(
      { client, maxWaitTime: 30, minDelay: 0.001, maxDelay: 0.001 },
      { cluster: 'demo', tasks: [taskArn] },
    );
    expect(result.state).toBe('SUCCESS');
    const task = (result.reason as { tasks: { lastStatus: string; startedAt: Date }[] }).tasks[0];
    expect(task.lastStatus).toBe('RUNNING');
    const waited = sim.now() - startedAt;
    expect(waited % 6_000).toBe(0);
    expect(waited).toBeGreaterThan(0);
    // RUNNING was reached within the last 6 s step, not earlier.
    expect(task.startedAt.getTime() - EPOCH).toBeGreaterThan(sim.now() - 6_000);
    expect(performance.now() - wallStart).toBeLessThan(15_000);
  });

  it('runs two waiters at once and then waitUntilTasksStopped, all on virtual time', async () => {
    const { sim, client } = await clusterWithInstance({ advanceOnWait: true });
    const arns: string[] = [];
    for (let i = 0; i < 2; i++) {
      const run = await client.send(new RunTaskCommand({ cluster: 'demo', taskDefinition: 'web' }));
      arns.push(run.tasks![0].taskArn!);
    }
    const fast = { client, maxWaitTime: 30, minDelay: 0.001, maxDelay: 0.001 };
    const both = await Promise.all(arns.map((t) => waitUntilTasksRunning(fast, { cluster: 'demo', tasks: [t] })));
    expect(both.map((r) => r.state)).toEqual(['SUCCESS', 'SUCCESS']);
    await client.send(new StopTaskCommand({ cluster: 'demo', task: arns[0], reason: 'done' }));
    const stoppedAfter = sim.now();
    const stopped = await waitUntilTasksStopped(fast, { cluster: 'demo', tasks: [arns[0]] });
    expect(stopped.state).toBe('SUCCESS');
    expect((stopped.reason as { tasks: { lastStatus: string; stoppedReason: string }[] }).tasks[0]).toMatchObject({
      lastStatus: 'STOPPED',
      stoppedReason: 'done',
    });
    expect(sim.now()).toBeGreaterThan(stoppedAfter);
  });

  it('waitUntilServicesStable and waitUntilServicesInactive succeed on virtual time', async () => {
    const { sim, client } = await clusterWithInstance({ advanceOnWait: true });
    await client.send(new CreateServiceCommand({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 }));
    const createdAt = sim.now();
    const fast = { client, maxWaitTime: 30, minDelay: 0.001, maxDelay: 0.001 };
    const stable = await waitUntilServicesStable(fast, { cluster: 'demo', services: ['web'] });
    expect(stable.state).toBe('SUCCESS');
    const service = (stable.reason as { services: { runningCount: number; desiredCount: number; deployments: unknown[] }[] }).services[0];
    expect([service.runningCount, service.desiredCount, service.deployments.length]).toEqual([2, 2, 1]);
    expect((sim.now() - createdAt) % 6_000).toBe(0);
    expect(sim.now()).toBeGreaterThan(createdAt);
    await client.send(new DeleteServiceCommand({ cluster: 'demo', service: 'web', force: true }));
    const inactive = await waitUntilServicesInactive(fast, { cluster: 'demo', services: ['web'] });
    expect(inactive.state).toBe('SUCCESS');
  });

  it('advances when a read repeats one sent since the last advance, and not across a write', async () => {
    const { sim, client } = setup({ advanceOnWait: 10 });
    await client.send(new CreateClusterCommand({ clusterName: 'demo' }));
    await client.send(new CreateClusterCommand({ clusterName: 'demo' }));
    expect(sim.now()).toBe(0);
    await client.send(new ListClustersCommand({}));
    await client.send(new ListClustersCommand({}));
    await client.send(new ListClustersCommand({}));
    expect(sim.now()).toBe(20_000);
    await client.send(new ListClustersCommand({ maxResults: 5 }));
    expect(sim.now()).toBe(20_000);
    await client.send(new CreateClusterCommand({ clusterName: 'other' }));
    await client.send(new ListClustersCommand({ maxResults: 5 }));
    expect(sim.now()).toBe(20_000);
  });
});
