import { describe, expect, it } from 'vitest';
import { agentStep, allStarted, taskHealth, type AgentContainer, type AgentState } from './containers';

function c(name: string, more: Partial<AgentContainer> = {}): AgentContainer {
  return {
    name,
    image: 'nginx',
    essential: true,
    status: 'NONE',
    busy: false,
    started: false,
    startedAt: null,
    exitCode: null,
    reason: null,
    health: 'UNKNOWN',
    healthCheck: null,
    failures: 0,
    dependsOn: [],
    signalled: false,
    ignoresSigterm: false,
    stopTimeoutMs: 30_000,
    startTimeoutMs: 180_000,
    exitsAfter: null,
    restart: null,
    runs: 0,
    ...more,
  };
}

const st = (...containers: AgentContainer[]): AgentState => ({ containers, stop: null, stopping: false });

describe('agentStep (the agent view of containers)', () => {
  it('BEGIN pulls every container at once; a pulled one is created, a created one started', () => {
    let s = agentStep(st(c('a'), c('b')), { type: 'BEGIN' });
    expect(s.work).toEqual([{ op: 'pull', name: 'a', image: 'nginx' }, { op: 'pull', name: 'b', image: 'nginx' }]);
    s = agentStep(s, { type: 'PULL_DONE', name: 'a', ok: true, at: 1 });
    expect(s.containers[0].status).toBe('PULLED');
    expect(s.work).toEqual([{ op: 'create', name: 'a' }]);
    s = agentStep(s, { type: 'CREATE_DONE', name: 'a', at: 2 });
    expect(s.work).toEqual([{ op: 'start', name: 'a' }]);
    s = agentStep(s, { type: 'START_DONE', name: 'a', at: 3 });
    expect(s.containers[0]).toMatchObject({ status: 'RUNNING', started: true, startedAt: 3 });
    expect(allStarted(s)).toBe(false);
  });

  it('never mutates its input', () => {
    const before = st(c('a'));
    const copy = JSON.parse(JSON.stringify(before));
    agentStep(before, { type: 'BEGIN' });
    expect(before).toEqual(copy);
  });

  it('a failed pull of an essential container asks for TaskFailedToStart and ends the others', () => {
    const s = agentStep(agentStep(st(c('a'), c('b')), { type: 'BEGIN' }), { type: 'PULL_DONE', name: 'a', ok: false, reason: 'CannotPullContainerError: x', at: 5 });
    expect(s.stop).toEqual({ stopCode: 'TaskFailedToStart', stoppedReason: 'CannotPullContainerError: x' });
    expect(s.containers.map((x) => x.status)).toEqual(['STOPPED', 'STOPPED']);
    expect(s.containers[0].reason).toBe('CannotPullContainerError: x');
  });

  it('the first stop request sticks', () => {
    let s = agentStep(st(c('a')), { type: 'STOP', stopCode: 'UserInitiated', stoppedReason: 'one' });
    s = agentStep(s, { type: 'STOP', stopCode: 'SpotInterruption', stoppedReason: 'two' });
    expect(s.stop).toEqual({ stopCode: 'UserInitiated', stoppedReason: 'one' });
  });

  it('COMPLETE waits for the dependency to exit with any code; START only for it to start', () => {
    const init = c('init', { essential: false, status: 'RUNNING', started: true });
    const app = c('app', { status: 'CREATED', dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }] });
    const side = c('side', { status: 'CREATED', dependsOn: [{ containerName: 'init', condition: 'START' }] });
    let s = agentStep(st(init, app, side), { type: 'HEALTH_CHECK', name: 'nobody', ok: true, at: 0 });
    expect(s.work).toEqual([{ op: 'start', name: 'side' }]);
    s = agentStep(s, { type: 'EXITED', name: 'init', exitCode: 7, at: 1 });
    expect(s.work).toEqual([{ op: 'start', name: 'app' }]);
    expect(s.stop).toBeNull();
  });

  it('health: failures inside startPeriod do not count, `retries` counted failures make UNHEALTHY, a pass heals', () => {
    const hc = { intervalMs: 10_000, timeoutMs: 5_000, retries: 2, startPeriodMs: 30_000 };
    let s = st(c('a', { status: 'RUNNING', started: true, startedAt: 0, healthCheck: hc, runs: 1 }));
    s = agentStep(s, { type: 'HEALTH_CHECK', name: 'a', ok: false, at: 10_000 });
    s = agentStep(s, { type: 'HEALTH_CHECK', name: 'a', ok: false, at: 20_000 });
    expect(s.containers[0]).toMatchObject({ health: 'UNKNOWN', failures: 0 });
    s = agentStep(s, { type: 'HEALTH_CHECK', name: 'a', ok: false, at: 30_000 });
    expect(s.containers[0]).toMatchObject({ health: 'UNKNOWN', failures: 1 });
    s = agentStep(s, { type: 'HEALTH_CHECK', name: 'a', ok: false, at: 40_000 });
    expect(s.containers[0].health).toBe('UNHEALTHY');
    s = agentStep(s, { type: 'HEALTH_CHECK', name: 'a', ok: true, at: 50_000 });
    expect(s.containers[0]).toMatchObject({ health: 'HEALTHY', failures: 0 });
  });

  it('SIGTERM goes to dependents first, the dependency once they are gone', () => {
    const proxy = c('proxy', { status: 'RUNNING', started: true });
    const app = c('app', { status: 'RUNNING', started: true, dependsOn: [{ containerName: 'proxy', condition: 'START' }], ignoresSigterm: true });
    let s = agentStep({ containers: [proxy, app], stop: { stopCode: 'UserInitiated', stoppedReason: 'x' }, stopping: false }, { type: 'SIGTERM_ALL' });
    expect(s.work).toEqual([{ op: 'sigterm', name: 'app', ignoresSigterm: true, stopTimeoutMs: 30_000 }]);
    s = agentStep(s, { type: 'EXITED', name: 'app', exitCode: 137, at: 30_000 });
    expect(s.work).toEqual([{ op: 'sigterm', name: 'proxy', ignoresSigterm: false, stopTimeoutMs: 30_000 }]);
  });

  it('task health comes from essential containers only: UNHEALTHY > UNKNOWN > HEALTHY', () => {
    const h = (...hs: [string, boolean][]) => taskHealth(hs.map(([health, essential], i) => c(`c${i}`, { health: health as never, essential })));
    expect(h(['UNHEALTHY', true], ['UNKNOWN', true])).toBe('UNHEALTHY');
    expect(h(['HEALTHY', true], ['UNKNOWN', true])).toBe('UNKNOWN');
    expect(h(['HEALTHY', true], ['HEALTHY', true])).toBe('HEALTHY');
    expect(h(['HEALTHY', true], ['UNHEALTHY', false])).toBe('HEALTHY');
  });
});
