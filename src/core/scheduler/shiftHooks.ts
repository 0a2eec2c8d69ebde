/**
 * Lifecycle hooks of blue/green, linear and canary deployments (reference §8.3). A Lambda hook is a
 * simulated function: its answer is what the learner chose with sim.faults.setHookAnswer(hookTargetArn,
 * answer), else `hookDetails.simulatedAnswer`, else SUCCEEDED. IN_PROGRESS asks again after 30 s. A
 * PAUSE hook waits for ContinueServiceDeployment (CONTINUE or ROLLBACK) or its timeout, whose action
 * (default ROLLBACK) decides. When every hook of the stage succeeded the machine gets HOOKS_SUCCEEDED;
 * the first failure sends HOOKS_FAILED.
 */
import { emit, schedule, Priority } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { InfraError } from '../infra/errors';
import { sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import type { HookAnswer, HookRunRecord, LifecycleStage } from './blueGreenRecord';
import { findDeployment } from './deploymentEffects';
import type { DeploymentRecord, ServiceRecord } from './serviceRecord';
import { HOOK_TIMEOUT_DEFAULT_MIN } from './shiftConfig';

export const HOOK_INVOKE = 'shift.hookInvoke';
export const HOOK_TIMEOUT = 'shift.hookTimeout';
/** how long the simulated Lambda takes to answer (ours) */
export const LAMBDA_ANSWER_MS = 1_000;
/** IN_PROGRESS: invoked again after this long (reference §8.3, callBackDelay default) */
export const CALLBACK_DELAY_MS = 30_000;

interface HookPayload {
  serviceArn: string;
  deploymentId: string;
  hookId: string;
  [key: string]: string;
}

/** Starts the stage's hooks; returns how many it started. */
export function startHooks(state: SimState, svc: ServiceRecord, dep: DeploymentRecord, stage: LifecycleStage): number {
  const hooks = dep.sd.deploymentConfiguration.lifecycleHooks ?? [];
  let started = 0;
  hooks.forEach((h) => {
    if (!h.lifecycleStages.includes(stage) || !dep.bg) return;
    const hookId = `hook-${dep.bg.hooks.length + 1}`;
    const run: HookRunRecord = { hookId, stage, targetType: h.targetType, status: h.targetType === 'PAUSE' ? 'AWAITING_ACTION' : 'IN_PROGRESS', startedAt: state.now, invocations: 0 };
    if (h.hookTargetArn) run.hookTargetArn = h.hookTargetArn;
    const payload: HookPayload = { serviceArn: svc.serviceArn, deploymentId: dep.id, hookId };
    if (h.targetType === 'PAUSE') {
      const minutes = h.timeoutConfiguration?.timeoutInMinutes ?? HOOK_TIMEOUT_DEFAULT_MIN;
      run.expiresAt = state.now + minutes * 60_000;
      schedule(state, minutes * 60_000, HOOK_TIMEOUT, payload, Priority.scheduler);
    } else {
      schedule(state, LAMBDA_ANSWER_MS, HOOK_INVOKE, payload, Priority.scheduler);
    }
    dep.bg.hooks.push(run);
    emit(state, 'service.lifecycleHook', `Lifecycle hook ${hookId} (${h.targetType}) of deployment ${dep.id} started in stage ${stage}.`, {
      resource: svc.serviceArn,
      data: { serviceName: svc.serviceName, deploymentId: dep.id, hookId, stage, targetType: h.targetType },
    });
    started++;
  });
  return started;
}

function answerOf(state: SimState, dep: DeploymentRecord, run: HookRunRecord): HookAnswer | 'INVALID' {
  const chosen = run.hookTargetArn ? state.hookAnswers?.[run.hookTargetArn] : undefined;
  if (chosen) return chosen;
  const hook = (dep.sd.deploymentConfiguration.lifecycleHooks ?? []).find((h) => h.hookTargetArn === run.hookTargetArn);
  const detail = (hook?.hookDetails as { simulatedAnswer?: unknown } | undefined)?.simulatedAnswer;
  if (detail === undefined) return 'SUCCEEDED';
  return detail === 'SUCCEEDED' || detail === 'FAILED' || detail === 'IN_PROGRESS' ? detail : 'INVALID';
}

/** Sends the machine the stage's outcome once it is known. */
function settle(state: SimState, svc: ServiceRecord, dep: DeploymentRecord, stage: LifecycleStage): void {
  if (!dep.bg || dep.bg.lifecycleStage !== stage) return;
  const runs = dep.bg.hooks.filter((r) => r.stage === stage && r.startedAt >= (dep.bg!.stageStartedAt ?? 0));
  if (runs.some((r) => r.status === 'FAILED')) sendToActor(state, machines, dep.actorId, { type: 'HOOKS_FAILED' });
  else if (runs.every((r) => r.status === 'SUCCEEDED' || r.status === 'TIMED_OUT')) sendToActor(state, machines, dep.actorId, { type: 'HOOKS_SUCCEEDED' });
}

function resolve(state: SimState, svc: ServiceRecord, dep: DeploymentRecord, run: HookRunRecord, status: HookRunRecord['status']): void {
  run.status = status;
  emit(state, 'service.lifecycleHook', `Lifecycle hook ${run.hookId} of deployment ${dep.id} in stage ${run.stage}: ${status}.`, {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, deploymentId: dep.id, hookId: run.hookId, stage: run.stage, status },
  });
  settle(state, svc, dep, run.stage);
}

function runOf(state: SimState, payload: HookPayload) {
  const found = findDeployment(state, payload.serviceArn, payload.deploymentId);
  const run = found?.dep.bg?.hooks.find((r) => r.hookId === payload.hookId);
  return found && run ? { ...found, run } : undefined;
}

/** ContinueServiceDeployment on a PAUSE hook that is waiting. */
export function continueHook(state: SimState, svc: ServiceRecord, dep: DeploymentRecord, run: HookRunRecord, action: 'CONTINUE' | 'ROLLBACK'): void {
  resolve(state, svc, dep, run, action === 'CONTINUE' ? 'SUCCEEDED' : 'FAILED');
}

export const hookHandlers = {
  [HOOK_INVOKE]: (state: SimState, payload: HookPayload) => {
    const found = runOf(state, payload);
    if (!found || found.run.status !== 'IN_PROGRESS') return;
    const { svc, dep, run } = found;
    run.invocations++;
    const answer = answerOf(state, dep, run);
    if (answer === 'IN_PROGRESS') {
      schedule(state, CALLBACK_DELAY_MS, HOOK_INVOKE, payload, Priority.scheduler);
      emit(state, 'service.lifecycleHook', `Lifecycle hook ${run.hookId} of deployment ${dep.id} in stage ${run.stage}: IN_PROGRESS, invoked again in 30 s.`, {
        resource: svc.serviceArn,
        data: { serviceName: svc.serviceName, deploymentId: dep.id, hookId: run.hookId, stage: run.stage, status: 'IN_PROGRESS' },
      });
      return;
    }
    // A missing or invalid status fails the hook (reference §8.3).
    resolve(state, svc, dep, run, answer === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED');
  },
  [HOOK_TIMEOUT]: (state: SimState, payload: HookPayload) => {
    const found = runOf(state, payload);
    if (!found || found.run.status !== 'AWAITING_ACTION') return;
    const hook = (found.dep.sd.deploymentConfiguration.lifecycleHooks ?? []).find((h) => h.targetType === 'PAUSE' && h.lifecycleStages.includes(found.run.stage));
    const action = hook?.timeoutConfiguration?.action ?? 'ROLLBACK';
    resolve(state, found.svc, found.dep, found.run, action === 'CONTINUE' ? 'TIMED_OUT' : 'FAILED');
  },
};

/** sim.faults.setHookAnswer(hookTargetArn, answer): what the simulated Lambda function answers from now on. */
export function setHookAnswer(state: SimState, hookTargetArn: string, answer: HookAnswer): { hookTargetArn: string; answer: HookAnswer } {
  if (typeof hookTargetArn !== 'string' || !hookTargetArn.startsWith('arn:')) throw new InfraError('InvalidParameterValue', 'hookTargetArn must be an ARN.');
  if (answer !== 'SUCCEEDED' && answer !== 'FAILED' && answer !== 'IN_PROGRESS') throw new InfraError('InvalidParameterValue', "answer must be 'SUCCEEDED', 'FAILED' or 'IN_PROGRESS'.");
  state.hookAnswers ??= {};
  state.hookAnswers[hookTargetArn] = answer;
  emit(state, 'fault.hookAnswer', `Fault: Lambda function ${hookTargetArn} answers ${answer}.`, { resource: hookTargetArn, data: { hookTargetArn, answer } });
  return { hookTargetArn, answer };
}
