import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../core';
import { endpointStateOf } from '../../core/api/wire/endpointState';
import { parseEndpointUrl, readEndpointState, type FetchLike } from './endpointClient';

/** A fetch that answers the state route from a real simulation, the way the server builds it. */
function fakeEndpoint(sim = createSimulation({ seed: 3 })) {
  const urls: string[] = [];
  const fetchFn: FetchLike = async (url) => {
    urls.push(url);
    const since = new URL(url).searchParams.get('since') ?? undefined;
    const body = JSON.parse(JSON.stringify(endpointStateOf(sim, 60, since)));
    return { ok: true, status: 200, json: async () => body };
  };
  return { sim, urls, fetchFn };
}

const answering = (status: number, body: unknown): FetchLike => async () => ({ ok: status < 400, status, json: async () => body });

describe('parseEndpointUrl', () => {
  it('accepts http on 127.0.0.1, localhost and [::1], without a path', () => {
    expect(parseEndpointUrl(' http://127.0.0.1:4566 ')).toBe('http://127.0.0.1:4566');
    expect(parseEndpointUrl('http://localhost:9000/')).toBe('http://localhost:9000');
    expect(parseEndpointUrl('http://[::1]:4566')).toBe('http://[::1]:4566');
  });

  it('refuses other hosts, https, paths, credentials and text that is not a URL', () => {
    for (const text of ['http://192.168.1.5:4566', 'https://127.0.0.1:4566', 'http://127.0.0.1:4566/api', 'http://u:p@127.0.0.1:4566', '127.0.0.1:4566', ''])
      expect(parseEndpointUrl(text), text).toBeUndefined();
  });
});

describe('readEndpointState', () => {
  it('restores the endpoint simulation from its snapshot, then asks with ?since= and gets unchanged while nothing moved', async () => {
    const { sim, urls, fetchFn } = fakeEndpoint();
    sim.ecs.createCluster({ clusterName: 'workshop' });
    const first = await readEndpointState(fetchFn, 'http://127.0.0.1:4566');
    expect(first.ok && !first.unchanged).toBe(true);
    if (!first.ok || first.unchanged) return;
    expect(first.sim.ecs.listClusters({}).clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/workshop']);
    expect(first.speed).toBe(60);
    expect(urls[0]).toBe('http://127.0.0.1:4566/playground/state');

    const second = await readEndpointState(fetchFn, 'http://127.0.0.1:4566', first.revision);
    expect(second).toEqual({ ok: true, unchanged: true, revision: first.revision });
    expect(urls[1]).toBe(`http://127.0.0.1:4566/playground/state?since=${encodeURIComponent(first.revision)}`);

    sim.advance(1_000);
    const third = await readEndpointState(fetchFn, 'http://127.0.0.1:4566', first.revision);
    expect(third.ok && !third.unchanged && third.sim.now()).toBe(1_000);
  });

  it('reports nothing listening (fetch rejects) as unreachable', async () => {
    const refused: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await readEndpointState(refused, 'http://127.0.0.1:4566')).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('reports another server on the port as not an endpoint, with what it answered', async () => {
    expect(await readEndpointState(answering(404, {}), 'http://127.0.0.1:4566')).toEqual({ ok: false, reason: 'notEndpoint', detail: 'HTTP 404' });
    expect(await readEndpointState(answering(200, { hello: 'world' }), 'http://127.0.0.1:4566')).toEqual({
      ok: false,
      reason: 'notEndpoint',
      detail: 'the answer is not an ECS Playground state',
    });
    const html: FetchLike = async () => ({ ok: true, status: 200, json: async () => JSON.parse('<html>') });
    expect(await readEndpointState(html, 'http://127.0.0.1:4566')).toEqual({ ok: false, reason: 'notEndpoint', detail: 'the answer is not JSON' });
  });

  it('reports a state route of another version, and a snapshot this app cannot restore, as a version mismatch', async () => {
    const newer = answering(200, { format: 'ecs-playground/endpoint-state', version: 2, revision: '1', speed: 1 });
    expect(await readEndpointState(newer, 'http://127.0.0.1:4566')).toEqual({
      ok: false,
      reason: 'version',
      detail: 'the endpoint sends state version 2; this app reads version 1',
    });
    const oldSnapshot = answering(200, {
      format: 'ecs-playground/endpoint-state',
      version: 1,
      revision: '1',
      speed: 1,
      snapshot: { format: 'ecs-playground/snapshot', version: 99, state: {} },
    });
    expect(await readEndpointState(oldSnapshot, 'http://127.0.0.1:4566')).toEqual({
      ok: false,
      reason: 'version',
      detail: 'Snapshot version 99 is not supported (expected 1)',
    });
  });

  it('refuses a URL that is not a loopback http address without fetching', async () => {
    const { urls, fetchFn } = fakeEndpoint();
    expect(await readEndpointState(fetchFn, 'http://example.com:4566')).toEqual({ ok: false, reason: 'badUrl' });
    expect(urls).toEqual([]);
  });
});
