/** The deployment circuit breaker (reference §7.4): threshold arithmetic, stages, rollback, stall. */
import { describe, expect, it } from 'vitest';
import { startActor, sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import { createState } from '../engine/state';
import { circuitBreakerThreshold } from './circuitBreaker';
import { WEB, describe1, messages, runToSteady, serviceWorld } from './testWorld';

describe('circuitBreakerThreshold', () => {
  const bounded = { enable: true, rollback: true };
  it.each([
    [1, 3],
    [4, 3],
    [10, 5],
    [25, 13],
    [400, 200],
    [800, 200],
  ])('BOUNDED_PERCENT 50 (default) with desired %i is %i', (desired, threshold) => {
    expect(circuitBreakerThreshold(bounded, desired)).toBe(threshold);
  });
  it('UNBOUNDED_PERCENT 50 with desired 800 is 400, without the clamp', () => {
    expect(circuitBreakerThreshold({ ...bounded, thresholdConfiguration: { type: 'UNBOUNDED_PERCENT', value: 50 } }, 800)).toBe(400);
    expect(circuitBreakerThreshold({ ...bounded, thresholdConfiguration: { type: 'UNBOUNDED_PERCENT', value: 50 } }, 1)).toBe(1);
  });
  it('COUNT uses the value itself', () => {
    expect(circuitBreakerThreshold({ ...bounded, thresholdConfiguration: { type: 'COUNT', value: 7 } }, 800)).toBe(7);
  });
});

describe('rollingDeployment machine', () => {
  function actor(resetOnHealthyTask: boolean) {
    const state = createState();
    startActor(state, machines, 'rollingDeployment', 'd', { serviceArn: 'svc', deploymentId: 'ecs-svc/1', resetOnHealthyTask });
    const send = (e: { type: string; [k: string]: string | number | boolean }) => sendToActor(state, machines, 'd', e);
    return { state, send, ctx: () => state.actors.d.context as { failures: number; stage: number }, value: () => state.actors.d.value };
  }
  const fail = (stage: 1 | 2) => ({ type: 'TASK_FAILED', stage, threshold: 3, breaker: true });

  it('stage 1 counts tasks that never reached RUNNING; the third trips the breaker', () => {
    const a = actor(true);
    a.send(fail(1));
    a.send(fail(1));
    expect(a.ctx().failures).toBe(2);
    expect(a.value()).toBe('IN_PROGRESS');
    a.send(fail(1));
    expect(a.value()).toBe('FAILED');
    expect(a.ctx().failures).toBe(3);
  });

  it('after the first task reaches RUNNING only health-check replacements (stage 2) count', () => {
    const a = actor(true);
    a.send({ type: 'TASK_RUNNING' });
    a.send(fail(1));
    expect(a.ctx()).toMatchObject({ stage: 2, failures: 0 });
    a.send(fail(2));
    expect(a.ctx().failures).toBe(1);
  });

  it('resetOnHealthyTask (default true) resets the count when a task turns healthy; false keeps counting', () => {
    const on = actor(true);
    on.send(fail(1));
    on.send(fail(1));
    on.send({ type: 'TASK_HEALTHY' });
    expect(on.ctx().failures).toBe(0);
    const off = actor(false);
    off.send(fail(1));
    off.send(fail(1));
    off.send({ type: 'TASK_HEALTHY' });
    expect(off.ctx().failures).toBe(2);
    off.send(fail(1));
    expect(off.value()).toBe('FAILED');
  });

  it('without the breaker enabled failures are counted but never fail the deployment', () => {
    const a = actor(true);
    for (let i = 0; i < 5; i++) a.send({ type: 'TASK_FAILED', stage: 1, threshold: 3, breaker: false });
    expect(a.value()).toBe('IN_PROGRESS');
    expect(a.ctx().failures).toBe(5);
  });
});

/**
 * A steady service (desired 4, minimumHealthyPercent 50, so the update stops 2 old tasks at once),
 * then a deployment of an image that cannot be pulled.
 */
function badDeployment(cb: { enable: boolean; rollback: boolean }) {
  const w = serviceWorld({ instances: 2 });
  const { sim, cluster } = w;
  sim.ecs.createService({
    cluster,
    serviceName: 'api',
    taskDefinition: 'web',
    desiredCount: 4,
    deploymentConfiguration: { minimumHealthyPercent: 50, deploymentCircuitBreaker: cb },
  });
  expect(runToSteady(sim, cluster, 'api')).toBe(true);
  const good = describe1(sim, cluster, 'api').deployments![0].id!;
  sim.faults.makeImageUnpullable('nginx:broken');
  sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:broken', memory: 128, cpu: 128 }] });
  sim.ecs.updateService({ cluster, service: 'api', taskDefinition: 'web:2' });
  const bad = describe1(sim, cluster, 'api').deployments![0].id!;
  return { ...w, good, bad };
}

describe('circuit breaker in a service', () => {
  it('fails the deployment after 3 tasks fail to start and rolls back to the last COMPLETED deployment', () => {
    const { sim, cluster, good, bad } = badDeployment({ enable: true, rollback: true });
    expect(sim.runUntil(() => describe1(sim, cluster, 'api').deployments![0].id === good, { maxMs: 10 * 60_000 })).toBe(true);
    const during = describe1(sim, cluster, 'api');
    expect(during.deployments![0]).toMatchObject({
      id: good,
      status: 'PRIMARY',
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${good}.`,
    });
    // The failed deployment's tasks all stopped, so it already left the service (INACTIVE).
    expect(during.deployments!.map((d) => d.id)).toEqual([good]);
    const failedEvent = sim.events.find((e) => e.type === 'service.deploymentStateChange' && e.data?.deploymentId === bad && e.data?.rolloutState === 'FAILED');
    expect(failedEvent?.data?.reason).toBe('ECS deployment circuit breaker: task failed to start.');
    const log = messages(sim, cluster, 'api');
    const failedAt = log.indexOf(`(service api) (deployment ${bad}) deployment failed: tasks failed to start.`);
    const rollbackAt = log.indexOf(`(service api) rolling back to deployment ${good}.`);
    expect(failedAt).toBeGreaterThan(-1);
    expect(rollbackAt).toBe(failedAt + 1);
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const after = describe1(sim, cluster, 'api');
    expect(after.taskDefinition).toMatch(/task-definition\/web:1$/);
    expect(after.deployments!.map((d) => [d.id, d.status, d.rolloutState])).toEqual([[good, 'PRIMARY', 'COMPLETED']]);
    expect(after.runningCount).toBe(4);
    const sds = sim.ecs.listServiceDeployments({ cluster, service: 'api' }).serviceDeployments!;
    expect(sds.map((s) => s.status)).toEqual(['ROLLBACK_SUCCESSFUL', 'SUCCESSFUL']);
    const [failed] = sim.ecs.describeServiceDeployments({ serviceDeploymentArns: [sds[0].serviceDeploymentArn!] }).serviceDeployments!;
    expect(failed.deploymentCircuitBreaker).toEqual({ status: 'TRIGGERED', failureCount: 3, threshold: 3 });
    expect(failed.rollback?.serviceRevisionArn).toBe(failed.sourceServiceRevisions![0].arn);
  });

  it('without rollback the FAILED deployment launches nothing more and the old tasks keep running', () => {
    const { sim, cluster, bad } = badDeployment({ enable: true, rollback: false });
    expect(sim.runUntil(() => describe1(sim, cluster, 'api').deployments![0].rolloutState === 'FAILED', { maxMs: 10 * 60_000 })).toBe(true);
    const startsAtFailure = messages(sim, cluster, 'api').filter((m) => m.includes('has started')).length;
    sim.advance(30 * 60_000);
    const s = describe1(sim, cluster, 'api');
    expect(messages(sim, cluster, 'api').filter((m) => m.includes('has started')).length).toBe(startsAtFailure);
    expect(s.deployments!.map((d) => [d.id === bad, d.status, d.rolloutState, d.runningCount])).toEqual([
      [true, 'PRIMARY', 'FAILED', 0],
      [false, 'ACTIVE', 'COMPLETED', 2],
    ]);
    expect(messages(sim, cluster, 'api')).not.toContain(expect.stringContaining('rolling back'));
    expect(sim.ecs.listServiceDeployments({ cluster, service: 'api' }).serviceDeployments![0].status).toBe('STOPPED');
  });

  it('stalls when there is no COMPLETED deployment to roll back to (D1 completed, D2 fails, D3 fails during the rollback)', () => {
    const { sim, cluster, good, bad } = badDeployment({ enable: true, rollback: true });
    expect(sim.runUntil(() => describe1(sim, cluster, 'api').deployments![0].id === good, { maxMs: 10 * 60_000 })).toBe(true);
    // D1 is IN_PROGRESS again (rolling back), so it cannot be a rollback target until it completes.
    sim.ecs.updateService({ cluster, service: 'api', taskDefinition: 'web:2' });
    const d3 = describe1(sim, cluster, 'api').deployments![0].id!;
    expect(d3).not.toBe(bad);
    expect(sim.runUntil(() => describe1(sim, cluster, 'api').deployments![0].rolloutState === 'FAILED', { maxMs: 20 * 60_000 })).toBe(true);
    sim.advance(20 * 60_000);
    const s = describe1(sim, cluster, 'api');
    expect(s.deployments![0]).toMatchObject({ id: d3, status: 'PRIMARY', rolloutState: 'FAILED' });
    expect(messages(sim, cluster, 'api').filter((m) => m.startsWith('(service api) rolling back')).length).toBe(1);
    expect(sim.ecs.listServiceDeployments({ cluster, service: 'api', status: ['ROLLBACK_FAILED'] }).serviceDeployments!.length).toBe(1);
  });

  it('a service whose first deployment fails has nothing to roll back to: it stalls', () => {
    const { sim, cluster } = serviceWorld({ instances: 2 });
    sim.faults.makeImageUnpullable('nginx:broken');
    sim.ecs.registerTaskDefinition({ family: 'bad', containerDefinitions: [{ name: 'web', image: 'nginx:broken', memory: 128 }] });
    sim.ecs.createService({
      cluster,
      serviceName: 'api',
      taskDefinition: 'bad',
      desiredCount: 2,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    expect(sim.runUntil(() => describe1(sim, cluster, 'api').deployments![0].rolloutState === 'FAILED', { maxMs: 20 * 60_000 })).toBe(true);
    const tasksSoFar = Object.keys(sim.state.tasks).length;
    sim.advance(60 * 60_000);
    expect(Object.values(sim.state.tasks).filter((t) => t.desiredStatus === 'RUNNING').length).toBe(0);
    expect(Object.keys(sim.state.tasks).length).toBeLessThanOrEqual(tasksSoFar);
    const s = describe1(sim, cluster, 'api');
    expect(s.deployments![0].failedTasks).toBe(3);
    expect(messages(sim, cluster, 'api')).toContain(`(service api) (deployment ${s.deployments![0].id}) deployment failed: tasks failed to start.`);
  });
});

describe('circuit breaker and placement', () => {
  it('each failed placement attempt counts as a task that could not be launched', () => {
    const { sim, cluster } = serviceWorld({ instances: 1, instanceType: 't3.micro' });
    sim.ecs.registerTaskDefinition({ family: 'big', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 4096 }] });
    const t0 = sim.now();
    sim.ecs.createService({
      cluster,
      serviceName: 'api',
      taskDefinition: 'big',
      desiredCount: 1,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
    });
    sim.advance(0);
    expect(describe1(sim, cluster, 'api').deployments![0].failedTasks).toBe(1);
    expect(sim.runUntil(() => describe1(sim, cluster, 'api').deployments![0].rolloutState === 'FAILED', { maxMs: 5 * 60_000 })).toBe(true);
    // attempts at 0 s, 30 s and 60 s (retries land on the scheduler's one-second grid)
    expect(sim.now() - t0).toBeGreaterThanOrEqual(60_000);
    expect(sim.now() - t0).toBeLessThanOrEqual(62_000);
    expect(describe1(sim, cluster, 'api').deployments![0].failedTasks).toBe(3);
  });
});

describe('circuit breaker and crash-looping containers', () => {
  it('a rolling deployment whose essential container exits soon after RUNNING fails in stage 2 and rolls back, without the restart throttle', () => {
    const { sim, cluster } = serviceWorld({ instances: 2 });
    sim.ecs.createService({
      cluster,
      serviceName: 'api',
      taskDefinition: 'web',
      desiredCount: 2,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    const good = describe1(sim, cluster, 'api').deployments![0].id!;
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ ...WEB, command: ['sh', '-c', 'sleep 5'] }] });
    sim.ecs.updateService({ cluster, service: 'api', taskDefinition: 'web:2' });
    const bad = describe1(sim, cluster, 'api').deployments![0].id!;
    expect(sim.runUntil(() => describe1(sim, cluster, 'api').deployments![0].id === good, { maxMs: 20 * 60_000 })).toBe(true);
    const badTasks = Object.values(sim.state.tasks).filter((t) => t.startedBy === bad);
    expect(badTasks.length).toBeGreaterThanOrEqual(3);
    // Each reached RUNNING and stopped because its essential container exited.
    for (const t of badTasks.filter((x) => x.lastStatus === 'STOPPED')) {
      expect(t.startedAt).toBeDefined();
      expect(t.stopCode).toBe('EssentialContainerExited');
    }
    const svc = Object.values(sim.state.services)[0];
    const failed = [...svc.deployments, ...svc.pastDeployments].find((d) => d.id === bad)!;
    expect(failed).toMatchObject({ rolloutState: 'FAILED', cbStage: 2, failedTasks: 3, rolloutStateReason: 'ECS deployment circuit breaker: task failed to start.' });
    const log = messages(sim, cluster, 'api');
    expect(log).toContain(`(service api) (deployment ${bad}) deployment failed: tasks failed to start.`);
    expect(log).toContain(`(service api) rolling back to deployment ${good}.`);
    expect(log).not.toContain('(service api) is unable to consistently start tasks successfully.');
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
    expect(describe1(sim, cluster, 'api').taskDefinition).toMatch(/web:1$/);
  });
});
