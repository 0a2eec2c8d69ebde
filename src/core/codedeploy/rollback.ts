/**
 * Rolling back a CodeDeploy ECS deployment (reference §9.3): production and test traffic go back to
 * the original task set, which is PRIMARY again at 100 % scale, and the replacement task set is
 * deleted. CodeDeploy does this as a deployment of its own (creator codeDeployRollback, its own id);
 * here it happens at once (ours), so that deployment is Succeeded when it appears.
 */
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { logServiceEvent } from '../scheduler/serviceEvents';
import { drainTaskSet, findTaskSet, setPrimaryTaskSet, setTaskSetScale } from '../tasksets/taskSets';
import { newCodeDeployDeploymentId } from './ids';
import { ECS_LIFECYCLE_EVENTS, type CodeDeployDeploymentRecord } from './records';
import { cdOf, groupOf, serviceOf } from './store';
import { routeTraffic } from './traffic';

export const RollbackMessages = {
  rolledBackBy: (id: string) => `Deployment rolled back by deployment ${id}.`,
  rollbackOf: (id: string) => `Rollback of deployment ${id}: traffic rerouted to the original task set.`,
} as const;

export function rollBackDeployment(state: SimState, d: CodeDeployDeploymentRecord): CodeDeployDeploymentRecord | undefined {
  const svc = serviceOf(state, d);
  const group = groupOf(state, d);
  if (!svc || !group) return undefined;
  const cd = cdOf(state);
  if (d.productionPercent > 0) routeTraffic(state, d, group, 'production', 0);
  if (d.testPercent > 0) routeTraffic(state, d, group, 'test', 0);
  const orig = d.originalTaskSetId ? findTaskSet(svc, d.originalTaskSetId) : undefined;
  if (orig) {
    setTaskSetScale(state, svc, orig, 100);
    if (orig.taskSet.status !== 'PRIMARY') setPrimaryTaskSet(state, svc, orig);
  }
  const repl = d.replacementTaskSetId ? findTaskSet(svc, d.replacementTaskSetId) : undefined;
  if (repl) {
    setTaskSetScale(state, svc, repl, 0);
    drainTaskSet(state, svc, repl);
  }
  const id = newCodeDeployDeploymentId(state);
  const rb: CodeDeployDeploymentRecord = {
    ...structuredClone(d),
    deploymentId: id,
    creator: 'codeDeployRollback',
    status: 'Succeeded',
    createTime: state.now,
    startTime: state.now,
    completeTime: state.now,
    replacementTaskSetId: undefined,
    lifecycleEvents: ECS_LIFECYCLE_EVENTS.map((name) =>
      name === 'AllowTraffic' ? { lifecycleEventName: name, status: 'Succeeded', startTime: state.now, endTime: state.now } : { lifecycleEventName: name, status: 'Skipped' },
    ),
    hookExecutions: [],
    productionPercent: 0,
    testPercent: 0,
    rollbackInfo: { rollbackTriggeringDeploymentId: d.deploymentId, rollbackMessage: RollbackMessages.rollbackOf(d.deploymentId) },
  };
  for (const k of ['errorInformation', 'actorId', 'machineState', 'failure', 'stopRollback', 'trafficStartedAt', 'terminateAt', 'readyUntil'] as const) delete rb[k];
  cd.deployments[id] = rb;
  cd.order.push(id);
  d.rollbackInfo = { rollbackDeploymentId: id, rollbackMessage: RollbackMessages.rolledBackBy(id) };
  logServiceEvent(state, svc, `(service ${svc.serviceName}) CodeDeploy rolled back deployment ${d.deploymentId}: all traffic is on the original task set.`);
  emit(state, 'codedeploy.rollback', `CodeDeploy deployment ${d.deploymentId} rolled back by ${id}.`, { data: { deploymentId: d.deploymentId, rollbackDeploymentId: id } });
  return rb;
}
