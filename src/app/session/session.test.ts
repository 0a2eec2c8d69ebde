import { afterEach, describe, expect, it, vi } from 'vitest';
import { Playground } from '../playground.svelte';
import { SessionController } from './session.svelte';
import { SESSION_KEY, SessionStore } from './sessionStore';
import { shareUrlOf } from './shareLink';
import type { AutosaveTimers } from './autosave';

const manualTimers: AutosaveTimers = { set: () => 0, clear: () => undefined, now: () => 0 };

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

function work(p: Playground) {
  p.act((sim) => sim.ecs.createCluster({ clusterName: 'demo' }));
  p.advance(65_000);
}

describe('SessionController', () => {
  it('autosaves, and a reload restores the session with a notice that offers a fresh start, which can be undone', async () => {
    const p1 = new Playground();
    const s1 = new SessionController(p1, { timers: manualTimers });
    await s1.start('');
    expect(s1.notice).toBeUndefined();
    work(p1);
    s1.changed();
    expect(s1.saveStatus).toBe('pending');
    expect(s1.flush()).toBe(true);
    expect(s1.saveStatus).toBe('saved');

    const p2 = new Playground();
    const s2 = new SessionController(p2, { timers: manualTimers });
    await s2.start('');
    expect(p2.now).toBe(65_000);
    expect(s2.notice).toEqual({ kind: 'restored', params: { calls: 1, time: '0:01:05' }, action: 'startFresh' });
    s2.startFresh();
    expect(p2.now).toBe(0);
    expect(s2.notice?.kind).toBe('fresh');
    expect(s2.notice?.action).toBe('undo');
    s2.restorePrevious();
    expect(p2.now).toBe(65_000);
    expect(p2.sim.state.clusters.demo).toBeDefined();
  });

  it('a share link wins over the saved session, which stays reachable', async () => {
    const p1 = new Playground();
    const s1 = new SessionController(p1, { timers: manualTimers });
    work(p1);
    s1.flush();
    const other = new Playground({ seed: 9 });
    other.act((sim) => sim.ecs.createCluster({ clusterName: 'shared' }));
    const url = await shareUrlOf(other.sim, 'https://x.test/');
    const p2 = new Playground();
    const s2 = new SessionController(p2, { timers: manualTimers });
    await s2.start(new URL(url).hash);
    expect(s2.notice?.kind).toBe('shared');
    expect(p2.sim.state.clusters.shared).toBeDefined();
    s2.restorePrevious();
    expect(p2.sim.state.clusters.demo).toBeDefined();
  });

  it('a broken link or a corrupted saved session is explained, and the app carries on empty', async () => {
    const p = new Playground();
    const s = new SessionController(p, { timers: manualTimers });
    await s.start('#s=AAAA');
    expect(s.notice?.kind).toBe('linkError');
    localStorage.setItem(SESSION_KEY, '{"format":"ecs-playground/session","version":1,"recipe":{"format":"nope"}}');
    const s2 = new SessionController(new Playground(), { timers: manualTimers });
    await s2.start('');
    expect(s2.notice?.kind).toBe('corrupt');
    expect(String(s2.notice?.params.message)).toMatch(/recipe\.format/);
  });

  it('full storage: the save fails, a notice explains, and leaving warns', async () => {
    vi.stubGlobal('localStorage', {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    const p = new Playground();
    const s = new SessionController(p, { store: new SessionStore(), timers: manualTimers });
    await s.start('');
    expect(s.leaveWouldLoseWork()).toBe(false);
    work(p);
    s.changed();
    expect(s.flush()).toBe(false);
    expect(s.saveStatus).toBe('failed');
    expect(s.notice?.kind).toBe('storageFailed');
    expect(s.leaveWouldLoseWork()).toBe(true);
  });

  it('session files: export then import gives the same simulation; bad files are explained', async () => {
    const p = new Playground();
    const s = new SessionController(p, { timers: manualTimers, persist: false });
    work(p);
    const text = s.exportText();
    const before = JSON.stringify(p.sim.snapshot());
    s.startFresh();
    expect(s.importText(text).ok).toBe(true);
    expect(JSON.stringify(p.sim.snapshot())).toBe(before);
    expect(s.notice?.kind).toBe('imported');
    expect(s.importText('{"format":"ecs-playground/session","version":7}').ok).toBe(false);
    expect(s.notice).toMatchObject({ kind: 'importError' });
    expect(String(s.notice?.params.message)).toMatch(/newer ECS Playground/);
  });
});
