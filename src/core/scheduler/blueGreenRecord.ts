/**
 * What a blue/green, linear or canary deployment (reference §8) keeps beside its deployment record:
 * the lifecycle stage, the traffic on the new (green) revision, the target groups it uses and its
 * lifecycle hook runs. Plain JSON; the machine (machines/*Deployment.machine.ts) drives it.
 */

export type ShiftStrategy = 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

export type LifecycleStage =
  | 'RECONCILE_SERVICE'
  | 'PRE_SCALE_UP'
  | 'SCALE_UP'
  | 'POST_SCALE_UP'
  | 'TEST_TRAFFIC_SHIFT'
  | 'POST_TEST_TRAFFIC_SHIFT'
  | 'PRE_PRODUCTION_TRAFFIC_SHIFT'
  | 'PRODUCTION_TRAFFIC_SHIFT'
  | 'POST_PRODUCTION_TRAFFIC_SHIFT'
  | 'BAKE_TIME'
  | 'CLEAN_UP';

export const HOOKABLE_STAGES: readonly LifecycleStage[] = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
];

export type HookAnswer = 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS';

export interface LifecycleHookConfig {
  hookTargetArn?: string;
  targetType: 'AWS_LAMBDA' | 'PAUSE';
  roleArn?: string;
  lifecycleStages: LifecycleStage[];
  hookDetails?: unknown;
  timeoutConfiguration?: { timeoutInMinutes: number; action: 'CONTINUE' | 'ROLLBACK' };
}

export interface HookRunRecord {
  /** `hook-<n>`, numbered per deployment (the hookId ContinueServiceDeployment takes) */
  hookId: string;
  stage: LifecycleStage;
  targetType: 'AWS_LAMBDA' | 'PAUSE';
  hookTargetArn?: string;
  status: 'AWAITING_ACTION' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  startedAt: number;
  invocations: number;
  /** PAUSE: when it times out */
  expiresAt?: number;
}

export interface BlueGreenRecord {
  strategy: ShiftStrategy;
  /** per service load balancer entry: the target group this revision's tasks register in */
  targetGroupArns: string[];
  /** the revision that served production when this one started (none for a service's first) */
  blueDeploymentId?: string;
  blueTargetGroupArns: string[];
  lifecycleStage?: LifecycleStage;
  /** virtual ms the current stage (or production step) began */
  stageStartedAt?: number;
  /** every stage entered, in order (PRODUCTION_TRAFFIC_SHIFT once per step) */
  stages: LifecycleStage[];
  /** percent of production / test traffic on this revision */
  productionPercent: number;
  testPercent: number;
  /** hook runs, oldest first */
  hooks: HookRunRecord[];
  /** the machine's current state path, for the UI */
  machineState?: string;
  rolledBack?: boolean;
}
