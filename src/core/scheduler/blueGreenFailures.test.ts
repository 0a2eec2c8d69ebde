/**
 * Failures while an ECS-native blue/green, linear or canary deployment runs: old (blue) tasks that
 * stop are replaced with their own revision until CLEAN_UP, and the deployment circuit breaker counts
 * the new (green) revision's failed tasks and rolls back.
 */
import { describe, expect, it } from 'vitest';
import type { SimState } from '../engine/state';
import { createSimulation } from '../engine/simulation';
import { lbWorld, webService, type LbWorld } from '../elb/testWorld';

function shiftService(w: LbWorld, deploymentConfiguration: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return webService(w, {
    deploymentConfiguration,
    loadBalancers: [
      {
        targetGroupArn: w.blueTg,
        containerName: 'web',
        containerPort: 80,
        advancedConfiguration: { alternateTargetGroupArn: w.greenTg, productionListenerRule: w.prodRule, testListenerRule: w.testRule, roleArn: 'arn:aws:iam::123456789012:role/ecs-lb' },
      },
    ],
    ...extra,
  });
}

const svcOf = (w: LbWorld) => Object.values(w.sim.state.services)[0];
const messages = (w: LbWorld) => svcOf(w).events.map((e) => e.message);

function steady(w: LbWorld, maxMs = 60 * 60_000) {
  return w.sim.runUntil(() => {
    const s = svcOf(w);
    return s.deployments.length === 1 && s.deployments[0].rolloutState === 'COMPLETED' && s.deployments[0].sd.status !== 'IN_PROGRESS';
  }, { maxMs });
}

/** Live tasks of a deployment (desiredStatus RUNNING, not STOPPED). */
function liveOf(w: LbWorld, deploymentId: string) {
  return Object.values(w.sim.state.tasks).filter((t) => t.startedBy === deploymentId && t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED');
}

function weights(w: LbWorld, rule: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of w.sim.state.elb.rules[rule].actions[0].targetGroups) out[g.targetGroupArn === w.blueTg ? 'blue' : 'green'] = g.weight;
  return out;
}

function registerCrashing(w: LbWorld) {
  w.sim.ecs.registerTaskDefinition({
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true, portMappings: [{ containerPort: 80 }], command: ['sh', '-c', 'exit 1'] }],
  });
}

describe('old (blue) tasks during a blue/green deployment', () => {
  it('a blue task that crashes during the bake is replaced with the blue revision, with the "has started 1 tasks" event', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 20 });
    expect(steady(w)).toBe(true);
    const blueId = svcOf(w).deployments[0].id;
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
    const greenId = svcOf(w).deployments[0].id;
    w.sim.runUntil(() => svcOf(w).deployments[0].bg?.lifecycleStage === 'BAKE_TIME', { maxMs: 30 * 60_000 });
    const [victim] = liveOf(w, blueId);
    w.sim.faults.crashContainer(victim.taskArn, 'web', 137);
    w.sim.advance(5_000);
    expect(w.sim.state.tasks[victim.taskArn].lastStatus).not.toBe('RUNNING');
    const blueNow = liveOf(w, blueId);
    expect(blueNow).toHaveLength(2);
    const fresh = blueNow.filter((t) => t.createdAt > victim.createdAt);
    expect(fresh).toHaveLength(1);
    expect(fresh[0].taskDefinitionArn).toBe(victim.taskDefinitionArn);
    const id = fresh[0].taskArn.split('/').pop();
    expect(messages(w)).toContain(`(service web) has started 1 tasks: (task ${id}).`);
    expect(liveOf(w, greenId)).toHaveLength(2);
    // The crash does not count against the new revision's circuit breaker.
    expect(svcOf(w).deployments[0].failedTasks).toBe(0);
    expect(steady(w)).toBe(true);
    expect(svcOf(w).deployments[0].id).toBe(greenId);
    expect(liveOf(w, blueId)).toHaveLength(0);
  });

  it('a linear deployment holds blue at the desired count when a blue Fargate Spot task is interrupted mid-shift', () => {
    const w = lbWorld();
    (w.sim.state as SimState).clusters.lb.capacityProviders = ['FARGATE', 'FARGATE_SPOT'];
    shiftService(
      w,
      { strategy: 'LINEAR', linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 5 }, bakeTimeInMinutes: 0 },
      { launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] },
    );
    expect(steady(w)).toBe(true);
    const blueId = svcOf(w).deployments[0].id;
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
    w.sim.runUntil(() => svcOf(w).deployments[0].bg?.productionPercent === 50, { maxMs: 30 * 60_000 });
    const [victim] = liveOf(w, blueId);
    w.sim.faults.interruptSpot(victim.taskArn);
    // The replacement starts at the interruption notice, not after the two minutes.
    w.sim.advance(1_000);
    const blueNow = liveOf(w, blueId);
    expect(blueNow.map((t) => t.taskArn)).not.toContain(victim.taskArn);
    expect(blueNow).toHaveLength(2);
    expect(weights(w, w.prodRule)).toEqual({ blue: 50, green: 50 });
    expect(steady(w)).toBe(true);
    expect(w.sim.state.tasks[victim.taskArn].stopCode).toBe('SpotInterruption');
  });

  it('a desired count raised during the bake (e.g. by auto scaling) scales both revisions, without a new deployment', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 20 });
    expect(steady(w)).toBe(true);
    const blueId = svcOf(w).deployments[0].id;
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
    const greenId = svcOf(w).deployments[0].id;
    w.sim.runUntil(() => svcOf(w).deployments[0].bg?.lifecycleStage === 'BAKE_TIME', { maxMs: 30 * 60_000 });
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', desiredCount: 3 });
    w.sim.advance(1_000);
    expect(svcOf(w).deployments.map((d) => d.id)).toEqual([greenId, blueId]);
    expect(liveOf(w, blueId)).toHaveLength(3);
    expect(liveOf(w, greenId)).toHaveLength(3);
    expect(steady(w)).toBe(true);
    expect(liveOf(w, greenId)).toHaveLength(3);
    expect(liveOf(w, blueId)).toHaveLength(0);
  });

  it('blue tasks that stop during CLEAN_UP are not replaced', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 });
    expect(steady(w)).toBe(true);
    const blueId = svcOf(w).deployments[0].id;
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
    w.sim.runUntil(() => svcOf(w).deployments[0].bg?.lifecycleStage === 'CLEAN_UP', { maxMs: 30 * 60_000 });
    const startedBefore = Object.values(w.sim.state.tasks).filter((t) => t.startedBy === blueId).length;
    expect(steady(w)).toBe(true);
    expect(Object.values(w.sim.state.tasks).filter((t) => t.startedBy === blueId)).toHaveLength(startedBefore);
  });
});

describe('circuit breaker during blue/green', () => {
  it('green tasks whose essential container keeps exiting trip the breaker: FAILED, rolled back to blue, traffic on blue', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, deploymentCircuitBreaker: { enable: true, rollback: true } });
    expect(steady(w)).toBe(true);
    const blueId = svcOf(w).deployments[0].id;
    registerCrashing(w);
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', taskDefinition: 'web:2' });
    const green = svcOf(w).deployments[0];
    expect(w.sim.runUntil(() => green.rolloutState === 'FAILED', { maxMs: 30 * 60_000 })).toBe(true);
    expect(green.rolloutStateReason).toBe('ECS deployment circuit breaker: task failed to start.');
    expect(green.failedTasks).toBe(3);
    expect(green.bg!.stages).toEqual(['PRE_SCALE_UP', 'SCALE_UP']);
    expect(green.bg!.machineState).toBe('FAILED');
    const log = [...messages(w)].reverse();
    const failedAt = log.indexOf(`(service web) (deployment ${green.id}) deployment failed: tasks failed to start.`);
    expect(failedAt).toBeGreaterThan(-1);
    expect(log[failedAt + 1]).toBe(`(service web) rolling back to deployment ${blueId}.`);
    expect(svcOf(w).deployments[0]).toMatchObject({ id: blueId, status: 'PRIMARY', rolloutStateReason: `ECS deployment circuit breaker: rolling back to deploymentId ${blueId}.` });
    expect(weights(w, w.prodRule)).toEqual({ blue: 100, green: 0 });
    expect(steady(w)).toBe(true);
    expect(svcOf(w).deployments.map((d) => d.id)).toEqual([blueId]);
    expect(liveOf(w, blueId)).toHaveLength(2);
    const sd = w.sim.ecs.describeServiceDeployments({ serviceDeploymentArns: [green.serviceDeploymentArn] }).serviceDeployments![0];
    expect(sd.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(sd.deploymentCircuitBreaker).toEqual({ status: 'TRIGGERED', failureCount: 3, threshold: 3 });
    expect(w.sim.ecs.describeServices({ cluster: 'lb', services: ['web'] }).services![0].taskDefinition).toMatch(/web:1$/);
  });

  it('green tasks failing ELB health checks at a canary step count toward the threshold (stage 2) and roll back', () => {
    const w = lbWorld();
    shiftService(w, {
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 30 },
      bakeTimeInMinutes: 0,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    });
    expect(steady(w)).toBe(true);
    const blueId = svcOf(w).deployments[0].id;
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
    const green = svcOf(w).deployments[0];
    w.sim.runUntil(() => green.bg?.productionPercent === 10, { maxMs: 30 * 60_000 });
    expect(weights(w, w.prodRule)).toEqual({ blue: 90, green: 10 });
    // Every green task, and each replacement, fails its target health checks.
    const failing = new Set<string>();
    const breakGreen = () => {
      for (const t of liveOf(w, green.id)) {
        if (failing.has(t.taskArn) || t.lastStatus !== 'RUNNING') continue;
        failing.add(t.taskArn);
        w.sim.faults.failTargetHealthChecks(t.taskArn, { failure: 'code' });
      }
      return green.rolloutState === 'FAILED';
    };
    expect(w.sim.runUntil(breakGreen, { maxMs: 60 * 60_000 })).toBe(true);
    expect(green.cbStage).toBe(2);
    expect(green.failedTasks).toBe(3);
    expect(weights(w, w.prodRule)).toEqual({ blue: 100, green: 0 });
    expect(steady(w)).toBe(true);
    expect(svcOf(w).deployments[0].id).toBe(blueId);
    expect(messages(w).some((m) => m.includes('is unhealthy in (target-group') && m.includes('Health checks failed with these codes: [502]'))).toBe(true);
  });

  it('without rollback the failed green deployment launches nothing more and blue keeps production', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, deploymentCircuitBreaker: { enable: true, rollback: false } });
    expect(steady(w)).toBe(true);
    const blueId = svcOf(w).deployments[0].id;
    registerCrashing(w);
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', taskDefinition: 'web:2' });
    const green = svcOf(w).deployments[0];
    expect(w.sim.runUntil(() => green.rolloutState === 'FAILED', { maxMs: 30 * 60_000 })).toBe(true);
    const started = Object.values(w.sim.state.tasks).filter((t) => t.startedBy === green.id).length;
    w.sim.advance(30 * 60_000);
    expect(Object.values(w.sim.state.tasks).filter((t) => t.startedBy === green.id)).toHaveLength(started);
    expect(svcOf(w).deployments.map((d) => [d.id === blueId, d.status, d.rolloutState])).toEqual([
      [false, 'PRIMARY', 'FAILED'],
      [true, 'ACTIVE', 'COMPLETED'],
    ]);
    expect(liveOf(w, blueId)).toHaveLength(2);
    expect(weights(w, w.prodRule)).toEqual({ blue: 100, green: 0 });
    expect(green.sd.status).toBe('STOPPED');
  });
});

describe('placement failures of blue replacements', () => {
  it('a blue task whose instance is terminated and cannot be re-placed (host port taken by green) does not count against the new revision', () => {
    const sim = createSimulation({ seed: 12, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'ec2' });
    const ids = sim.infra.launchInstances({ cluster: 'ec2', instanceType: 'm5.large', count: 2 }).instanceIds;
    expect(sim.runUntil((s) => ids.every((id) => s.state.ec2Instances[id].containerInstanceArn), { maxMs: 10 * 60_000 })).toBe(true);
    sim.ecs.registerTaskDefinition({
      family: 'web',
      networkMode: 'bridge',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256, portMappings: [{ containerPort: 80, hostPort: 80 }] }],
    });
    const tg = (Name: string) => sim.elbv2.createTargetGroup({ Name, Protocol: 'HTTP', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
    const blueTg = tg('b');
    const greenTg = tg('g');
    const lb = sim.elbv2.createLoadBalancer({ Name: 'alb' }).LoadBalancers[0].LoadBalancerArn;
    const forward = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blueTg, Weight: 100 }, { TargetGroupArn: greenTg, Weight: 0 }] } }];
    const prod = sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: forward }).Listeners[0].ListenerArn;
    const prodRule = sim.elbv2.describeRules({ ListenerArn: prod }).Rules[0].RuleArn;
    sim.ecs.createService({
      cluster: 'ec2',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 1,
      deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 15, deploymentCircuitBreaker: { enable: true, rollback: true } },
      loadBalancers: [{ targetGroupArn: blueTg, containerName: 'web', containerPort: 80, advancedConfiguration: { alternateTargetGroupArn: greenTg, productionListenerRule: prodRule } }],
    });
    const svc = Object.values(sim.state.services)[0];
    const done = () => svc.deployments.length === 1 && svc.deployments[0].rolloutState === 'COMPLETED' && svc.deployments[0].sd.status !== 'IN_PROGRESS';
    expect(sim.runUntil(done, { maxMs: 60 * 60_000 })).toBe(true);
    const blueId = svc.deployments[0].id;
    sim.ecs.updateService({ cluster: 'ec2', service: 'web', forceNewDeployment: true });
    const green = svc.deployments[0];
    expect(sim.runUntil(() => green.bg?.lifecycleStage === 'BAKE_TIME', { maxMs: 30 * 60_000 })).toBe(true);
    const [blueTask] = Object.values(sim.state.tasks).filter((t) => t.startedBy === blueId && t.lastStatus === 'RUNNING');
    const host = Object.values(sim.state.ec2Instances).find((i) => i.containerInstanceArn === blueTask.containerInstanceArn)!;
    sim.infra.terminateInstance(host.instanceId);
    sim.advance(5 * 60_000);
    expect(svc.events.some((e) => e.message.startsWith('(service web) was unable to place a task'))).toBe(true);
    expect(green.failedTasks).toBe(0);
    expect(green.rolloutState).toBe('IN_PROGRESS');
    expect(sim.runUntil(done, { maxMs: 60 * 60_000 })).toBe(true);
    expect(svc.deployments[0].id).toBe(green.id);
  });
});
