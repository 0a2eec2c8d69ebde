/**
 * Every text the Service Auto Scaling model writes, in one place: scaling activity descriptions,
 * causes and status messages as DescribeScalingActivities returns them, alarm state reasons, the
 * errors of the Application Auto Scaling and CloudWatch operations, and the event-log lines.
 * Wording marked AWS is quoted from AWS's own examples; the rest is ours (docs/service-auto-scaling.md).
 */

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

export const ActivityTexts = {
  /** AWS: "Setting desired count to 4." */
  description: (n: number) => `Setting desired count to ${n}.`,
  /** AWS: "Successfully set desired count to 1. Change successfully fulfilled by ecs." */
  successful: (n: number) => `Successfully set desired count to ${n}. Change successfully fulfilled by ecs.`,
  /** AWS: "monitor alarm web-app-cpu-lt-25 in state ALARM triggered policy web-app-cpu-lt-25" */
  alarmCause: (alarmName: string, policyName: string) => `monitor alarm ${alarmName} in state ALARM triggered policy ${policyName}`,
  /** AWS (not scaled activities): "Attempting to scale due to alarm triggered" */
  notScaled: 'Attempting to scale due to alarm triggered',
  /** ours (UNVERIFIED): a RegisterScalableTarget update that moves the range past the desired count */
  minCause: (n: number) => `minimum capacity was set to ${n}`,
  maxCause: (n: number) => `maximum capacity was set to ${n}`,
  /** ours: UpdateService refused the change (the service is no longer ACTIVE) */
  failed: (n: number, reason: string) => `Failed to set desired count to ${n}. Reason: ${reason}`,
} as const;

/** CloudWatch alarm state reasons (CloudWatch's "Threshold Crossed" form, without per-datapoint timestamps). */
export const AlarmReasons = {
  insufficient: 'Unchecked: Initial alarm creation',
  breaching: (m: number, n: number, values: readonly number[], word: string, threshold: number) =>
    `Threshold Crossed: ${m} out of the last ${n} datapoints [${values.map(fmt).join(', ')}] were ${word} the threshold (${fmt(threshold)}).`,
  notBreaching: (n: number, values: readonly number[], word: string, threshold: number) =>
    `Threshold Crossed: fewer of the last ${n} datapoints [${values.map(fmt).join(', ')}] than needed were ${word} the threshold (${fmt(threshold)}).`,
  noData: 'Insufficient Data: no datapoints were received for the evaluation periods.',
} as const;

/** Comparison words CloudWatch uses in state reasons. */
export const ComparisonWords = {
  GreaterThanThreshold: 'greater than',
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
} as const;

/** Error texts. AWS where marked; ours otherwise (UNVERIFIED). */
export const AutoScalingMessages = {
  /** AWS */
  noTarget: (resourceId: string) =>
    `No scalable target registered for service namespace: ecs, resource ID: ${resourceId}, scalable dimension: ecs:service:DesiredCount`,
  /** AWS */
  noPolicy: (resourceId: string, policyName: string) =>
    `No scaling policy found for service namespace: ecs, resource ID: ${resourceId}, scalable dimension: ecs:service:DesiredCount: ${policyName}`,
  missing: (member: string) => `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  namespace: (v: string) => `Unsupported service namespace: ${v}. The simulation models the ecs namespace only.`,
  dimension: (v: string) => `Unsupported scalable dimension for service namespace ecs: ${v}`,
  resourceId: (v: string) => `Unsupported resource ID: ${v}. ECS service resource IDs look like service/<cluster-name>/<service-name>.`,
  serviceMissing: (resourceId: string) => `ECS service doesn't exist: ${resourceId}`,
  capacities: 'MinCapacity and MaxCapacity are required to register a new scalable target.',
  minAboveMax: (min: number, max: number) => `Minimum capacity (${min}) cannot be greater than maximum capacity (${max}).`,
  capacityRange: (member: string) => `${member} must be an integer between 0 and 5000.`,
  policyType: (v: string) => `Unsupported policy type: ${v}`,
  stepConfigRequired: 'StepScalingPolicyConfiguration is required for a StepScaling policy.',
  targetConfigRequired: 'TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy.',
  predefinedRequired: 'The simulation supports PredefinedMetricSpecification only (no CustomizedMetricSpecification).',
  predefinedType: (v: string) => `Unsupported predefined metric type for ECS: ${v}`,
  resourceLabel: 'ResourceLabel is required for the predefined metric type ALBRequestCountPerTarget.',
  targetValue: 'TargetValue must be a number greater than 0.',
  cooldown: (member: string) => `${member} must be an integer number of seconds between 0 and 31536000.`,
  adjustmentType: (v: string) => `Unsupported adjustment type: ${v}`,
  stepsRequired: 'StepAdjustments must contain at least one step adjustment.',
  stepBothNull: 'A step adjustment cannot have both a null lower bound and a null upper bound.',
  stepOverlap: 'Step adjustments must not overlap or have a gap between them.',
  stepInfinity: 'Step adjustments must cover the metric range to infinity on the side of the threshold they use.',
  stepInteger: 'ScalingAdjustment must be an integer.',
  minMagnitude: 'MinAdjustmentMagnitude is only supported with the adjustment type PercentChangeInCapacity.',
  aggregation: (v: string) => `Unsupported metric aggregation type: ${v}`,
  policyName: 'PolicyName must be 1 to 256 characters without ":" or "/".',
  policyTypeChange: 'A scaling policy cannot change its policy type.',
  nextToken: 'Invalid NextToken.',
  maxResults: 'MaxResults must be an integer between 1 and 50.',
} as const;

export const CloudWatchMessages = {
  missing: (member: string) => `The parameter ${member} is required.`,
  namespace: (ns: string, metric: string) =>
    `The simulation has no metric ${ns} ${metric}. Alarms may watch AWS/ECS CPUUtilization or MemoryUtilization (dimensions ClusterName and ServiceName).`,
  dimensions: 'Dimensions must name the ClusterName and the ServiceName of an ECS service.',
  period: 'Period must be 60 (the model produces one datapoint per minute).',
  evaluation: 'EvaluationPeriods must be an integer between 1 and 1440, and DatapointsToAlarm between 1 and EvaluationPeriods.',
  comparison: (v: string) => `Unsupported comparison operator: ${v}`,
  statistic: (v: string) => `Unsupported statistic: ${v}`,
  threshold: 'Threshold must be a number.',
  managed: (name: string) => `Alarm ${name} is managed by a target tracking scaling policy; delete the policy instead.`,
  notFound: (name: string) => `Alarm ${name} not found`,
} as const;

export const LoadMessages = {
  profile: 'profile must be an object with a type: constant {rps}, ramp {from, to, durationMs}, spike {base, peak, atMs, durationMs} or wave {min, max, periodMs}.',
  number: (member: string) => `profile.${member} must be a finite number >= 0.`,
  positive: (member: string) => `profile.${member} must be a finite number > 0.`,
  service: (ref: string) => `Service ${ref} was not found in the cluster.`,
} as const;

/** Lines of the simulation's event log. */
export const AutoscalingEvents = {
  loadSet: (svc: string, what: string) => `Load profile of service ${svc} set: ${what}.`,
  loadCleared: (svc: string) => `Load profile of service ${svc} cleared.`,
  alarmState: (name: string, from: string, to: string) => `Alarm ${name} changed from ${from} to ${to}.`,
  activity: (resourceId: string, description: string, cause: string) => `Scaling activity on ${resourceId}: ${description} Cause: ${cause}.`,
  notScaled: (resourceId: string, code: string) => `Scaling activity on ${resourceId} not scaled: ${code}.`,
  targetRegistered: (resourceId: string, min: number, max: number) => `Scalable target ${resourceId} registered (min ${min}, max ${max}).`,
  targetDeregistered: (resourceId: string) => `Scalable target ${resourceId} deregistered.`,
  policyPut: (resourceId: string, name: string, type: string) => `Scaling policy ${name} (${type}) put on ${resourceId}.`,
  policyDeleted: (resourceId: string, name: string) => `Scaling policy ${name} deleted from ${resourceId}.`,
  alarmPut: (name: string, namespace: string, metric: string, svc: string) => `Alarm ${name} put on ${namespace} ${metric} of service ${svc}.`,
  alarmDeleted: (name: string) => `Alarm ${name} deleted.`,
} as const;

/** Short description of a load profile, for the event log and the UI. */
export function describeProfile(p: { type: string; [k: string]: unknown }): string {
  switch (p.type) {
    case 'constant':
      return `constant ${p.rps} requests/s`;
    case 'ramp':
      return `ramp from ${p.from} to ${p.to} requests/s over ${Number(p.durationMs) / 1000} s`;
    case 'spike':
      return `spike from ${p.base} to ${p.peak} requests/s at ${Number(p.atMs) / 1000} s for ${Number(p.durationMs) / 1000} s`;
    default:
      return `wave between ${p.min} and ${p.max} requests/s every ${Number(p.periodMs) / 1000} s`;
  }
}
