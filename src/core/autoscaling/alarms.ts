/**
 * CloudWatch alarms over the model's datapoints: M out of N (DatapointsToAlarm of EvaluationPeriods)
 * one-minute datapoints beyond the threshold put an alarm in ALARM; missing datapoints (no RUNNING
 * task) are left out, and an alarm with none in its window is INSUFFICIENT_DATA. An alarm in ALARM
 * invokes its scaling-policy actions at every evaluation, once a minute, while it stays there (the
 * documented exception CloudWatch makes for Auto Scaling actions).
 */
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { AlarmReasons, AutoscalingEvents, ComparisonWords } from './messages';
import type { AlarmRecord, AlarmState, ComparisonOperator, MetricName, MetricPoint } from './records';

export const PERIOD_MS = 60_000;

export function valueOf(point: MetricPoint, metric: MetricName): number | null {
  if (metric === 'CPUUtilization') return point.cpu;
  if (metric === 'MemoryUtilization') return point.memory;
  return point.requestCountPerTarget;
}

export function breaches(value: number, op: ComparisonOperator, threshold: number): boolean {
  switch (op) {
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
  }
}

/** The alarm's datapoint values in its evaluation window (oldest first, missing ones left out). */
export function windowValues(alarm: AlarmRecord, series: readonly MetricPoint[], now: number): number[] {
  const from = now - alarm.evaluationPeriods * PERIOD_MS;
  const out: number[] = [];
  for (const p of series) {
    if (p.at <= from || p.at > now) continue;
    const v = valueOf(p, alarm.metricName);
    if (v !== null) out.push(v);
  }
  return out;
}

/** Evaluates the alarm against the series; records and logs a state change. */
export function evaluateAlarm(state: SimState, alarm: AlarmRecord, series: readonly MetricPoint[]): AlarmState {
  const values = windowValues(alarm, series, state.now);
  const word = ComparisonWords[alarm.comparisonOperator];
  let next: AlarmState;
  let reason: string;
  if (values.length === 0) {
    next = 'INSUFFICIENT_DATA';
    reason = AlarmReasons.noData;
  } else {
    const breaching = values.filter((v) => breaches(v, alarm.comparisonOperator, alarm.threshold)).length;
    if (breaching >= alarm.datapointsToAlarm) {
      next = 'ALARM';
      reason = AlarmReasons.breaching(breaching, alarm.evaluationPeriods, values, word, alarm.threshold);
    } else {
      next = 'OK';
      reason = AlarmReasons.notBreaching(alarm.evaluationPeriods, values, word, alarm.threshold);
    }
  }
  if (next !== alarm.state) {
    emit(state, 'autoscaling.alarmStateChange', AutoscalingEvents.alarmState(alarm.alarmName, alarm.state, next), {
      resource: alarm.alarmArn,
      data: { alarmName: alarm.alarmName, from: alarm.state, to: next },
    });
    alarm.state = next;
    alarm.stateUpdatedAt = state.now;
  }
  alarm.stateReason = reason;
  return next;
}
