/**
 * What a task set (reference §9.5) keeps beyond the deployment record it lives in. Services with the
 * CODE_DEPLOY or EXTERNAL deployment controller hold their task sets in `svc.deployments` as
 * deployment records with this `taskSet` member: the id (`ecs-svc/…`), what it runs (`revision`),
 * the tasks it launched (`startedBy` = the id) and its target groups then work exactly like a
 * deployment's, and the scheduler's task set planner (tasksets/reconcile.ts) sizes each one.
 */

export type TaskSetStatus = 'PRIMARY' | 'ACTIVE' | 'DRAINING';
export type StabilityStatus = 'STEADY_STATE' | 'STABILIZING';

export interface TaskSetInfo {
  taskSetArn: string;
  status: TaskSetStatus;
  /** percent of the service's desired count, 0–100 (unit PERCENT) */
  scale: number;
  /** CodeDeploy deployment id for CodeDeploy task sets, else what CreateTaskSet gave */
  externalId?: string;
  /** `CODE_DEPLOY` for task sets CodeDeploy created; otherwise absent */
  startedBy?: string;
  stabilityStatus: StabilityStatus;
  stabilityStatusAt: number;
  /** clientToken of CreateTaskSet and the request it answered */
  clientToken?: { token: string; request: string };
}

/** computedDesiredCount = ceil(desiredCount × scale / 100) (reference §9.5: 1.2 → 2). */
export function computedDesiredCount(desiredCount: number, scale: number): number {
  // scale has at most a few decimals; round away float noise (3 × 10 % = 0.30000000000000004)
  return Math.ceil(Math.round(desiredCount * scale * 1e6) / 1e8);
}
