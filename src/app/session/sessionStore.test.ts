import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulation } from '../../core';
import { sessionOf } from '../../core/session';
import { Autosave, type AutosaveTimers } from './autosave';
import { PREVIOUS_SESSION_KEY, SESSION_KEY, SessionStore } from './sessionStore';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** A localStorage whose every read and write throws, as a full, disabled or sandboxed one does. */
function brokenStorage(name: string, contents: Record<string, string> = {}) {
  return {
    getItem: (k: string) => {
      if (name === 'SecurityError') throw new DOMException('The operation is insecure.', name);
      return contents[k] ?? null;
    },
    setItem: () => {
      throw new DOMException('The quota has been exceeded.', name);
    },
  };
}

function payload() {
  const sim = createSimulation({ seed: 5 });
  sim.ecs.createCluster({ clusterName: 'demo' });
  sim.advance(10_000);
  return sessionOf(sim);
}

describe('SessionStore', () => {
  it('saves, loads and keeps the previous session', () => {
    const store = new SessionStore();
    expect(store.load()).toEqual({ kind: 'none' });
    expect(store.save(payload())).toBe(true);
    const loaded = store.load();
    expect(loaded.kind).toBe('ok');
    if (loaded.kind === 'ok') expect(loaded.payload.recipe?.end.at).toBe(10_000);
    expect(store.keepAsPrevious()).toBe(true);
    expect(store.clear()).toBe(true);
    expect(store.load()).toEqual({ kind: 'none' });
    expect(store.loadPrevious().kind).toBe('ok');
  });

  it.each([
    ['garbage', 'not json{'],
    ['another JSON value', '[1,2,3]'],
    ['a damaged recipe', JSON.stringify({ ...payload(), recipe: { format: 'ecs-playground/recipe', version: 1 } })],
    ['a prototype-polluting payload', '{"__proto__":{"polluted":true},"format":"ecs-playground/session","version":1}'],
  ])('a corrupted entry (%s) loads as "corrupt" with a message, never throws', (_name, text) => {
    localStorage.setItem(SESSION_KEY, text);
    const loaded = new SessionStore().load();
    expect(loaded.kind).toBe('corrupt');
    if (loaded.kind === 'corrupt') expect(loaded.message.length).toBeGreaterThan(5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a full storage (QuotaExceededError) makes save report false, and the app keeps going', () => {
    vi.stubGlobal('localStorage', brokenStorage('QuotaExceededError', { [SESSION_KEY]: JSON.stringify(payload()) }));
    const store = new SessionStore();
    expect(store.save(payload())).toBe(false);
    expect(store.clear()).toBe(false);
    expect(store.keepAsPrevious()).toBe(false);
    expect(store.load().kind).toBe('ok');
  });

  it('disabled storage (getItem throws SecurityError) loads as nothing', () => {
    vi.stubGlobal('localStorage', brokenStorage('SecurityError', { [SESSION_KEY]: '{}', [PREVIOUS_SESSION_KEY]: '{}' }));
    const store = new SessionStore();
    expect(store.load()).toEqual({ kind: 'none' });
    expect(store.loadPrevious()).toEqual({ kind: 'none' });
    expect(store.keepAsPrevious()).toBe(true);
  });
});

describe('Autosave', () => {
  function fakeTimers() {
    let now = 0;
    let pending: { fn: () => void; at: number } | undefined;
    const timers: AutosaveTimers = {
      set: (fn, ms) => (pending = { fn, at: now + ms }),
      clear: () => (pending = undefined),
      now: () => now,
    };
    const tick = (ms: number) => {
      now += ms;
      if (pending && pending.at <= now) {
        const p = pending;
        pending = undefined;
        p.fn();
      }
    };
    return { timers, tick };
  }

  it('waits for a quiet second, but writes at least every 5 s while changes keep coming', () => {
    const { timers, tick } = fakeTimers();
    const write = vi.fn(() => true);
    const a = new Autosave(write, { timers });
    a.changed();
    tick(500);
    a.changed();
    tick(900);
    expect(write).not.toHaveBeenCalled();
    tick(200);
    expect(write).toHaveBeenCalledTimes(1);
    expect(a.status).toBe('saved');
    for (let i = 0; i < 12; i++) {
      a.changed();
      tick(500);
    }
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('reports failure when the write is refused or throws, and retries on the next change', () => {
    const { timers, tick } = fakeTimers();
    let ok = false;
    const statuses: string[] = [];
    const a = new Autosave(
      () => {
        if (!ok) throw new Error('boom');
        return true;
      },
      { timers, onStatus: (s) => statuses.push(s) },
    );
    a.changed();
    tick(1_000);
    expect(a.status).toBe('failed');
    ok = true;
    a.changed();
    expect(a.flush()).toBe(true);
    expect(statuses).toEqual(['pending', 'failed', 'pending', 'saved']);
  });
});
