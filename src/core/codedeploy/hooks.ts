/**
 * Lifecycle hooks of CodeDeploy ECS deployments (reference §9.3): each hook is a simulated Lambda
 * function. It is invoked LAMBDA_ANSWER_MS after its event begins and reports what the learner chose
 * with sim.faults.setHookAnswer(functionArn, answer) (SUCCEEDED → Succeeded, FAILED → Failed; the
 * default is SUCCEEDED). IN_PROGRESS means the function ran without reporting: the execution waits
 * for sim.codedeploy.putLifecycleEventHookExecutionStatus, and fails after one hour without it.
 */
import { newUuid } from '../engine/ids';
import { emit, schedule, Priority } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import { DeploymentErrors } from './errors';
import type { CodeDeployDeploymentRecord, HookExecutionRecord, LifecycleEventName } from './records';
import { cdOf } from './store';

export const CD_HOOK_INVOKE = 'codedeploy.hookInvoke';
export const CD_HOOK_TIMEOUT = 'codedeploy.hookTimeout';
/** how long the simulated function takes to answer (ours) */
export const LAMBDA_ANSWER_MS = 1_000;
/** a hook must report within one hour (reference §9.3) */
export const HOOK_REPORT_LIMIT_MS = 60 * 60_000;

interface Payload {
  deploymentId: string;
  executionId: string;
  [key: string]: string;
}

export function startHook(state: SimState, d: CodeDeployDeploymentRecord, event: LifecycleEventName, functionArn: string): void {
  const exec: HookExecutionRecord = { lifecycleEventHookExecutionId: newUuid(state.rng), lifecycleEventName: event, functionArn, status: 'Pending', startedAt: state.now };
  d.hookExecutions.push(exec);
  const payload: Payload = { deploymentId: d.deploymentId, executionId: exec.lifecycleEventHookExecutionId };
  schedule(state, LAMBDA_ANSWER_MS, CD_HOOK_INVOKE, payload, Priority.scheduler);
  schedule(state, HOOK_REPORT_LIMIT_MS, CD_HOOK_TIMEOUT, payload, Priority.scheduler);
  emit(state, 'codedeploy.hook', `CodeDeploy deployment ${d.deploymentId}: ${event} hook ${functionArn} invoked.`, {
    resource: functionArn,
    data: { deploymentId: d.deploymentId, event, executionId: exec.lifecycleEventHookExecutionId },
  });
}

function find(state: SimState, p: Payload) {
  const d = cdOf(state).deployments[p.deploymentId];
  const exec = d?.hookExecutions.find((h) => h.lifecycleEventHookExecutionId === p.executionId);
  return d && exec ? { d, exec } : undefined;
}

/** The hook reported (the simulated function, or putLifecycleEventHookExecutionStatus). */
export function reportHook(state: SimState, d: CodeDeployDeploymentRecord, exec: HookExecutionRecord, status: 'Succeeded' | 'Failed'): void {
  exec.status = status;
  emit(state, 'codedeploy.hook', `CodeDeploy deployment ${d.deploymentId}: ${exec.lifecycleEventName} hook reported ${status}.`, {
    resource: exec.functionArn,
    data: { deploymentId: d.deploymentId, event: exec.lifecycleEventName, executionId: exec.lifecycleEventHookExecutionId, status },
  });
  if (!d.actorId) return;
  if (status === 'Failed') d.failure = DeploymentErrors.hookFailed(exec.lifecycleEventName);
  sendToActor(state, machines, d.actorId, { type: status === 'Succeeded' ? 'HOOK_SUCCEEDED' : 'HOOK_FAILED' });
}

export const codeDeployHookHandlers = {
  [CD_HOOK_INVOKE]: (state: SimState, payload: Payload) => {
    const f = find(state, payload);
    if (!f || f.exec.status !== 'Pending') return;
    f.exec.status = 'InProgress';
    const answer = state.hookAnswers?.[f.exec.functionArn] ?? 'SUCCEEDED';
    if (answer === 'IN_PROGRESS') return;
    reportHook(state, f.d, f.exec, answer === 'SUCCEEDED' ? 'Succeeded' : 'Failed');
  },
  [CD_HOOK_TIMEOUT]: (state: SimState, payload: Payload) => {
    const f = find(state, payload);
    if (!f || (f.exec.status !== 'Pending' && f.exec.status !== 'InProgress')) return;
    f.exec.status = 'Failed';
    if (!f.d.actorId) return;
    f.d.failure = DeploymentErrors.hookTimedOut(f.exec.lifecycleEventName);
    sendToActor(state, machines, f.d.actorId, { type: 'HOOK_FAILED' });
  },
};
