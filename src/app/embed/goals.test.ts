import { afterEach, describe, expect, it, vi } from 'vitest';
import { Lessons } from '../lessons.svelte';
import { Playground } from '../playground.svelte';
import { SessionController } from '../session/session.svelte';
import { EmbedBridge } from './bridge';
import { parseEmbedOptions } from './options';
import { goalsMessage, parseHostMessage } from './protocol';

const HOST = 'https://docs.example.com';

/** A frame whose parent records what the embed posts to it, and can post messages in. */
function fakeFrame() {
  const posted: { message: Record<string, unknown>; origin: string }[] = [];
  const listeners = new Set<(e: MessageEvent) => void>();
  const parent = { postMessage: (message: Record<string, unknown>, origin: string) => posted.push({ message, origin }) };
  const win = {
    parent,
    addEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.add(l),
    removeEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.delete(l),
  };
  const send = async (data: unknown, origin = HOST) => {
    for (const l of listeners) l({ data, origin, source: parent } as unknown as MessageEvent);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { win: win as unknown as Window, posted, send };
}

function embedded() {
  const playground = new Playground();
  const lessons = new Lessons(playground);
  const session = new SessionController(playground, { persist: false, lessons });
  const frame = fakeFrame();
  const bridge = new EmbedBridge(frame.win, parseEmbedOptions(`?embed&origin=${HOST}`)!, session, lessons);
  bridge.start();
  const goals = () => frame.posted.filter((p) => p.message.type === 'ecs-playground:goals');
  return { playground, lessons, bridge, frame, goals };
}

afterEach(() => vi.useRealTimers());

describe('the goal-completion event', () => {
  it('goalsMessage counts passing goals and is complete only when every goal passes', () => {
    expect(goalsMessage('x', [{ id: 'a', pass: true }, { id: 'b', pass: false }])).toEqual({
      type: 'ecs-playground:goals',
      scenario: 'x',
      goals: [{ id: 'a', pass: true }, { id: 'b', pass: false }],
      passed: 1,
      total: 2,
      complete: false,
    });
    expect(goalsMessage('x', [{ id: 'a', pass: true }]).complete).toBe(true);
    expect(goalsMessage('x', []).complete).toBe(false);
  });

  it('a host starts an exercise, solves it with commands, and hears the goals pass, sent to the allowed origin only, once per change', async () => {
    vi.useFakeTimers();
    const { playground, bridge, frame, goals } = embedded();
    await frame.send({ type: 'ecs-playground:scenario', id: 1, scenario: 'first-fargate-service' });
    expect(frame.posted.find((p) => p.message.type === 'ecs-playground:result')?.message).toMatchObject({ id: 1, ok: true });
    await vi.advanceTimersByTimeAsync(300);
    expect(goals()).toHaveLength(1);
    expect(goals()[0]).toMatchObject({ origin: HOST, message: { scenario: 'first-fargate-service', complete: false } });

    const subnets = playground.sim.infra.describeSubnets().subnets.map((s) => s.subnetId);
    await frame.send({
      type: 'ecs-playground:command',
      api: 'ecs',
      operation: 'createService',
      request: { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets, assignPublicIp: 'ENABLED' } } },
    });
    await frame.send({ type: 'ecs-playground:clock', action: 'advance', ms: 10 * 60_000 });
    bridge.changed();
    await vi.advanceTimersByTimeAsync(300);
    const last = goals().at(-1)!.message;
    expect(last).toMatchObject({ type: 'ecs-playground:goals', scenario: 'first-fargate-service', complete: true });
    expect(last.passed).toBe(last.total);

    // nothing changed in the goals: no repeat
    const count = goals().length;
    playground.advance(1_000);
    bridge.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(goals()).toHaveLength(count);
  });

  it('refuses an unknown scenario id with UnknownScenario, and a scenario message of the wrong shape', async () => {
    vi.useFakeTimers();
    const { frame } = embedded();
    await frame.send({ type: 'ecs-playground:scenario', id: 'a', scenario: 'no-such-lesson' });
    expect(frame.posted.at(-1)?.message).toEqual({
      type: 'ecs-playground:result',
      id: 'a',
      ok: false,
      error: { code: 'UnknownScenario', message: 'There is no built-in scenario "no-such-lesson".' },
    });
    expect(parseHostMessage({ type: 'ecs-playground:scenario', scenario: 5 })).toEqual({ ok: false, message: '"scenario" should be a scenario id' });
  });
});
