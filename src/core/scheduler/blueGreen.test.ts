import { describe, expect, it } from 'vitest';
import { lbWorld, webService, type LbWorld } from '../elb/testWorld';

const ALL_STAGES = [
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
];

function shiftService(w: LbWorld, deploymentConfiguration: Record<string, unknown>) {
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
  });
}

function svcOf(w: LbWorld) {
  return Object.values(w.sim.state.services)[0];
}

function steady(w: LbWorld, maxMs = 60 * 60_000) {
  return w.sim.runUntil(() => {
    const s = svcOf(w);
    return s.deployments.length === 1 && s.deployments[0].rolloutState === 'COMPLETED' && s.deployments[0].sd.status !== 'IN_PROGRESS';
  }, { maxMs });
}

function weights(w: LbWorld, rule: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of w.sim.state.elb.rules[rule].actions[0].targetGroups) out[g.targetGroupArn === w.blueTg ? 'blue' : 'green'] = g.weight;
  return out;
}

function deployNew(w: LbWorld) {
  w.sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
  return svcOf(w).deployments[0];
}

describe('ECS-native blue/green deployments', () => {
  it('BLUE_GREEN walks every lifecycle stage in order, shifts test then production traffic at once, bakes, then scales blue in', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 });
    expect(steady(w)).toBe(true);
    expect(weights(w, w.prodRule)).toEqual({ blue: 100, green: 0 });
    const dep = deployNew(w);
    expect(dep.bg!.targetGroupArns).toEqual([w.greenTg]);
    let sawBakeWithBoth = false;
    w.sim.runUntil(() => {
      const d = svcOf(w).deployments.find((x) => x.id === dep.id);
      if (d?.bg?.lifecycleStage === 'BAKE_TIME') {
        const tasks = Object.values(w.sim.state.tasks).filter((t) => t.lastStatus === 'RUNNING');
        sawBakeWithBoth ||= tasks.length === 4;
      }
      return svcOf(w).deployments.length === 1 && svcOf(w).deployments[0].rolloutState === 'COMPLETED';
    }, { maxMs: 60 * 60_000 });
    const done = svcOf(w).deployments[0];
    expect(done.id).toBe(dep.id);
    expect(done.bg!.stages).toEqual(ALL_STAGES);
    expect(sawBakeWithBoth).toBe(true);
    expect(weights(w, w.prodRule)).toEqual({ blue: 0, green: 100 });
    expect(weights(w, w.testRule)).toEqual({ blue: 0, green: 100 });
    const sd = w.sim.ecs.describeServiceDeployments({ serviceDeploymentArns: [dep.serviceDeploymentArn] }).serviceDeployments![0];
    expect(sd.status).toBe('SUCCESSFUL');
    expect(sd.lifecycleStage).toBe('CLEAN_UP');
    expect(sd.deploymentConfiguration!.strategy).toBe('BLUE_GREEN');
    expect(sd.deploymentConfiguration!.bakeTimeInMinutes).toBe(5);
    const stageTimes = w.sim.events.filter((e) => e.type === 'service.lifecycleStage' && (e.data as { deploymentId: string }).deploymentId === dep.id);
    const bake = stageTimes.find((e) => (e.data as { lifecycleStage: string }).lifecycleStage === 'BAKE_TIME')!.time;
    const clean = stageTimes.find((e) => (e.data as { lifecycleStage: string }).lifecycleStage === 'CLEAN_UP')!.time;
    expect(clean - bake).toBe(5 * 60_000);
  });

  it('the next deployment swaps the target groups back', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0 });
    steady(w);
    deployNew(w);
    steady(w);
    const third = deployNew(w);
    expect(third.bg!.targetGroupArns).toEqual([w.blueTg]);
    steady(w);
    expect(weights(w, w.prodRule)).toEqual({ blue: 100, green: 0 });
  });

  it('LINEAR shifts stepPercent per step with PRE_PRODUCTION_TRAFFIC_SHIFT and PRODUCTION_TRAFFIC_SHIFT at every step, stepBakeTime between steps', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'LINEAR', linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 2 }, bakeTimeInMinutes: 1 });
    steady(w);
    const dep = deployNew(w);
    const seen: [number, number][] = [];
    w.sim.runUntil(() => {
      const d = svcOf(w).deployments.find((x) => x.id === dep.id);
      const p = d?.bg?.productionPercent ?? 0;
      if (seen.length === 0 || seen[seen.length - 1][1] !== p) seen.push([w.sim.now(), p]);
      return svcOf(w).deployments.length === 1 && svcOf(w).deployments[0].rolloutState === 'COMPLETED';
    }, { maxMs: 60 * 60_000 });
    const steps = seen.filter(([, p]) => p > 0);
    expect(steps.map(([, p]) => p)).toEqual([25, 50, 75, 100]);
    expect(steps.slice(1).map(([t], i) => t - steps[i][0])).toEqual([120_000, 120_000, 120_000]);
    const stages = svcOf(w).deployments[0].bg!.stages;
    const shift = ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'];
    expect(stages).toEqual([
      'PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT',
      ...shift, ...shift, ...shift, ...shift,
      'POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP',
    ]);
  });

  it('CANARY shifts canaryPercent, waits canaryBakeTime, then shifts the rest at once', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 }, bakeTimeInMinutes: 0 });
    steady(w);
    const dep = deployNew(w);
    w.sim.runUntil(() => svcOf(w).deployments.find((x) => x.id === dep.id)?.bg?.productionPercent === 10, { maxMs: 30 * 60_000 });
    expect(weights(w, w.prodRule)).toEqual({ blue: 90, green: 10 });
    const t = w.sim.now();
    w.sim.runUntil(() => svcOf(w).deployments.find((x) => x.id === dep.id)?.bg?.productionPercent === 100, { maxMs: 30 * 60_000 });
    expect(w.sim.now() - t).toBe(180_000);
    expect(weights(w, w.prodRule)).toEqual({ blue: 0, green: 100 });
    steady(w);
    const shift = ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'];
    expect(svcOf(w).deployments[0].bg!.stages).toEqual([
      'PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT',
      ...shift, ...shift,
      'POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP',
    ]);
  });

  it('the default linear and canary configurations are 10 % / 6 min and 5 % / 10 min', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'LINEAR', bakeTimeInMinutes: 0 });
    const d = w.sim.ecs.describeServices({ cluster: 'lb', services: ['web'] }).services![0].deploymentConfiguration!;
    expect(d.linearConfiguration).toEqual({ stepPercent: 10, stepBakeTimeInMinutes: 6 });
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', deploymentConfiguration: { strategy: 'CANARY' } });
    expect(w.sim.ecs.describeServices({ cluster: 'lb', services: ['web'] }).services![0].deploymentConfiguration!.canaryConfiguration).toEqual({
      canaryPercent: 5,
      canaryBakeTimeInMinutes: 10,
    });
  });

  it('BLUE_GREEN needs bakeTimeInMinutes; PAUSE hooks are refused at traffic-shift stages', () => {
    const w = lbWorld();
    expect(() => shiftService(w, { strategy: 'BLUE_GREEN' })).toThrow('bakeTimeInMinutes is required when the deployment strategy is BLUE_GREEN.');
    expect(() =>
      shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1, lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] }] }),
    ).toThrow('PAUSE lifecycle hooks are not supported for the PRODUCTION_TRAFFIC_SHIFT lifecycle stage.');
    expect(() => shiftService(w, { strategy: 'LINEAR', linearConfiguration: { stepPercent: 2 } })).toThrow('stepPercent must be between 3 and 100.');
  });
});

describe('lifecycle hooks', () => {
  const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:check';

  it('a Lambda hook answering FAILED rolls back: traffic returns to blue, green is stopped, the deployment is ROLLBACK_SUCCESSFUL', () => {
    const w = lbWorld();
    shiftService(w, {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 1,
      lifecycleHooks: [{ targetType: 'AWS_LAMBDA', hookTargetArn: LAMBDA, roleArn: 'arn:aws:iam::123456789012:role/hook', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }],
    });
    steady(w);
    const blueId = svcOf(w).deployments[0].id;
    w.sim.faults.setHookAnswer(LAMBDA, 'FAILED');
    const dep = deployNew(w);
    w.sim.runUntil(() => svcOf(w).deployments.length === 1 && svcOf(w).deployments[0].id === blueId && svcOf(w).deployments[0].rolloutState === 'COMPLETED', { maxMs: 60 * 60_000 });
    const failed = svcOf(w).pastDeployments.find((d) => d.id === dep.id)!;
    expect(failed.bg!.stages).toEqual(['PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT']);
    expect(failed.bg!.hooks.map((h) => [h.stage, h.status, h.invocations])).toEqual([['POST_TEST_TRAFFIC_SHIFT', 'FAILED', 1]]);
    expect(failed.rolloutState).toBe('FAILED');
    expect(failed.sd.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(failed.sd.rollback?.reason).toBe('ECS deployment lifecycle hook failed in stage POST_TEST_TRAFFIC_SHIFT.');
    expect(weights(w, w.prodRule)).toEqual({ blue: 100, green: 0 });
    expect(weights(w, w.testRule)).toEqual({ blue: 100, green: 0 });
    const messages = svcOf(w).events.map((e) => e.message);
    expect(messages).toContain(`(service web) (deployment ${dep.id}) lifecycle hook failed in stage POST_TEST_TRAFFIC_SHIFT: rolling back.`);
    expect(messages).toContain(`(service web) rolling back to deployment ${blueId}.`);
  });

  it('IN_PROGRESS is asked again every 30 s until the answer changes', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [{ hookTargetArn: LAMBDA, lifecycleStages: ['PRE_SCALE_UP'] }] });
    steady(w);
    w.sim.faults.setHookAnswer(LAMBDA, 'IN_PROGRESS');
    const dep = deployNew(w);
    w.sim.advance(91_000);
    const run = () => svcOf(w).deployments.find((d) => d.id === dep.id)!.bg!.hooks[0];
    expect(run().status).toBe('IN_PROGRESS');
    expect(run().invocations).toBe(4);
    expect(svcOf(w).deployments[0].bg!.lifecycleStage).toBe('PRE_SCALE_UP');
    w.sim.faults.setHookAnswer(LAMBDA, 'SUCCEEDED');
    w.sim.advance(30_000);
    expect(run().status).toBe('SUCCEEDED');
    expect(svcOf(w).deployments[0].bg!.lifecycleStage).toBe('SCALE_UP');
  });

  it('a PAUSE hook waits for ContinueServiceDeployment', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'] }] });
    steady(w);
    const dep = deployNew(w);
    w.sim.runUntil(() => svcOf(w).deployments[0].bg?.lifecycleStage === 'POST_SCALE_UP', { maxMs: 30 * 60_000 });
    w.sim.advance(10 * 60_000);
    const bg = svcOf(w).deployments[0].bg!;
    expect(bg.lifecycleStage).toBe('POST_SCALE_UP');
    expect(bg.hooks[0].status).toBe('AWAITING_ACTION');
    expect(() => w.sim.ecs.continueServiceDeployment({ serviceDeploymentArn: dep.serviceDeploymentArn, hookId: 'hook-9' })).toThrow('The lifecycle hook hook-9 was not found in the service deployment.');
    w.sim.ecs.continueServiceDeployment({ serviceDeploymentArn: dep.serviceDeploymentArn, hookId: bg.hooks[0].hookId, action: 'CONTINUE' });
    expect(steady(w)).toBe(true);
    expect(svcOf(w).deployments[0].id).toBe(dep.id);
  });

  it('StopServiceDeployment ROLLBACK during the bake puts production traffic back on blue', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 30 });
    steady(w);
    const blueId = svcOf(w).deployments[0].id;
    const dep = deployNew(w);
    w.sim.runUntil(() => svcOf(w).deployments[0].bg?.lifecycleStage === 'BAKE_TIME', { maxMs: 30 * 60_000 });
    expect(weights(w, w.prodRule)).toEqual({ blue: 0, green: 100 });
    w.sim.ecs.stopServiceDeployment({ serviceDeploymentArn: dep.serviceDeploymentArn, stopType: 'ROLLBACK' });
    expect(weights(w, w.prodRule)).toEqual({ blue: 100, green: 0 });
    expect(steady(w)).toBe(true);
    expect(svcOf(w).deployments[0].id).toBe(blueId);
    expect(svcOf(w).pastDeployments.find((d) => d.id === dep.id)!.sd.status).toBe('ROLLBACK_SUCCESSFUL');
  });
});

describe('blue/green determinism', () => {
  it('a snapshot taken mid-shift continues exactly like the uninterrupted run, and the journal replays it', async () => {
    const { createSimulation } = await import('../engine/simulation');
    const { recipeOf, replay } = await import('../engine/replay');
    const run = () => {
      const w = lbWorld(8);
      shiftService(w, { strategy: 'LINEAR', linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 }, bakeTimeInMinutes: 1 });
      w.sim.advance(10 * 60_000);
      w.sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
      w.sim.advance(6 * 60_000);
      return w;
    };
    const a = run();
    const snap = a.sim.snapshot();
    const b = createSimulation({ snapshot: snap });
    a.sim.advance(20 * 60_000);
    b.advance(20 * 60_000);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.sim.snapshot()));
    const c = replay(recipeOf(a.sim));
    expect(JSON.stringify(c.events)).toBe(JSON.stringify(a.sim.events));
    expect(Object.values(a.sim.state.services)[0].deployments[0].bg!.stages.at(-1)).toBe('CLEAN_UP');
  });
});

describe('more lifecycle cases', () => {
  const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:shift-check';

  it('a deployment started while two older revisions are active begins with RECONCILE_SERVICE', () => {
    const w = lbWorld();
    shiftService(w, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 0, lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'] }] });
    steady(w);
    deployNew(w);
    w.sim.runUntil(() => svcOf(w).deployments[0].bg?.lifecycleStage === 'POST_SCALE_UP', { maxMs: 30 * 60_000 });
    const third = deployNew(w);
    expect(svcOf(w).deployments).toHaveLength(3);
    expect(third.bg!.stages.slice(0, 3)).toEqual(['RECONCILE_SERVICE', 'PRE_SCALE_UP', 'SCALE_UP']);
  });

  it('a Lambda hook failing at the second PRODUCTION_TRAFFIC_SHIFT step of a linear deployment puts all production traffic back on blue', () => {
    const w = lbWorld();
    shiftService(w, {
      strategy: 'LINEAR',
      linearConfiguration: { stepPercent: 40, stepBakeTimeInMinutes: 1 },
      bakeTimeInMinutes: 0,
      lifecycleHooks: [{ hookTargetArn: LAMBDA, lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] }],
    });
    steady(w);
    const dep = deployNew(w);
    w.sim.runUntil(() => svcOf(w).deployments[0].bg?.hooks[0]?.status === 'SUCCEEDED', { maxMs: 30 * 60_000 });
    expect(weights(w, w.prodRule)).toEqual({ blue: 60, green: 40 });
    w.sim.faults.setHookAnswer(LAMBDA, 'FAILED');
    w.sim.runUntil(() => svcOf(w).deployments.length === 1 && svcOf(w).deployments[0].rolloutState === 'COMPLETED', { maxMs: 60 * 60_000 });
    const failed = svcOf(w).pastDeployments.find((d) => d.id === dep.id)!;
    expect(failed.bg!.hooks.map((h) => [h.stage, h.status])).toEqual([
      ['PRODUCTION_TRAFFIC_SHIFT', 'SUCCEEDED'],
      ['PRODUCTION_TRAFFIC_SHIFT', 'FAILED'],
    ]);
    expect(failed.bg!.productionPercent).toBe(0);
    expect(weights(w, w.prodRule)).toEqual({ blue: 100, green: 0 });
    expect(failed.sd.status).toBe('ROLLBACK_SUCCESSFUL');
  });
});
