import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../engine/simulation';
import type { SimState } from '../engine/state';
import { statusTrail } from '../tasks/testFixtures';

function thrown(fn: () => unknown): { name: string; message: string } {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a throw');
}

function ec2World(count = 2, instanceType = 't3.medium', seed = 11): Simulation {
  const sim = createSimulation({ seed });
  sim.ecs.createCluster({ clusterName: 'default' });
  sim.infra.launchInstances({ cluster: 'default', instanceType, count });
  sim.runUntil((s) => s.ecs.describeClusters({}).clusters![0].registeredContainerInstancesCount === count, { maxMs: 600_000 });
  return sim;
}

function registerWeb(sim: Simulation, extra: Record<string, unknown> = {}) {
  return sim.ecs.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [{ name: 'web', image: 'nginx:latest', memory: 256, cpu: 256, portMappings: [{ containerPort: 80, hostPort: 80 }] }],
    ...extra,
  }).taskDefinition!;
}

function fargateWorld(seed = 5): Simulation {
  const sim = createSimulation({ seed });
  sim.ecs.createCluster({ clusterName: 'default' });
  (sim.state as SimState).clusters.default.capacityProviders = ['FARGATE', 'FARGATE_SPOT'];
  sim.ecs.registerTaskDefinition({
    family: 'api',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'api', image: 'public.ecr.aws/nginx/nginx:latest', portMappings: [{ containerPort: 80 }] }],
  });
  return sim;
}

const awsvpc = { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } };
const task = (sim: Simulation, arn: string) => sim.ecs.describeTasks({ tasks: [arn], include: ['TAGS'] }).tasks![0];

describe('RunTask on EC2', () => {
  it('throws "No Container Instances were found in your cluster." when the cluster has none', () => {
    const sim = createSimulation({ seed: 1 });
    sim.ecs.createCluster({});
    registerWeb(sim);
    const e = thrown(() => sim.ecs.runTask({ taskDefinition: 'web', launchType: 'EC2' }));
    expect([e.name, e.message]).toEqual(['InvalidParameterException', 'No Container Instances were found in your cluster.']);
  });

  it('places a task on a registered instance with its host port bound once it runs, and group family:<name>', () => {
    const sim = ec2World(1);
    registerWeb(sim);
    const out = sim.ecs.runTask({ taskDefinition: 'web', startedBy: 'me', tags: [{ key: 'team', value: 'a' }] });
    expect(out.failures).toEqual([]);
    const t = out.tasks![0];
    expect(t).toMatchObject({ lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING', launchType: 'EC2', group: 'family:web', startedBy: 'me', version: 1 });
    expect(t.containerInstanceArn).toMatch(/:container-instance\/default\/[0-9a-f]{32}$/);
    expect(t.taskArn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/default\/[0-9a-f]{32}$/);
    expect(t.overrides).toEqual({ containerOverrides: [{ name: 'web' }], inferenceAcceleratorOverrides: [] });
    expect(t.createdAt).toBeInstanceOf(Date);
    sim.runUntil(() => task(sim, t.taskArn!).lastStatus === 'RUNNING', { maxMs: 300_000 });
    const running = task(sim, t.taskArn!);
    expect(running.containers![0]).toMatchObject({ lastStatus: 'RUNNING', networkBindings: [{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 80, protocol: 'tcp' }] });
    expect(running.tags).toEqual([{ key: 'team', value: 'a' }]);
    expect(running.connectivity).toBe('CONNECTED');
    expect(running.attributes).toEqual([{ name: 'ecs.cpu-architecture', value: 'x86_64' }]);
    expect(sim.ecs.describeClusters({}).clusters![0]).toMatchObject({ runningTasksCount: 1, pendingTasksCount: 0 });
  });

  it('returns RESOURCE:PORTS failures naming each instance when the static host port is taken everywhere', () => {
    const sim = ec2World(2);
    registerWeb(sim);
    const first = sim.ecs.runTask({ taskDefinition: 'web', count: 2 });
    expect(first.tasks).toHaveLength(2);
    const third = sim.ecs.runTask({ taskDefinition: 'web' });
    expect(third.tasks).toEqual([]);
    expect(third.failures!.map((f) => f.reason)).toEqual(['RESOURCE:PORTS', 'RESOURCE:PORTS']);
    expect(new Set(third.failures!.map((f) => f.arn)).size).toBe(2);
  });

  it('returns RESOURCE:MEMORY and RESOURCE:CPU when the task is bigger than any instance', () => {
    const sim = ec2World(1, 't3.micro');
    sim.ecs.registerTaskDefinition({ family: 'big', containerDefinitions: [{ name: 'a', image: 'busybox', memory: 100_000 }] });
    expect(sim.ecs.runTask({ taskDefinition: 'big' }).failures![0].reason).toBe('RESOURCE:MEMORY');
    sim.ecs.registerTaskDefinition({ family: 'cpu', containerDefinitions: [{ name: 'a', image: 'busybox', memory: 64, cpu: 100_000 }] });
    expect(sim.ecs.runTask({ taskDefinition: 'cpu' }).failures![0].reason).toBe('RESOURCE:CPU');
  });

  it('places only what fits and reports the rest (count 10 on one small instance)', () => {
    const sim = ec2World(1, 't3.micro');
    sim.ecs.registerTaskDefinition({ family: 'small', containerDefinitions: [{ name: 'a', image: 'busybox', memory: 200, command: ['sleep', '3600'] }] });
    const out = sim.ecs.runTask({ taskDefinition: 'small', count: 10 });
    expect(out.tasks!.length).toBeGreaterThan(0);
    expect(out.tasks!.length).toBeLessThan(10);
    expect(out.failures).toEqual([expect.objectContaining({ reason: 'RESOURCE:MEMORY' })]);
  });

  it('returns AGENT when the only instance has its agent disconnected', () => {
    const sim = ec2World(1);
    registerWeb(sim);
    const ci = sim.ecs.listContainerInstances({}).containerInstanceArns![0];
    sim.faults.disconnectAgent(ci);
    sim.advance(1);
    expect(sim.ecs.runTask({ taskDefinition: 'web' }).failures).toEqual([expect.objectContaining({ arn: ci, reason: 'AGENT' })]);
  });

  it('returns RESOURCE:ENI once awsvpc tasks used up the instance ENIs, and RESOURCE:GPU without GPUs', () => {
    const sim = ec2World(1, 't3.medium');
    sim.ecs.registerTaskDefinition({ family: 'vpc', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64 }] });
    const ci = sim.ecs.listContainerInstances({}).containerInstanceArns![0];
    const enis = (sim.state as SimState).containerInstances[ci].remaining.enis;
    const subnet = (sim.state as SimState).ec2Instances[(sim.state as SimState).containerInstances[ci].ec2InstanceId].subnetId;
    const out = sim.ecs.runTask({ taskDefinition: 'vpc', count: enis + 1, networkConfiguration: { awsvpcConfiguration: { subnets: [subnet] } } });
    expect(out.tasks).toHaveLength(enis);
    expect(out.failures).toEqual([expect.objectContaining({ arn: ci, reason: 'RESOURCE:ENI' })]);
    sim.ecs.registerTaskDefinition({ family: 'gpu', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64, resourceRequirements: [{ type: 'GPU', value: '1' }] }] });
    expect(sim.ecs.runTask({ taskDefinition: 'gpu' }).failures).toEqual([expect.objectContaining({ reason: 'RESOURCE:GPU' })]);
  });

  it('hands a GPU instance\'s GPU ids to the container that asked for them', () => {
    const sim = ec2World(1, 'g4dn.xlarge');
    sim.ecs.registerTaskDefinition({ family: 'gpu', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64, resourceRequirements: [{ type: 'GPU', value: '1' }] }] });
    const out = sim.ecs.runTask({ taskDefinition: 'gpu' });
    expect(out.tasks![0].containers![0].gpuIds).toHaveLength(1);
    expect(sim.ecs.runTask({ taskDefinition: 'gpu' }).failures).toEqual([expect.objectContaining({ reason: 'RESOURCE:GPU' })]);
  });

  it('binds dynamic host ports from the ephemeral range in bridge mode', () => {
    const sim = ec2World(1);
    sim.ecs.registerTaskDefinition({ family: 'dyn', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64, portMappings: [{ containerPort: 8080, hostPort: 0 }] }] });
    const [a, b] = sim.ecs.runTask({ taskDefinition: 'dyn', count: 2 }).tasks!;
    sim.advance(120_000);
    const ports = [a, b].map((t) => task(sim, t.taskArn!).containers![0].networkBindings![0]);
    expect(ports.map((p) => p.containerPort)).toEqual([8080, 8080]);
    expect(ports.every((p) => p.hostPort! >= 32768 && p.hostPort! <= 60999)).toBe(true);
    expect(ports[0].hostPort).not.toBe(ports[1].hostPort);
  });

  it('EXTERNAL finds no ECS Anywhere instance among EC2 ones', () => {
    const sim = ec2World(1);
    sim.ecs.registerTaskDefinition({ family: 'ext', requiresCompatibilities: ['EXTERNAL'], containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64 }] });
    const e = thrown(() => sim.ecs.runTask({ taskDefinition: 'ext', launchType: 'EXTERNAL' }));
    expect(e.message).toBe('No Container Instances were found in your cluster.');
  });

  it('hands the resources back exactly once when the task stops', () => {
    const sim = ec2World(1);
    registerWeb(sim);
    const ci = sim.ecs.listContainerInstances({}).containerInstanceArns![0];
    const before = (sim.state as SimState).containerInstances[ci].remaining.memory;
    const t = sim.ecs.runTask({ taskDefinition: 'web' }).tasks![0];
    expect((sim.state as SimState).containerInstances[ci].remaining.memory).toBe(before - 256);
    sim.advance(60_000);
    sim.ecs.stopTask({ task: t.taskArn! });
    sim.ecs.stopTask({ task: t.taskArn! });
    sim.advance(120_000);
    expect(task(sim, t.taskArn!).lastStatus).toBe('STOPPED');
    expect((sim.state as SimState).containerInstances[ci].remaining.memory).toBe(before);
    expect((sim.state as SimState).containerInstances[ci].remaining.ports).not.toContain('80');
  });
});

describe('StopTask', () => {
  it('sets desiredStatus STOPPED at once with stopCode UserInitiated and "Task stopped by user"', () => {
    const sim = ec2World(1);
    registerWeb(sim);
    const t = sim.ecs.runTask({ taskDefinition: 'web' }).tasks![0];
    sim.runUntil(() => task(sim, t.taskArn!).lastStatus === 'RUNNING', { maxMs: 300_000 });
    const stopped = sim.ecs.stopTask({ task: t.taskArn! }).task!;
    expect(stopped).toMatchObject({ desiredStatus: 'STOPPED', lastStatus: 'RUNNING', stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' });
    expect(stopped.stoppingAt).toBeInstanceOf(Date);
    sim.advance(120_000);
    const done = task(sim, t.taskArn!);
    expect(done).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user', tags: [] });
    expect(done.containers![0]).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
  });

  it('takes the reason as stoppedReason', () => {
    const sim = ec2World(1);
    registerWeb(sim);
    const t = sim.ecs.runTask({ taskDefinition: 'web' }).tasks![0];
    expect(sim.ecs.stopTask({ task: t.taskArn!, reason: 'rolling back' }).task!.stoppedReason).toBe('rolling back');
  });

  it('stops a task still PENDING straight to STOPPED (no containers ever ran)', () => {
    const sim = ec2World(1);
    registerWeb(sim);
    const t = sim.ecs.runTask({ taskDefinition: 'web' }).tasks![0];
    sim.runUntil(() => task(sim, t.taskArn!).lastStatus === 'PENDING', { maxMs: 60_000 });
    sim.ecs.stopTask({ task: t.taskArn! });
    sim.advance(1);
    expect(statusTrail(sim.state as SimState, t.taskArn!)).toEqual(['PROVISIONING', 'PENDING', 'STOPPED']);
    const done = task(sim, t.taskArn!);
    expect(done.containers![0].lastStatus).toBe('STOPPED');
    expect(done.startedAt).toBeUndefined();
  });

  it('throws "The referenced task was not found." for an unknown task', () => {
    const sim = ec2World(1);
    const e = thrown(() => sim.ecs.stopTask({ task: '0123456789abcdef0123456789abcdef' }));
    expect([e.name, e.message]).toEqual(['InvalidParameterException', 'The referenced task was not found.']);
  });
});

describe('DescribeTasks and ListTasks', () => {
  it('reports unknown tasks as MISSING failures and accepts ids', () => {
    const sim = ec2World(1);
    registerWeb(sim);
    const t = sim.ecs.runTask({ taskDefinition: 'web' }).tasks![0];
    const id = t.taskArn!.split('/').pop()!;
    const out = sim.ecs.describeTasks({ tasks: [id, 'ffffffffffffffffffffffffffffffff'] });
    expect(out.tasks!.map((x) => x.taskArn)).toEqual([t.taskArn]);
    expect(out.tasks![0].tags).toBeUndefined();
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:task/default/ffffffffffffffffffffffffffffffff', reason: 'MISSING' }]);
  });

  it('lists by desiredStatus (default RUNNING), family, startedBy, containerInstance, with pagination', () => {
    const sim = ec2World(1);
    sim.ecs.registerTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'a', image: 'busybox', memory: 32 }] });
    const a = sim.ecs.runTask({ taskDefinition: 'job', count: 3, startedBy: 'batch' }).tasks!;
    sim.ecs.stopTask({ task: a[0].taskArn! });
    expect(sim.ecs.listTasks({}).taskArns).toEqual([a[1].taskArn, a[2].taskArn]);
    expect(sim.ecs.listTasks({ desiredStatus: 'STOPPED' }).taskArns).toEqual([a[0].taskArn]);
    expect(sim.ecs.listTasks({ desiredStatus: 'PENDING' }).taskArns).toEqual([]);
    expect(sim.ecs.listTasks({ family: 'job' }).taskArns).toHaveLength(2);
    expect(sim.ecs.listTasks({ family: 'other' }).taskArns).toEqual([]);
    expect(sim.ecs.listTasks({ startedBy: 'batch' }).taskArns).toHaveLength(2);
    expect(sim.ecs.listTasks({ containerInstance: a[1].containerInstanceArn! }).taskArns).toHaveLength(2);
    const page1 = sim.ecs.listTasks({ maxResults: 1 });
    expect(page1.taskArns).toEqual([a[1].taskArn]);
    expect(sim.ecs.listTasks({ maxResults: 1, nextToken: page1.nextToken })).toEqual({ taskArns: [a[2].taskArn] });
    const e = thrown(() => sim.ecs.listTasks({ startedBy: 'batch', family: 'job' }));
    expect(e.name).toBe('InvalidParameterException');
  });

  it('refuses DeleteCluster while tasks remain, and allows it once they stopped', () => {
    const sim = createSimulation({ seed: 3 });
    const cl = fargateWorld(3);
    void sim;
    const t = cl.ecs.runTask({ taskDefinition: 'api', launchType: 'FARGATE', networkConfiguration: awsvpc }).tasks![0];
    expect(cl.ecs.describeClusters({}).clusters![0].pendingTasksCount).toBe(1);
    const e = thrown(() => cl.ecs.deleteCluster({ cluster: 'default' }));
    expect([e.name, e.message]).toEqual(['ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.']);
    cl.ecs.stopTask({ task: t.taskArn! });
    cl.advance(300_000);
    expect(cl.ecs.deleteCluster({ cluster: 'default' }).cluster!.status).toBe('INACTIVE');
  });
});

describe('RunTask on Fargate', () => {
  it('runs with an ENI attachment, platformVersion 1.4.0 for LATEST, no container instance', () => {
    const sim = fargateWorld();
    const t = sim.ecs.runTask({ taskDefinition: 'api', launchType: 'FARGATE', networkConfiguration: awsvpc }).tasks![0];
    expect(t).toMatchObject({ launchType: 'FARGATE', platformVersion: '1.4.0', platformFamily: 'Linux', cpu: '256', memory: '512', ephemeralStorage: { sizeInGiB: 20 } });
    expect(t.containerInstanceArn).toBeUndefined();
    sim.runUntil(() => task(sim, t.taskArn!).lastStatus === 'RUNNING', { maxMs: 300_000 });
    const running = task(sim, t.taskArn!);
    const eni = running.attachments![0];
    expect(eni).toMatchObject({ type: 'ElasticNetworkInterface', status: 'ATTACHED' });
    const details = Object.fromEntries(eni.details!.map((d) => [d.name, d.value]));
    expect(details.subnetId).toBe('subnet-0123456789abcdef0');
    expect(details.networkInterfaceId).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(details.macAddress).toMatch(/^0e(:[0-9a-f]{2}){5}$/);
    expect(details.privateIPv4Address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(running.containers![0].networkInterfaces).toEqual([{ attachmentId: eni.id, privateIpv4Address: details.privateIPv4Address }]);
    expect(running.connectivityAt!.getTime()).toBeGreaterThan(running.createdAt!.getTime());
    expect(running.availabilityZone).toMatch(/^us-east-1[a-f]$/);
    sim.ecs.stopTask({ task: t.taskArn! });
    sim.advance(300_000);
    const done = task(sim, t.taskArn!);
    expect(done.attachments![0].status).toBe('DELETED');
    expect(statusTrail(sim.state as SimState, t.taskArn!)).toEqual([
      'PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED',
    ]);
  });

  it('requires networkConfiguration for awsvpc and rejects it for bridge', () => {
    const sim = fargateWorld();
    let e = thrown(() => sim.ecs.runTask({ taskDefinition: 'api', launchType: 'FARGATE' }));
    expect([e.name, e.message]).toEqual(['InvalidParameterException', "Network Configuration must be provided when networkMode 'awsvpc' is specified."]);
    e = thrown(() => sim.ecs.runTask({ taskDefinition: 'api', launchType: 'FARGATE', platformVersion: '9.9.9', networkConfiguration: awsvpc }));
    expect(e.name).toBe('PlatformUnknownException');
    e = thrown(() => sim.ecs.runTask({ taskDefinition: 'api', launchType: 'FARGATE', capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }], networkConfiguration: awsvpc }));
    expect(e.message).toBe('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
  });

  it('is idempotent on clientToken and refuses the token for a different request', () => {
    const sim = fargateWorld();
    const req = { taskDefinition: 'api', launchType: 'FARGATE' as const, networkConfiguration: awsvpc, clientToken: 'abc' };
    const a = sim.ecs.runTask(req).tasks![0].taskArn;
    const b = sim.ecs.runTask(req).tasks![0].taskArn;
    expect(b).toBe(a);
    expect(sim.ecs.listTasks({}).taskArns).toHaveLength(1);
    expect(thrown(() => sim.ecs.runTask({ ...req, count: 2 })).name).toBe('ConflictException');
  });

  it('FARGATE_SPOT interruption: warning event, SIGTERM, then STOPPED with SpotInterruption', () => {
    const sim = fargateWorld();
    const t = sim.ecs.runTask({ taskDefinition: 'api', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], networkConfiguration: awsvpc }).tasks![0];
    expect(t).toMatchObject({ capacityProviderName: 'FARGATE_SPOT', launchType: 'FARGATE' });
    sim.runUntil(() => task(sim, t.taskArn!).lastStatus === 'RUNNING', { maxMs: 300_000 });
    const at = sim.now();
    sim.faults.interruptSpot(t.taskArn!);
    const warning = sim.events.find((e) => e.type === 'task.spotInterruptionWarning')!;
    expect(warning).toMatchObject({ resource: t.taskArn, time: at, data: { stopsBy: at + 120_000 } });
    expect(sim.events.some((e) => e.type === 'fault.interruptSpot' && e.resource === t.taskArn)).toBe(true);
    expect(task(sim, t.taskArn!)).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.' });
    sim.advance(300_000);
    const done = task(sim, t.taskArn!);
    expect(done).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.' });
    expect(done.executionStoppedAt!.getTime() - done.createdAt!.getTime() - at).toBeLessThanOrEqual(120_000);
  });

  it('Spot interruption kills containers still running when the two minutes are up (exit 137)', () => {
    const sim = fargateWorld();
    sim.ecs.registerTaskDefinition({
      family: 'deaf',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'sh', image: 'busybox', command: ['sleep', '86400'], stopTimeout: 120 }],
    });
    const t = sim.ecs.runTask({ taskDefinition: 'deaf', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], networkConfiguration: awsvpc }).tasks![0];
    sim.runUntil(() => task(sim, t.taskArn!).lastStatus === 'RUNNING', { maxMs: 300_000 });
    const at = sim.now();
    sim.faults.interruptSpot(t.taskArn!);
    sim.advance(300_000);
    const done = task(sim, t.taskArn!);
    expect(done.containers![0].exitCode).toBe(137);
    expect(done.executionStoppedAt!.getTime() - done.createdAt!.getTime()).toBe(at + 120_000);
  });
});

describe('task API validation', () => {
  it('refuses count outside 1-10, more than 100 tasks to describe, unknown include, networkConfiguration for bridge', () => {
    const sim = ec2World(1);
    registerWeb(sim);
    expect(thrown(() => sim.ecs.runTask({ taskDefinition: 'web', count: 11 })).message).toBe('count must be between 1 and 10.');
    expect(thrown(() => sim.ecs.runTask({ taskDefinition: 'web', count: 0 })).name).toBe('InvalidParameterException');
    expect(thrown(() => sim.ecs.describeTasks({ tasks: Array.from({ length: 101 }, (_, i) => String(i)) })).name).toBe('InvalidParameterException');
    expect(thrown(() => sim.ecs.describeTasks({ tasks: ['x'], include: ['NOPE' as 'TAGS'] })).name).toBe('InvalidParameterException');
    const e = thrown(() => sim.ecs.runTask({ taskDefinition: 'web', networkConfiguration: awsvpc }));
    expect([e.name, e.message]).toEqual(['InvalidParameterException', 'Network Configuration is not valid for the given networkMode of this task definition.']);
    expect(thrown(() => sim.ecs.runTask({ taskDefinition: 'nope' })).message).toBe('TaskDefinition not found.');
    expect(thrown(() => sim.ecs.runTask({ taskDefinition: 'web', platformVersion: 'LATEST' })).message).toBe(
      'The platform version must be null when specifying an EC2 launch type.',
    );
    expect(thrown(() => sim.ecs.runTask({ taskDefinition: 'web', propagateTags: 'SERVICE' })).name).toBe('InvalidParameterException');
    expect(thrown(() => sim.ecs.runTask({ cluster: 'nope', taskDefinition: 'web' })).name).toBe('ClusterNotFoundException');
  });

  it('Fargate needs a FARGATE-compatible definition and an associated capacity provider', () => {
    const sim = ec2World(1);
    registerWeb(sim);
    expect(thrown(() => sim.ecs.runTask({ taskDefinition: 'web', launchType: 'FARGATE' })).message).toBe('Task definition does not support launch_type FARGATE.');
    const f = fargateWorld();
    (f.state as SimState).clusters.default.capacityProviders = [];
    expect(thrown(() => f.ecs.runTask({ taskDefinition: 'api', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT' }], networkConfiguration: awsvpc })).message).toMatch(
      /^The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster\./,
    );
  });

  it('propagateTags TASK_DEFINITION copies the definition tags; overrides change the command the container runs', () => {
    const sim = fargateWorld();
    sim.ecs.registerTaskDefinition({
      family: 'tagged',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      tags: [{ key: 'owner', value: 'team-a' }],
      containerDefinitions: [{ name: 'job', image: 'busybox', command: ['sleep', 'infinity'] }],
    });
    const t = sim.ecs.runTask({
      taskDefinition: 'tagged',
      launchType: 'FARGATE',
      networkConfiguration: awsvpc,
      propagateTags: 'TASK_DEFINITION',
      tags: [{ key: 'run', value: '1' }],
      overrides: { containerOverrides: [{ name: 'job', command: ['sleep', '5'] }] },
    }).tasks![0];
    expect(t.tags).toEqual([{ key: 'owner', value: 'team-a' }, { key: 'run', value: '1' }]);
    expect(t.overrides!.containerOverrides).toEqual([{ name: 'job', command: ['sleep', '5'] }]);
    sim.advance(300_000);
    expect(task(sim, t.taskArn!)).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited' });
  });

  it('ListTasks filters by launchType and serviceName (service tasks are in group service:<name>)', () => {
    const sim = fargateWorld();
    const t = sim.ecs.runTask({ taskDefinition: 'api', launchType: 'FARGATE', group: 'service:web', networkConfiguration: awsvpc }).tasks![0];
    expect(sim.ecs.listTasks({ launchType: 'FARGATE' }).taskArns).toEqual([t.taskArn]);
    expect(sim.ecs.listTasks({ launchType: 'EC2' }).taskArns).toEqual([]);
    expect(sim.ecs.listTasks({ serviceName: 'web' }).taskArns).toEqual([t.taskArn]);
    expect(sim.ecs.listTasks({ serviceName: 'other' }).taskArns).toEqual([]);
  });

  it('every task change leaves a task.stateChange event naming the task with ECS fields', () => {
    const sim = fargateWorld();
    const t = sim.ecs.runTask({ taskDefinition: 'api', launchType: 'FARGATE', networkConfiguration: awsvpc }).tasks![0];
    sim.advance(120_000);
    const changes = sim.events.filter((e) => e.type === 'task.stateChange');
    expect(changes.every((e) => e.resource === t.taskArn)).toBe(true);
    expect(changes.map((e) => e.data!.lastStatus)).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
    expect(changes[3].data).toMatchObject({ taskArn: t.taskArn, clusterArn: t.clusterArn, desiredStatus: 'RUNNING', group: 'family:api' });
  });
});
