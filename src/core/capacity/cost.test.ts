import { describe, expect, it } from 'vitest';
import { costReport, costSeries } from '../index';
import type { SimState } from '../engine/state';
import { lineFigures, taskLine } from './cost';
import { billedSeconds, fargateUsdPerHour } from './pricing';
import { awsvpc, fargateWorld } from './fargateWorld';
import { createSimulation } from '../engine/simulation';

const HOUR = 3_600_000;
/** 0.5 vCPU × $0.04048 + 1 GB × $0.004445 (Fargate, Linux/x86, us-east-1). */
const HALF_VCPU_1GB = 0.5 * 0.04048 + 1 * 0.004445;

describe('cost meter', () => {
  it('3 Fargate tasks of 0.5 vCPU / 1 GB: $0.074055 per hour, and exactly that for one hour each', () => {
    const sim = fargateWorld();
    const state = sim.state as SimState;
    const arns = sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', count: 3, launchType: 'FARGATE', networkConfiguration: awsvpc }).tasks!.map((t) => t.taskArn!);
    expect(costReport(state).total.usdPerHour).toBe(0);
    sim.runUntil((s) => arns.every((a) => s.state.tasks[a].lastStatus === 'RUNNING'), { maxMs: 10 * 60_000 });
    const r = costReport(state);
    expect(r.total.usdPerHour).toBeCloseTo(0.074055, 12);
    expect(r.byCapacityProvider).toEqual({ FARGATE: expect.objectContaining({ usdPerHour: expect.closeTo(0.074055, 12) }) });
    expect(r.byCluster.f.usdPerHour).toBeCloseTo(0.074055, 12);
    expect([r.priceRegion, r.lines.length]).toEqual(['us-east-1', 3]);
    const hourEach = arns.map((a) => taskLine(state.tasks[a])!).reduce((sum, l) => sum + lineFigures(l, l.start + HOUR).usdSoFar, 0);
    expect(hourEach).toBeCloseTo(0.074055, 12);
    // So far grows with time: after another hour every task has run more than an hour.
    sim.advance(HOUR);
    expect(costReport(state).total.usdSoFar).toBeGreaterThan(0.074055);
  });

  it('bills per second with a one-minute minimum, from the image pull to STOPPED', () => {
    expect(billedSeconds(0)).toBe(0);
    expect(billedSeconds(20_000)).toBe(60);
    expect(billedSeconds(61_001)).toBe(62);
    const sim = fargateWorld();
    const state = sim.state as SimState;
    const arn = sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', launchType: 'FARGATE', networkConfiguration: awsvpc }).tasks![0].taskArn!;
    sim.runUntil((s) => s.state.tasks[arn].lastStatus === 'RUNNING', { maxMs: 600_000 });
    sim.ecs.stopTask({ cluster: 'f', task: arn });
    sim.advance(60_000);
    const t = state.tasks[arn];
    const r = costReport(state);
    expect(r.total.usdPerHour).toBe(0);
    expect(r.total.usdSoFar).toBeCloseTo((HALF_VCPU_1GB * billedSeconds(t.stoppedAt! - t.pullStartedAt!)) / 3600, 12);
  });

  it('Fargate Spot at 30 % of On-Demand, per service and per capacity provider', () => {
    const sim = fargateWorld();
    sim.ecs.createService({
      cluster: 'f',
      serviceName: 's',
      taskDefinition: 'api',
      desiredCount: 10,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 2, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }],
      networkConfiguration: awsvpc,
    });
    sim.advance(3 * 60_000);
    const r = costReport(sim.state as SimState);
    expect(r.byCapacityProvider.FARGATE.usdPerHour).toBeCloseTo(4 * HALF_VCPU_1GB, 12);
    expect(r.byCapacityProvider.FARGATE_SPOT.usdPerHour).toBeCloseTo(6 * HALF_VCPU_1GB * 0.3, 12);
    expect(r.byService['f/s'].usdPerHour).toBeCloseTo(4 * HALF_VCPU_1GB + 6 * HALF_VCPU_1GB * 0.3, 12);
    expect(fargateUsdPerHour({ cpu: 1024, memory: 2048, architecture: 'arm64', spot: false })).toBeCloseTo(0.03238 + 2 * 0.00356, 12);
    expect(fargateUsdPerHour({ cpu: 1024, memory: 2048, architecture: 'x86_64', spot: false, ephemeralStorageGiB: 30 })).toBeCloseTo(0.04048 + 2 * 0.004445 + 10 * 0.000111, 12);
  });

  it('an m5.large billed from running to shutting-down at the catalogue price ($0.096 for one hour), under its provider', () => {
    const sim = createSimulation({ seed: 4, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'demo' });
    const [id] = sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large' }).instanceIds;
    sim.runUntil((s) => s.state.ec2Instances[id].state === 'running', { maxMs: 60_000 });
    sim.advance(HOUR);
    expect(costReport(sim.state as SimState).byCapacityProvider.EC2.usdPerHour).toBe(0.096);
    sim.infra.terminateInstance(id);
    sim.advance(HOUR);
    const r = costReport(sim.state as SimState);
    expect(r.total).toEqual({ usdPerHour: 0, usdSoFar: expect.closeTo(0.096, 12) });
    const series = costSeries(sim.state as SimState, { everyMs: 30 * 60_000 });
    expect(series[0]).toEqual({ at: 0, usdPerHour: 0, usdSoFar: 0 });
    expect(series.at(-1)!.usdSoFar).toBeCloseTo(0.096, 12);
    // Every 30 minutes from 0, and now (2 h after the instance started running).
    expect(series.map((s) => s.usdPerHour)).toEqual([0, 0.096, 0.096, 0, 0, 0]);
  });

  it('tasks that expired from the state keep their cost in the ledger', () => {
    const sim = fargateWorld();
    const state = sim.state as SimState;
    const arn = sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', launchType: 'FARGATE', networkConfiguration: awsvpc }).tasks![0].taskArn!;
    sim.advance(10 * 60_000);
    sim.ecs.stopTask({ cluster: 'f', task: arn });
    sim.advance(60_000);
    const before = costReport(state).total.usdSoFar;
    sim.advance(2 * HOUR);
    expect(state.tasks[arn]).toBeUndefined();
    expect(costReport(state).total.usdSoFar).toBeCloseTo(before, 12);
  });
});
