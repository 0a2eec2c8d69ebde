import { describe, expect, it } from 'vitest';
import { cpuTracking, desired, scalingWorld } from './testWorld';

const T = { ServiceNamespace: 'ecs', ResourceId: 'service/demo/web', ScalableDimension: 'ecs:service:DesiredCount' } as const;

describe('RegisterScalableTarget / DescribeScalableTargets / DeregisterScalableTarget', () => {
  it('registers an ECS service with min and max, described with the service-linked role and a Date CreationTime', () => {
    const { sim } = scalingWorld({ desiredCount: 1 });
    const { ScalableTargetARN } = sim.applicationAutoScaling.registerScalableTarget({ ...T, MinCapacity: 1, MaxCapacity: 10 });
    expect(ScalableTargetARN).toMatch(/^arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target\/[0-9a-f]{36}$/);
    const out = sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' });
    expect(out).toEqual({
      ScalableTargets: [
        {
          ServiceNamespace: 'ecs',
          ResourceId: 'service/demo/web',
          ScalableDimension: 'ecs:service:DesiredCount',
          MinCapacity: 1,
          MaxCapacity: 10,
          RoleARN: 'arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService',
          CreationTime: new Date(sim.state.epochMs + sim.now()),
          SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
          ScalableTargetARN,
        },
      ],
    });
  });

  it('rejects what Application Auto Scaling rejects, with its error codes', () => {
    const { sim } = scalingWorld({ desiredCount: 1 });
    const aas = sim.applicationAutoScaling;
    expect(() => aas.registerScalableTarget({ ...T, ServiceNamespace: 'dynamodb', MinCapacity: 1, MaxCapacity: 2 })).toThrow(
      expect.objectContaining({ name: 'ValidationException', message: 'Unsupported service namespace: dynamodb. The simulation models the ecs namespace only.' }),
    );
    expect(() => aas.registerScalableTarget({ ...T, ResourceId: 'service/demo/ghost', MinCapacity: 1, MaxCapacity: 2 })).toThrow("ECS service doesn't exist: service/demo/ghost");
    expect(() => aas.registerScalableTarget({ ...T, ResourceId: 'demo/web', MinCapacity: 1, MaxCapacity: 2 })).toThrow(
      'Unsupported resource ID: demo/web. ECS service resource IDs look like service/<cluster-name>/<service-name>.',
    );
    expect(() => aas.registerScalableTarget({ ...T })).toThrow('MinCapacity and MaxCapacity are required to register a new scalable target.');
    expect(() => aas.registerScalableTarget({ ...T, MinCapacity: 5, MaxCapacity: 2 })).toThrow('Minimum capacity (5) cannot be greater than maximum capacity (2).');
    expect(() => aas.putScalingPolicy({ ...T, PolicyName: 'p', PolicyType: 'StepScaling', StepScalingPolicyConfiguration: {} })).toThrow(
      expect.objectContaining({
        name: 'ObjectNotFoundException',
        message: 'No scalable target registered for service namespace: ecs, resource ID: service/demo/web, scalable dimension: ecs:service:DesiredCount',
      }),
    );
  });

  it('an update that raises MinCapacity above the desired count sets the desired count to it', () => {
    const { sim } = scalingWorld({ desiredCount: 1 });
    sim.applicationAutoScaling.registerScalableTarget({ ...T, MinCapacity: 1, MaxCapacity: 10 });
    sim.applicationAutoScaling.registerScalableTarget({ ...T, MinCapacity: 3 });
    expect(desired(sim)).toBe(3);
    const [a] = sim.applicationAutoScaling.describeScalingActivities({ ServiceNamespace: 'ecs' }).ScalingActivities as Record<string, unknown>[];
    expect([a.Description, a.Cause, a.StatusCode]).toEqual(['Setting desired count to 3.', 'minimum capacity was set to 3', 'Successful']);
    expect(sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' }).ScalableTargets![0]).toMatchObject({ MinCapacity: 3, MaxCapacity: 10 });
  });

  it('deregistering deletes the policies and the alarms target tracking made', () => {
    const { sim } = scalingWorld({ desiredCount: 1 });
    cpuTracking(sim, 1, 4);
    expect(sim.cloudwatch.describeAlarms({}).MetricAlarms).toHaveLength(2);
    sim.applicationAutoScaling.deregisterScalableTarget(T);
    expect(sim.cloudwatch.describeAlarms({}).MetricAlarms).toEqual([]);
    expect(sim.applicationAutoScaling.describeScalingPolicies({ ServiceNamespace: 'ecs' }).ScalingPolicies).toEqual([]);
    expect(() => sim.applicationAutoScaling.deregisterScalableTarget(T)).toThrow(expect.objectContaining({ name: 'ObjectNotFoundException' }));
  });
});

describe('PutScalingPolicy / DescribeScalingPolicies / DeleteScalingPolicy', () => {
  it('a target tracking policy returns its PolicyARN and the two alarms, AWS-named; defaults are filled in', () => {
    const { sim } = scalingWorld({ desiredCount: 1 });
    sim.applicationAutoScaling.registerScalableTarget({ ...T, MinCapacity: 1, MaxCapacity: 10 });
    const out = sim.applicationAutoScaling.putScalingPolicy({
      ...T,
      PolicyName: 'cpu75-target-tracking-scaling-policy',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 75, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
    });
    expect(out.PolicyARN).toMatch(
      /^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/demo\/web:policyName\/cpu75-target-tracking-scaling-policy$/,
    );
    expect(out.Alarms!.map((a) => a.AlarmName.replace(/[0-9a-f-]{36}$/, '<uuid>'))).toEqual([
      'TargetTracking-service/demo/web-AlarmHigh-<uuid>',
      'TargetTracking-service/demo/web-AlarmLow-<uuid>',
    ]);
    expect(out.Alarms![0].AlarmARN).toBe(`arn:aws:cloudwatch:us-east-1:123456789012:alarm:${out.Alarms![0].AlarmName}`);
    const [p] = sim.applicationAutoScaling.describeScalingPolicies({ ServiceNamespace: 'ecs', ResourceId: 'service/demo/web' }).ScalingPolicies as Record<string, unknown>[];
    expect(p.TargetTrackingScalingPolicyConfiguration).toEqual({
      TargetValue: 75,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
      ScaleOutCooldown: 300,
      ScaleInCooldown: 300,
      DisableScaleIn: false,
    });
    const alarms = sim.cloudwatch.describeAlarms({}).MetricAlarms;
    expect(alarms.map((a) => [a.ComparisonOperator, a.Threshold, a.EvaluationPeriods, a.DatapointsToAlarm, a.StateValue])).toEqual([
      ['GreaterThanThreshold', 75, 3, 3, 'INSUFFICIENT_DATA'],
      ['LessThanThreshold', 67.5, 15, 15, 'INSUFFICIENT_DATA'],
    ]);
  });

  it('ALBRequestCountPerTarget needs a ResourceLabel; memory and request count policies track their metric', () => {
    const { sim } = scalingWorld({ desiredCount: 2 });
    sim.applicationAutoScaling.registerScalableTarget({ ...T, MinCapacity: 1, MaxCapacity: 10 });
    const put = (name: string, spec: Record<string, unknown>, value: number) =>
      sim.applicationAutoScaling.putScalingPolicy({ ...T, PolicyName: name, PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: value, PredefinedMetricSpecification: spec } });
    expect(() => put('rpt', { PredefinedMetricType: 'ALBRequestCountPerTarget' }, 1000)).toThrow('ResourceLabel is required for the predefined metric type ALBRequestCountPerTarget.');
    put('rpt', { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: 'app/web-lb/0123456789abcdef/targetgroup/web-tg/fedcba9876543210' }, 1000);
    // The service is behind no load balancer: no RequestCountPerTarget datapoints, so no scaling
    // (the scaling itself is in elbScaling.test.ts).
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 50 } });
    sim.advance(4 * 60_000 + 1 - sim.now());
    expect(desired(sim)).toBe(2);
    const high = sim.cloudwatch.describeAlarms({}).MetricAlarms[0];
    expect(high.StateValue).toBe('INSUFFICIENT_DATA');
    expect([high.Namespace, high.MetricName, high.Statistic, high.Dimensions]).toEqual([
      'AWS/ApplicationELB',
      'RequestCountPerTarget',
      'Sum',
      [{ Name: 'TargetGroup', Value: 'targetgroup/web-tg/fedcba9876543210' }],
    ]);
  });

  it('validates step adjustments as documented', () => {
    const { sim } = scalingWorld({ desiredCount: 1 });
    sim.applicationAutoScaling.registerScalableTarget({ ...T, MinCapacity: 1, MaxCapacity: 10 });
    const put = (cfg: Record<string, unknown>) => sim.applicationAutoScaling.putScalingPolicy({ ...T, PolicyName: 's', PolicyType: 'StepScaling', StepScalingPolicyConfiguration: cfg });
    expect(() => put({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [] })).toThrow('StepAdjustments must contain at least one step adjustment.');
    expect(() => put({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ ScalingAdjustment: 1 }] })).toThrow('A step adjustment cannot have both a null lower bound and a null upper bound.');
    expect(() =>
      put({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 2 }] }),
    ).toThrow('Step adjustments must not overlap or have a gap between them.');
    expect(() => put({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }] })).toThrow(
      'Step adjustments must cover the metric range to infinity on the side of the threshold they use.',
    );
    expect(() => put({ AdjustmentType: 'ChangeInCapacity', MinAdjustmentMagnitude: 2, StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] })).toThrow(
      'MinAdjustmentMagnitude is only supported with the adjustment type PercentChangeInCapacity.',
    );
    put({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] });
    const [p] = sim.applicationAutoScaling.describeScalingPolicies({ ServiceNamespace: 'ecs' }).ScalingPolicies as Record<string, unknown>[];
    expect(p.StepScalingPolicyConfiguration).toEqual({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }], Cooldown: 300, MetricAggregationType: 'Average' });
    expect(p.Alarms).toEqual([]);
  });

  it('DeleteScalingPolicy removes a policy and its managed alarms; an unknown one is ObjectNotFoundException', () => {
    const { sim } = scalingWorld({ desiredCount: 1 });
    cpuTracking(sim, 1, 4);
    sim.applicationAutoScaling.deleteScalingPolicy({ ...T, PolicyName: 'cpu50' });
    expect(sim.cloudwatch.describeAlarms({}).MetricAlarms).toEqual([]);
    expect(() => sim.applicationAutoScaling.deleteScalingPolicy({ ...T, PolicyName: 'cpu50' })).toThrow(
      'No scaling policy found for service namespace: ecs, resource ID: service/demo/web, scalable dimension: ecs:service:DesiredCount: cpu50',
    );
  });

  it('alarms a target tracking policy manages cannot be changed or deleted through CloudWatch', () => {
    const { sim } = scalingWorld({ desiredCount: 1 });
    cpuTracking(sim, 1, 4);
    const name = String(sim.cloudwatch.describeAlarms({}).MetricAlarms[0].AlarmName);
    expect(() => sim.cloudwatch.deleteAlarms({ AlarmNames: [name] })).toThrow(`Alarm ${name} is managed by a target tracking scaling policy; delete the policy instead.`);
  });

  it('reads are not journaled; writes are, under their own API name', () => {
    const { sim } = scalingWorld({ desiredCount: 1 });
    const before = sim.state.journal.length;
    cpuTracking(sim, 1, 4);
    sim.applicationAutoScaling.describeScalableTargets({ ServiceNamespace: 'ecs' });
    sim.cloudwatch.describeAlarms({});
    expect(sim.state.journal.slice(before).map((j) => `${j.api}.${j.operation}`)).toEqual(['applicationAutoScaling.registerScalableTarget', 'applicationAutoScaling.putScalingPolicy']);
  });
});
