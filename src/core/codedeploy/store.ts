/** Lookups into `state.codedeploy` (created on first use, so older snapshots need no migration). */
import type { SimState } from '../engine/state';
import type { ServiceRecord } from '../scheduler/serviceRecord';
import { createCodeDeployState, type CodeDeployDeploymentRecord, type CodeDeployState, type DeploymentGroupRecord } from './records';

export function cdOf(state: SimState): CodeDeployState {
  return (state.codedeploy ??= createCodeDeployState());
}

export const groupKey = (applicationName: string, groupName: string) => `${applicationName}/${groupName}`;

export function groupOf(state: SimState, d: CodeDeployDeploymentRecord): DeploymentGroupRecord | undefined {
  return cdOf(state).deploymentGroups[groupKey(d.applicationName, d.deploymentGroupName)];
}

export function serviceOf(state: SimState, d: CodeDeployDeploymentRecord): ServiceRecord | undefined {
  return state.services?.[d.serviceArn];
}

/** Not finished: Created, Queued, InProgress, Baking or Ready. */
export function isActive(d: CodeDeployDeploymentRecord): boolean {
  return d.status !== 'Succeeded' && d.status !== 'Failed' && d.status !== 'Stopped';
}
