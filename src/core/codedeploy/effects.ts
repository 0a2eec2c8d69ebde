/**
 * What the CodeDeploy deployment machine (machines/codeDeployDeployment.machine.ts) does to the
 * simulation: lifecycle event statuses, the replacement task set (Install), test and production
 * traffic, the Ready wait, the original task set's termination, and the end states with rollback.
 */
import { emit } from '../engine/kernel';
import type { JsonObject } from '../engine/json';
import type { SimState } from '../engine/state';
import { leafPaths } from '../machines/driver';
import { logServiceEvent } from '../scheduler/serviceEvents';
import { addTaskSet, drainTaskSet, findTaskSet, setPrimaryTaskSet, setTaskSetScale } from '../tasksets/taskSets';
import { DeploymentErrors } from './errors';
import { startHook } from './hooks';
import type { CodeDeployDeploymentRecord, LifecycleEventName } from './records';
import { rollBackDeployment } from './rollback';
import { cdOf, groupOf, serviceOf } from './store';
import { routeTraffic } from './traffic';

function found(state: SimState, context: JsonObject) {
  const d = cdOf(state).deployments[String(context.deploymentId)];
  return d;
}

function publish(state: SimState, actorId: string, d: CodeDeployDeploymentRecord): void {
  const actor = state.actors[actorId];
  if (actor) d.machineState = leafPaths(actor.value).join(',');
}

function eventOf(d: CodeDeployDeploymentRecord, name: LifecycleEventName) {
  return d.lifecycleEvents.find((e) => e.lifecycleEventName === name)!;
}

function begin(state: SimState, actorId: string, params: { event: LifecycleEventName }, context: JsonObject): void {
  const d = found(state, context);
  if (!d) return;
  const e = eventOf(d, params.event);
  e.status = 'InProgress';
  e.startTime = state.now;
  publish(state, actorId, d);
  emit(state, 'codedeploy.lifecycleEvent', `CodeDeploy deployment ${d.deploymentId}: ${params.event} in progress.`, {
    data: { deploymentId: d.deploymentId, event: params.event, status: 'InProgress' },
  });
  const hook = d.appSpec.hooks[params.event];
  if (hook) startHook(state, d, params.event, hook);
  if (params.event === 'Install') install(state, d);
  if (params.event === 'AllowTraffic') d.trafficStartedAt = state.now;
}

function done(state: SimState, actorId: string, params: { event: LifecycleEventName }, context: JsonObject): void {
  const d = found(state, context);
  if (!d) return;
  const e = eventOf(d, params.event);
  e.status = 'Succeeded';
  e.endTime = state.now;
  publish(state, actorId, d);
  emit(state, 'codedeploy.lifecycleEvent', `CodeDeploy deployment ${d.deploymentId}: ${params.event} succeeded.`, {
    data: { deploymentId: d.deploymentId, event: params.event, status: 'Succeeded' },
  });
}

/** Install: the replacement (green) task set at 100 % scale, in the target group the original does not use. */
function install(state: SimState, d: CodeDeployDeploymentRecord): void {
  const svc = serviceOf(state, d);
  if (!svc) return;
  const ts = addTaskSet(state, svc, { revision: structuredClone(d.replacementRevision), scale: 100, status: 'ACTIVE', externalId: d.deploymentId, startedBy: 'CODE_DEPLOY' });
  d.replacementTaskSetId = ts.id;
}

function testTraffic(state: SimState, _actorId: string, _params: unknown, context: JsonObject): void {
  const d = found(state, context);
  const group = d && groupOf(state, d);
  if (!d || !group || group.testListenerArns.length === 0) return;
  routeTraffic(state, d, group, 'test', 100);
}

function shift(state: SimState, actorId: string, params: { percent: number }, context: JsonObject): void {
  const d = found(state, context);
  const group = d && groupOf(state, d);
  if (!d || !group) return;
  routeTraffic(state, d, group, 'production', params.percent);
  publish(state, actorId, d);
  const svc = serviceOf(state, d);
  if (svc) logServiceEvent(state, svc, `(service ${svc.serviceName}) CodeDeploy deployment ${d.deploymentId} routed ${params.percent}% of production traffic to the replacement task set.`);
}

function ready(state: SimState, actorId: string, _params: unknown, context: JsonObject): void {
  const d = found(state, context);
  if (!d) return;
  d.status = 'Ready';
  d.readyUntil = state.now + d.deploymentReady.waitTimeInMinutes * 60_000;
  publish(state, actorId, d);
}

function resume(state: SimState, _actorId: string, _params: unknown, context: JsonObject): void {
  const d = found(state, context);
  if (!d) return;
  d.status = 'InProgress';
  d.readyUntil = undefined;
}

/** All production traffic is on the replacement: it becomes PRIMARY; the original waits to be terminated. */
function awaitTermination(state: SimState, actorId: string, _params: unknown, context: JsonObject): void {
  const d = found(state, context);
  const svc = d && serviceOf(state, d);
  if (!d || !svc) return;
  const repl = d.replacementTaskSetId ? findTaskSet(svc, d.replacementTaskSetId) : undefined;
  if (repl) setPrimaryTaskSet(state, svc, repl);
  if (d.terminateBlue.action === 'TERMINATE') d.terminateAt = state.now + d.terminateBlue.terminationWaitTimeInMinutes * 60_000;
  publish(state, actorId, d);
}

function finish(state: SimState, d: CodeDeployDeploymentRecord, status: 'Succeeded' | 'Failed' | 'Stopped'): void {
  d.status = status;
  d.completeTime = state.now;
  d.terminateAt = undefined;
  d.readyUntil = undefined;
  if (status !== 'Succeeded') {
    for (const e of d.lifecycleEvents) {
      if (e.status === 'InProgress') {
        e.status = 'Failed';
        e.endTime = state.now;
      } else if (e.status === 'Pending') e.status = 'Skipped';
    }
  }
  emit(state, 'codedeploy.deployment', `CodeDeploy deployment ${d.deploymentId} ${status}.`, { data: { deploymentId: d.deploymentId, status } });
}

function succeed(state: SimState, actorId: string, _params: unknown, context: JsonObject): void {
  const d = found(state, context);
  const svc = d && serviceOf(state, d);
  if (!d || !svc) return;
  const orig = d.originalTaskSetId ? findTaskSet(svc, d.originalTaskSetId) : undefined;
  if (orig && d.terminateBlue.action === 'TERMINATE') {
    setTaskSetScale(state, svc, orig, 0);
    drainTaskSet(state, svc, orig);
  }
  finish(state, d, 'Succeeded');
  d.machineState = 'Succeeded';
  publish(state, actorId, d);
}

function fail(state: SimState, actorId: string, _params: unknown, context: JsonObject): void {
  const d = found(state, context);
  if (!d) return;
  d.errorInformation = d.failure ?? DeploymentErrors.hookFailed('lifecycle');
  finish(state, d, 'Failed');
  publish(state, actorId, d);
  if (d.autoRollback.enabled && d.autoRollback.events.includes('DEPLOYMENT_FAILURE')) rollBackDeployment(state, d);
}

function stop(state: SimState, actorId: string, _params: unknown, context: JsonObject): void {
  const d = found(state, context);
  if (!d) return;
  d.errorInformation = { ...DeploymentErrors.manualStop };
  finish(state, d, 'Stopped');
  publish(state, actorId, d);
  if (d.stopRollback) rollBackDeployment(state, d);
}

function readyTimedOut(state: SimState, actorId: string, _params: unknown, context: JsonObject): void {
  const d = found(state, context);
  if (!d) return;
  d.errorInformation = { ...DeploymentErrors.readyTimeout };
  finish(state, d, 'Stopped');
  publish(state, actorId, d);
  rollBackDeployment(state, d);
}

export const codeDeployEffects = { begin, done, testTraffic, shift, ready, resume, awaitTermination, succeed, fail, stop, readyTimedOut };
