/**
 * The agent's view of a task's containers: NONE → PULLED → CREATED → RUNNING → STOPPED, health
 * UNKNOWN / HEALTHY / UNHEALTHY, dependsOn ordering, SIGTERM waves on the way down.
 *
 * Containers are dynamic in number, so they are not XState regions: the task machine keeps them in
 * its context and changes them only through `agentStep`, a pure reducer that returns the next
 * container list plus the work to schedule (pulls, creates, starts, signals, health checks). The
 * machine's effects turn that work into queue entries; the engine delivers the results as events.
 */

export type AgentStatus = 'NONE' | 'PULLED' | 'CREATED' | 'RUNNING' | 'STOPPED';
export type ContainerCondition = 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';
export type Health = 'UNKNOWN' | 'HEALTHY' | 'UNHEALTHY';

export interface HealthCheckSpec {
  intervalMs: number;
  timeoutMs: number;
  retries: number;
  startPeriodMs: number;
}

export interface AgentContainer {
  name: string;
  image: string;
  essential: boolean;
  status: AgentStatus;
  /** an operation (pull, create, start) is in flight */
  busy: boolean;
  /** reached RUNNING at least once */
  started: boolean;
  /** virtual ms when it reached RUNNING */
  startedAt: number | null;
  exitCode: number | null;
  reason: string | null;
  health: Health;
  healthCheck: HealthCheckSpec | null;
  failures: number;
  dependsOn: { containerName: string; condition: ContainerCondition }[];
  /** the stop signal was sent */
  signalled: boolean;
  /** PID 1 does not act on SIGTERM (e.g. a shell or `sleep`), so only SIGKILL ends it */
  ignoresSigterm: boolean;
  stopTimeoutMs: number;
  startTimeoutMs: number;
  /** the main process ends by itself this long after starting (e.g. `sleep 5`, `echo hi`); null: runs until stopped */
  exitsAfter: { ms: number; exitCode: number } | null;
  /** the container definition's restartPolicy, when enabled */
  restart: { ignoredExitCodes: number[]; attemptPeriodMs: number } | null;
  /** how many times it was started (1 on the first start); reports from an older run are ignored */
  runs: number;
}

export type Work =
  | { op: 'pull'; name: string; image: string }
  | { op: 'create'; name: string }
  | { op: 'start'; name: string }
  | { op: 'healthCheck'; name: string; delayMs: number; run: number }
  | { op: 'sigterm'; name: string; ignoresSigterm: boolean; stopTimeoutMs: number }
  | { op: 'startTimeout'; name: string; delayMs: number }
  | { op: 'exit'; name: string; delayMs: number; exitCode: number; run: number };

export interface StopRequest {
  stopCode: string;
  stoppedReason: string;
}

export type AgentEvent =
  | { type: 'BEGIN' }
  | { type: 'PULL_DONE'; name: string; ok: boolean; reason?: string; at: number }
  | { type: 'CREATE_DONE'; name: string; at: number }
  | { type: 'START_DONE'; name: string; at: number }
  /** `run` names the start it belongs to; without it, the current run exits (e.g. a crash fault) */
  | { type: 'EXITED'; name: string; exitCode: number; reason?: string; at: number; run?: number }
  | { type: 'HEALTH_CHECK'; name: string; ok: boolean; at: number; run?: number }
  | { type: 'START_TIMEOUT'; name: string; at: number }
  | { type: 'STOP'; stopCode: string; stoppedReason: string }
  | { type: 'SIGTERM_ALL' }
  | { type: 'KILL_ALL'; exitCode: number | null }
  /** the control plane took note of the stop request (moves a RUNNING task on to DEACTIVATING) */
  | { type: 'STOP_ACK' };

export interface AgentState {
  containers: AgentContainer[];
  stop: StopRequest | null;
  /** SIGTERM phase has begun (STOPPING) */
  stopping: boolean;
}

export interface AgentResult extends AgentState {
  work: Work[];
}

const ESSENTIAL_EXITED = 'Essential container in task exited';

/** The next agent state and the work it asks for. Never mutates its input. */
export function agentStep(state: AgentState, event: AgentEvent): AgentResult {
  const containers = state.containers.map((c) => ({ ...c }));
  const s: AgentResult = { containers, stop: state.stop, stopping: state.stopping, work: [] };
  const byName = (name: string) => containers.find((c) => c.name === name);

  switch (event.type) {
    case 'BEGIN':
      for (const c of containers) {
        if (c.status === 'NONE' && !c.busy) {
          c.busy = true;
          s.work.push({ op: 'pull', name: c.name, image: c.image });
        }
      }
      break;
    case 'PULL_DONE': {
      const c = byName(event.name);
      if (!c || c.status !== 'NONE') break;
      c.busy = false;
      if (event.ok) {
        c.status = 'PULLED';
        c.busy = true;
        s.work.push({ op: 'create', name: c.name });
      } else {
        c.status = 'STOPPED';
        c.reason = event.reason ?? 'CannotPullContainerError';
        if (c.essential) requestStop(s, { stopCode: 'TaskFailedToStart', stoppedReason: c.reason });
      }
      break;
    }
    case 'CREATE_DONE': {
      const c = byName(event.name);
      if (!c || c.status !== 'PULLED') break;
      c.busy = false;
      c.status = 'CREATED';
      if (c.dependsOn.length > 0) s.work.push({ op: 'startTimeout', name: c.name, delayMs: c.startTimeoutMs });
      break;
    }
    case 'START_DONE': {
      const c = byName(event.name);
      if (!c || c.status !== 'CREATED') break;
      c.busy = false;
      c.status = 'RUNNING';
      c.started = true;
      c.startedAt = event.at;
      c.runs += 1;
      if (c.healthCheck) s.work.push({ op: 'healthCheck', name: c.name, delayMs: c.healthCheck.intervalMs, run: c.runs });
      if (c.exitsAfter) s.work.push({ op: 'exit', name: c.name, delayMs: c.exitsAfter.ms, exitCode: c.exitsAfter.exitCode, run: c.runs });
      break;
    }
    case 'EXITED': {
      const c = byName(event.name);
      if (!c || c.status !== 'RUNNING' || (event.run !== undefined && event.run !== c.runs)) break;
      c.exitCode = event.exitCode;
      if (event.reason) c.reason = event.reason;
      if (restarts(s, c, event.exitCode, event.at)) {
        // Restart in place: the task keeps running (restartPolicy, reference §2.8).
        c.status = 'CREATED';
        c.busy = true;
        c.health = 'UNKNOWN';
        c.failures = 0;
        s.work.push({ op: 'start', name: c.name });
        break;
      }
      c.status = 'STOPPED';
      if (c.essential) requestStop(s, { stopCode: 'EssentialContainerExited', stoppedReason: ESSENTIAL_EXITED });
      break;
    }
    case 'HEALTH_CHECK': {
      const c = byName(event.name);
      if (!c || c.status !== 'RUNNING' || !c.healthCheck || (event.run !== undefined && event.run !== c.runs)) break;
      const hc = c.healthCheck;
      if (event.ok) {
        c.health = 'HEALTHY';
        c.failures = 0;
      } else if (c.startedAt === null || event.at - c.startedAt >= hc.startPeriodMs) {
        c.failures += 1;
        if (c.failures >= hc.retries) c.health = 'UNHEALTHY';
      }
      s.work.push({ op: 'healthCheck', name: c.name, delayMs: hc.intervalMs, run: c.runs });
      break;
    }
    case 'START_TIMEOUT': {
      const c = byName(event.name);
      if (!c || c.status !== 'CREATED' || c.busy) break;
      failToStart(s, c, `ContainerRuntimeTimeoutError: Could not transition to started; timed out after waiting ${Math.round(c.startTimeoutMs / 1000)}s for dependencies`);
      break;
    }
    case 'STOP':
      requestStop(s, { stopCode: event.stopCode, stoppedReason: event.stoppedReason });
      break;
    case 'SIGTERM_ALL':
      s.stopping = true;
      break;
    case 'KILL_ALL':
      for (const c of containers) {
        if (c.status === 'STOPPED') continue;
        if (c.status === 'RUNNING' && event.exitCode !== null) c.exitCode = event.exitCode;
        c.status = 'STOPPED';
        c.busy = false;
      }
      break;
  }

  settle(s);
  return s;
}

/**
 * Whether the restart policy restarts the container after this exit: enabled, the exit code not
 * ignored, the task not stopping, and the container ran at least restartAttemptPeriod (which also
 * limits restarts to one per period).
 */
function restarts(s: AgentResult, c: AgentContainer, exitCode: number, at: number): boolean {
  if (!c.restart || s.stop || s.stopping) return false;
  if (c.restart.ignoredExitCodes.includes(exitCode)) return false;
  return c.startedAt !== null && at - c.startedAt >= c.restart.attemptPeriodMs;
}

function requestStop(s: AgentResult, request: StopRequest): void {
  if (s.stop) return; // the first reason sticks, as ECS keeps the first stop code
  s.stop = request;
}

function failToStart(s: AgentResult, c: AgentContainer, reason: string): void {
  c.status = 'STOPPED';
  c.busy = false;
  c.reason = reason;
  if (c.essential) requestStop(s, { stopCode: 'TaskFailedToStart', stoppedReason: reason });
}

/** Whether `dep` meets `condition` now, can never meet it, or may still. */
function dependencyState(dep: AgentContainer, condition: ContainerCondition): 'met' | 'never' | 'wait' {
  switch (condition) {
    case 'START':
      if (dep.started) return 'met';
      return dep.status === 'STOPPED' ? 'never' : 'wait';
    case 'COMPLETE':
      if (dep.status === 'STOPPED') return dep.started ? 'met' : 'never';
      return 'wait';
    case 'SUCCESS':
      if (dep.status === 'STOPPED') return dep.started && dep.exitCode === 0 ? 'met' : 'never';
      return 'wait';
    case 'HEALTHY':
      if (dep.health === 'HEALTHY' && dep.started) return 'met';
      if (dep.status === 'STOPPED' || dep.health === 'UNHEALTHY') return 'never';
      return 'wait';
  }
}

/** Applies what follows from the current facts: stops before start, dependency starts, SIGTERM waves. */
function settle(s: AgentResult): void {
  const containers = s.containers;
  if (s.stop) {
    // Nothing new starts once the task is stopping; containers that never ran just end.
    for (const c of containers) {
      if (c.status !== 'RUNNING' && c.status !== 'STOPPED') {
        c.status = 'STOPPED';
        c.busy = false;
      }
    }
  } else {
    let changed = true;
    while (changed) {
      changed = false;
      for (const c of containers) {
        if (c.status !== 'CREATED' || c.busy) continue;
        let verdict: 'met' | 'never' | 'wait' = 'met';
        let blocker = '';
        for (const d of c.dependsOn) {
          const dep = containers.find((x) => x.name === d.containerName);
          const v = dep ? dependencyState(dep, d.condition) : 'never';
          if (v === 'never') {
            verdict = 'never';
            blocker = `${d.containerName} (${d.condition})`;
            break;
          }
          if (v === 'wait') verdict = 'wait';
        }
        if (verdict === 'met') {
          c.busy = true;
          s.work.push({ op: 'start', name: c.name });
        } else if (verdict === 'never') {
          failToStart(s, c, `DependencyConditionNotSatisfied: dependency ${blocker} of container ${c.name} can no longer be met`);
          changed = true;
          if (s.stop) return settle(s);
        }
      }
    }
  }
  if (s.stopping) {
    // Shutdown runs in reverse start order: a container gets SIGTERM once nothing still running depends on it.
    for (const c of containers) {
      if (c.status !== 'RUNNING' || c.signalled) continue;
      const neededBy = containers.some(
        (o) => o !== c && o.status === 'RUNNING' && o.dependsOn.some((d) => d.containerName === c.name),
      );
      if (neededBy) continue;
      c.signalled = true;
      s.work.push({ op: 'sigterm', name: c.name, ignoresSigterm: c.ignoresSigterm, stopTimeoutMs: c.stopTimeoutMs });
    }
  }
}

export const allStarted = (s: AgentState) => s.containers.every((c) => c.started || c.status === 'STOPPED');
export const anyRunning = (s: AgentState) => s.containers.some((c) => c.status === 'RUNNING');
export const allStopped = (s: AgentState) => s.containers.every((c) => c.status === 'STOPPED');

/** Task health from essential containers: UNHEALTHY > UNKNOWN > HEALTHY (reference §2.7). */
export function taskHealth(containers: readonly AgentContainer[]): Health {
  const essential = containers.filter((c) => c.essential);
  if (essential.some((c) => c.health === 'UNHEALTHY')) return 'UNHEALTHY';
  if (essential.some((c) => c.health === 'UNKNOWN')) return 'UNKNOWN';
  return 'HEALTHY';
}
