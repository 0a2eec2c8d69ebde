/**
 * What the task machine does to the rest of the simulation. `enter` publishes a new lastStatus
 * (timestamps, attachments, the resources handed back at STOPPED, the `task.stateChange` event);
 * `flush` turns the agent reducer's work into queue entries and copies the container facts that the
 * API shows into the task record.
 */
import { emit, schedule, Priority } from '../engine/kernel';
import type { JsonObject } from '../engine/json';
import { hex } from '../engine/rng';
import type { SimState } from '../engine/state';
import { releaseResources } from '../placement/fit';
import { drawDuration } from '../timings';
import { serviceTaskChanged } from '../scheduler/notify';
import { deregisterTaskTargets, registerTaskTargets, taskTargetsNeedCheck } from '../elb/taskTargets';
import { taskHealth, type AgentContainer, type AgentEvent, type Work } from './containers';
import { cannotPullReason, drawPullMs, isCachedOn, isUnpullable, isWellFormedImage } from './images';
import { TASK_STATUS_ORDER, type TaskRecord, type TaskStatus } from './record';

/** Queue kind that delivers the agent's reports (pull done, container exited ...) to a task actor. */
export const TASK_AGENT_EVENT = 'task.agent';
/** Queue kind that forgets a STOPPED task once ECS would stop showing it. */
export const TASK_EXPIRE = 'task.expire';
/** ECS keeps describing STOPPED tasks for at least an hour (reference §2.3). */
export const STOPPED_TASK_VISIBLE_MS = 60 * 60 * 1000;

export interface AgentEventPayload {
  taskArn: string;
  event: JsonObject;
  [key: string]: unknown;
}

/** An agent event as scheduled; the handler adds `at` (and health results) when it fires. */
export type AgentReport = { type: AgentEvent['type']; [key: string]: string | number | boolean };

interface MachineContextView {
  containers: AgentContainer[];
  stop: { stopCode: string; stoppedReason: string } | null;
}

export const taskIdOf = (taskArn: string) => taskArn.slice(taskArn.lastIndexOf('/') + 1);

/** Schedules an agent report for the task `delayMs` from now. */
export function sendAgentEvent(state: SimState, taskArn: string, delayMs: number, event: AgentReport): void {
  schedule(state, delayMs, TASK_AGENT_EVENT, { taskArn, event: event as unknown as JsonObject }, Priority.task);
}

function statusMessage(t: TaskRecord): string {
  const base = `Task ${taskIdOf(t.taskArn)} (${t.family}) lastStatus ${t.lastStatus}, desiredStatus ${t.desiredStatus}`;
  if (t.lastStatus === 'STOPPED') return `${base}: ${t.stopCode} — ${t.stoppedReason}`;
  return `${base}.`;
}

/** Copies the agent's container facts and the stop request into the record. */
export function syncRecord(state: SimState, t: TaskRecord, ctx: MachineContextView): void {
  let changed = false;
  // Health is what the agent last reported: frozen while it is disconnected (reference §2.7, §3.2).
  const healthReported = !t.containerInstanceArn || state.containerInstances[t.containerInstanceArn]?.agentConnected !== false;
  ctx.containers.forEach((c, i) => {
    const rc = t.containers[i];
    if (!rc) return;
    if (rc.runtimeId === undefined && (c.status === 'CREATED' || c.status === 'RUNNING' || (c.status === 'STOPPED' && c.started))) {
      rc.runtimeId = hex(state.rng, 64);
    }
    // A container restarting in place (restartPolicy) still counts as RUNNING: status never goes back to PENDING.
    const backend = c.status === 'STOPPED' ? 'STOPPED' : c.status === 'RUNNING' || c.started ? 'RUNNING' : 'PENDING';
    if (backend !== rc.lastStatus) {
      rc.lastStatus = backend;
      changed = true;
      if (backend === 'RUNNING') rc.networkBindings = rc.plannedBindings.map((b) => ({ ...b }));
      const detail = backend === 'STOPPED' ? stoppedDetail(c) : '';
      emit(state, 'task.containerStateChange', `Container ${c.name} of task ${taskIdOf(t.taskArn)} is ${backend}${detail}.`, {
        resource: t.taskArn,
        data: { taskArn: t.taskArn, containerName: c.name, lastStatus: backend, ...(c.exitCode !== null ? { exitCode: c.exitCode } : {}) },
      });
    }
    if (c.exitCode !== null && rc.exitCode !== c.exitCode) rc.exitCode = c.exitCode;
    if (c.reason !== null && rc.reason !== c.reason) rc.reason = c.reason;
    if (c.healthCheck && healthReported && rc.healthStatus !== c.health) {
      rc.healthStatus = c.health;
      changed = true;
    }
  });
  const health = taskHealth(ctx.containers);
  if (healthReported && t.healthStatus !== health) {
    t.healthStatus = health;
    changed = true;
    serviceTaskChanged(state, t);
  }
  if (t.pullStartedAt !== undefined && t.pullStoppedAt === undefined && ctx.containers.every((c) => c.status !== 'NONE')) {
    t.pullStoppedAt = state.now;
  }
  if (ctx.stop && t.desiredStatus === 'RUNNING') {
    t.desiredStatus = 'STOPPED';
    t.stoppingAt = state.now;
    t.stopCode = ctx.stop.stopCode as TaskRecord['stopCode'];
    t.stoppedReason = ctx.stop.stoppedReason;
    changed = true;
    // Only a RUNNING task waits for the notice; earlier states react to the request at once.
    if (t.lastStatus === 'RUNNING') sendAgentEvent(state, t.taskArn, drawDuration(state, 'stopNotice'), { type: 'STOP_ACK' });
  }
  if (changed) t.version++;
}

function stoppedDetail(c: AgentContainer): string {
  if (c.exitCode !== null) return ` (exit code ${c.exitCode})`;
  if (c.reason) return ` (${c.reason})`;
  return '';
}

function setAttachmentStatus(t: TaskRecord, status: TaskRecord['attachments'][number]['status']): void {
  for (const a of t.attachments) a.status = status;
}

/** Effect `enter`: the task reached `status`. */
export function enterStatus(state: SimState, taskArn: string, params: { status: TaskStatus }, context: JsonObject): void {
  const t = state.tasks[taskArn];
  if (!t) return;
  const ctx = context as unknown as MachineContextView;
  const { status } = params;
  if (TASK_STATUS_ORDER.indexOf(status) < TASK_STATUS_ORDER.indexOf(t.lastStatus)) {
    throw new Error(`task ${taskArn}: lastStatus may not move from ${t.lastStatus} back to ${status}`);
  }
  syncRecord(state, t, ctx);
  t.lastStatus = status;
  t.version++;
  switch (status) {
    case 'PROVISIONING':
      if (t.attachments.length > 0) setAttachmentStatus(t, 'ATTACHING');
      break;
    case 'PENDING':
      t.connectivity = 'CONNECTED';
      t.connectivityAt = state.now;
      setAttachmentStatus(t, 'ATTACHED');
      break;
    case 'RUNNING':
      t.startedAt = state.now;
      break;
    case 'DEPROVISIONING':
      t.executionStoppedAt ??= state.now;
      setAttachmentStatus(t, 'DETACHING');
      break;
    case 'STOPPED':
      t.executionStoppedAt ??= state.now;
      t.stoppedAt = state.now;
      setAttachmentStatus(t, 'DELETED');
      for (const c of t.containers) c.lastStatus = 'STOPPED';
      if (t.containerInstanceArn && !t.released) {
        t.released = true;
        releaseResources(state, t.containerInstanceArn, t.taskArn);
      }
      break;
    default:
      break;
  }
  // Load balancer targets (elb/taskTargets.ts): in at ACTIVATING, draining from DEACTIVATING on.
  if (status === 'ACTIVATING') registerTaskTargets(state, taskArn);
  else if (status === 'RUNNING') taskTargetsNeedCheck(state, taskArn);
  else if (status === 'DEACTIVATING' || status === 'STOPPING' || status === 'DEPROVISIONING' || status === 'STOPPED') {
    const draining = deregisterTaskTargets(state, taskArn);
    if (status === 'DEACTIVATING' && !draining && (context as { loadBalanced?: boolean }).loadBalanced) {
      sendAgentEvent(state, taskArn, 0, { type: 'TARGETS_DRAINED' as AgentReport['type'] });
    }
  }
  emit(state, 'task.stateChange', statusMessage(t), {
    resource: t.taskArn,
    data: {
      taskArn: t.taskArn,
      clusterArn: t.clusterArn,
      lastStatus: t.lastStatus,
      desiredStatus: t.desiredStatus,
      group: t.group,
      version: t.version,
      ...(t.containerInstanceArn ? { containerInstanceArn: t.containerInstanceArn } : {}),
      ...(t.stopCode ? { stopCode: t.stopCode, stoppedReason: t.stoppedReason } : {}),
    },
  });
  // The service scheduler reacts to its tasks' status changes (scheduler/notify.ts).
  serviceTaskChanged(state, t);
  if (status === 'STOPPED') {
    schedule(state, STOPPED_TASK_VISIBLE_MS, TASK_EXPIRE, { taskArn }, Priority.task);
    // The actor is done: STOPPED is final and leaving each state already cancelled its timers, so it
    // can go without the queue scan stopActor makes.
    delete state.actors[taskArn];
  }
}

/** Effect `flush`: schedules the agent's work and copies container facts to the record. */
export function flushWork(state: SimState, taskArn: string, params: { work: Work[] }, context: JsonObject): void {
  const t = state.tasks[taskArn];
  if (!t) return;
  const fargate = t.launchType === 'FARGATE';
  for (const w of params.work ?? []) {
    switch (w.op) {
      case 'pull': {
        t.pullStartedAt ??= state.now;
        if (!isWellFormedImage(w.image)) {
          const reason = 'CannotPullContainerError: invalid reference format';
          sendAgentEvent(state, taskArn, drawDuration(state, 'imagePullLatency'), { type: 'PULL_DONE', name: w.name, ok: false, reason });
        } else if (isUnpullable(state, w.image)) {
          // The EC2 agent's default pull behaviour falls back to an image it already has.
          const cached = isCachedOn(state, t.containerInstanceArn, w.image);
          const reason = cannotPullReason(w.image, fargate);
          sendAgentEvent(state, taskArn, drawDuration(state, 'imagePullFailure'), cached ? { type: 'PULL_DONE', name: w.name, ok: true } : { type: 'PULL_DONE', name: w.name, ok: false, reason });
        } else if (isCachedOn(state, t.containerInstanceArn, w.image)) {
          // Layers already on the instance: only the manifest check.
          sendAgentEvent(state, taskArn, drawDuration(state, 'imagePullLatency'), { type: 'PULL_DONE', name: w.name, ok: true });
        } else {
          sendAgentEvent(state, taskArn, drawPullMs(state, w.image), { type: 'PULL_DONE', name: w.name, ok: true });
        }
        break;
      }
      case 'create':
        sendAgentEvent(state, taskArn, drawDuration(state, 'containerCreate'), { type: 'CREATE_DONE', name: w.name });
        break;
      case 'start':
        sendAgentEvent(state, taskArn, drawDuration(state, 'containerStart'), { type: 'START_DONE', name: w.name });
        break;
      case 'healthCheck':
        sendAgentEvent(state, taskArn, w.delayMs, { type: 'HEALTH_CHECK', name: w.name, ok: true, run: w.run });
        break;
      case 'exit':
        sendAgentEvent(state, taskArn, w.delayMs, { type: 'EXITED', name: w.name, exitCode: w.exitCode, run: w.run });
        break;
      case 'startTimeout':
        sendAgentEvent(state, taskArn, w.delayMs, { type: 'START_TIMEOUT', name: w.name });
        break;
      case 'sigterm': {
        // SIGTERM now; a process that ignores it is killed (SIGKILL, exit 137) when stopTimeout runs out.
        const graceful = w.ignoresSigterm ? Infinity : drawDuration(state, 'containerGracefulStop');
        if (graceful < w.stopTimeoutMs) {
          sendAgentEvent(state, taskArn, graceful, { type: 'EXITED', name: w.name, exitCode: 0 });
        } else {
          sendAgentEvent(state, taskArn, w.stopTimeoutMs, { type: 'EXITED', name: w.name, exitCode: 137 });
        }
        break;
      }
    }
  }
  syncRecord(state, t, context as unknown as MachineContextView);
}
