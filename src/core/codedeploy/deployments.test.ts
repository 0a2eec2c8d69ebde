import { describe, expect, it } from 'vitest';
import { PREDEFINED_ECS_CONFIGS, trafficAt } from './configs';
import { ECS_LIFECYCLE_EVENTS } from './records';
import { cdWorld, deploy, prodWeights, statusOf, steadyTaskSets, type CdWorld } from './testWorld';

const HOOK = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

function record(w: CdWorld, id: string) {
  return w.sim.state.codedeploy!.deployments[id];
}

function runUntilDone(w: CdWorld, id: string, maxMs = 3 * 60 * 60_000) {
  return w.sim.runUntil(() => !['InProgress', 'Ready'].includes(statusOf(w.sim, id)), { maxMs });
}

function taskSets(w: CdWorld) {
  return w.sim.ecs.describeTaskSets({ cluster: 'lb', service: 'web' }).taskSets!;
}

function ready(o: Parameters<typeof cdWorld>[0] = {}) {
  const w = cdWorld(o);
  expect(steadyTaskSets(w)).toBe(true);
  return w;
}

describe('CodeDeploy blue/green deployments of an ECS service', () => {
  it('walks BeforeInstall … AfterAllowTraffic in order, routes test then production traffic, makes the replacement PRIMARY and terminates the original after the termination wait', () => {
    const w = ready({ terminationWaitTimeInMinutes: 5 });
    const [original] = taskSets(w);
    const id = deploy(w);
    expect(id).toMatch(/^d-[A-Z0-9]{9}$/);
    expect(w.sim.codedeploy.getDeployment({ deploymentId: id }).deploymentInfo.status).toBe('InProgress');
    const order: string[] = [];
    w.sim.runUntil(() => {
      for (const e of record(w, id).lifecycleEvents) if (e.status !== 'Pending' && !order.includes(e.lifecycleEventName)) order.push(e.lifecycleEventName);
      return record(w, id).terminateAt !== undefined;
    }, { maxMs: 30 * 60_000 });
    expect(order).toEqual([...ECS_LIFECYCLE_EVENTS]);
    expect(prodWeights(w)).toEqual({ blue: 0, green: 100 });
    expect(w.sim.state.elb.rules[w.testRule].actions[0].targetGroups.find((g) => g.targetGroupArn === w.greenTg)!.weight).toBe(100);
    const during = taskSets(w);
    expect(during.map((t) => [t.status, t.startedBy, t.externalId])).toEqual([
      ['PRIMARY', 'CODE_DEPLOY', id],
      ['ACTIVE', undefined, undefined],
    ]);
    expect(during[0].taskDefinition).toBe(w.web2);
    expect(during[0].loadBalancers).toEqual([{ targetGroupArn: w.greenTg, containerName: 'web', containerPort: 80 }]);
    // The original task set keeps running through the termination wait.
    const waitStarted = w.sim.now();
    expect(statusOf(w.sim, id)).toBe('InProgress');
    expect(runUntilDone(w, id)).toBe(true);
    expect(w.sim.now() - waitStarted).toBe(5 * 60_000);
    expect(statusOf(w.sim, id)).toBe('Succeeded');
    const info = w.sim.codedeploy.getDeployment({ deploymentId: id }).deploymentInfo;
    expect(info.completeTime).toBeInstanceOf(Date);
    expect(info.instanceTerminationWaitTimeStarted).toBe(true);
    w.sim.advance(10 * 60_000);
    expect(taskSets(w).map((t) => t.id)).toEqual([during[0].id]);
    expect(taskSets(w).map((t) => t.id)).not.toContain(original.id);
    const target = w.sim.codedeploy.getDeploymentTarget({ deploymentId: id, targetId: 'lb:web' }).deploymentTarget.ecsTarget;
    expect(target.targetId).toBe('lb:web');
    expect(target.lifecycleEvents.map((e) => e.status)).toEqual(Array(8).fill('Succeeded'));
  });

  for (const name of Object.keys(PREDEFINED_ECS_CONFIGS)) {
    it(`${name}: the production weights at each minute of AllowTraffic follow the configuration`, () => {
      const w = ready({ config: name, terminationWaitTimeInMinutes: 0 });
      const id = deploy(w);
      expect(w.sim.runUntil(() => record(w, id).trafficStartedAt !== undefined, { maxMs: 30 * 60_000 })).toBe(true);
      const start = record(w, id).trafficStartedAt!;
      const config = PREDEFINED_ECS_CONFIGS[name];
      const last = name.includes('Every3') ? 28 : name.includes('Every1') ? 10 : name.includes('15') ? 16 : name.includes('5Minutes') ? 6 : 1;
      for (let m = 0; m <= last; m++) {
        w.sim.advance(start + m * 60_000 + 1 - w.sim.now());
        expect({ m, green: prodWeights(w).green }).toEqual({ m, green: trafficAt(config, m) });
        expect(prodWeights(w).blue).toBe(100 - trafficAt(config, m));
      }
      expect(runUntilDone(w, id)).toBe(true);
      expect(statusOf(w.sim, id)).toBe('Succeeded');
    });
  }

  it('a custom TimeBasedCanary configuration (createDeploymentConfig) shifts 25 %, then the rest after 2 minutes', () => {
    const w = ready();
    w.sim.codedeploy.createDeploymentConfig({ deploymentConfigName: 'Canary25Percent2Minutes', computePlatform: 'ECS', trafficRoutingConfig: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 25, canaryInterval: 2 } } });
    const id = deploy(w, [], { deploymentConfigName: 'Canary25Percent2Minutes' });
    w.sim.runUntil(() => record(w, id).trafficStartedAt !== undefined, { maxMs: 30 * 60_000 });
    const start = record(w, id).trafficStartedAt!;
    w.sim.advance(start + 60_000 - w.sim.now());
    expect(prodWeights(w)).toEqual({ blue: 75, green: 25 });
    w.sim.advance(61_000);
    expect(prodWeights(w)).toEqual({ blue: 0, green: 100 });
  });

  it('hooks run as simulated Lambdas in lifecycle order, each one execution id', () => {
    const w = ready();
    const hooks = ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'].map((e) => ({ [e]: `${e}Check` }));
    const id = deploy(w, hooks);
    expect(runUntilDone(w, id)).toBe(true);
    const d = record(w, id);
    expect(d.status).toBe('Succeeded');
    expect(d.hookExecutions.map((h) => [h.lifecycleEventName, h.functionArn, h.status])).toEqual(
      ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'].map((e) => [e, HOOK(`${e}Check`), 'Succeeded']),
    );
    expect(new Set(d.hookExecutions.map((h) => h.lifecycleEventHookExecutionId)).size).toBe(5);
  });

  it('a hook that reports Failed fails the deployment and rolls back: traffic on the original, replacement drained, a rollback deployment', () => {
    const w = ready();
    w.sim.faults.setHookAnswer(HOOK('SmokeTest'), 'FAILED');
    const [original] = taskSets(w);
    const id = deploy(w, [{ AfterAllowTestTraffic: 'SmokeTest' }]);
    expect(runUntilDone(w, id)).toBe(true);
    const info = w.sim.codedeploy.getDeployment({ deploymentId: id }).deploymentInfo;
    expect(info.status).toBe('Failed');
    expect(info.errorInformation).toEqual({ code: 'HOOK_EXECUTION_FAILURE', message: 'The deployment failed because the AfterAllowTestTraffic lifecycle event hook reported Failed.' });
    const events = record(w, id).lifecycleEvents.map((e) => [e.lifecycleEventName, e.status]);
    expect(events).toEqual([
      ['BeforeInstall', 'Succeeded'],
      ['Install', 'Succeeded'],
      ['AfterInstall', 'Succeeded'],
      ['AllowTestTraffic', 'Succeeded'],
      ['AfterAllowTestTraffic', 'Failed'],
      ['BeforeAllowTraffic', 'Skipped'],
      ['AllowTraffic', 'Skipped'],
      ['AfterAllowTraffic', 'Skipped'],
    ]);
    const rbId = info.rollbackInfo!.rollbackDeploymentId!;
    const rb = w.sim.codedeploy.getDeployment({ deploymentId: rbId }).deploymentInfo;
    expect([rb.status, rb.creator, rb.rollbackInfo]).toEqual(['Succeeded', 'codeDeployRollback', { rollbackTriggeringDeploymentId: id, rollbackMessage: `Rollback of deployment ${id}: traffic rerouted to the original task set.` }]);
    expect(prodWeights(w)).toEqual({ blue: 100, green: 0 });
    expect(w.sim.state.elb.rules[w.testRule].actions[0].targetGroups.find((g) => g.targetGroupArn === w.blueTg)!.weight).toBe(100);
    w.sim.advance(10 * 60_000);
    expect(taskSets(w).map((t) => [t.id, t.status])).toEqual([[original.id, 'PRIMARY']]);
    expect(w.sim.codedeploy.listDeployments({ applicationName: 'web-app', deploymentGroupName: 'web-dg' }).deployments).toEqual([rbId, id]);
  });

  it('a hook answering IN_PROGRESS waits for putLifecycleEventHookExecutionStatus; one that never reports fails after 60 minutes', () => {
    const w = ready();
    w.sim.faults.setHookAnswer(HOOK('Manual'), 'IN_PROGRESS');
    const id = deploy(w, [{ BeforeAllowTraffic: 'Manual' }]);
    w.sim.runUntil(() => record(w, id).hookExecutions.some((h) => h.status === 'InProgress'), { maxMs: 30 * 60_000 });
    w.sim.advance(10 * 60_000);
    expect(prodWeights(w).green).toBe(0);
    const exec = record(w, id).hookExecutions[0];
    expect(w.sim.codedeploy.putLifecycleEventHookExecutionStatus({ deploymentId: id, lifecycleEventHookExecutionId: exec.lifecycleEventHookExecutionId, status: 'Succeeded' })).toEqual({
      lifecycleEventHookExecutionId: exec.lifecycleEventHookExecutionId,
    });
    expect(prodWeights(w).green).toBe(100);
    expect(() => w.sim.codedeploy.putLifecycleEventHookExecutionStatus({ deploymentId: id, lifecycleEventHookExecutionId: exec.lifecycleEventHookExecutionId, status: 'Failed' })).toThrow(
      expect.objectContaining({ name: 'LifecycleEventAlreadyCompletedException' }),
    );

    const w2 = ready({ seed: 8 });
    w2.sim.faults.setHookAnswer(HOOK('Manual'), 'IN_PROGRESS');
    const id2 = deploy(w2, [{ AfterInstall: 'Manual' }]);
    w2.sim.runUntil(() => record(w2, id2).hookExecutions.length > 0, { maxMs: 30 * 60_000 });
    const started = record(w2, id2).hookExecutions[0].startedAt;
    expect(runUntilDone(w2, id2)).toBe(true);
    expect(w2.sim.now()).toBe(started + 60 * 60_000);
    expect(record(w2, id2).errorInformation).toEqual({ code: 'TIMEOUT', message: 'The AfterInstall lifecycle event hook did not report a status within 60 minutes.' });
  });

  it('stopDeployment with autoRollbackEnabled during a canary: Stopped (MANUAL_STOP), all traffic back on the original', () => {
    const w = ready({ config: 'CodeDeployDefault.ECSCanary10Percent15Minutes' });
    const id = deploy(w);
    w.sim.runUntil(() => prodWeights(w).green === 10, { maxMs: 30 * 60_000 });
    w.sim.advance(3 * 60_000);
    expect(w.sim.codedeploy.stopDeployment({ deploymentId: id, autoRollbackEnabled: true })).toEqual({
      status: 'Pending',
      statusMessage: 'Stopping the deployment; traffic is being rerouted to the original task set.',
    });
    const info = w.sim.codedeploy.getDeployment({ deploymentId: id }).deploymentInfo;
    expect(info.status).toBe('Stopped');
    expect(info.errorInformation).toEqual({ code: 'MANUAL_STOP', message: 'The deployment was stopped by a StopDeployment request.' });
    expect(record(w, id).lifecycleEvents.find((e) => e.lifecycleEventName === 'AllowTraffic')!.status).toBe('Failed');
    expect(prodWeights(w)).toEqual({ blue: 100, green: 0 });
    expect(() => w.sim.codedeploy.stopDeployment({ deploymentId: id })).toThrow(`Deployment ${id} has already completed.`);
  });

  it('stopDeployment without rollback leaves the traffic where it was', () => {
    const w = ready({ config: 'CodeDeployDefault.ECSCanary10Percent15Minutes' });
    const id = deploy(w);
    w.sim.runUntil(() => prodWeights(w).green === 10, { maxMs: 30 * 60_000 });
    w.sim.codedeploy.stopDeployment({ deploymentId: id });
    expect(statusOf(w.sim, id)).toBe('Stopped');
    expect(record(w, id).rollbackInfo).toBeUndefined();
    expect(prodWeights(w)).toEqual({ blue: 90, green: 10 });
  });

  it('deploymentReadyOption STOP_DEPLOYMENT: Ready until continueDeployment(READY_WAIT); not continued in time → Stopped', () => {
    const w = ready({ readyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 } });
    const id = deploy(w);
    expect(w.sim.runUntil(() => statusOf(w.sim, id) === 'Ready', { maxMs: 30 * 60_000 })).toBe(true);
    expect(prodWeights(w).green).toBe(0);
    expect(() => w.sim.codedeploy.continueDeployment({ deploymentId: id, deploymentWaitType: 'TERMINATION_WAIT' })).toThrow(expect.objectContaining({ name: 'DeploymentIsNotInReadyStateException' }));
    w.sim.codedeploy.continueDeployment({ deploymentId: id, deploymentWaitType: 'READY_WAIT' });
    expect(statusOf(w.sim, id)).toBe('InProgress');
    expect(prodWeights(w).green).toBe(100);

    const w2 = ready({ seed: 9, readyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 } });
    const id2 = deploy(w2);
    w2.sim.runUntil(() => statusOf(w2.sim, id2) === 'Ready', { maxMs: 30 * 60_000 });
    const since = w2.sim.now();
    expect(runUntilDone(w2, id2)).toBe(true);
    expect([statusOf(w2.sim, id2), w2.sim.now() - since]).toEqual(['Stopped', 30 * 60_000]);
  });

  it('continueDeployment(TERMINATION_WAIT) terminates the original task set at once; KEEP_ALIVE keeps it', () => {
    const w = ready({ terminationWaitTimeInMinutes: 60 });
    const id = deploy(w);
    w.sim.runUntil(() => record(w, id).terminateAt !== undefined, { maxMs: 30 * 60_000 });
    w.sim.codedeploy.continueDeployment({ deploymentId: id, deploymentWaitType: 'TERMINATION_WAIT' });
    expect(statusOf(w.sim, id)).toBe('Succeeded');
    expect(taskSets(w).map((t) => t.status)).toEqual(['PRIMARY', 'DRAINING']);

    const k = ready({ seed: 12, action: 'KEEP_ALIVE' });
    const kid = deploy(k);
    expect(runUntilDone(k, kid)).toBe(true);
    expect(statusOf(k.sim, kid)).toBe('Succeeded');
    k.sim.advance(10 * 60_000);
    expect(taskSets(k).map((t) => t.status)).toEqual(['PRIMARY', 'ACTIVE']);
  });
});

describe('CodeDeploy errors', () => {
  const name = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return [(e as Error).name, (e as Error).message];
    }
    return undefined;
  };

  it('deployments, applications, groups, configurations and revisions that do not exist or do not fit', () => {
    const w = ready();
    const cd = w.sim.codedeploy;
    expect(name(() => cd.getDeployment({ deploymentId: 'd-ABCDEF123' }))).toEqual(['DeploymentDoesNotExistException', 'The deployment d-ABCDEF123 could not be found.']);
    expect(name(() => cd.getDeployment({ deploymentId: 'nope' }))).toEqual(['InvalidDeploymentIdException', 'Specified DeploymentId is not in the valid format: nope']);
    expect(name(() => cd.getDeployment({ deploymentId: '' }))).toEqual(['DeploymentIdRequiredException', 'Deployment ID is required.']);
    expect(name(() => cd.createDeployment({ applicationName: 'x', deploymentGroupName: 'web-dg' }))).toEqual(['ApplicationDoesNotExistException', 'No application found for name: x']);
    expect(name(() => cd.createDeployment({ applicationName: 'web-app', deploymentGroupName: 'x' }))).toEqual(['DeploymentGroupDoesNotExistException', 'No Deployment Group found for name: x']);
    expect(name(() => deploy(w, [], { deploymentConfigName: 'Mine' }))).toEqual(['DeploymentConfigDoesNotExistException', 'No deployment configuration found for name: Mine']);
    expect(name(() => deploy(w, [], { deploymentConfigName: 'CodeDeployDefault.OneAtATime' }))![0]).toBe('InvalidDeploymentConfigNameException');
    expect(name(() => deploy(w, [{ Install: 'x' }]))![0]).toBe('InvalidRevisionException');
    const badTd = JSON.stringify({ Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'nope:9', LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } } } }] });
    expect(name(() => cd.createDeployment({ applicationName: 'web-app', deploymentGroupName: 'web-dg', revision: { revisionType: 'AppSpecContent', appSpecContent: { content: badTd } } }))![0]).toBe('InvalidRevisionException');
    expect(name(() => cd.createApplication({ applicationName: 'web-app', computePlatform: 'ECS' }))![0]).toBe('ApplicationAlreadyExistsException');
    const id = deploy(w);
    expect(name(() => deploy(w))).toEqual(['DeploymentLimitExceededException', `The Deployment Group 'web-dg' already has an active Deployment '${id}'`]);
    expect(name(() => cd.continueDeployment({ deploymentId: id }))).toEqual(['DeploymentIsNotInReadyStateException', `The deployment ${id} is not in the Ready state.`]);
    expect(name(() => cd.continueDeployment({ deploymentId: id, deploymentWaitType: 'SOON' }))![0]).toBe('InvalidDeploymentWaitTypeException');
  });
});
