/**
 * Reads the local endpoint's state route (core/api/wire/endpointState.ts) with a given `fetch`, and
 * turns every way it can fail into a reason the UI can explain: nothing listening (or a page origin
 * the endpoint does not allow, which a browser reports the same way), not an ECS Playground
 * endpoint, another version of the route, a snapshot this app cannot restore. Never throws.
 */
import { createSimulation, type Simulation } from '../../core';
import {
  ENDPOINT_STATE_FORMAT,
  ENDPOINT_STATE_PATH,
  ENDPOINT_STATE_VERSION,
} from '../../core/api/wire/endpointState';

export const DEFAULT_ENDPOINT_URL = 'http://127.0.0.1:4566';

export type FetchLike = (url: string, init?: { signal?: AbortSignal; cache?: RequestCache; credentials?: RequestCredentials }) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

export type EndpointProblem =
  | { reason: 'badUrl' }
  | { reason: 'unreachable' }
  | { reason: 'notEndpoint'; detail: string }
  | { reason: 'version'; detail: string };

export type StateRead =
  | { ok: true; unchanged: true; revision: string }
  | { ok: true; unchanged: false; revision: string; speed: number; sim: Simulation }
  | ({ ok: false } & EndpointProblem);

/**
 * The endpoint's base URL from what the learner typed: http on a loopback host only (the page's
 * Content-Security-Policy allows nothing else), no path. Undefined when it is not one.
 */
export function parseEndpointUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' || url.username || url.password || url.search || url.hash) return undefined;
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' && url.hostname !== '[::1]') return undefined;
  if (url.pathname !== '/' && url.pathname !== '') return undefined;
  return url.origin;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function readEndpointState(fetchFn: FetchLike, baseUrl: string, since?: string, signal?: AbortSignal): Promise<StateRead> {
  const base = parseEndpointUrl(baseUrl);
  if (!base) return { ok: false, reason: 'badUrl' };
  const url = `${base}${ENDPOINT_STATE_PATH}${since ? `?since=${encodeURIComponent(since)}` : ''}`;
  let body: unknown;
  try {
    const res = await fetchFn(url, { signal, cache: 'no-store', credentials: 'omit' });
    if (!res.ok) return { ok: false, reason: 'notEndpoint', detail: `HTTP ${res.status}` };
    body = await res.json();
  } catch (e) {
    if (e instanceof SyntaxError) return { ok: false, reason: 'notEndpoint', detail: 'the answer is not JSON' };
    return { ok: false, reason: 'unreachable' };
  }
  if (!isObject(body) || body.format !== ENDPOINT_STATE_FORMAT) return { ok: false, reason: 'notEndpoint', detail: 'the answer is not an ECS Playground state' };
  if (body.version !== ENDPOINT_STATE_VERSION) {
    return { ok: false, reason: 'version', detail: `the endpoint sends state version ${String(body.version)}; this app reads version ${ENDPOINT_STATE_VERSION}` };
  }
  if (typeof body.revision !== 'string') return { ok: false, reason: 'notEndpoint', detail: 'the answer has no revision' };
  if (body.unchanged === true) return { ok: true, unchanged: true, revision: body.revision };
  try {
    const sim = createSimulation({ snapshot: body.snapshot as never });
    return { ok: true, unchanged: false, revision: body.revision, speed: typeof body.speed === 'number' ? body.speed : 1, sim };
  } catch (e) {
    return { ok: false, reason: 'version', detail: e instanceof Error ? e.message : String(e) };
  }
}
