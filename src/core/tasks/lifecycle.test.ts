import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../engine/simulation';
import type { SimState } from '../engine/state';
import { statusTrail } from './testFixtures';

const awsvpc = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } };

/** A Fargate cluster and a task definition `family` with these containers; returns a runner. */
function fargate(containerDefinitions: ContainerDefinition[], seed = 21) {
  const sim = createSimulation({ seed });
  sim.ecs.createCluster({});
  sim.ecs.registerTaskDefinition({
    family: 'app',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    containerDefinitions,
  });
  const run = () => sim.ecs.runTask({ taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: awsvpc }).tasks![0].taskArn!;
  return { sim, run };
}

const describeOne = (sim: Simulation, arn: string) => sim.ecs.describeTasks({ tasks: [arn] }).tasks![0];
const container = (sim: Simulation, arn: string, name: string) => describeOne(sim, arn).containers!.find((c) => c.name === name)!;
const untilStatus = (sim: Simulation, arn: string, status: string, maxMs = 600_000) =>
  sim.runUntil(() => describeOne(sim, arn).lastStatus === status, { maxMs });
/** Virtual times at which each container of the task was reported RUNNING. */
function runningTimes(sim: Simulation, arn: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of sim.events) {
    if (e.type === 'task.containerStateChange' && e.resource === arn && e.data?.lastStatus === 'RUNNING') out[String(e.data.containerName)] ??= e.time;
  }
  return out;
}

describe('task lifecycle', () => {
  it('happy path on EC2: exact status sequence, timestamps in order, events for every change', () => {
    const sim = createSimulation({ seed: 4 });
    sim.ecs.createCluster({});
    sim.infra.launchInstances({ cluster: 'default', instanceType: 't3.small', count: 1 });
    sim.runUntil((s) => s.ecs.listContainerInstances({}).containerInstanceArns!.length === 1, { maxMs: 600_000 });
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
    const arn = sim.ecs.runTask({ taskDefinition: 'web' }).tasks![0].taskArn!;
    untilStatus(sim, arn, 'RUNNING');
    sim.advance(5_000);
    sim.ecs.stopTask({ task: arn });
    untilStatus(sim, arn, 'STOPPED');
    expect(statusTrail(sim.state as SimState, arn)).toEqual([
      'PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED',
    ]);
    const t = describeOne(sim, arn);
    const times = [t.createdAt, t.connectivityAt, t.pullStartedAt, t.pullStoppedAt, t.startedAt, t.stoppingAt, t.executionStoppedAt, t.stoppedAt].map((d) => d!.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
    expect(t).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user', healthStatus: 'UNKNOWN' });
    expect(t.containers![0]).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
    expect(t.containers![0].runtimeId).toMatch(/^[0-9a-f]{64}$/);
    const msgs = sim.events.filter((e) => e.type === 'task.stateChange' && e.resource === arn).map((e) => e.message);
    expect(msgs[0]).toMatch(/^Task [0-9a-f]{32} \(web\) lastStatus PROVISIONING, desiredStatus RUNNING\.$/);
    expect(msgs[7]).toMatch(/lastStatus STOPPED, desiredStatus STOPPED: UserInitiated — Task stopped by user$/);
  });

  it('image pull failure: CannotPullContainerError in the container reason and stoppedReason, TaskFailedToStart', () => {
    const { sim, run } = fargate([{ name: 'app', image: 'example/private-thing:1.2' }]);
    sim.faults.makeImageUnpullable('example/private-thing:1.2');
    expect(sim.events.at(-1)).toMatchObject({ type: 'fault.makeImageUnpullable', resource: 'example/private-thing:1.2' });
    const arn = run();
    untilStatus(sim, arn, 'STOPPED');
    const t = describeOne(sim, arn);
    const reason =
      'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/example/private-thing:1.2: docker.io/example/private-thing:1.2: not found';
    expect(t).toMatchObject({ stopCode: 'TaskFailedToStart', stoppedReason: reason, desiredStatus: 'STOPPED' });
    expect(t.containers![0]).toMatchObject({ lastStatus: 'STOPPED', reason });
    expect(t.containers![0].exitCode).toBeUndefined();
    expect(t.startedAt).toBeUndefined();
    expect(statusTrail(sim.state as SimState, arn)).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'DEPROVISIONING', 'STOPPED']);
  });

  it('every other well-formed image pulls, bigger images take longer', () => {
    const pullMs = (image: string) => {
      const { sim, run } = fargate([{ name: 'app', image }], 99);
      const arn = run();
      untilStatus(sim, arn, 'RUNNING');
      const t = describeOne(sim, arn);
      return t.pullStoppedAt!.getTime() - t.pullStartedAt!.getTime();
    };
    expect(pullMs('node:20')).toBeGreaterThan(pullMs('busybox:latest') * 5);
  });

  it('an essential container exit stops the task: EssentialContainerExited, the others get SIGTERM', () => {
    const { sim, run } = fargate([
      { name: 'app', image: 'nginx' },
      { name: 'sidecar', image: 'envoyproxy/envoy:v1.30', essential: false },
    ]);
    const arn = run();
    untilStatus(sim, arn, 'RUNNING');
    sim.faults.crashContainer(arn, 'app', 2);
    expect(sim.events.find((e) => e.type === 'fault.crashContainer')).toMatchObject({ resource: arn, data: { containerName: 'app', exitCode: 2 } });
    untilStatus(sim, arn, 'STOPPED');
    const t = describeOne(sim, arn);
    expect(t).toMatchObject({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' });
    expect(container(sim, arn, 'app')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 2 });
    expect(container(sim, arn, 'sidecar')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
  });

  it('a non-essential container exit leaves the task RUNNING', () => {
    const { sim, run } = fargate([
      { name: 'app', image: 'nginx' },
      { name: 'sidecar', image: 'busybox', essential: false, command: ['sleep', 'infinity'] },
    ]);
    const arn = run();
    untilStatus(sim, arn, 'RUNNING');
    sim.faults.crashContainer(arn, 'sidecar', 1);
    sim.advance(600_000);
    const t = describeOne(sim, arn);
    expect(t).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING' });
    expect(t.stopCode).toBeUndefined();
    expect(container(sim, arn, 'sidecar')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 1 });
    expect(container(sim, arn, 'app').lastStatus).toBe('RUNNING');
  });

  it('a batch container that ends by itself (sleep 20) stops the task as EssentialContainerExited with exit code 0', () => {
    const { sim, run } = fargate([{ name: 'job', image: 'busybox', command: ['sleep', '20'] }]);
    const arn = run();
    untilStatus(sim, arn, 'STOPPED');
    const t = describeOne(sim, arn);
    expect(t).toMatchObject({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' });
    expect(t.containers![0].exitCode).toBe(0);
    expect(t.stoppingAt!.getTime() - t.startedAt!.getTime()).toBe(20_000);
  });

  it('dependsOn START, SUCCESS and HEALTHY order the container starts', () => {
    const { sim, run } = fargate([
      { name: 'init', image: 'busybox', essential: false, command: ['sleep', '10'] },
      { name: 'db', image: 'postgres:16', healthCheck: { command: ['CMD-SHELL', 'pg_isready'], interval: 5, retries: 3 } },
      { name: 'log', image: 'fluent/fluent-bit', essential: false },
      {
        name: 'app',
        image: 'nginx',
        dependsOn: [
          { containerName: 'init', condition: 'SUCCESS' },
          { containerName: 'db', condition: 'HEALTHY' },
          { containerName: 'log', condition: 'START' },
        ],
      },
    ]);
    const arn = run();
    untilStatus(sim, arn, 'RUNNING');
    const at = runningTimes(sim, arn);
    const stoppedInit = sim.events.find((e) => e.type === 'task.containerStateChange' && e.data?.containerName === 'init' && e.data?.lastStatus === 'STOPPED')!;
    const healthyDb = at.db + 5_000; // first health check passes one interval after the start
    expect(at.app).toBeGreaterThan(at.log);
    expect(at.app).toBeGreaterThan(stoppedInit.time);
    expect(at.app).toBeGreaterThanOrEqual(healthyDb);
    expect(container(sim, arn, 'init')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
    // The task was RUNNING only once every container had started.
    expect(describeOne(sim, arn).startedAt!.getTime() - describeOne(sim, arn).createdAt!.getTime()).toBeGreaterThanOrEqual(at.app);
  });

  it('a SUCCESS dependency that exits non-zero fails the dependent essential container: TaskFailedToStart', () => {
    const { sim, run } = fargate([
      { name: 'migrate', image: 'busybox', essential: false, command: ['sh', '-c', 'exit 3'] },
      { name: 'app', image: 'nginx', dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] },
    ]);
    const arn = run();
    untilStatus(sim, arn, 'STOPPED');
    const t = describeOne(sim, arn);
    expect(t.stopCode).toBe('TaskFailedToStart');
    expect(t.stoppedReason).toMatch(/^DependencyConditionNotSatisfied: dependency migrate \(SUCCESS\)/);
    expect(container(sim, arn, 'migrate').exitCode).toBe(3);
    expect(container(sim, arn, 'app').lastStatus).toBe('STOPPED');
  });

  it('startTimeout: a container still waiting on its dependency gives up and the task fails to start', () => {
    const { sim, run } = fargate([
      { name: 'db', image: 'postgres:16', essential: false, healthCheck: { command: ['CMD', 'true'], interval: 300 } },
      { name: 'app', image: 'nginx', startTimeout: 10, dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] },
    ]);
    const arn = run();
    untilStatus(sim, arn, 'STOPPED');
    const t = describeOne(sim, arn);
    expect(t.stopCode).toBe('TaskFailedToStart');
    expect(t.stoppedReason).toMatch(/^ContainerRuntimeTimeoutError: Could not transition to started; timed out after waiting 10s/);
    expect(container(sim, arn, 'db')).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
  });

  it('a failing health check makes the container and the task UNHEALTHY after `retries` checks; the task keeps running', () => {
    const { sim, run } = fargate([{ name: 'app', image: 'nginx', healthCheck: { command: ['CMD-SHELL', 'curl -f localhost'], interval: 10, retries: 3 } }]);
    const arn = run();
    untilStatus(sim, arn, 'RUNNING');
    sim.advance(10_000);
    expect(describeOne(sim, arn).healthStatus).toBe('HEALTHY');
    sim.faults.failHealthCheck(arn, 'app');
    expect(sim.events.at(-1)).toMatchObject({ type: 'fault.failHealthCheck', resource: arn });
    sim.advance(20_000);
    expect(container(sim, arn, 'app').healthStatus).toBe('HEALTHY');
    sim.advance(10_000);
    expect(container(sim, arn, 'app').healthStatus).toBe('UNHEALTHY');
    expect(describeOne(sim, arn)).toMatchObject({ healthStatus: 'UNHEALTHY', lastStatus: 'RUNNING' });
  });

  it('failures inside startPeriod do not count; a bounded failHealthCheck heals', () => {
    const { sim, run } = fargate([{ name: 'app', image: 'nginx', healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 1, startPeriod: 60 } }]);
    const arn = run();
    untilStatus(sim, arn, 'ACTIVATING');
    sim.faults.failHealthCheck(arn, 'app', { forMs: 90_000 });
    untilStatus(sim, arn, 'RUNNING');
    sim.advance(50_000);
    expect(container(sim, arn, 'app').healthStatus).toBe('UNKNOWN');
    sim.advance(20_000);
    expect(container(sim, arn, 'app').healthStatus).toBe('UNHEALTHY');
    sim.advance(60_000);
    expect(container(sim, arn, 'app').healthStatus).toBe('HEALTHY');
  });

  it('stopTimeout: a process that ignores SIGTERM is killed after the timeout with exit code 137', () => {
    const { sim, run } = fargate([{ name: 'app', image: 'busybox', command: ['sleep', 'infinity'], stopTimeout: 10 }]);
    const arn = run();
    untilStatus(sim, arn, 'RUNNING');
    sim.ecs.stopTask({ task: arn });
    untilStatus(sim, arn, 'STOPPING');
    const sigtermAt = sim.now();
    untilStatus(sim, arn, 'STOPPED');
    const t = describeOne(sim, arn);
    expect(t.containers![0].exitCode).toBe(137);
    expect(t.executionStoppedAt!.getTime() - t.createdAt!.getTime()).toBe(sigtermAt + 10_000);
  });

  it('the default stopTimeout is 30 s', () => {
    const { sim, run } = fargate([{ name: 'app', image: 'busybox', command: ['sleep', 'infinity'] }]);
    const arn = run();
    untilStatus(sim, arn, 'RUNNING');
    sim.ecs.stopTask({ task: arn });
    untilStatus(sim, arn, 'STOPPING');
    const sigtermAt = sim.now();
    untilStatus(sim, arn, 'STOPPED');
    expect(describeOne(sim, arn).executionStoppedAt!.getTime() - describeOne(sim, arn).createdAt!.getTime()).toBe(sigtermAt + 30_000);
  });

  it('shutdown runs in reverse dependency order: a dependency gets SIGTERM after its dependents exited', () => {
    const { sim, run } = fargate([
      { name: 'proxy', image: 'envoyproxy/envoy:v1.30' },
      { name: 'app', image: 'busybox', command: ['sleep', 'infinity'], stopTimeout: 5, dependsOn: [{ containerName: 'proxy', condition: 'START' }] },
    ]);
    const arn = run();
    untilStatus(sim, arn, 'RUNNING');
    sim.ecs.stopTask({ task: arn });
    untilStatus(sim, arn, 'STOPPED');
    const stops = sim.events.filter((e) => e.type === 'task.containerStateChange' && e.data?.lastStatus === 'STOPPED').map((e) => [e.data!.containerName, e.time]);
    expect(stops.map((s) => s[0])).toEqual(['app', 'proxy']);
  });

  it('restartPolicy restarts an essential container in place after it ran restartAttemptPeriod; earlier exits stop the task', () => {
    const { sim, run } = fargate([{ name: 'app', image: 'nginx', restartPolicy: { enabled: true, ignoredExitCodes: [0], restartAttemptPeriod: 60 } }]);
    const arn = run();
    untilStatus(sim, arn, 'RUNNING');
    sim.advance(61_000);
    sim.faults.crashContainer(arn, 'app', 1);
    sim.advance(5_000);
    expect(describeOne(sim, arn)).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING' });
    expect(container(sim, arn, 'app')).toMatchObject({ lastStatus: 'RUNNING', exitCode: 1 });
    // Within a minute of the restart, a second exit is not restarted.
    sim.advance(10_000);
    sim.faults.crashContainer(arn, 'app', 1);
    untilStatus(sim, arn, 'STOPPED');
    expect(describeOne(sim, arn).stopCode).toBe('EssentialContainerExited');
  });

  it('restartPolicy does not restart on an ignored exit code', () => {
    const { sim, run } = fargate([{ name: 'app', image: 'busybox', command: ['sleep', '120'], restartPolicy: { enabled: true, ignoredExitCodes: [0], restartAttemptPeriod: 60 } }]);
    const arn = run();
    untilStatus(sim, arn, 'STOPPED');
    expect(describeOne(sim, arn)).toMatchObject({ stopCode: 'EssentialContainerExited' });
    expect(container(sim, arn, 'app').exitCode).toBe(0);
  });

  it('terminating the EC2 host stops its tasks at once with the host-loss reason', () => {
    const sim = createSimulation({ seed: 8 });
    sim.ecs.createCluster({});
    const { instanceIds } = sim.infra.launchInstances({ cluster: 'default', instanceType: 't3.small', count: 1 });
    sim.runUntil((s) => s.ecs.listContainerInstances({}).containerInstanceArns!.length === 1, { maxMs: 600_000 });
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
    const arn = sim.ecs.runTask({ taskDefinition: 'web' }).tasks![0].taskArn!;
    untilStatus(sim, arn, 'RUNNING');
    sim.infra.terminateInstance(instanceIds[0]);
    sim.advance(120_000);
    const t = describeOne(sim, arn);
    expect(t.lastStatus).toBe('STOPPED');
    expect(t.stoppedReason).toContain(instanceIds[0]);
    expect(t.stopCode).toBeDefined();
  });

  it('EC2 instances keep pulled layers: the second pull is quick, and an unpullable image it has still starts', () => {
    const sim = createSimulation({ seed: 12 });
    sim.ecs.createCluster({});
    sim.infra.launchInstances({ cluster: 'default', instanceType: 't3.small', count: 2 });
    sim.runUntil((s) => s.ecs.listContainerInstances({}).containerInstanceArns!.length === 2, { maxMs: 600_000 });
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'node:20', memory: 128 }] });
    const [ci, other] = sim.ecs.listContainerInstances({}).containerInstanceArns!;
    const pull = (arn: string) => {
      const t = describeOne(sim, arn);
      return t.pullStoppedAt!.getTime() - t.pullStartedAt!.getTime();
    };
    const first = sim.ecs.startTask({ taskDefinition: 'web', containerInstances: [ci] }).tasks![0].taskArn!;
    untilStatus(sim, first, 'RUNNING');
    const second = sim.ecs.startTask({ taskDefinition: 'web', containerInstances: [ci] }).tasks![0].taskArn!;
    untilStatus(sim, second, 'RUNNING');
    expect(pull(second)).toBeLessThan(pull(first) / 2);
    sim.faults.makeImageUnpullable('node:20');
    const cached = sim.ecs.startTask({ taskDefinition: 'web', containerInstances: [ci] }).tasks![0].taskArn!;
    const fresh = sim.ecs.startTask({ taskDefinition: 'web', containerInstances: [other] }).tasks![0].taskArn!;
    sim.advance(120_000);
    expect(describeOne(sim, cached).lastStatus).toBe('RUNNING');
    expect(describeOne(sim, fresh)).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TaskFailedToStart' });
    expect(describeOne(sim, fresh).stoppedReason).toMatch(/^CannotPullContainerError: Error response from daemon: pull access denied for node/);
  });

  it('health stays at the last report while the agent is disconnected, and catches up after', () => {
    const sim = createSimulation({ seed: 13 });
    sim.ecs.createCluster({});
    sim.infra.launchInstances({ cluster: 'default', instanceType: 't3.small', count: 1 });
    sim.runUntil((s) => s.ecs.listContainerInstances({}).containerInstanceArns!.length === 1, { maxMs: 600_000 });
    sim.ecs.registerTaskDefinition({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, healthCheck: { command: ['CMD', 'true'], interval: 10, retries: 2 } }],
    });
    const arn = sim.ecs.runTask({ taskDefinition: 'web' }).tasks![0].taskArn!;
    untilStatus(sim, arn, 'RUNNING');
    sim.advance(15_000);
    expect(describeOne(sim, arn).healthStatus).toBe('HEALTHY');
    const [ci] = sim.ecs.listContainerInstances({}).containerInstanceArns!;
    sim.faults.disconnectAgent(ci);
    sim.faults.failHealthCheck(arn, 'web');
    sim.advance(60_000);
    expect(describeOne(sim, arn)).toMatchObject({ healthStatus: 'HEALTHY', lastStatus: 'RUNNING' });
    sim.faults.reconnectAgent(ci);
    sim.advance(15_000);
    expect(describeOne(sim, arn).healthStatus).toBe('UNHEALTHY');
  });

  it('StartTask places on the named instance and reports MISSING for an unknown one', () => {
    const sim = createSimulation({ seed: 9 });
    sim.ecs.createCluster({});
    sim.infra.launchInstances({ cluster: 'default', instanceType: 't3.small', count: 2 });
    sim.runUntil((s) => s.ecs.listContainerInstances({}).containerInstanceArns!.length === 2, { maxMs: 600_000 });
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
    const [ci] = sim.ecs.listContainerInstances({}).containerInstanceArns!;
    const out = sim.ecs.startTask({ taskDefinition: 'web', containerInstances: [ci, 'ffffffffffffffffffffffffffffffff'] });
    expect(out.tasks!.map((t) => t.containerInstanceArn)).toEqual([ci]);
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/default/ffffffffffffffffffffffffffffffff', reason: 'MISSING' }]);
  });

  it('STOPPED tasks stay describable for an hour, then are MISSING', () => {
    const { sim, run } = fargate([{ name: 'job', image: 'busybox', command: ['echo', 'hi'] }]);
    const arn = run();
    untilStatus(sim, arn, 'STOPPED');
    sim.advance(59 * 60_000);
    expect(describeOne(sim, arn)?.lastStatus).toBe('STOPPED');
    sim.advance(2 * 60_000);
    expect(sim.ecs.describeTasks({ tasks: [arn] }).failures).toEqual([{ arn, reason: 'MISSING' }]);
  });
});
