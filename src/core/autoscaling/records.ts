/**
 * What the Service Auto Scaling model stores (plain JSON, in SimState.autoscaling): load profiles the
 * learner set, the 1-minute metric datapoints per service, CloudWatch alarms (the ones target tracking
 * manages and the ones a learner creates for step scaling), scalable targets with their policies, and
 * the scaling activities. Times are virtual ms. Choices: docs/service-auto-scaling.md.
 */
import type { SimState } from '../engine/state';

/** Requests per second a service receives, as plain JSON (times relative to when the profile was set). */
export type LoadProfile =
  | { type: 'constant'; rps: number }
  | { type: 'ramp'; from: number; to: number; durationMs: number }
  | { type: 'spike'; base: number; peak: number; atMs: number; durationMs: number }
  | { type: 'wave'; min: number; max: number; periodMs: number };

export interface LoadRecord {
  profile: LoadProfile;
  /** virtual ms the profile was set; the profile's times count from here */
  since: number;
}

/** One CloudWatch-style datapoint of a service: the minute ending at `at`. */
export interface MetricPoint {
  at: number;
  /** ECS CPUUtilization / MemoryUtilization (Average, %), null when no task was RUNNING */
  cpu: number | null;
  memory: number | null;
  /** requests the service received in the minute (its target groups' counters, else its load profile) */
  requestCount: number;
  /** RequestCountPerTarget: requestCount over the healthy targets; null without a load balancer or a healthy target */
  requestCountPerTarget: number | null;
  desired: number;
  running: number;
}

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
export type ComparisonOperator = 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
/** the metrics the model produces: AWS/ECS CPUUtilization, MemoryUtilization; AWS/ApplicationELB RequestCountPerTarget */
export type MetricName = 'CPUUtilization' | 'MemoryUtilization' | 'RequestCountPerTarget';

export interface AlarmRecord {
  alarmName: string;
  alarmArn: string;
  namespace: string;
  metricName: MetricName;
  /** the ECS service the metric is about */
  clusterName: string;
  serviceName: string;
  /** extra dimensions as given (TargetGroup for RequestCountPerTarget) */
  dimensions: { Name: string; Value: string }[];
  statistic: 'Average' | 'Sum' | 'Minimum' | 'Maximum' | 'SampleCount';
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparisonOperator: ComparisonOperator;
  alarmActions: string[];
  actionsEnabled: boolean;
  state: AlarmState;
  stateReason: string;
  stateUpdatedAt: number;
  /** set for the alarms a target tracking policy created and manages (its PolicyARN) */
  managedBy?: string;
  description?: string;
}

export interface StepAdjustmentRecord {
  MetricIntervalLowerBound?: number;
  MetricIntervalUpperBound?: number;
  ScalingAdjustment: number;
}

export type AdjustmentType = 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';
export type PredefinedMetricType = 'ECSServiceAverageCPUUtilization' | 'ECSServiceAverageMemoryUtilization' | 'ALBRequestCountPerTarget';

export interface StepScalingConfigRecord {
  AdjustmentType: AdjustmentType;
  StepAdjustments: StepAdjustmentRecord[];
  MinAdjustmentMagnitude?: number;
  Cooldown: number;
  MetricAggregationType: 'Average' | 'Minimum' | 'Maximum';
}

export interface TargetTrackingConfigRecord {
  TargetValue: number;
  PredefinedMetricSpecification: { PredefinedMetricType: PredefinedMetricType; ResourceLabel?: string };
  ScaleOutCooldown: number;
  ScaleInCooldown: number;
  DisableScaleIn: boolean;
}

export interface PolicyRecord {
  policyArn: string;
  policyName: string;
  resourceId: string;
  policyType: 'StepScaling' | 'TargetTrackingScaling';
  step?: StepScalingConfigRecord;
  targetTracking?: TargetTrackingConfigRecord;
  /** target tracking: the alarms it manages (high first); names as AWS forms them */
  alarmNames: string[];
  createdAt: number;
}

export interface SuspendedStateRecord {
  DynamicScalingInSuspended: boolean;
  DynamicScalingOutSuspended: boolean;
  ScheduledScalingSuspended: boolean;
}

export interface ScalableTargetRecord {
  /** `service/<cluster>/<service>` */
  resourceId: string;
  clusterName: string;
  serviceName: string;
  scalableTargetArn: string;
  minCapacity: number;
  maxCapacity: number;
  roleArn: string;
  suspendedState: SuspendedStateRecord;
  createdAt: number;
  /** policies by name, in the order they were first put */
  policies: Record<string, PolicyRecord>;
  /** the last scale-out: when, and the capacity it started from (cooldown accounting) */
  lastScaleOut?: { at: number; from: number };
  lastScaleIn?: { at: number };
  /** the last not-scaled reason recorded since the last scaling (one activity per episode) */
  lastNotScaled?: string;
}

export type ActivityStatusCode = 'Pending' | 'InProgress' | 'Successful' | 'Overridden' | 'Unfulfilled' | 'Failed';

export interface ActivityRecord {
  activityId: string;
  resourceId: string;
  description: string;
  cause: string;
  startTime: number;
  endTime?: number;
  statusCode: ActivityStatusCode;
  statusMessage?: string;
  notScaledReasons?: { Code: string; MaxCapacity?: number; MinCapacity?: number; CurrentCapacity?: number }[];
}

export interface AutoscalingState {
  /** load profiles by service ARN */
  loads: Record<string, LoadRecord>;
  /** datapoints by service ARN, oldest first, at most SERIES_KEPT */
  series: Record<string, MetricPoint[]>;
  /** CloudWatch alarms by name */
  alarms: Record<string, AlarmRecord>;
  /** scalable targets by ResourceId */
  targets: Record<string, ScalableTargetRecord>;
  /** scaling activities, newest first, at most ACTIVITIES_KEPT per scalable target */
  activities: ActivityRecord[];
  /** whether the minute tick is booked */
  ticking: boolean;
  /** whether the 10-second load step (drive.ts) is booked; absent in older snapshots */
  driving?: boolean;
  /**
   * per service ARN: the load balancer's request counters of its targets at the last datapoint
   * (elbRequests.ts), to take each minute's requests as a difference; absent in older snapshots
   */
  requestMarks?: Record<string, Record<string, number>>;
}

/** Datapoints kept per service: three virtual hours of minutes. */
export const SERIES_KEPT = 180;
/** Scaling activities kept per scalable target (AWS keeps six weeks; DescribeScalingActivities pages them). */
export const ACTIVITIES_KEPT = 100;

export function createAutoscalingState(): AutoscalingState {
  return { loads: {}, series: {}, alarms: {}, targets: {}, activities: [], ticking: false };
}

/** The area's state; created on first use for states from before it existed. */
export function autoscalingOf(state: SimState): AutoscalingState {
  return (state.autoscaling ??= createAutoscalingState());
}
