/**
 * `sim.cloudwatch`: the part of CloudWatch step scaling needs — PutMetricAlarm, DescribeAlarms,
 * DeleteAlarms — over the model's AWS/ECS service metrics (CPUUtilization, MemoryUtilization with the
 * dimensions ClusterName and ServiceName), one datapoint a minute. Target tracking's own alarms show in
 * DescribeAlarms too, and cannot be deleted here.
 */
import { partitionOf } from '../engine/arn';
import { emit, toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { AutoScalingError } from './errors';
import { AlarmReasons, AutoscalingEvents, CloudWatchMessages } from './messages';
import { autoscalingOf, type AlarmRecord, type ComparisonOperator } from './records';
import { asRaw, type Raw } from './request';
import { ensureTick } from './tick';

const OPERATORS: ComparisonOperator[] = ['GreaterThanThreshold', 'GreaterThanOrEqualToThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'];
const STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'] as const;

function str(r: Raw, member: string): string {
  const v = r[member];
  if (typeof v !== 'string' || v === '') throw new AutoScalingError('MissingParameter', CloudWatchMessages.missing(member));
  return v;
}

function int(r: Raw, member: string, fallback?: number): number {
  const v = r[member] ?? fallback;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new AutoScalingError('InvalidParameterValue', CloudWatchMessages.evaluation);
  return v;
}

export function putMetricAlarm(state: SimState, input: unknown): Record<string, never> {
  const r = asRaw(input);
  const alarmName = str(r, 'AlarmName');
  const book = autoscalingOf(state);
  if (book.alarms[alarmName]?.managedBy) throw new AutoScalingError('InvalidParameterValue', CloudWatchMessages.managed(alarmName));
  const namespace = str(r, 'Namespace');
  const metricName = str(r, 'MetricName');
  if (namespace !== 'AWS/ECS' || (metricName !== 'CPUUtilization' && metricName !== 'MemoryUtilization')) {
    throw new AutoScalingError('InvalidParameterValue', CloudWatchMessages.namespace(namespace, metricName));
  }
  const dims = Array.isArray(r.Dimensions) ? (r.Dimensions as unknown[]).map(asRaw) : [];
  const dim = (name: string) => dims.find((d) => d.Name === name)?.Value;
  const clusterName = dim('ClusterName');
  const serviceName = dim('ServiceName');
  if (typeof clusterName !== 'string' || typeof serviceName !== 'string' || dims.length !== 2) throw new AutoScalingError('InvalidParameterValue', CloudWatchMessages.dimensions);
  const period = int(r, 'Period');
  if (period !== 60) throw new AutoScalingError('InvalidParameterValue', CloudWatchMessages.period);
  const evaluationPeriods = int(r, 'EvaluationPeriods');
  const datapointsToAlarm = int(r, 'DatapointsToAlarm', evaluationPeriods);
  if (evaluationPeriods < 1 || evaluationPeriods > 1440 || datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
    throw new AutoScalingError('InvalidParameterValue', CloudWatchMessages.evaluation);
  }
  const op = str(r, 'ComparisonOperator') as ComparisonOperator;
  if (!OPERATORS.includes(op)) throw new AutoScalingError('InvalidParameterValue', CloudWatchMessages.comparison(op));
  const statistic = (r.Statistic ?? 'Average') as AlarmRecord['statistic'];
  if (!STATISTICS.includes(statistic)) throw new AutoScalingError('InvalidParameterValue', CloudWatchMessages.statistic(String(statistic)));
  const threshold = r.Threshold;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) throw new AutoScalingError('InvalidParameterValue', CloudWatchMessages.threshold);
  const actions = Array.isArray(r.AlarmActions) ? (r.AlarmActions as unknown[]).filter((a): a is string => typeof a === 'string') : [];
  const old = book.alarms[alarmName];
  const alarm: AlarmRecord = {
    alarmName,
    alarmArn: `arn:${partitionOf(state.region)}:cloudwatch:${state.region}:${state.accountId}:alarm:${alarmName}`,
    namespace,
    metricName,
    clusterName,
    serviceName,
    dimensions: [
      { Name: 'ClusterName', Value: clusterName },
      { Name: 'ServiceName', Value: serviceName },
    ],
    statistic,
    period,
    evaluationPeriods,
    datapointsToAlarm,
    threshold,
    comparisonOperator: op,
    alarmActions: actions,
    actionsEnabled: r.ActionsEnabled !== false,
    state: old?.state ?? 'INSUFFICIENT_DATA',
    stateReason: old?.stateReason ?? AlarmReasons.insufficient,
    stateUpdatedAt: old?.stateUpdatedAt ?? state.now,
  };
  if (typeof r.AlarmDescription === 'string') alarm.description = r.AlarmDescription;
  book.alarms[alarmName] = alarm;
  emit(state, 'cloudwatch.alarmPut', AutoscalingEvents.alarmPut(alarmName, namespace, metricName, serviceName), { resource: alarm.alarmArn, data: { alarmName } });
  ensureTick(state);
  return {};
}

export function describeAlarms(state: SimState, input: unknown = {}) {
  const r = asRaw(input);
  const names = Array.isArray(r.AlarmNames) ? (r.AlarmNames as unknown[]).filter((x): x is string => typeof x === 'string') : undefined;
  const prefix = typeof r.AlarmNamePrefix === 'string' ? r.AlarmNamePrefix : undefined;
  const book = autoscalingOf(state);
  const MetricAlarms = Object.keys(book.alarms)
    .sort()
    .filter((n) => (!names || names.includes(n)) && (prefix === undefined || n.startsWith(prefix)))
    .map((n) => {
      const a = book.alarms[n];
      const out: Record<string, unknown> = { AlarmName: a.alarmName, AlarmArn: a.alarmArn };
      if (a.description !== undefined) out.AlarmDescription = a.description;
      Object.assign(out, {
        ActionsEnabled: a.actionsEnabled,
        AlarmActions: [...a.alarmActions],
        StateValue: a.state,
        StateReason: a.stateReason,
        StateUpdatedTimestamp: toDate(state, a.stateUpdatedAt),
        MetricName: a.metricName,
        Namespace: a.namespace,
        Statistic: a.statistic,
        Dimensions: a.dimensions.map((d) => ({ ...d })),
        Period: a.period,
        EvaluationPeriods: a.evaluationPeriods,
        DatapointsToAlarm: a.datapointsToAlarm,
        Threshold: a.threshold,
        ComparisonOperator: a.comparisonOperator,
      });
      return out;
    });
  return { MetricAlarms, CompositeAlarms: [] };
}

export function deleteAlarms(state: SimState, input: unknown): Record<string, never> {
  const r = asRaw(input);
  const names = Array.isArray(r.AlarmNames) ? (r.AlarmNames as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const book = autoscalingOf(state);
  for (const n of names) {
    const a = book.alarms[n];
    if (!a) throw new AutoScalingError('ResourceNotFound', CloudWatchMessages.notFound(n));
    if (a.managedBy) throw new AutoScalingError('InvalidParameterValue', CloudWatchMessages.managed(n));
  }
  for (const n of names) {
    emit(state, 'cloudwatch.alarmDeleted', AutoscalingEvents.alarmDeleted(n), { resource: book.alarms[n].alarmArn, data: { alarmName: n } });
    delete book.alarms[n];
  }
  return {};
}

export const cloudWatchOperations = { putMetricAlarm, describeAlarms, deleteAlarms };
