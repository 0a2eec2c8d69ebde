import { describe, expect, it } from 'vitest';
import { applyStep, pickStep, roundPercentChange, trackingCapacity } from './adjustments';
import type { StepAdjustmentRecord, StepScalingConfigRecord } from './records';
import { activityLog, desired, scalingWorld } from './testWorld';

const MIN = 60_000;
const OUT_STEPS: StepAdjustmentRecord[] = [
  { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 0 },
  { MetricIntervalLowerBound: 10, MetricIntervalUpperBound: 20, ScalingAdjustment: 10 },
  { MetricIntervalLowerBound: 20, ScalingAdjustment: 30 },
];
const IN_STEPS: StepAdjustmentRecord[] = [
  { MetricIntervalLowerBound: -10, MetricIntervalUpperBound: 0, ScalingAdjustment: 0 },
  { MetricIntervalLowerBound: -20, MetricIntervalUpperBound: -10, ScalingAdjustment: -10 },
  { MetricIntervalUpperBound: -20, ScalingAdjustment: -30 },
];
const pct = (steps: StepAdjustmentRecord[]): StepScalingConfigRecord => ({ AdjustmentType: 'PercentChangeInCapacity', StepAdjustments: steps, Cooldown: 300, MetricAggregationType: 'Average' });

describe('step adjustments (the user guide example: threshold 50 %, capacity 10)', () => {
  it('above the threshold the lower bound is inclusive and the upper exclusive; below it the other way round', () => {
    expect(pickStep(OUT_STEPS, 10)).toBe(OUT_STEPS[1]);
    expect(pickStep(OUT_STEPS, 9.99)).toBe(OUT_STEPS[0]);
    expect(pickStep(IN_STEPS, -10)).toBe(IN_STEPS[1]);
    expect(pickStep(IN_STEPS, -9.99)).toBe(IN_STEPS[0]);
  });

  it('PercentChangeInCapacity: metric 60 on 10 adds 1; 70 on 11 adds 3 (3.3 down); 40 on 14 removes 1; 30 on 13 removes 3', () => {
    expect(applyStep(pct(OUT_STEPS), pickStep(OUT_STEPS, 60 - 50)!, 10)).toBe(11);
    expect(applyStep(pct(OUT_STEPS), pickStep(OUT_STEPS, 70 - 50)!, 11)).toBe(14);
    expect(applyStep(pct(IN_STEPS), pickStep(IN_STEPS, 40 - 50)!, 14)).toBe(13);
    expect(applyStep(pct(IN_STEPS), pickStep(IN_STEPS, 30 - 50)!, 13)).toBe(10);
  });

  it('rounds percentages as documented: 12.7 → 12, 0.67 → 1, −0.58 → −1, −6.67 → −6', () => {
    expect([12.7, 0.67, -0.58, -6.67, 0].map(roundPercentChange)).toEqual([12, 1, -1, -6, 0]);
  });

  it('MinAdjustmentMagnitude raises a small percentage change: 25 % of 4 with a minimum of 2 adds 2', () => {
    const cfg: StepScalingConfigRecord = { ...pct(OUT_STEPS), MinAdjustmentMagnitude: 2 };
    expect(applyStep(cfg, { MetricIntervalLowerBound: 0, ScalingAdjustment: 25 }, 4)).toBe(6);
  });

  it('ChangeInCapacity adds, ExactCapacity sets', () => {
    const base = { StepAdjustments: [] as StepAdjustmentRecord[], Cooldown: 300, MetricAggregationType: 'Average' as const };
    expect(applyStep({ ...base, AdjustmentType: 'ChangeInCapacity' }, { ScalingAdjustment: 5 }, 3)).toBe(8);
    expect(applyStep({ ...base, AdjustmentType: 'ExactCapacity' }, { ScalingAdjustment: 5 }, 3)).toBe(5);
  });

  it('target tracking asks for ⌈capacity × metric ÷ target⌉', () => {
    expect(trackingCapacity(2, 70.302, 50)).toBe(3);
    expect(trackingCapacity(4, 50, 50)).toBe(4);
    expect(trackingCapacity(9, 17.6, 50)).toBe(4);
  });
});

function stepWorld(desiredCount: number) {
  const world = scalingWorld({ desiredCount });
  const { sim } = world;
  sim.applicationAutoScaling.registerScalableTarget({ ServiceNamespace: 'ecs', ResourceId: 'service/demo/web', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 1, MaxCapacity: 20 });
  return world;
}

function putStep(sim: ReturnType<typeof scalingWorld>['sim'], name: string, config: Record<string, unknown>): string {
  return sim.applicationAutoScaling.putScalingPolicy({
    PolicyName: name,
    ServiceNamespace: 'ecs',
    ResourceId: 'service/demo/web',
    ScalableDimension: 'ecs:service:DesiredCount',
    PolicyType: 'StepScaling',
    StepScalingPolicyConfiguration: config,
  }).PolicyARN;
}

function cpuAlarm(sim: ReturnType<typeof scalingWorld>['sim'], name: string, op: string, threshold: number, policyArn: string, periods = 1): void {
  sim.cloudwatch.putMetricAlarm({
    AlarmName: name,
    Namespace: 'AWS/ECS',
    MetricName: 'CPUUtilization',
    Dimensions: [
      { Name: 'ClusterName', Value: 'demo' },
      { Name: 'ServiceName', Value: 'web' },
    ],
    Statistic: 'Average',
    Period: 60,
    EvaluationPeriods: periods,
    Threshold: threshold,
    ComparisonOperator: op,
    AlarmActions: [policyArn],
  });
}

describe('step scaling driven by a CloudWatch alarm', () => {
  it('ChangeInCapacity steps by the size of the breach; the Cause names the learner’s alarm', () => {
    const { sim } = stepWorld(2);
    // 2 tasks × 256 units at 20 requests/s each: 2 % + 80 % = 82 % → breach 22 → +3
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 40 } });
    sim.advance(2 * MIN + 1 - sim.now());
    const arn = putStep(sim, 'cpu-high', {
      AdjustmentType: 'ChangeInCapacity',
      StepAdjustments: [
        { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
        { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
      ],
    });
    cpuAlarm(sim, 'web-cpu-gt-60', 'GreaterThanThreshold', 60, arn);
    sim.advance(3 * MIN + 1 - sim.now());
    const a = sim.applicationAutoScaling.describeScalingActivities({ ServiceNamespace: 'ecs' }).ScalingActivities![0] as Record<string, unknown>;
    expect([a.Description, a.Cause]).toEqual(['Setting desired count to 5.', 'monitor alarm web-cpu-gt-60 in state ALARM triggered policy cpu-high']);
    expect(desired(sim)).toBe(5);
  });

  it('inside the cooldown a bigger step counts the capacity just added: +2 then +3 adds only 1, and the cooldown runs from the first', () => {
    const { sim } = stepWorld(4);
    // 4 tasks at 12 requests/s: 2 % + 48 % = 50 % → breach 10 → +2
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 48 } });
    sim.advance(2 * MIN + 1 - sim.now());
    const arn = putStep(sim, 'cpu-high', {
      AdjustmentType: 'ChangeInCapacity',
      StepAdjustments: [
        { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 30, ScalingAdjustment: 2 },
        { MetricIntervalLowerBound: 30, ScalingAdjustment: 3 },
      ],
    });
    cpuAlarm(sim, 'web-cpu-gt-40', 'GreaterThanThreshold', 40, arn);
    sim.advance(4 * MIN + 1 - sim.now());
    // 6 tasks at 20 requests/s: 82 % → breach 42 → +3, counted from the 4 before the cooldown began: 7
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 120 } });
    sim.advance(10 * MIN + 1 - sim.now());
    // 7 tasks stay above 70 %: nothing more until the cooldown of the minute-3 activity ends at minute 8, then 7 + 3
    expect(activityLog(sim).map(([m, d]) => [m, d])).toEqual([
      [3, 'Setting desired count to 6.'],
      [5, 'Setting desired count to 7.'],
      [8, 'Setting desired count to 10.'],
    ]);
  });

  it('a scale-in step waits for its cooldown; a scale-in policy runs whatever the target tracking policies say', () => {
    const { sim } = stepWorld(8);
    const arn = putStep(sim, 'cpu-low', { AdjustmentType: 'PercentChangeInCapacity', StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -25 }], Cooldown: 120 });
    cpuAlarm(sim, 'web-cpu-lt-20', 'LessThanThreshold', 20, arn, 2);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 2 } });
    sim.advance(12 * MIN + 1 - sim.now());
    // 8 → 6 (−2) → 5 (−1.5 → −1) → 4 → 3 → 2: one step every 2 minutes, the alarm staying in ALARM
    expect(activityLog(sim).map(([m, d]) => [m, d])).toEqual([
      [2, 'Setting desired count to 6.'],
      [4, 'Setting desired count to 5.'],
      [6, 'Setting desired count to 4.'],
      [8, 'Setting desired count to 3.'],
      [10, 'Setting desired count to 2.'],
      [12, 'Setting desired count to 1.'],
    ]);
  });

  it('ExactCapacity sets the count; the alarm shows in DescribeAlarms with its state', () => {
    const { sim } = stepWorld(2);
    const arn = putStep(sim, 'exact', { AdjustmentType: 'ExactCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 7 }] });
    cpuAlarm(sim, 'web-cpu-gt-30', 'GreaterThanOrEqualToThreshold', 30, arn);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 40 } });
    sim.advance(2 * MIN + 1 - sim.now());
    expect(desired(sim)).toBe(7);
    const alarm = sim.cloudwatch.describeAlarms({ AlarmNames: ['web-cpu-gt-30'] }).MetricAlarms[0];
    // 7 tasks bring the CPU under 30 %: the alarm went to ALARM and back to OK
    expect(alarm).toMatchObject({ AlarmName: 'web-cpu-gt-30', StateValue: 'OK', AlarmActions: [arn], Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Threshold: 30 });
    expect(sim.events.filter((e) => e.type === 'autoscaling.alarmStateChange').map((e) => e.message)).toEqual([
      'Alarm web-cpu-gt-30 changed from INSUFFICIENT_DATA to ALARM.',
      'Alarm web-cpu-gt-30 changed from ALARM to OK.',
    ]);
  });
});
