import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import { worldWithInstances } from '../infra/testWorld';
import { advanceWord, AGENT_BACKOFF, backoffDelay } from './agent.machine';
import { sendToActor } from './driver';
import { machines } from './registry';

/** Times of the reconnect attempts after a disconnect at `t0`, from the actor's PRNG word. */
function attemptTimes(t0: number, word: number, n: number): number[] {
  const out: number[] = [];
  let t = t0;
  for (let i = 0; i < n; i++) {
    t += backoffDelay(i, word);
    out.push(t);
    word = advanceWord(word);
  }
  return out;
}

function agentOf(w: ReturnType<typeof worldWithInstances>, i = 0) {
  return w.sim.state.actors[w.arns[i]];
}

describe('agent machine', () => {
  it('starts CONNECTED when the agent registers, and the instance shows agentConnected', () => {
    const w = worldWithInstances();
    expect(agentOf(w)).toMatchObject({ machine: 'agent', value: 'CONNECTED', status: 'active' });
    expect(w.sim.state.containerInstances[w.arns[0]].agentConnected).toBe(true);
  });

  it('backoff grows from 250 ms by ×1.5, is capped at 2 minutes, and stays within ±20 % jitter', () => {
    let word = 12345;
    for (let attempt = 0; attempt < 40; attempt++) {
      const base = Math.min(250 * 1.5 ** attempt, 120_000);
      const d = backoffDelay(attempt, word);
      expect(d).toBeGreaterThanOrEqual(Math.floor(base * 0.8));
      expect(d).toBeLessThanOrEqual(Math.ceil(base * 1.2));
      word = advanceWord(word);
    }
    expect(AGENT_BACKOFF).toEqual({ initialMs: 250, maxMs: 120_000, multiplier: 1.5, jitter: 0.2 });
  });

  it('CONNECTED → DISCONNECTED on a timed disconnect, then back to CONNECTED at the first attempt after the network returns', () => {
    const w = worldWithInstances();
    const t0 = w.sim.now();
    const word = agentOf(w).context.rng as number;
    w.sim.faults.disconnectAgent(w.instanceIds[0], { forMs: 30_000 });
    expect(agentOf(w).value).toEqual({ DISCONNECTED: 'retrying' });
    expect(w.sim.state.containerInstances[w.arns[0]].agentConnected).toBe(false);

    const expected = attemptTimes(t0, word, 40).find((t) => t >= t0 + 30_000)!;
    w.sim.runUntil((s) => s.state.containerInstances[w.arns[0]].agentConnected, { maxMs: 10 * 60_000 });
    expect(w.sim.now()).toBe(expected);
    expect(agentOf(w).value).toBe('CONNECTED');
    expect(agentOf(w).history).toEqual(['CONNECTED', 'DISCONNECTED.retrying', 'CONNECTED']);
    const connected = w.sim.events.filter((e) => e.type === 'containerInstance.agentConnected');
    expect(connected.map((e) => e.time)).toEqual([expected]);
  });

  it('stays DISCONNECTED, retrying, while an untimed disconnect lasts; attempts keep their backoff', () => {
    const w = worldWithInstances();
    w.sim.faults.disconnectAgent(w.instanceIds[0]);
    w.sim.advance(60 * 60_000);
    expect(agentOf(w).value).toEqual({ DISCONNECTED: 'retrying' });
    expect(agentOf(w).context.attempt).toBeGreaterThan(10);
    // at the cap, one attempt is queued at most 2 min + 20 % ahead
    expect(w.sim.nextEventAt()! - w.sim.now()).toBeLessThanOrEqual(144_000);
  });

  it('DISCONNECTED → CONNECTED at once on RECONNECT (reconnectAgent), cancelling the pending attempt and restore', () => {
    const w = worldWithInstances();
    w.sim.faults.disconnectAgent(w.instanceIds[0], { forMs: 600_000 });
    w.sim.advance(5_000);
    w.sim.faults.reconnectAgent(w.instanceIds[0]);
    expect(agentOf(w).value).toBe('CONNECTED');
    expect(w.sim.state.containerInstances[w.arns[0]].agentConnected).toBe(true);
    expect(w.sim.state.queue.filter((e) => e.kind === 'actor.delayed' && (e.payload as { actorId: string }).actorId === w.arns[0])).toEqual([]);
  });

  it('a second timed disconnect while DISCONNECTED extends the outage to the new window', () => {
    const w = worldWithInstances();
    const t0 = w.sim.now();
    const word = agentOf(w).context.rng as number;
    w.sim.faults.disconnectAgent(w.instanceIds[0], { forMs: 10_000 });
    w.sim.advance(5_000);
    w.sim.faults.disconnectAgent(w.instanceIds[0], { forMs: 60_000 });
    const expected = attemptTimes(t0, word, 40).find((t) => t >= t0 + 65_000)!;
    w.sim.runUntil((s) => s.state.containerInstances[w.arns[0]].agentConnected, { maxMs: 10 * 60_000 });
    expect(w.sim.now()).toBe(expected);
  });

  it('an untimed disconnect while DISCONNECTED drops the pending restore', () => {
    const w = worldWithInstances();
    w.sim.faults.disconnectAgent(w.instanceIds[0], { forMs: 10_000 });
    w.sim.faults.disconnectAgent(w.instanceIds[0]);
    w.sim.advance(30 * 60_000);
    expect(agentOf(w).value).toEqual({ DISCONNECTED: 'retrying' });
  });

  it('RECONNECT while CONNECTED changes nothing', () => {
    const w = worldWithInstances();
    const version = w.sim.state.containerInstances[w.arns[0]].version;
    w.sim.faults.reconnectAgent(w.instanceIds[0]);
    expect(agentOf(w).history).toEqual(['CONNECTED']);
    expect(w.sim.state.containerInstances[w.arns[0]].version).toBe(version);
  });

  it('CONNECTED → STOPPED when the instance is terminated', () => {
    const w = worldWithInstances();
    w.sim.infra.terminateInstance(w.instanceIds[0]);
    expect(agentOf(w)).toMatchObject({ value: 'STOPPED', status: 'done' });
  });

  it('DISCONNECTED → STOPPED when the instance is terminated, with no attempts left queued', () => {
    const w = worldWithInstances();
    w.sim.faults.disconnectAgent(w.instanceIds[0], { forMs: 60_000 });
    w.sim.advance(1_000);
    w.sim.infra.terminateInstance(w.instanceIds[0]);
    expect(agentOf(w)).toMatchObject({ value: 'STOPPED', status: 'done' });
    expect(agentOf(w).history).toEqual(['CONNECTED', 'DISCONNECTED.retrying', 'STOPPED']);
    expect(w.sim.state.queue.some((e) => (e.payload as { actorId?: string })?.actorId === w.arns[0])).toBe(false);
  });

  it('a STOPPED agent ignores further events', () => {
    const w = worldWithInstances();
    w.sim.infra.terminateInstance(w.instanceIds[0]);
    expect(sendToActor(w.sim.state as never, machines, w.arns[0], { type: 'RECONNECT' })).toBe(false);
  });

  it('replays exactly from a snapshot taken mid-outage', () => {
    const w = worldWithInstances();
    w.sim.faults.disconnectAgent(w.instanceIds[0], { forMs: 45_000 });
    w.sim.advance(10_000);
    const restored = createSimulation({ snapshot: JSON.parse(JSON.stringify(w.sim.snapshot())) });
    w.sim.advance(300_000);
    restored.advance(300_000);
    expect(JSON.stringify(restored.events)).toBe(JSON.stringify(w.sim.events));
  });
});
