/**
 * "Connect to local endpoint": polls the endpoint's state route and shows the server's simulation in
 * the Playground instead of the in-browser one, which is kept aside untouched and comes back on
 * disconnect, or by itself when the endpoint stops answering. Replies to a poll that belongs to an
 * earlier connection are dropped. Timers and fetch are passed in so tests drive them.
 */
import type { Playground } from '../playground.svelte';
import { readText, writePreference } from '../storage';
import { DEFAULT_ENDPOINT_URL, parseEndpointUrl, readEndpointState, type EndpointProblem, type FetchLike } from './endpointClient';

export type RemoteStatus = 'off' | 'connecting' | 'live' | 'lost' | 'failed';

export interface PollTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface RemoteOptions {
  fetch?: FetchLike;
  timers?: PollTimers;
  /** wall ms between polls */
  intervalMs?: number;
  /** failed polls in a row after which a live connection counts as lost */
  maxFailures?: number;
  /** false: the URL typed is not remembered in this browser */
  persist?: boolean;
}

export const ENDPOINT_URL_KEY = 'ecs-playground.endpoint-url';

const browserTimers: PollTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class RemoteEndpoint {
  url = $state(DEFAULT_ENDPOINT_URL);
  status = $state<RemoteStatus>('off');
  problem = $state.raw<EndpointProblem | undefined>();
  /** virtual ms per wall ms on the server */
  speed = $state(1);
  readonly #playground: Playground;
  readonly #fetch: FetchLike;
  readonly #timers: PollTimers;
  readonly #intervalMs: number;
  readonly #maxFailures: number;
  readonly #persist: boolean;
  #generation = 0;
  #handle: unknown;
  #revision: string | undefined;
  #failures = 0;
  #abort: AbortController | undefined;

  constructor(playground: Playground, options: RemoteOptions = {}) {
    this.#playground = playground;
    this.#fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.#timers = options.timers ?? browserTimers;
    this.#intervalMs = options.intervalMs ?? 1_000;
    this.#maxFailures = options.maxFailures ?? 2;
    this.#persist = options.persist ?? true;
    if (this.#persist) this.url = readText(ENDPOINT_URL_KEY) || DEFAULT_ENDPOINT_URL;
  }

  get connected(): boolean {
    return this.status === 'live';
  }

  /** Starts showing the endpoint at `url` (the last one typed when omitted). Resolves after the first answer. */
  async connect(url: string = this.url): Promise<void> {
    this.#stop();
    this.url = url.trim();
    const base = parseEndpointUrl(this.url);
    if (!base) {
      this.status = 'failed';
      this.problem = { reason: 'badUrl' };
      return;
    }
    if (this.#persist) writePreference(ENDPOINT_URL_KEY, this.url);
    this.status = 'connecting';
    this.problem = undefined;
    await this.#poll(++this.#generation, base);
  }

  /** Back to the in-browser simulation. */
  disconnect(): void {
    this.#stop();
    this.status = 'off';
    this.problem = undefined;
  }

  #stop(): void {
    this.#generation++;
    if (this.#handle !== undefined) this.#timers.clear(this.#handle);
    this.#handle = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#revision = undefined;
    this.#failures = 0;
    this.#playground.detachRemote();
  }

  async #poll(generation: number, base: string): Promise<void> {
    this.#handle = undefined;
    const abort = (this.#abort = new AbortController());
    const read = await readEndpointState(this.#fetch, base, this.#revision, abort.signal);
    if (generation !== this.#generation) return; // a reply for a connection that is gone
    if (read.ok) {
      this.#failures = 0;
      if (!read.unchanged) {
        this.#revision = read.revision;
        this.speed = read.speed;
        this.#playground.showRemote(read.sim, base);
      }
      this.status = 'live';
    } else {
      this.#failures++;
      const wasLive = this.status === 'live';
      const giveUp = !wasLive || read.reason !== 'unreachable' || this.#failures >= this.#maxFailures;
      if (giveUp) {
        this.#stop();
        this.status = wasLive ? 'lost' : 'failed';
        const { ok: _failed, ...problem } = read;
        this.problem = problem;
        return;
      }
    }
    this.#handle = this.#timers.set(() => void this.#poll(generation, base), this.#intervalMs);
  }
}
