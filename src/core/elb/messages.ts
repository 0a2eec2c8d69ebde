/**
 * Every text of the load balancer area in one place: API error messages, target health
 * descriptions (as DescribeTargetHealth shows them) and the simulation's event messages.
 * Error codes are the ELBv2 API's (query protocol codes, e.g. `TargetGroupNotFound`).
 */

export type ElbErrorCode =
  | 'ValidationError'
  | 'LoadBalancerNotFound'
  | 'TargetGroupNotFound'
  | 'ListenerNotFound'
  | 'RuleNotFound'
  | 'DuplicateLoadBalancerName'
  | 'DuplicateTargetGroupName'
  | 'DuplicateListener'
  | 'PriorityInUse'
  | 'InvalidTarget'
  | 'InvalidConfigurationRequest'
  | 'ResourceInUse';

export class ElbError extends Error {
  override readonly name: ElbErrorCode;
  readonly $fault = 'client' as const;
  constructor(code: ElbErrorCode, message: string) {
    super(message);
    this.name = code;
  }
}

export const ElbMessages = {
  missing: (member: string) => `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  range: (member: string, min: number, max: number) => `${member} must be between ${min} and ${max}`,
  badName: (kind: string) => `${kind} name can only contain characters that are alphanumeric characters or hyphens(-), and must not begin or end with a hyphen`,
  loadBalancerNotFound: 'One or more load balancers not found',
  targetGroupNotFound: 'One or more target groups not found',
  listenerNotFound: 'One or more listeners not found',
  ruleNotFound: 'One or more rules not found',
  duplicateLoadBalancer: 'A load balancer with the same name exists, but with different settings',
  duplicateTargetGroup: 'A target group with the same name exists, but with different settings',
  duplicateListener: 'A listener already exists on this port for this load balancer',
  priorityInUse: (p: number) => `Priority '${p}' is currently in use`,
  weightRange: 'Target group weight must be between 0 and 999',
  noTargetGroups: 'A forward action must specify a target group',
  tooManyTargetGroups: 'A forward action can have at most 5 target groups',
  invalidTarget: (id: string) => `The following targets are not valid: '${id}'`,
  ipTargetNeedsIp: (id: string) => `The IP address '${id}' is not a valid IPv4 address`,
  instanceTargetNeedsInstance: (id: string) => `The instance ID '${id}' is not valid`,
  timeoutBelowInterval: 'Health check interval must be greater than the timeout.',
  targetGroupInUse: (arn: string) => `Target group '${arn}' is currently in use by a listener or a rule`,
  attribute: (key: string) => `The attribute '${key}' is not recognized`,
  notTargetGroupArn: (arn: string) => `'${arn}' is not a valid target group ARN`,
} as const;

/** ECS's InvalidParameterException texts for a service's loadBalancers (observed wording where known). */
export const ServiceLoadBalancerMessages = {
  notList: 'loadBalancers must be a list.',
  tooMany: 'A service can have at most 5 target groups.',
  containerName: (name: string) => `The container ${name} does not exist in the task definition.`,
  containerPort: 'containerPort is required for a load balancer.',
  noLoadBalancer: (arn: string) => `The target group with targetGroupArn ${arn} does not have an associated load balancer.`,
  awsvpcNeedsIp: (arn: string, type: string) =>
    `The provided target group ${arn} has target type ${type}, which is incompatible with the awsvpc network mode specified in the task definition.`,
} as const;

/** TargetHealth.Description for each reason code (observed console/CLI wording). */
export const TargetDescriptions: Record<string, string> = {
  'Elb.RegistrationInProgress': 'Target registration is in progress',
  'Elb.InitialHealthChecking': 'Initial health checks in progress',
  'Target.Timeout': 'Request timed out',
  'Target.FailedHealthChecks': 'Health checks failed',
  'Target.NotRegistered': 'Target is not registered to the target group',
  'Target.NotInUse': 'Target group is not configured to receive traffic from the load balancer',
  'Target.DeregistrationInProgress': 'Target deregistration is in progress',
};

/** The code a failing HTTP health check sees (ours: the container answers 502). */
export const FAILING_HTTP_CODE = 502;

export function targetDescription(reason: string | undefined, matcherCode = FAILING_HTTP_CODE): string | undefined {
  if (!reason) return undefined;
  if (reason === 'Target.ResponseCodeMismatch') return `Health checks failed with these codes: [${matcherCode}]`;
  return TargetDescriptions[reason];
}

/** Event log texts of the load balancer area (`elb.*` events). */
export const ElbEvents = {
  targetState: (tg: string, target: string, from: string, to: string, reason?: string) =>
    `Target ${target} in target group ${tg}: ${from} → ${to}${reason ? ` (${reason})` : ''}.`,
  registered: (tg: string, target: string) => `Target ${target} registered in target group ${tg}.`,
  deregistered: (tg: string, target: string, delay: number) => `Target ${target} deregistered from target group ${tg}; draining for ${delay} s.`,
  removed: (tg: string, target: string) => `Target ${target} left target group ${tg} (draining done).`,
  weights: (rule: string, weights: string) => `Listener rule ${rule} forwards ${weights}.`,
  failing: (taskId: string, kind: string) => `Fault: load balancer health checks of task ${taskId} fail (${kind}).`,
  passing: (taskId: string) => `Fault cleared: load balancer health checks of task ${taskId} pass again.`,
} as const;
