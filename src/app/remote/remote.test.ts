import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../core';
import { endpointStateOf } from '../../core/api/wire/endpointState';
import { Playground } from '../playground.svelte';
import type { FetchLike } from './endpointClient';
import { RemoteEndpoint, type PollTimers } from './remote.svelte';
import { remoteNotice } from './notice';

/** Timers run by hand: `tick()` fires the waiting poll. */
function manualTimers() {
  const waiting = new Map<number, () => void>();
  let next = 0;
  const timers: PollTimers = {
    set: (fn) => {
      waiting.set(++next, fn);
      return next;
    },
    clear: (h) => void waiting.delete(h as number),
  };
  return {
    timers,
    get pending() {
      return waiting.size;
    },
    async tick() {
      const fns = [...waiting.values()];
      waiting.clear();
      fns.forEach((fn) => fn());
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

/** A fake endpoint over a real simulation; `down` makes it refuse like a stopped server. */
function fakeServer(sim: Simulation) {
  const server = { sim, down: false, requests: 0 };
  const fetchFn: FetchLike = async (url) => {
    server.requests++;
    if (server.down) throw new TypeError('Failed to fetch');
    const since = new URL(url).searchParams.get('since') ?? undefined;
    const body = JSON.parse(JSON.stringify(endpointStateOf(server.sim, 10, since)));
    return { ok: true, status: 200, json: async () => body };
  };
  return { server, fetchFn };
}

function setup() {
  const playground = new Playground({ seed: 1 });
  playground.act((sim) => sim.ecs.createCluster({ clusterName: 'mine' }));
  const { server, fetchFn } = fakeServer(createSimulation({ seed: 9 }));
  const clock = manualTimers();
  const remote = new RemoteEndpoint(playground, { fetch: fetchFn, timers: clock.timers, persist: false });
  return { playground, server, clock, remote };
}

const clusterNames = (p: Playground) => Object.keys(p.sim.state.clusters);

describe('RemoteEndpoint', () => {
  it('shows the endpoint simulation once connected and follows what is done to it on later polls', async () => {
    const { playground, server, clock, remote } = setup();
    await remote.connect('http://127.0.0.1:4566');
    expect(remote.status).toBe('live');
    expect(playground.remote).toBe('http://127.0.0.1:4566');
    expect(clusterNames(playground)).toEqual([]);
    expect(remote.speed).toBe(10);

    server.sim.ecs.createCluster({ clusterName: 'from-cli' });
    const revision = playground.revision;
    await clock.tick();
    expect(clusterNames(playground)).toEqual(['from-cli']);
    expect(playground.revision).toBeGreaterThan(revision);

    // nothing moved on the server: the poll answers unchanged and the view is not rebuilt
    const same = playground.revision;
    await clock.tick();
    expect(playground.revision).toBe(same);
    expect(server.requests).toBe(3);
  });

  it('refuses the learner actions while connected with an explanation, and keeps the in-browser simulation aside', async () => {
    const { playground, remote } = setup();
    await remote.connect('http://127.0.0.1:4566');
    const result = playground.act((sim) => sim.ecs.createCluster({ clusterName: 'nope' }));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'RemoteEndpoint',
        message:
          'Showing the local endpoint at http://127.0.0.1:4566: change it with the AWS CLI or an SDK (--endpoint-url http://127.0.0.1:4566), or disconnect to use the in-browser simulation.',
      },
    });
    playground.advance(60_000);
    expect(playground.now).toBe(0);

    remote.disconnect();
    expect(remote.status).toBe('off');
    expect(playground.remote).toBeUndefined();
    expect(clusterNames(playground)).toEqual(['mine']);
  });

  it('gives up on a server that went away after two failed polls, back on the in-browser simulation, and says so', async () => {
    const { playground, server, clock, remote } = setup();
    await remote.connect('http://127.0.0.1:4566');
    server.down = true;
    await clock.tick();
    expect(remote.status).toBe('live'); // one failed poll is forgiven
    await clock.tick();
    expect(remote.status).toBe('lost');
    expect(remote.problem).toEqual({ reason: 'unreachable' });
    expect(playground.remote).toBeUndefined();
    expect(clusterNames(playground)).toEqual(['mine']);
    expect(clock.pending).toBe(0);
    expect(remoteNotice(remote.status, remote.problem, remote.url, 'http://127.0.0.1:5173')?.key).toBe('remote.lost');

    server.down = false;
    await remote.connect();
    expect(remote.status).toBe('live');
  });

  it('fails at once when nothing answers the first time, with the advice to start npm run serve', async () => {
    const { playground, server, remote } = setup();
    server.down = true;
    await remote.connect('http://127.0.0.1:4999');
    expect(remote.status).toBe('failed');
    expect(playground.remote).toBeUndefined();
    expect(remoteNotice(remote.status, remote.problem, remote.url, 'http://localhost:5173')).toEqual({
      key: 'remote.unreachable',
      params: { url: 'http://127.0.0.1:4999' },
      problem: true,
    });
    // a page on another origin is also told to name itself with --allow-origin
    expect(remoteNotice(remote.status, remote.problem, remote.url, 'https://learn.example')).toEqual({
      key: 'remote.unreachableOrigin',
      params: { url: 'http://127.0.0.1:4999', origin: 'https://learn.example' },
      problem: true,
    });
  });

  it('refuses a URL off this computer without a request', async () => {
    const { server, remote } = setup();
    await remote.connect('http://10.0.0.8:4566');
    expect([remote.status, remote.problem, server.requests]).toEqual(['failed', { reason: 'badUrl' }, 0]);
  });

  it('drops the reply of a poll that was in flight when the learner disconnected', async () => {
    const playground = new Playground();
    let release: (() => void) | undefined;
    const sim = createSimulation({ seed: 2 });
    sim.ecs.createCluster({ clusterName: 'late' });
    const slow: FetchLike = (url) =>
      new Promise((resolve) => {
        release = () => resolve({ ok: true, status: 200, json: async () => JSON.parse(JSON.stringify(endpointStateOf(sim, 1, new URL(url).searchParams.get('since') ?? undefined))) });
      });
    const remote = new RemoteEndpoint(playground, { fetch: slow, timers: manualTimers().timers, persist: false });
    const connecting = remote.connect('http://127.0.0.1:4566');
    expect(remote.status).toBe('connecting');
    remote.disconnect();
    release?.();
    await connecting;
    expect(remote.status).toBe('off');
    expect(playground.remote).toBeUndefined();
    expect(Object.keys(playground.sim.state.clusters)).toEqual([]);
  });
});
