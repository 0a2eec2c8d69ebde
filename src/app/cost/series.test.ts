import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costReport, createSimulation, type CostLine } from '../../core';
import type { SimState } from '../../core/engine/state';
import { lineFigures } from '../../core/capacity/cost';
import { costSplitSeries, kindOf, MAX_SAMPLES, sampleTimes } from './series';

const awsvpc = { awsvpcConfiguration: { subnets: ['subnet-a'] } };

describe('cost series for the plot', () => {
  it('samples from 0 to now in whole-second steps, never more than MAX_SAMPLES + 1 points', () => {
    expect(sampleTimes(0)).toEqual([0]);
    expect(sampleTimes(2_500, 5)).toEqual([0, 1000, 2000, 2500]);
    expect(sampleTimes(600_000, 7)).toEqual([0, 100_000, 200_000, 300_000, 400_000, 500_000, 600_000]);
    const many = sampleTimes(7 * 24 * 3_600_000);
    expect(many.length).toBeLessThanOrEqual(MAX_SAMPLES + 1);
    expect(many.at(-1)).toBe(7 * 24 * 3_600_000);
  });

  it('splits lines into EC2 (instances), Fargate and Fargate Spot (tasks by capacity provider)', () => {
    const base = { id: 'x', clusterName: 'c', start: 0, usdPerHour: 1 };
    expect(kindOf({ ...base, kind: 'instance', capacityProvider: 'EC2' })).toBe('ec2');
    expect(kindOf({ ...base, kind: 'instance', capacityProvider: 'my-asg-provider' })).toBe('ec2');
    expect(kindOf({ ...base, kind: 'task', capacityProvider: 'FARGATE' })).toBe('fargate');
    expect(kindOf({ ...base, kind: 'task', capacityProvider: 'FARGATE_SPOT' })).toBe('spot');
  });

  it('a Fargate + Spot service and an EC2 instance: the last sample equals the core meter now, by kind', () => {
    const sim = createSimulation({ seed: 4, timingProfile: 'fast' });
    sim.ecs.createCluster({ clusterName: 'f', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] });
    sim.ecs.registerTaskDefinition({ family: 'api', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '512', memory: '1024', containerDefinitions: [{ name: 'web', image: 'nginx' }] });
    sim.infra.launchInstances({ cluster: 'f', instanceType: 'm5.large', count: 1 });
    sim.advance(60_000);
    sim.ecs.createService({
      cluster: 'f',
      serviceName: 's',
      taskDefinition: 'api',
      desiredCount: 4,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      networkConfiguration: awsvpc,
    });
    sim.advance(10 * 60_000);
    const report = costReport(sim.state as SimState);
    const series = costSplitSeries(report.lines, sim.now());
    const last = series.at(-1)!;
    expect(last.at).toBe(sim.now());
    expect(last.ec2).toBeCloseTo(report.byCapacityProvider.EC2.usdPerHour, 12);
    expect(last.fargate).toBeCloseTo(report.byCapacityProvider.FARGATE.usdPerHour, 12);
    expect(last.spot).toBeCloseTo(report.byCapacityProvider.FARGATE_SPOT.usdPerHour, 12);
    expect(last.ec2 + last.fargate + last.spot).toBeCloseTo(report.total.usdPerHour, 12);
    expect(series[0]).toEqual({ at: 0, ec2: 0, fargate: 0, spot: 0 });
  });

  it('every sample equals the sum of the core line figures at that time (random lines)', () => {
    const line = fc.record({
      kind: fc.constantFrom<'task' | 'instance'>('task', 'instance'),
      capacityProvider: fc.constantFrom('FARGATE', 'FARGATE_SPOT', 'EC2'),
      start: fc.integer({ min: 0, max: 100_000 }),
      length: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
      usdPerHour: fc.double({ min: 0.001, max: 5, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 0, max: 250_000 }), fc.integer({ min: 2, max: 50 }), (raw, now, max) => {
        const lines: CostLine[] = raw.map((l, i) => ({
          kind: l.kind,
          id: `l${i}`,
          clusterName: 'c',
          capacityProvider: l.capacityProvider,
          start: l.start,
          usdPerHour: l.usdPerHour,
          ...(l.length === undefined ? {} : { end: l.start + l.length }),
        }));
        for (const sample of costSplitSeries(lines, now, max)) {
          const expected = { ec2: 0, fargate: 0, spot: 0 };
          for (const l of lines) expected[kindOf(l)] += lineFigures(l, sample.at).usdPerHour;
          expect(sample.ec2).toBeCloseTo(expected.ec2, 6);
          expect(sample.fargate).toBeCloseTo(expected.fargate, 6);
          expect(sample.spot).toBeCloseTo(expected.spot, 6);
        }
      }),
      { numRuns: 200 },
    );
  });
});
