/**
 * What the simulation stores for a service and its deployments: plain JSON, times in virtual ms.
 * Counts (runningCount, pendingCount, per-deployment counts) are not stored: they are derived from
 * the task records when described, so they can never disagree with the tasks.
 */
import type { Tag } from '../api/tags';
import type { JsonObject } from '../engine/json';
import type { BlueGreenRecord, LifecycleHookConfig } from './blueGreenRecord';
import type { TaskSetInfo } from '../tasksets/record';

export type ServiceStatus = 'ACTIVE' | 'DRAINING' | 'INACTIVE';
export type SchedulingStrategy = 'REPLICA' | 'DAEMON';
export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

export type ThresholdType = 'BOUNDED_PERCENT' | 'UNBOUNDED_PERCENT' | 'COUNT';

export interface CircuitBreakerConfig {
  enable: boolean;
  rollback: boolean;
  resetOnHealthyTask?: boolean;
  thresholdConfiguration?: { type: ThresholdType; value: number };
}

export interface DeploymentConfigurationRecord {
  minimumHealthyPercent: number;
  maximumPercent: number;
  deploymentCircuitBreaker: CircuitBreakerConfig;
  alarms?: { alarmNames: string[]; enable: boolean; rollback: boolean };
  strategy: 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';
  /** blue/green, linear, canary (reference §8.1) */
  bakeTimeInMinutes?: number;
  linearConfiguration?: { stepPercent: number; stepBakeTimeInMinutes: number };
  canaryConfiguration?: { canaryPercent: number; canaryBakeTimeInMinutes: number };
  lifecycleHooks?: LifecycleHookConfig[];
}

export interface CapacityProviderStrategyItemRecord {
  capacityProvider: string;
  weight: number;
  base: number;
}

export interface NetworkConfigurationRecord {
  awsvpcConfiguration: { subnets: string[]; securityGroups?: string[]; assignPublicIp?: 'ENABLED' | 'DISABLED' };
}

/** What a deployment launches: the service revision. */
export interface RevisionRecord {
  taskDefinition: string;
  launchType?: 'EC2' | 'FARGATE' | 'EXTERNAL';
  capacityProviderStrategy?: CapacityProviderStrategyItemRecord[];
  platformVersion?: string;
  platformFamily?: string;
  networkConfiguration?: NetworkConfigurationRecord;
  placementConstraints: { type: 'distinctInstance' | 'memberOf'; expression?: string }[];
  placementStrategy: { type: 'binpack' | 'spread' | 'random'; field?: string }[];
  loadBalancers: JsonObject[];
  serviceRegistries: JsonObject[];
}

export interface DeploymentRecord {
  /** `ecs-svc/` + 19 digits; also the `startedBy` of every task it launches */
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  revision: RevisionRecord;
  /** ARN of the service revision (DescribeServiceRevisions) and of the service deployment */
  serviceRevisionArn: string;
  serviceDeploymentArn: string;
  /** the deployment's share of the service's desired count (old deployments: what they still run) */
  desiredCount: number;
  createdAt: number;
  updatedAt: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  /** circuit breaker: consecutive failures (Deployment.failedTasks), and whether stage 2 began */
  failedTasks: number;
  cbStage: 1 | 2;
  /** the ServiceDeployment view (ListServiceDeployments / DescribeServiceDeployments) */
  sd: {
    status: ServiceDeploymentStatus;
    statusReason?: string;
    startedAt: number;
    finishedAt?: number;
    stoppedAt?: number;
    updatedAt: number;
    /** service revisions that ran when the deployment started, with what they ran then */
    sources: { arn: string; requested: number; running: number; pending: number }[];
    deploymentConfiguration: DeploymentConfigurationRecord;
    rollback?: { reason: string; startedAt: number; serviceRevisionArn: string };
    cbStatus: 'TRIGGERED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'DISABLED';
  };
  /** the XState actor driving the rollout (machines/rollingDeployment.machine.ts) */
  actorId: string;
  /** whether an essential container has a health check (then healthy = HEALTHY, else 40 s in RUNNING) */
  essentialHealthCheck: boolean;
  /** the FAILED outcome was acted on (rollback or stall) */
  failureHandled?: boolean;
  /** set while this deployment is the target of a rollback from the failed deployment with this id */
  rollbackFor?: string;
  /** how it was stopped by StopServiceDeployment ABORT (launches nothing more) */
  aborted?: boolean;
  /** blue/green, linear and canary deployments: stage, traffic, hooks (scheduler/blueGreenRecord.ts) */
  bg?: BlueGreenRecord;
  /** CODE_DEPLOY and EXTERNAL services: this deployment record is a task set (tasksets/record.ts) */
  taskSet?: TaskSetInfo;
}

/** What the scheduler remembers about one of its tasks. */
export interface TaskNote {
  deploymentId: string;
  /** reached RUNNING */
  ran?: boolean;
  /** counted as healthy once */
  healthy?: boolean;
  /** its failed health checks were logged */
  unhealthyLogged?: boolean;
  /** the scheduler stopped it (so its end is no failure) */
  stoppedByScheduler?: boolean;
  /** stopped for failing its health checks */
  replacedUnhealthy?: boolean;
  /** an unhealthy task of an older deployment: the same-revision task started to replace it */
  replacementTaskArn?: string;
}

export interface ServiceEventRecord {
  id: string;
  createdAt: number;
  message: string;
}

export interface ServiceRecord {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  clusterName: string;
  status: ServiceStatus;
  schedulingStrategy: SchedulingStrategy;
  desiredCount: number;
  /** the current revision (what the PRIMARY deployment runs) */
  revision: RevisionRecord;
  deploymentConfiguration: DeploymentConfigurationRecord;
  /** ECS: deployments; CODE_DEPLOY and EXTERNAL: task sets (tasksets/) */
  deploymentController: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
  healthCheckGracePeriodSeconds?: number;
  enableECSManagedTags: boolean;
  propagateTags: 'TASK_DEFINITION' | 'SERVICE' | 'NONE';
  enableExecuteCommand: boolean;
  availabilityZoneRebalancing: 'ENABLED' | 'DISABLED';
  roleArn?: string;
  createdBy: string;
  tags: Tag[];
  createdAt: number;
  /** PRIMARY first, then ACTIVE ones, newest first */
  deployments: DeploymentRecord[];
  /** deployments no longer on the service (INACTIVE), newest first, for the service-deployment API */
  pastDeployments: DeploymentRecord[];
  /** newest first, at most 100 */
  events: ServiceEventRecord[];
  /** last time each message was logged, for the six-hour duplicate rule */
  recentMessages: Record<string, number>;
  /** restart throttle (reference §6.4) */
  throttle: { failures: number; notBefore: number; impaired: boolean };
  /** virtual ms of the last steady-state event while the service stayed steady */
  steadyEventAt?: number;
  /** the tasks the service launched, until they are STOPPED and accounted for */
  tasks: Record<string, TaskNote>;
  /** next virtual ms at which placement may be tried again after a failure */
  placementRetryAt?: number;
  /** AZ rebalancing in progress: the task started to rebalance, until an older one is stopped */
  azRebalance?: { taskArn: string; az: string };
  /** the service was reported as not AZ balanced and has not been reported balanced since */
  azUnbalanced?: boolean;
  /** clientToken of CreateService and the request it answered */
  clientToken?: { token: string; request: string };
}
