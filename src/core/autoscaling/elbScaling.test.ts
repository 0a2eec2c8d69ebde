/**
 * One traffic source: the load profile drives the load balancer's request stream, the load balancer
 * counts requests per target, and the service's datapoints (RequestCount, RequestCountPerTarget, per-task
 * CPU and memory) are read from those counters.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { lbWorld, webService, type LbWorld } from '../elb/testWorld';
import { measure, serviceMetrics } from './metrics';

const T = { ServiceNamespace: 'ecs', ResourceId: 'service/lb/web', ScalableDimension: 'ecs:service:DesiredCount' } as const;

const svcOf = (w: LbWorld) => Object.values(w.sim.state.services)[0];
const healthyTargets = (w: LbWorld, tg: string) => Object.values(w.sim.state.elb.targetGroups[tg].targets).filter((t) => t.state === 'healthy').length;
const tgTotal = (w: LbWorld, tg: string) =>
  Object.entries(w.sim.elbv2.describeTrafficCounters().Totals.perTarget)
    .filter(([k]) => k.startsWith(`${tg}|`))
    .reduce((n, [, v]) => n + v, 0);

/** A web service of `desired` tasks behind the production listener only, run until its targets are healthy. */
function servedWorld(desired = 2, seed = 5): LbWorld {
  const w = lbWorld(seed);
  // The test listener forwards elsewhere, so only the production listener carries the service.
  w.sim.elbv2.modifyListener({ ListenerArn: w.testListener, DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: w.greenTg, Weight: 1 }] } }] });
  webService(w, { desiredCount: desired });
  expect(w.sim.runUntil(() => healthyTargets(w, w.blueTg) === desired, { maxMs: 20 * 60_000 })).toBe(true);
  return w;
}

describe('the load profile drives the load balancer', () => {
  it('a constant 40 requests/s profile replaces the listener default: the target group counts 2,400 a minute and the datapoint reads them', () => {
    const w = servedWorld();
    expect(w.sim.elbv2.describeTrafficCounters().Rates.perTarget).toEqual(
      Object.fromEntries(Object.keys(w.sim.state.elb.targetGroups[w.blueTg].targets).map((k) => [`${w.blueTg}|${k}`, 50])),
    );
    w.sim.faults.setLoad({ cluster: 'lb', service: 'web', profile: { type: 'constant', rps: 40 } });
    const rates = w.sim.elbv2.describeTrafficCounters().Rates.perTarget;
    expect(Object.values(rates)).toEqual([20, 20]);
    w.sim.advance(60_000 - (w.sim.now() % 60_000) + 60_000);
    const before = tgTotal(w, w.blueTg);
    w.sim.advance(60_000);
    expect(tgTotal(w, w.blueTg) - before).toBe(2400);
    const last = serviceMetrics(w.sim.state, svcOf(w).serviceArn).points.at(-1)!;
    expect(last.requestCount).toBe(2400);
    expect(last.requestCountPerTarget).toBe(1200);
    // 20 requests/s on each 256-unit task: 2 % idle + 20 × 10 ms of 1,024 units = 85 %
    expect(last.cpu).toBe(Math.round(((0.02 * 256 + 20 * 0.01 * 1024) / 256) * 100 * 1000) / 1000);
    expect(last.memory).toBe(Math.round(((128 + 20 * 0.2 * 4) / 512) * 100 * 1000) / 1000);
  });

  it('a spike is a change of the listener rate at the spike’s start and end, visible in the traffic history', () => {
    const w = servedWorld();
    const t0 = w.sim.now();
    w.sim.faults.setLoad({ cluster: 'lb', service: 'web', profile: { type: 'spike', base: 10, peak: 90, atMs: 120_000, durationMs: 60_000 } });
    w.sim.advance(5 * 60_000);
    const history = w.sim.elbv2.describeTrafficCounters().History.filter((h) => h.at >= t0);
    const totals = history.map((h) => Object.values(h.byTargetGroup).reduce((a, b) => a + b, 0));
    expect(totals).toContain(90);
    expect(totals.at(-1)).toBe(10);
    const spikeStart = history.find((h) => Object.values(h.byTargetGroup).reduce((a, b) => a + b, 0) === 90)!.at;
    // the step's rate is the profile at the middle of the 10-second step
    expect(spikeStart - t0).toBeGreaterThanOrEqual(110_000);
    expect(spikeStart - t0).toBeLessThanOrEqual(125_000);
  });

  it('a task whose target is not healthy yet serves nothing: its CPU stays at the idle 2 %', () => {
    const w = servedWorld(1);
    w.sim.faults.setLoad({ cluster: 'lb', service: 'web', profile: { type: 'constant', rps: 20 } });
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', desiredCount: 2 });
    w.sim.advance(60_000 - (w.sim.now() % 60_000) + 60_000);
    const svc = svcOf(w);
    const running = Object.keys(svc.tasks).filter((a) => w.sim.state.tasks[a].lastStatus === 'RUNNING');
    expect(running).toHaveLength(2);
    const states = Object.values(w.sim.state.elb.targetGroups[w.blueTg].targets).map((t) => t.state).sort();
    expect(states).toEqual(['healthy', 'initial']);
    const counters = w.sim.elbv2.describeTrafficCounters().Totals.perTarget;
    const initial = Object.values(w.sim.state.elb.targetGroups[w.blueTg].targets).find((t) => t.state === 'initial')!;
    expect(counters[`${w.blueTg}|${initial.id}:${initial.port}`] ?? 0).toBe(0);
    const point = serviceMetrics(w.sim.state, svc.serviceArn).points.at(-1)!;
    expect(point.running).toBe(2);
    expect(point.requestCountPerTarget).toBe(1200);
    // one task at 20 requests/s (85 %), one idle (2 %): 87 % of 512 units over 512
    expect(point.cpu).toBe(Math.round(((0.02 * 256 + 20 * 0.01 * 1024 + 0.02 * 256) / 512) * 100 * 1000) / 1000);
  });

  it('during a canary the green target group receives the canary share of the profile’s requests, the test listener none', () => {
    const w = lbWorld();
    webService(w, {
      deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 30 }, bakeTimeInMinutes: 0 },
      loadBalancers: [{ targetGroupArn: w.blueTg, containerName: 'web', containerPort: 80, advancedConfiguration: { alternateTargetGroupArn: w.greenTg, productionListenerRule: w.prodRule, testListenerRule: w.testRule } }],
    });
    w.sim.runUntil(() => svcOf(w).deployments.length === 1 && svcOf(w).deployments[0].rolloutState === 'COMPLETED' && svcOf(w).deployments[0].sd.status !== 'IN_PROGRESS', { maxMs: 60 * 60_000 });
    w.sim.faults.setLoad({ cluster: 'lb', service: 'web', profile: { type: 'constant', rps: 100 } });
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
    const green = svcOf(w).deployments[0];
    w.sim.runUntil(() => green.bg?.productionPercent === 10, { maxMs: 30 * 60_000 });
    // the test listener carries no load-profile traffic
    expect(w.sim.state.elb.traffic.drivenRatePerListener).toEqual({ [w.prodListener]: 100, [w.testListener]: 0 });
    w.sim.advance(60_000 - (w.sim.now() % 60_000) + 60_000);
    const blue0 = tgTotal(w, w.blueTg);
    const green0 = tgTotal(w, w.greenTg);
    w.sim.advance(60_000);
    expect(tgTotal(w, w.greenTg) - green0).toBe(600);
    expect(tgTotal(w, w.blueTg) - blue0).toBe(5400);
    expect(serviceMetrics(w.sim.state, svcOf(w).serviceArn).points.at(-1)!.requestCount).toBe(6000);
  });
});

describe('ALBRequestCountPerTarget reads the load balancer', () => {
  it('target tracking at 1,000 requests per target scales 2 → 3 on 50 requests/s (1,500 per healthy target) after three high minutes', () => {
    const w = servedWorld();
    const { sim } = w;
    sim.applicationAutoScaling.registerScalableTarget({ ...T, MinCapacity: 1, MaxCapacity: 10 });
    const label = `app/web-alb/0123456789abcdef/${w.blueTg.slice(w.blueTg.indexOf('targetgroup/'))}`;
    sim.applicationAutoScaling.putScalingPolicy({
      ...T,
      PolicyName: 'rpt',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 1000, PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: label } },
    });
    sim.faults.setLoad({ cluster: 'lb', service: 'web', profile: { type: 'constant', rps: 50 } });
    const start = Math.floor(sim.now() / 60_000) * 60_000;
    sim.advance(start + 4 * 60_000 + 1 - sim.now());
    const points = serviceMetrics(sim.state, svcOf(w).serviceArn).points;
    expect(points.slice(-3).map((p) => p.requestCountPerTarget)).toEqual([1500, 1500, 1500]);
    expect(sim.ecs.describeServices({ cluster: 'lb', services: ['web'] }).services![0].desiredCount).toBe(3);
    const acts = sim.applicationAutoScaling.describeScalingActivities({ ServiceNamespace: 'ecs', ResourceId: 'service/lb/web' }).ScalingActivities as { Description: string }[];
    expect(acts[0].Description).toBe('Setting desired count to 3.');
  });
});

describe('restoring state from before one traffic source', () => {
  it('a snapshot without the driven rates, request marks and load step restores and starts driving at the next minute tick', () => {
    const w = servedWorld();
    w.sim.faults.setLoad({ cluster: 'lb', service: 'web', profile: { type: 'constant', rps: 40 } });
    w.sim.advance(3 * 60_000);
    const snap = JSON.parse(JSON.stringify(w.sim.snapshot()));
    delete snap.state.elb.traffic.drivenRatePerListener;
    delete snap.state.autoscaling.requestMarks;
    delete snap.state.autoscaling.driving;
    snap.state.queue = snap.state.queue.filter((e: { kind: string }) => e.kind !== 'autoscaling.loadStep');
    const b = createSimulation({ snapshot: snap });
    b.advance(3 * 60_000);
    expect(Object.values(b.elbv2.describeTrafficCounters().Rates.perTarget)).toEqual([20, 20]);
    expect(serviceMetrics(b.state, Object.keys(b.state.services)[0]).points.at(-1)!.requestCount).toBe(2400);
  });

  it('a snapshot taken with a ramp running continues exactly like the uninterrupted run', () => {
    const w = servedWorld();
    w.sim.faults.setLoad({ cluster: 'lb', service: 'web', profile: { type: 'ramp', from: 10, to: 60, durationMs: 10 * 60_000 } });
    w.sim.advance(4 * 60_000 + 3_000);
    const b = createSimulation({ snapshot: w.sim.snapshot() });
    w.sim.advance(8 * 60_000);
    b.advance(8 * 60_000);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(w.sim.snapshot()));
  });
});
