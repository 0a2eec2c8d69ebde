/**
 * PutScalingPolicy, DeleteScalingPolicy, DescribeScalingPolicies. A target tracking policy creates the
 * two CloudWatch alarms Application Auto Scaling manages for it (only the high one with DisableScaleIn):
 * AlarmHigh — metric above the target for 3 of 3 one-minute datapoints; AlarmLow — metric below 90 % of
 * the target for 15 of 15. A step scaling policy is invoked by alarms the learner creates with
 * `sim.cloudwatch.putMetricAlarm` whose AlarmActions name its PolicyARN.
 */
import { partitionOf } from '../engine/arn';
import { newUuid } from '../engine/ids';
import { emit, toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { AutoScalingError } from './errors';
import { AlarmReasons, AutoScalingMessages, AutoscalingEvents } from './messages';
import {
  autoscalingOf,
  type AdjustmentType,
  type AlarmRecord,
  type MetricName,
  type PolicyRecord,
  type PredefinedMetricType,
  type ScalableTargetRecord,
  type StepAdjustmentRecord,
  type StepScalingConfigRecord,
  type TargetTrackingConfigRecord,
} from './records';
import { asRaw, optBool, optInt, optStr, page, reqStr, type Raw } from './request';
import { checkNamespace, DIMENSION, NAMESPACE, targetOf } from './targets';

/** Cooldown default for ECS services (seconds). */
export const DEFAULT_COOLDOWN_S = 300;
export const HIGH_DATAPOINTS = 3;
export const LOW_DATAPOINTS = 15;
export const LOW_THRESHOLD_SHARE = 0.9;
const MAX_COOLDOWN_S = 31_536_000;
const POLICY_NAME = /^[^:/]{1,256}$/;

const PREDEFINED: Record<PredefinedMetricType, MetricName> = {
  ECSServiceAverageCPUUtilization: 'CPUUtilization',
  ECSServiceAverageMemoryUtilization: 'MemoryUtilization',
  ALBRequestCountPerTarget: 'RequestCountPerTarget',
};

function cooldown(r: Raw, member: string): number {
  return optInt(r, member, AutoScalingMessages.cooldown(member), 0, MAX_COOLDOWN_S) ?? DEFAULT_COOLDOWN_S;
}

function targetTrackingConfig(raw: unknown): TargetTrackingConfigRecord {
  if (!raw || typeof raw !== 'object') throw new AutoScalingError('ValidationException', AutoScalingMessages.targetConfigRequired);
  const r = asRaw(raw);
  const value = r.TargetValue;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new AutoScalingError('ValidationException', AutoScalingMessages.targetValue);
  const spec = r.PredefinedMetricSpecification;
  if (!spec || typeof spec !== 'object') throw new AutoScalingError('ValidationException', AutoScalingMessages.predefinedRequired);
  const s = asRaw(spec);
  const type = reqStr(s, 'PredefinedMetricType');
  if (!(type in PREDEFINED)) throw new AutoScalingError('ValidationException', AutoScalingMessages.predefinedType(type));
  const label = optStr(s, 'ResourceLabel');
  if (type === 'ALBRequestCountPerTarget' && label === undefined) throw new AutoScalingError('ValidationException', AutoScalingMessages.resourceLabel);
  const predefined: TargetTrackingConfigRecord['PredefinedMetricSpecification'] = { PredefinedMetricType: type as PredefinedMetricType };
  if (label !== undefined) predefined.ResourceLabel = label;
  return {
    TargetValue: value,
    PredefinedMetricSpecification: predefined,
    ScaleOutCooldown: cooldown(r, 'ScaleOutCooldown'),
    ScaleInCooldown: cooldown(r, 'ScaleInCooldown'),
    DisableScaleIn: optBool(r, 'DisableScaleIn') ?? false,
  };
}

function bound(v: unknown): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new AutoScalingError('ValidationException', AutoScalingMessages.stepOverlap);
  return v;
}

/** The documented rules: no overlap or gap, one open end per side, not both ends open, infinity reached on each side used. */
function checkSteps(steps: StepAdjustmentRecord[]): StepAdjustmentRecord[] {
  if (steps.length === 0) throw new AutoScalingError('ValidationException', AutoScalingMessages.stepsRequired);
  for (const s of steps) {
    if (s.MetricIntervalLowerBound === undefined && s.MetricIntervalUpperBound === undefined) throw new AutoScalingError('ValidationException', AutoScalingMessages.stepBothNull);
    if (s.MetricIntervalLowerBound !== undefined && s.MetricIntervalUpperBound !== undefined && s.MetricIntervalLowerBound >= s.MetricIntervalUpperBound) {
      throw new AutoScalingError('ValidationException', AutoScalingMessages.stepOverlap);
    }
  }
  const sorted = [...steps].sort((a, b) => (a.MetricIntervalLowerBound ?? -Infinity) - (b.MetricIntervalLowerBound ?? -Infinity));
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i - 1].MetricIntervalUpperBound ?? Infinity) !== sorted[i].MetricIntervalLowerBound) throw new AutoScalingError('ValidationException', AutoScalingMessages.stepOverlap);
  }
  const lo = sorted[0].MetricIntervalLowerBound;
  const hi = sorted[sorted.length - 1].MetricIntervalUpperBound;
  if ((lo !== undefined && lo < 0) || (hi !== undefined && hi > 0)) throw new AutoScalingError('ValidationException', AutoScalingMessages.stepInfinity);
  return steps;
}

function stepConfig(raw: unknown): StepScalingConfigRecord {
  if (!raw || typeof raw !== 'object') throw new AutoScalingError('ValidationException', AutoScalingMessages.stepConfigRequired);
  const r = asRaw(raw);
  const type = reqStr(r, 'AdjustmentType');
  if (!['ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity'].includes(type)) throw new AutoScalingError('ValidationException', AutoScalingMessages.adjustmentType(type));
  const list = Array.isArray(r.StepAdjustments) ? (r.StepAdjustments as unknown[]) : [];
  const steps = checkSteps(
    list.map((x) => {
      const s = asRaw(x);
      const adj = s.ScalingAdjustment;
      if (typeof adj !== 'number' || !Number.isInteger(adj)) throw new AutoScalingError('ValidationException', AutoScalingMessages.stepInteger);
      const out: StepAdjustmentRecord = { ScalingAdjustment: adj };
      const lo = bound(s.MetricIntervalLowerBound);
      const hi = bound(s.MetricIntervalUpperBound);
      if (lo !== undefined) out.MetricIntervalLowerBound = lo;
      if (hi !== undefined) out.MetricIntervalUpperBound = hi;
      return out;
    }),
  );
  const magnitude = optInt(r, 'MinAdjustmentMagnitude', AutoScalingMessages.minMagnitude, 1);
  if (magnitude !== undefined && type !== 'PercentChangeInCapacity') throw new AutoScalingError('ValidationException', AutoScalingMessages.minMagnitude);
  const aggregation = optStr(r, 'MetricAggregationType') ?? 'Average';
  if (!['Average', 'Minimum', 'Maximum'].includes(aggregation)) throw new AutoScalingError('ValidationException', AutoScalingMessages.aggregation(aggregation));
  const out: StepScalingConfigRecord = {
    AdjustmentType: type as AdjustmentType,
    StepAdjustments: steps,
    Cooldown: cooldown(r, 'Cooldown'),
    MetricAggregationType: aggregation as StepScalingConfigRecord['MetricAggregationType'],
  };
  if (magnitude !== undefined) out.MinAdjustmentMagnitude = magnitude;
  return out;
}

const alarmArn = (state: SimState, name: string) => `arn:${partitionOf(state.region)}:cloudwatch:${state.region}:${state.accountId}:alarm:${name}`;

/** Creates or updates the alarms a target tracking policy manages. */
function manageAlarms(state: SimState, target: ScalableTargetRecord, policy: PolicyRecord, cfg: TargetTrackingConfigRecord): void {
  const book = autoscalingOf(state);
  const metricName = PREDEFINED[cfg.PredefinedMetricSpecification.PredefinedMetricType];
  const rpt = metricName === 'RequestCountPerTarget';
  const wanted: ('High' | 'Low')[] = cfg.DisableScaleIn ? ['High'] : ['High', 'Low'];
  const names: string[] = [];
  for (const kind of wanted) {
    const existing = policy.alarmNames.find((n) => n.startsWith(`TargetTracking-${target.resourceId}-Alarm${kind}-`));
    const name = existing ?? `TargetTracking-${target.resourceId}-Alarm${kind}-${newUuid(state.rng)}`;
    const old = book.alarms[name];
    const alarm: AlarmRecord = {
      alarmName: name,
      alarmArn: alarmArn(state, name),
      namespace: rpt ? 'AWS/ApplicationELB' : 'AWS/ECS',
      metricName,
      clusterName: target.clusterName,
      serviceName: target.serviceName,
      dimensions: rpt
        ? [{ Name: 'TargetGroup', Value: cfg.PredefinedMetricSpecification.ResourceLabel!.replace(/^.*?(targetgroup\/)/, '$1') }]
        : [
            { Name: 'ClusterName', Value: target.clusterName },
            { Name: 'ServiceName', Value: target.serviceName },
          ],
      statistic: rpt ? 'Sum' : 'Average',
      period: 60,
      evaluationPeriods: kind === 'High' ? HIGH_DATAPOINTS : LOW_DATAPOINTS,
      datapointsToAlarm: kind === 'High' ? HIGH_DATAPOINTS : LOW_DATAPOINTS,
      threshold: kind === 'High' ? cfg.TargetValue : cfg.TargetValue * LOW_THRESHOLD_SHARE,
      comparisonOperator: kind === 'High' ? 'GreaterThanThreshold' : 'LessThanThreshold',
      alarmActions: [policy.policyArn],
      actionsEnabled: true,
      state: old?.state ?? 'INSUFFICIENT_DATA',
      stateReason: old?.stateReason ?? AlarmReasons.insufficient,
      stateUpdatedAt: old?.stateUpdatedAt ?? state.now,
      managedBy: policy.policyArn,
      description: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policy.policyArn}.`,
    };
    book.alarms[name] = alarm;
    names.push(name);
  }
  for (const n of policy.alarmNames) if (!names.includes(n)) delete book.alarms[n];
  policy.alarmNames = names;
}

export function putScalingPolicy(state: SimState, input: unknown): { PolicyARN: string; Alarms?: { AlarmName: string; AlarmARN: string }[] } {
  const r = asRaw(input);
  const policyName = reqStr(r, 'PolicyName');
  if (!POLICY_NAME.test(policyName)) throw new AutoScalingError('ValidationException', AutoScalingMessages.policyName);
  checkNamespace(r);
  const target = targetOf(state, reqStr(r, 'ResourceId'));
  const type = optStr(r, 'PolicyType') ?? 'StepScaling';
  if (type !== 'StepScaling' && type !== 'TargetTrackingScaling') throw new AutoScalingError('ValidationException', AutoScalingMessages.policyType(type));
  const existing = target.policies[policyName];
  if (existing && existing.policyType !== type) throw new AutoScalingError('ValidationException', AutoScalingMessages.policyTypeChange);
  const tt = type === 'TargetTrackingScaling' ? targetTrackingConfig(r.TargetTrackingScalingPolicyConfiguration) : undefined;
  const step = type === 'StepScaling' ? stepConfig(r.StepScalingPolicyConfiguration) : undefined;
  const policy: PolicyRecord = existing ?? {
    policyArn: `arn:${partitionOf(state.region)}:autoscaling:${state.region}:${state.accountId}:scalingPolicy:${newUuid(state.rng)}:resource/ecs/${target.resourceId}:policyName/${policyName}`,
    policyName,
    resourceId: target.resourceId,
    policyType: type,
    alarmNames: [],
    createdAt: state.now,
  };
  if (tt) policy.targetTracking = tt;
  if (step) policy.step = step;
  target.policies[policyName] = policy;
  if (tt) manageAlarms(state, target, policy, tt);
  emit(state, 'autoscaling.policyPut', AutoscalingEvents.policyPut(target.resourceId, policyName, type), {
    resource: policy.policyArn,
    data: { resourceId: target.resourceId, policyName, policyType: type },
  });
  if (!tt) return { PolicyARN: policy.policyArn };
  return { PolicyARN: policy.policyArn, Alarms: policyAlarms(state, policy) };
}

function policyAlarms(state: SimState, policy: PolicyRecord): { AlarmName: string; AlarmARN: string }[] {
  const book = autoscalingOf(state);
  if (policy.targetTracking) return policy.alarmNames.map((n) => ({ AlarmName: n, AlarmARN: alarmArn(state, n) }));
  return Object.keys(book.alarms)
    .sort()
    .filter((n) => book.alarms[n].alarmActions.includes(policy.policyArn))
    .map((n) => ({ AlarmName: n, AlarmARN: book.alarms[n].alarmArn }));
}

export function deleteScalingPolicy(state: SimState, input: unknown): Record<string, never> {
  const r = asRaw(input);
  const policyName = reqStr(r, 'PolicyName');
  checkNamespace(r);
  const resourceId = reqStr(r, 'ResourceId');
  const target = targetOf(state, resourceId);
  const policy = target.policies[policyName];
  if (!policy) throw new AutoScalingError('ObjectNotFoundException', AutoScalingMessages.noPolicy(resourceId, policyName));
  const book = autoscalingOf(state);
  for (const n of policy.alarmNames) delete book.alarms[n];
  delete target.policies[policyName];
  emit(state, 'autoscaling.policyDeleted', AutoscalingEvents.policyDeleted(resourceId, policyName), { resource: policy.policyArn, data: { resourceId, policyName } });
  return {};
}

export function describeScalingPolicies(state: SimState, input: unknown) {
  const r = asRaw(input);
  checkNamespace(r, false);
  const resourceId = optStr(r, 'ResourceId');
  const names = Array.isArray(r.PolicyNames) ? (r.PolicyNames as unknown[]).filter((x): x is string => typeof x === 'string') : undefined;
  const all: PolicyRecord[] = [];
  for (const t of Object.values(autoscalingOf(state).targets)) {
    if (resourceId !== undefined && t.resourceId !== resourceId) continue;
    for (const p of Object.values(t.policies)) if (!names || names.includes(p.policyName)) all.push(p);
  }
  all.sort((a, b) => a.createdAt - b.createdAt || (a.policyArn < b.policyArn ? -1 : 1));
  const { page: items, nextToken } = page(all, r);
  const ScalingPolicies = items.map((p) => {
    const out: Record<string, unknown> = {
      PolicyARN: p.policyArn,
      PolicyName: p.policyName,
      ServiceNamespace: NAMESPACE,
      ResourceId: p.resourceId,
      ScalableDimension: DIMENSION,
      PolicyType: p.policyType,
    };
    if (p.step) out.StepScalingPolicyConfiguration = structuredClone(p.step);
    if (p.targetTracking) out.TargetTrackingScalingPolicyConfiguration = structuredClone(p.targetTracking);
    out.Alarms = policyAlarms(state, p);
    out.CreationTime = toDate(state, p.createdAt);
    return out;
  });
  return nextToken ? { ScalingPolicies, NextToken: nextToken } : { ScalingPolicies };
}
