import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsvpc, lbWorld, webService } from '../elb/testWorld';
import { createSimulation } from '../engine/simulation';
import { computedDesiredCount } from './record';
import { TaskSetMessages } from './messages';

function externalWorld(desiredCount = 3) {
  const w = lbWorld(11, { HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 });
  w.sim.ecs.createService({ cluster: 'lb', serviceName: 'web', desiredCount, deploymentController: { type: 'EXTERNAL' } });
  return w;
}

const taskSet = (w: ReturnType<typeof externalWorld>, extra: Record<string, unknown> = {}) =>
  w.sim.ecs.createTaskSet({
    cluster: 'lb',
    service: 'web',
    taskDefinition: 'web',
    launchType: 'FARGATE',
    networkConfiguration: awsvpc,
    loadBalancers: [{ targetGroupArn: w.blueTg, containerName: 'web', containerPort: 80 }],
    ...extra,
  }).taskSet!;

const sets = (w: ReturnType<typeof externalWorld>) => w.sim.ecs.describeTaskSets({ cluster: 'lb', service: 'web' }).taskSets!;

function expectError(fn: () => unknown, name: string, message: string) {
  try {
    fn();
  } catch (e) {
    expect((e as Error).name).toBe(name);
    expect((e as Error).message).toBe(message);
    return;
  }
  throw new Error('expected an error');
}

describe('task set scale arithmetic', () => {
  it('computedDesiredCount = ceil(desiredCount × scale %): 1.2 tasks round up to 2', () => {
    expect(computedDesiredCount(4, 30)).toBe(2);
    expect(computedDesiredCount(3, 10)).toBe(1);
    expect(computedDesiredCount(10, 10)).toBe(1);
    expect(computedDesiredCount(10, 0)).toBe(0);
    expect(computedDesiredCount(7, 100)).toBe(7);
  });

  it('property: never below the exact share, less than one task above it, within 0…desiredCount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 1000 }), (desired, tenths) => {
        const scale = tenths / 10;
        const n = computedDesiredCount(desired, scale);
        const exact = (desired * tenths) / 1000;
        return n >= exact - 1e-9 && n < exact + 1 && n >= 0 && n <= desired && Number.isInteger(n);
      }),
    );
  });
});

describe('EXTERNAL deployment controller: task sets', () => {
  it('CreateService needs only a name; describeServices shows taskSets and no deployments', () => {
    const w = externalWorld();
    const svc = w.sim.ecs.describeServices({ cluster: 'lb', services: ['web'] }).services![0];
    expect(svc.deploymentController).toEqual({ type: 'EXTERNAL' });
    expect(svc.deployments).toBeUndefined();
    expect(svc.taskSets).toEqual([]);
    expect(svc.taskDefinition).toBeUndefined();
  });

  it('the first task set is PRIMARY; each task set runs ceil(desired × scale) tasks started by its id and reaches STEADY_STATE', () => {
    const w = externalWorld(3);
    const blue = taskSet(w, { externalId: 'release-1' });
    expect(blue.status).toBe('PRIMARY');
    expect(blue.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(blue.taskSetArn).toBe(`arn:aws:ecs:us-east-1:123456789012:task-set/lb/web/${blue.id}`);
    expect(blue.scale).toEqual({ value: 100, unit: 'PERCENT' });
    expect(blue.computedDesiredCount).toBe(3);
    expect(blue.stabilityStatus).toBe('STABILIZING');
    expect(blue.externalId).toBe('release-1');
    const green = taskSet(w, { scale: { value: 50, unit: 'PERCENT' }, loadBalancers: [{ targetGroupArn: w.greenTg, containerName: 'web', containerPort: 80 }] });
    expect(green.status).toBe('ACTIVE');
    expect(green.computedDesiredCount).toBe(2);
    expect(w.sim.runUntil(() => sets(w).every((s) => s.stabilityStatus === 'STEADY_STATE'), { maxMs: 10 * 60_000 })).toBe(true);
    const [p, a] = sets(w);
    expect([p.id, p.runningCount, p.pendingCount]).toEqual([blue.id, 3, 0]);
    expect([a.id, a.runningCount, a.pendingCount]).toEqual([green.id, 2, 0]);
    const tasks = Object.values(w.sim.state.tasks).filter((t) => t.lastStatus === 'RUNNING');
    expect(tasks.filter((t) => t.startedBy === blue.id)).toHaveLength(3);
    expect(tasks.filter((t) => t.startedBy === green.id)).toHaveLength(2);
    const svc = w.sim.ecs.describeServices({ cluster: 'lb', services: ['web'] }).services![0];
    expect(svc.runningCount).toBe(5);
    expect(svc.taskSets!.map((t) => t.status)).toEqual(['PRIMARY', 'ACTIVE']);
  });

  it('UpdateTaskSet scales, UpdateServicePrimaryTaskSet swaps PRIMARY, DeleteTaskSet drains the old one until it is gone', () => {
    const w = externalWorld(2);
    const blue = taskSet(w);
    const green = taskSet(w, { scale: { value: 0, unit: 'PERCENT' }, loadBalancers: [{ targetGroupArn: w.greenTg, containerName: 'web', containerPort: 80 }] });
    w.sim.advance(5 * 60_000);
    expect(sets(w).map((s) => s.runningCount)).toEqual([2, 0]);
    expect(w.sim.ecs.updateTaskSet({ cluster: 'lb', service: 'web', taskSet: green.id!, scale: { value: 100, unit: 'PERCENT' } }).taskSet!.computedDesiredCount).toBe(2);
    w.sim.advance(5 * 60_000);
    expect(w.sim.ecs.updateServicePrimaryTaskSet({ cluster: 'lb', service: 'web', primaryTaskSet: green.taskSetArn! }).taskSet!.status).toBe('PRIMARY');
    expect(sets(w).map((s) => [s.id, s.status])).toEqual([
      [green.id, 'PRIMARY'],
      [blue.id, 'ACTIVE'],
    ]);
    expect(w.sim.ecs.describeServices({ cluster: 'lb', services: ['web'] }).services![0].taskDefinition).toBe(green.taskDefinition);
    expectError(() => w.sim.ecs.deleteTaskSet({ cluster: 'lb', service: 'web', taskSet: blue.id! }), 'InvalidParameterException', TaskSetMessages.scaledAboveZero);
    expect(w.sim.ecs.deleteTaskSet({ cluster: 'lb', service: 'web', taskSet: blue.id!, force: true }).taskSet!.status).toBe('DRAINING');
    w.sim.advance(60_000);
    expect(sets(w).find((s) => s.id === blue.id)?.computedDesiredCount).toBe(0);
    w.sim.advance(10 * 60_000);
    expect(sets(w).map((s) => s.id)).toEqual([green.id]);
    expect(Object.values(w.sim.state.tasks).filter((t) => t.startedBy === blue.id).every((t) => t.lastStatus === 'STOPPED')).toBe(true);
  });

  it('errors: unknown task set, scale out of range, a sixth task set, deleting the PRIMARY one', () => {
    const w = externalWorld(1);
    const first = taskSet(w);
    expectError(() => w.sim.ecs.updateTaskSet({ cluster: 'lb', service: 'web', taskSet: 'ecs-svc/1', scale: { value: 5, unit: 'PERCENT' } }), 'TaskSetNotFoundException', TaskSetMessages.taskSetNotFound);
    expectError(() => w.sim.ecs.updateTaskSet({ cluster: 'lb', service: 'web', taskSet: first.id!, scale: { value: 101, unit: 'PERCENT' } }), 'InvalidParameterException', TaskSetMessages.scaleRange);
    expectError(() => w.sim.ecs.deleteTaskSet({ cluster: 'lb', service: 'web', taskSet: first.id! }), 'InvalidParameterException', TaskSetMessages.deletePrimary);
    for (let i = 0; i < 4; i++) taskSet(w, { scale: { value: 0, unit: 'PERCENT' } });
    expectError(() => taskSet(w), 'InvalidParameterException', '5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.');
    expect(w.sim.ecs.describeTaskSets({ cluster: 'lb', service: 'web', taskSets: [first.id!, 'ecs-svc/1'] }).failures).toEqual([{ arn: 'ecs-svc/1', reason: 'MISSING' }]);
  });
});

describe('task set operations and the deployment controller', () => {
  it('task set management on an ECS-controller service is refused with ECS’s text', () => {
    const w = lbWorld();
    webService(w);
    const msg = 'Amazon ECS only supports task set management on services configured to use external deployment controllers.';
    expectError(() => w.sim.ecs.createTaskSet({ cluster: 'lb', service: 'web', taskDefinition: 'web' }), 'InvalidParameterException', msg);
    expectError(() => w.sim.ecs.describeTaskSets({ cluster: 'lb', service: 'web' }), 'InvalidParameterException', msg);
  });

  it('CODE_DEPLOY: CreateService makes a PRIMARY task set at 100 %; UpdateService may not change the task definition', () => {
    const w = lbWorld();
    webService(w, { deploymentController: { type: 'CODE_DEPLOY' } });
    const [ts] = w.sim.ecs.describeTaskSets({ cluster: 'lb', service: 'web' }).taskSets!;
    expect([ts.status, ts.scale, ts.computedDesiredCount, ts.launchType]).toEqual(['PRIMARY', { value: 100, unit: 'PERCENT' }, 2, 'FARGATE']);
    expect(ts.loadBalancers).toEqual([{ targetGroupArn: w.blueTg, containerName: 'web', containerPort: 80 }]);
    expectError(
      () => w.sim.ecs.updateService({ cluster: 'lb', service: 'web', taskDefinition: 'web' }),
      'InvalidParameterException',
      'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
    );
    expectError(
      () => w.sim.ecs.createTaskSet({ cluster: 'lb', service: 'web', taskDefinition: 'web' }),
      'InvalidParameterException',
      'Amazon ECS only supports task set management on services configured to use external deployment controllers.',
    );
    // desiredCount may change: the PRIMARY task set follows at its scale.
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', desiredCount: 3 });
    w.sim.advance(2 * 60_000);
    expect(w.sim.ecs.describeTaskSets({ cluster: 'lb', service: 'web' }).taskSets![0].runningCount).toBe(3);
    expect(w.sim.ecs.listServiceDeployments({ cluster: 'lb', service: 'web' }).serviceDeployments).toEqual([]);
  });

  it('the DAEMON strategy refuses the CODE_DEPLOY controller; an unknown controller type is refused', () => {
    const sim = createSimulation({ seed: 1 });
    sim.ecs.createCluster({ clusterName: 'c' });
    sim.ecs.registerTaskDefinition({ family: 'd', containerDefinitions: [{ name: 'd', image: 'busybox', memory: 64 }] });
    expectError(
      () => sim.ecs.createService({ cluster: 'c', serviceName: 'd', taskDefinition: 'd', schedulingStrategy: 'DAEMON', deploymentController: { type: 'CODE_DEPLOY' } }),
      'InvalidParameterException',
      TaskSetMessages.daemonController('CODE_DEPLOY'),
    );
    expect(() => sim.ecs.createService({ cluster: 'c', serviceName: 'd', taskDefinition: 'd', desiredCount: 1, deploymentController: { type: 'BLUE' as never } })).toThrow(/deploymentController.type/);
  });
});
