/**
 * What the simulation stores for Elastic Load Balancing v2: load balancers, listeners, rules, target
 * groups and their targets, and the simulated request stream. Plain JSON, times in virtual ms.
 */

export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused' | 'unavailable';

export type TargetReason =
  | 'Elb.RegistrationInProgress'
  | 'Elb.InitialHealthChecking'
  | 'Target.ResponseCodeMismatch'
  | 'Target.Timeout'
  | 'Target.FailedHealthChecks'
  | 'Target.NotRegistered'
  | 'Target.NotInUse'
  | 'Target.DeregistrationInProgress';

export interface HealthCheckRecord {
  protocol: 'HTTP' | 'HTTPS' | 'TCP';
  port: string;
  path: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThresholdCount: number;
  unhealthyThresholdCount: number;
  matcher: string;
  enabled: boolean;
}

export interface TargetRecord {
  id: string;
  port: number;
  availabilityZone?: string;
  state: TargetState;
  reason?: TargetReason;
  /** consecutive passes / failures of the current run */
  passes: number;
  failures: number;
  registeredAt: number;
  /** virtual ms of the last health check (registration time before the first) */
  lastCheckAt: number;
  /** whether a health check is booked for this target */
  checkBooked: boolean;
  /** draining: when it becomes unused and leaves the group */
  drainUntil?: number;
  /** the ECS task behind it, when ECS registered it */
  taskArn?: string;
  /** the last failed check's reason (for the description) */
  failure?: 'code' | 'timeout' | 'connection';
}

export interface TargetGroupRecord {
  targetGroupArn: string;
  targetGroupName: string;
  protocol: 'HTTP' | 'HTTPS' | 'TCP';
  port: number;
  vpcId: string;
  targetType: 'instance' | 'ip';
  healthCheck: HealthCheckRecord;
  deregistrationDelaySeconds: number;
  createdAt: number;
  /** by `<id>:<port>` */
  targets: Record<string, TargetRecord>;
}

export interface WeightedTargetGroup {
  targetGroupArn: string;
  weight: number;
}

export interface ForwardActionRecord {
  type: 'forward';
  targetGroups: WeightedTargetGroup[];
}

export interface RuleRecord {
  ruleArn: string;
  listenerArn: string;
  /** 'default' for the listener's default rule */
  priority: string;
  conditions: { field: string; values: string[] }[];
  actions: ForwardActionRecord[];
}

export interface ListenerRecord {
  listenerArn: string;
  loadBalancerArn: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS' | 'TCP';
  /** rule ARNs, the default rule first */
  ruleArns: string[];
}

export interface LoadBalancerRecord {
  loadBalancerArn: string;
  loadBalancerName: string;
  dnsName: string;
  type: 'application' | 'network';
  scheme: 'internet-facing' | 'internal';
  vpcId: string;
  subnets: string[];
  state: 'provisioning' | 'active';
  createdAt: number;
  listenerArns: string[];
}

/** One flat rate of requests, valid from `at` until the next sample. */
export interface TrafficSample {
  at: number;
  /** requests per second by target group ARN */
  byTargetGroup: Record<string, number>;
  /** requests per second by ECS service revision ARN */
  byRevision: Record<string, number>;
  /** requests per second with no healthy target to go to (answered 503 by the load balancer) */
  unrouted: number;
}

export interface TrafficBook {
  /** requests per second each listener receives (default DEFAULT_REQUESTS_PER_SECOND) */
  ratePerListener: Record<string, number>;
  /**
   * rates the services' load profiles put on listeners (autoscaling/drive.ts); they win over
   * `ratePerListener`. Absent in snapshots taken before load profiles drove the stream.
   */
  drivenRatePerListener?: Record<string, number>;
  /** counters accrued up to `accruedAt` */
  accruedAt: number;
  perTarget: Record<string, number>;
  perRevision: Record<string, number>;
  unrouted: number;
  /** the current rates by target key (`<tg ARN>|<id>:<port>`) and by revision */
  rates: { perTarget: Record<string, number>; perRevision: Record<string, number>; unrouted: number };
  /** rate changes, oldest first, at most TRAFFIC_HISTORY_MAX */
  history: TrafficSample[];
}

export interface ElbState {
  loadBalancers: Record<string, LoadBalancerRecord>;
  listeners: Record<string, ListenerRecord>;
  rules: Record<string, RuleRecord>;
  targetGroups: Record<string, TargetGroupRecord>;
  /** target health-check failures the learner asked for, by task ARN: what the check sees */
  failingTasks: Record<string, 'code' | 'timeout'>;
  traffic: TrafficBook;
}

export function createElbState(): ElbState {
  return {
    loadBalancers: {},
    listeners: {},
    rules: {},
    targetGroups: {},
    failingTasks: {},
    traffic: { ratePerListener: {}, accruedAt: 0, perTarget: {}, perRevision: {}, unrouted: 0, rates: { perTarget: {}, perRevision: {}, unrouted: 0 }, history: [] },
  };
}

export const targetKey = (id: string, port: number) => `${id}:${port}`;
