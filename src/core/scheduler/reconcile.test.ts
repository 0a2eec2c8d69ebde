/** The replica scheduler's routine work (reference §6): replacement, health, throttle, steady state, draining. */
import { describe, expect, it } from 'vitest';
import { ServiceEventMessages } from './eventMessages';
import { describe1, messages, runToSteady, serviceWorld } from './testWorld';
import type { Simulation } from '../engine/simulation';

const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

function liveTaskArns(sim: Simulation, cluster: string, service: string): string[] {
  return sim.ecs.listTasks({ cluster, serviceName: service }).taskArns!;
}

describe('replacing tasks', () => {
  it('a task that stops is replaced until the service is back at desiredCount', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 2 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const [victim] = liveTaskArns(sim, cluster, 'api');
    sim.ecs.stopTask({ cluster, task: victim });
    expect(sim.runUntil(() => liveTaskArns(sim, cluster, 'api').length === 2 && !liveTaskArns(sim, cluster, 'api').includes(victim), { maxMs: 60_000 })).toBe(true);
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const started = messages(sim, cluster, 'api').filter((m) => m.startsWith('(service api) has started 1 tasks:'));
    expect(started).toHaveLength(1);
  });

  it('scale-in stops the extra tasks; scale-out starts more, without a new deployment', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 4 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    sim.ecs.updateService({ cluster, service: 'api', desiredCount: 2 });
    sim.advance(0);
    expect(messages(sim, cluster, 'api').at(-1)).toMatch(/^\(service api\) has stopped 2 running tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    sim.ecs.updateService({ cluster, service: 'api', desiredCount: 5 });
    sim.advance(0);
    expect(messages(sim, cluster, 'api').at(-1)).toMatch(/^\(service api\) has started 3 tasks: /);
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    expect(describe1(sim, cluster, 'api').deployments).toHaveLength(1);
  });

  it('an unhealthy task is replaced first (max% allows), then stopped with the ECS reason', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.registerTaskDefinition({
      family: 'hc',
      containerDefinitions: [
        { name: 'web', image: 'nginx', memory: 128, healthCheck: { command: ['CMD-SHELL', 'curl -f localhost'], interval: 5, timeout: 2, retries: 2 } },
      ],
    });
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'hc', desiredCount: 2 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const [sick] = liveTaskArns(sim, cluster, 'api');
    sim.faults.failHealthCheck(sick, 'web');
    expect(sim.runUntil(() => sim.state.tasks[sick].lastStatus === 'STOPPED', { maxMs: 10 * 60_000 })).toBe(true);
    const log = messages(sim, cluster, 'api');
    const failedAt = log.indexOf(`(service api) (task ${idOf(sick)}) failed container health checks.`);
    expect(failedAt).toBeGreaterThan(-1);
    expect(log[failedAt + 1]).toMatch(/^\(service api\) has started 1 tasks: \(task [0-9a-f]{32}\)\. Amazon ECS replaced 1 tasks due to an unhealthy status\.$/);
    expect(log.slice(failedAt)).toContain(`(service api) has stopped 1 running tasks: (task ${idOf(sick)}).`);
    const t = sim.ecs.describeTasks({ cluster, tasks: [sick] }).tasks![0];
    expect(t).toMatchObject({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Task failed container health checks' });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
  });

  it('healthCheckGracePeriodSeconds: an unhealthy task is left alone until the grace period after it started is over', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.registerTaskDefinition({
      family: 'hc',
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, healthCheck: { command: ['CMD', 'true'], interval: 5, timeout: 2, retries: 1 } }],
    });
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'hc', desiredCount: 1, healthCheckGracePeriodSeconds: 600 });
    sim.advance(0);
    const [task] = liveTaskArns(sim, cluster, 'api');
    sim.faults.failHealthCheck(task, 'web');
    expect(sim.runUntil(() => sim.state.tasks[task].healthStatus === 'UNHEALTHY', { maxMs: 5 * 60_000 })).toBe(true);
    const startedAt = sim.state.tasks[task].startedAt!;
    sim.advance(startedAt + 590_000 - sim.now());
    expect(sim.state.tasks[task].desiredStatus).toBe('RUNNING');
    expect(sim.runUntil(() => sim.state.tasks[task].desiredStatus === 'STOPPED', { maxMs: 5 * 60_000 })).toBe(true);
    expect(sim.now()).toBeGreaterThanOrEqual(startedAt + 600_000);
  });

  it('without health checks a task counts as healthy 40 s after RUNNING: the deployment completes no earlier', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 3 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const lastStart = Math.max(...Object.values(sim.state.tasks).map((t) => t.startedAt ?? 0));
    const completed = sim.events.find((e) => e.type === 'service.event' && e.message.endsWith('deployment completed.'))!;
    expect(completed.time).toBeGreaterThanOrEqual(lastStart + 40_000);
    expect(completed.time).toBeLessThanOrEqual(lastStart + 40_000 + 1_000);
  });
});

describe('restart throttle', () => {
  it('after repeated failed starts logs "unable to consistently start tasks" and spaces attempts out up to 15 minutes; an update resets it', () => {
    const { sim, cluster } = serviceWorld();
    sim.faults.makeImageUnpullable('nginx:broken');
    sim.ecs.registerTaskDefinition({ family: 'bad', containerDefinitions: [{ name: 'web', image: 'nginx:broken', memory: 128 }] });
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'bad', desiredCount: 1 });
    sim.advance(3 * 60 * 60_000);
    const log = messages(sim, cluster, 'api');
    expect(log.filter((m) => m === ServiceEventMessages.unableToConsistentlyStart('api'))).toHaveLength(1);
    expect(log).toContain('(service api) is unable to consistently start tasks successfully.');
    const starts = sim.events.filter((e) => e.type === 'service.event' && e.message.startsWith('(service api) has started')).map((e) => e.time);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    expect(gaps.at(-1)!).toBeGreaterThanOrEqual(15 * 60_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(15 * 60_000 + 60_000);
    expect(gaps[gaps.length - 1]).toBeGreaterThan(gaps[1]);
    // an update lifts the throttle at once
    sim.ecs.updateService({ cluster, service: 'api', forceNewDeployment: true });
    const before = starts.length;
    sim.advance(0);
    expect(sim.events.filter((e) => e.type === 'service.event' && e.message.startsWith('(service api) has started')).length).toBe(before + 1);
  });
});

describe('steady state', () => {
  it('"has reached a steady state." is logged on reaching it and then every six hours while it lasts', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 1 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    sim.advance(13 * 60 * 60_000);
    const steady = sim.events.filter((e) => e.type === 'service.event' && e.message === '(service api) has reached a steady state.').map((e) => e.time);
    expect(steady).toHaveLength(3);
    expect(steady[1] - steady[0]).toBe(6 * 60 * 60_000);
    expect(steady[2] - steady[1]).toBe(6 * 60 * 60_000);
  });

  it('events are newest first, at most 100, with UUID ids and Date timestamps, and mirrored as service.event', () => {
    const { sim, cluster } = serviceWorld();
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 1 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    for (let i = 0; i < 60; i++) {
      sim.ecs.stopTask({ cluster, task: liveTaskArns(sim, cluster, 'api')[0] });
      sim.advance(60_000);
    }
    const events = describe1(sim, cluster, 'api').events!;
    expect(events).toHaveLength(100);
    for (let i = 1; i < events.length; i++) expect(events[i - 1].createdAt!.getTime()).toBeGreaterThanOrEqual(events[i].createdAt!.getTime());
    expect(events[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const mirrored = sim.events.filter((e) => e.type === 'service.event' && e.resource === describe1(sim, cluster, 'api').serviceArn);
    expect(mirrored.at(-1)!.message).toBe(events[0].message);
    expect(mirrored.length).toBeGreaterThan(100);
  });
});

describe('placement failures', () => {
  it('with no container instances logs the ECS event once, and places the tasks when an instance joins', () => {
    const { sim, cluster } = serviceWorld({ instances: 0 });
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 2 });
    sim.advance(10 * 60_000);
    expect(messages(sim, cluster, 'api')).toEqual([
      '(service api) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.',
    ]);
    sim.infra.launchInstances({ cluster, instanceType: 'm5.large', count: 1 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
  });

  it('names the closest instance and the resource it lacks', () => {
    const { sim, cluster } = serviceWorld({ instances: 1, instanceType: 't3.micro' });
    sim.ecs.registerTaskDefinition({ family: 'big', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 4096 }] });
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'big', desiredCount: 1 });
    sim.advance(0);
    const ciId = sim.state.containerInstances[Object.keys(sim.state.containerInstances)[0]].id;
    expect(messages(sim, cluster, 'api')).toEqual([
      `(service api) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${ciId}) has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    ]);
  });
});

describe('draining instances', () => {
  it('tasks on a DRAINING instance are replaced within the bounds (start first with min 100 %)', () => {
    const { sim, cluster, instanceIds } = serviceWorld({ instances: 2 });
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 4 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const drained = sim.state.ec2Instances[instanceIds[0]].containerInstanceArn!;
    const onIt = Object.values(sim.state.tasks).filter((t) => t.containerInstanceArn === drained && t.desiredStatus === 'RUNNING').length;
    expect(onIt).toBeGreaterThan(0);
    sim.ecs.updateContainerInstancesState({ cluster, containerInstances: [drained], status: 'DRAINING' });
    sim.advance(0);
    expect(messages(sim, cluster, 'api').at(-1)).toMatch(new RegExp(`^\\(service api\\) has started ${onIt} tasks:`));
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    expect(Object.values(sim.state.tasks).filter((t) => t.containerInstanceArn === drained && t.desiredStatus === 'RUNNING')).toHaveLength(0);
    expect(describe1(sim, cluster, 'api').runningCount).toBe(4);
  });

  it('with min 100 % and max 100 % draining cannot progress and ECS says so', () => {
    const { sim, cluster, instanceIds } = serviceWorld({ instances: 2 });
    sim.ecs.createService({
      cluster,
      serviceName: 'api',
      taskDefinition: 'web',
      desiredCount: 4,
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 100 },
    });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    sim.ecs.updateContainerInstancesState({ cluster, containerInstances: [sim.state.ec2Instances[instanceIds[0]].containerInstanceArn!], status: 'DRAINING' });
    sim.advance(5 * 60_000);
    expect(messages(sim, cluster, 'api').at(-1)).toBe(ServiceEventMessages.deploymentConfigurationDeadlock('api'));
  });
});

describe('scale-in order', () => {
  it('keeps the AZs balanced when scaling in with the default strategy', () => {
    const { sim, cluster } = serviceWorld({ instances: 3 });
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 9 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    sim.ecs.updateService({ cluster, service: 'api', desiredCount: 6 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const perAz = new Map<string, number>();
    for (const t of Object.values(sim.state.tasks)) if (t.group === 'service:api' && t.desiredStatus === 'RUNNING') perAz.set(t.availabilityZone!, (perAz.get(t.availabilityZone!) ?? 0) + 1);
    expect([...perAz.values()]).toEqual([2, 2, 2]);
  });

  it('default strategy on scale-in: the busiest AZ, then the instance there with the most tasks of the service', () => {
    // two instances in us-east-1a, one in b and c: 7 tasks spread 3/2/2, the 3 as 2+1 in us-east-1a
    const { sim, cluster } = serviceWorld({ instances: 0 });
    const ids = ['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1c'].flatMap((az) => sim.infra.launchInstances({ cluster, instanceType: 'm5.large', count: 1, availabilityZone: az }).instanceIds);
    expect(sim.runUntil((s) => ids.every((id) => s.state.ec2Instances[id].containerInstanceArn), { maxMs: 10 * 60_000 })).toBe(true);
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 7 });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const live = () => Object.values(sim.state.tasks).filter((t) => t.group === 'service:api' && t.desiredStatus === 'RUNNING');
    const count = (key: (t: ReturnType<typeof live>[number]) => string) => {
      const m = new Map<string, number>();
      for (const t of live()) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
      return m;
    };
    expect(count((t) => t.availabilityZone!)).toEqual(new Map([['us-east-1a', 3], ['us-east-1b', 2], ['us-east-1c', 2]]));
    const inA = [ids[0], ids[1]].map((id) => sim.state.ec2Instances[id].containerInstanceArn!);
    const perInstance = count((t) => t.containerInstanceArn!);
    const busiestInstance = inA.find((arn) => perInstance.get(arn) === 2);
    expect(busiestInstance).toBeDefined();
    const before = new Set(live().map((t) => t.taskArn));
    sim.ecs.updateService({ cluster, service: 'api', desiredCount: 6 });
    sim.advance(0);
    const stopped = [...before].filter((arn) => sim.state.tasks[arn].desiredStatus === 'STOPPED');
    expect(stopped).toHaveLength(1);
    expect(sim.state.tasks[stopped[0]].containerInstanceArn).toBe(busiestInstance);
    expect([...count((t) => t.availabilityZone!).values()]).toEqual([2, 2, 2]);
    expect(Math.max(...count((t) => t.containerInstanceArn!).values())).toBe(2);
  });

  it('reverse strategies: spread(instanceId) ties, then binpack(memory) stops on the instance left with the most memory', () => {
    const { sim, cluster } = serviceWorld({ instances: 2, instanceType: 'm5.large' });
    const [busy, quiet] = Object.keys(sim.state.containerInstances);
    // a standalone task makes one instance busier
    sim.ecs.registerTaskDefinition({ family: 'hog', containerDefinitions: [{ name: 'hog', image: 'busybox', memory: 2048 }] });
    sim.ecs.startTask({ cluster, taskDefinition: 'hog', containerInstances: [busy] });
    sim.ecs.createService({
      cluster,
      serviceName: 'api',
      taskDefinition: 'web',
      desiredCount: 4,
      placementStrategy: [
        { type: 'spread', field: 'instanceId' },
        { type: 'binpack', field: 'memory' },
      ],
    });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const on = (arn: string) => Object.values(sim.state.tasks).filter((t) => t.group === 'service:api' && t.desiredStatus === 'RUNNING' && t.containerInstanceArn === arn).length;
    expect([on(busy), on(quiet)]).toEqual([2, 2]);
    sim.ecs.updateService({ cluster, service: 'api', desiredCount: 3 });
    sim.advance(0);
    expect([on(busy), on(quiet)]).toEqual([2, 1]);
  });
});

describe('unhealthy tasks during a rolling deployment', () => {
  it('an unhealthy task of the old deployment is replaced with its own revision, then stopped', () => {
    const { sim, cluster } = serviceWorld();
    const hc = (interval: number) => ({ command: ['CMD-SHELL', 'curl -f localhost'], interval, timeout: 2, retries: 2 });
    sim.ecs.registerTaskDefinition({ family: 'hc', containerDefinitions: [{ name: 'web', image: 'nginx:1', memory: 128, healthCheck: hc(5) }] });
    sim.ecs.createService({
      cluster,
      serviceName: 'api',
      taskDefinition: 'hc:1',
      desiredCount: 2,
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 300 },
    });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const oldDeployment = describe1(sim, cluster, 'api').deployments![0].id!;
    // the new revision takes five minutes to report healthy, so the deployment stays in progress
    sim.ecs.registerTaskDefinition({ family: 'hc', containerDefinitions: [{ name: 'web', image: 'nginx:2', memory: 128, healthCheck: hc(300) }] });
    sim.ecs.updateService({ cluster, service: 'api', taskDefinition: 'hc:2' });
    sim.advance(20_000);
    const [sick] = sim.ecs.listTasks({ cluster, startedBy: oldDeployment }).taskArns!;
    sim.faults.failHealthCheck(sick, 'web');
    expect(sim.runUntil(() => sim.state.tasks[sick].desiredStatus === 'STOPPED', { maxMs: 5 * 60_000 })).toBe(true);
    const replacement = Object.values(sim.state.tasks).find((t) => t.startedBy === oldDeployment && t.createdAt > sim.state.tasks[sick].startedAt! && t.taskArn !== sick);
    expect(replacement?.taskDefinitionArn).toMatch(/hc:1$/);
    // replacement first, the unhealthy task stopped once the replacement was healthy
    expect(sim.state.tasks[sick].stoppingAt!).toBeGreaterThan(replacement!.startedAt!);
    expect(sim.state.tasks[sick].stoppedReason).toBe('Task failed container health checks');
    expect(messages(sim, cluster, 'api')).toContain(
      `(service api) has started 1 tasks: (task ${idOf(replacement!.taskArn)}). Amazon ECS replaced 1 tasks due to an unhealthy status.`,
    );
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    expect(describe1(sim, cluster, 'api').taskDefinition).toMatch(/hc:2$/);
  });
});

describe('event batches', () => {
  it('starting 25 tasks logs three "has started" events of at most 10 tasks', () => {
    const { sim, cluster } = serviceWorld({ instances: 3, instanceType: 'm5.xlarge' });
    sim.ecs.registerTaskDefinition({ family: 'tiny', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 32, cpu: 16 }] });
    sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'tiny', desiredCount: 25 });
    sim.advance(0);
    const started = messages(sim, cluster, 'api').map((m) => Number(/has started (\d+) tasks/.exec(m)?.[1] ?? 0));
    expect(started).toEqual([10, 10, 5]);
  });
});
