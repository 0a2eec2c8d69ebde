/**
 * What the ECS side tells CodeDeploy: a task set's stabilityStatus changed. A deployment in Install
 * moves on once its replacement task set is at STEADY_STATE.
 */
import type { SimState } from '../engine/state';
import { sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import type { ServiceRecord } from '../scheduler/serviceRecord';
import type { TaskSetRecord } from '../tasksets/taskSets';

export function taskSetStabilityChanged(state: SimState, _svc: ServiceRecord, ts: TaskSetRecord): void {
  if (ts.taskSet.stabilityStatus !== 'STEADY_STATE' || ts.taskSet.startedBy !== 'CODE_DEPLOY' || !ts.taskSet.externalId) return;
  const d = state.codedeploy?.deployments[ts.taskSet.externalId];
  if (!d?.actorId || d.replacementTaskSetId !== ts.id) return;
  sendToActor(state, machines, d.actorId, { type: 'REPLACEMENT_STEADY' });
}
