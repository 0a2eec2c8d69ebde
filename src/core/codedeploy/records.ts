/**
 * What the simulated CodeDeploy keeps (plain JSON, in `state.codedeploy`, created on first use):
 * applications, deployment groups (one per ECS service), custom deployment configurations and
 * deployments with their lifecycle events, hook executions and traffic. docs/codedeploy.md.
 */
import type { RevisionRecord } from '../scheduler/serviceRecord';
import type { TrafficRoutingConfig } from './configs';

export type DeploymentStatus = 'Created' | 'Queued' | 'InProgress' | 'Baking' | 'Ready' | 'Succeeded' | 'Failed' | 'Stopped';
export type LifecycleEventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';

/** The ECS lifecycle events in execution order (reference §9.3). */
export const ECS_LIFECYCLE_EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
] as const;
export type LifecycleEventName = (typeof ECS_LIFECYCLE_EVENTS)[number];

/** The five events an AppSpec may hook with a Lambda function. */
export const HOOKABLE_EVENTS: readonly LifecycleEventName[] = ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'];

export interface ApplicationRecord {
  applicationName: string;
  applicationId: string;
  computePlatform: 'ECS';
  createTime: number;
}

export interface DeploymentGroupRecord {
  applicationName: string;
  deploymentGroupName: string;
  deploymentGroupId: string;
  deploymentConfigName: string;
  serviceRoleArn: string;
  ecsService: { serviceName: string; clusterName: string };
  /** the target group pair (names) and the listeners of the production and the test route */
  targetGroups: [string, string];
  prodListenerArns: string[];
  testListenerArns: string[];
  terminateBlue: { action: 'TERMINATE' | 'KEEP_ALIVE'; terminationWaitTimeInMinutes: number };
  deploymentReady: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' | 'STOP_DEPLOYMENT'; waitTimeInMinutes: number };
  autoRollback: { enabled: boolean; events: string[] };
}

export interface LifecycleEventRecord {
  lifecycleEventName: LifecycleEventName;
  status: LifecycleEventStatus;
  startTime?: number;
  endTime?: number;
  diagnostics?: { errorCode: string; scriptName: string; message: string; logTail: string };
}

export interface HookExecutionRecord {
  lifecycleEventHookExecutionId: string;
  lifecycleEventName: LifecycleEventName;
  functionArn: string;
  status: 'Pending' | 'InProgress' | 'Succeeded' | 'Failed';
  startedAt: number;
}

/** The AppSpec's TargetService properties and hooks, checked. */
export interface AppSpecRecord {
  taskDefinition: string;
  containerName: string;
  containerPort: number;
  platformVersion?: string;
  networkConfiguration?: unknown;
  capacityProviderStrategy?: unknown;
  hooks: Partial<Record<LifecycleEventName, string>>;
}

export interface CodeDeployDeploymentRecord {
  deploymentId: string;
  applicationName: string;
  deploymentGroupName: string;
  deploymentConfigName: string;
  routing: TrafficRoutingConfig;
  status: DeploymentStatus;
  creator: 'user' | 'codeDeployRollback';
  description?: string;
  createTime: number;
  startTime?: number;
  completeTime?: number;
  /** the AppSpec content as given (string) */
  appSpecContent: string;
  appSpec: AppSpecRecord;
  serviceArn: string;
  /** what the replacement task set runs (checked when the deployment was created) */
  replacementRevision: RevisionRecord;
  /** StopDeployment's autoRollbackEnabled */
  stopRollback?: boolean;
  /** why the machine was told HOOK_FAILED (set before it is told) */
  failure?: { code: string; message: string };
  originalTaskSetId?: string;
  replacementTaskSetId?: string;
  originalTargetGroupArn?: string;
  replacementTargetGroupArn?: string;
  lifecycleEvents: LifecycleEventRecord[];
  hookExecutions: HookExecutionRecord[];
  /** percent of production / test traffic on the replacement task set */
  productionPercent: number;
  testPercent: number;
  /** when AllowTraffic began (the config's minutes count from here) */
  trafficStartedAt?: number;
  /** the original task set is terminated at this virtual ms (termination wait) */
  terminateAt?: number;
  /** Ready: when the wait for ContinueDeployment times out */
  readyUntil?: number;
  errorInformation?: { code: string; message: string };
  rollbackInfo?: { rollbackDeploymentId?: string; rollbackTriggeringDeploymentId?: string; rollbackMessage?: string };
  terminateBlue: DeploymentGroupRecord['terminateBlue'];
  deploymentReady: DeploymentGroupRecord['deploymentReady'];
  autoRollback: DeploymentGroupRecord['autoRollback'];
  /** the XState actor driving it (machines/codeDeployDeployment.machine.ts); none for rollback deployments */
  actorId?: string;
  /** the machine's current state path, for the UI */
  machineState?: string;
}

export interface CodeDeployState {
  applications: Record<string, ApplicationRecord>;
  /** by `<application>/<group>` */
  deploymentGroups: Record<string, DeploymentGroupRecord>;
  deploymentConfigs: Record<string, { deploymentConfigName: string; deploymentConfigId: string; routing: TrafficRoutingConfig; createTime: number }>;
  deployments: Record<string, CodeDeployDeploymentRecord>;
  /** deployment ids, oldest first */
  order: string[];
}

export function createCodeDeployState(): CodeDeployState {
  return { applications: {}, deploymentGroups: {}, deploymentConfigs: {}, deployments: {}, order: [] };
}
