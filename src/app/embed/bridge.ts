/**
 * The embed's side of the postMessage API (protocol.ts). Only the parent window may drive it, and
 * only from an origin on the allow-list (`origin=` parameters); anything else is ignored with a
 * console warning. Replies go to the sender's origin, state updates to the allowed origins only.
 */
import { runCommandLine } from '../../core/cli';
import { toSafeJson } from '../../core/engine/safeJson';
import { readSession } from '../../core/session';
import type { Speed } from '../clock.svelte';
import { SPEEDS } from '../clock.svelte';
import type { Lessons } from '../lessons.svelte';
import type { Playground } from '../playground.svelte';
import type { SessionController } from '../session/session.svelte';
import { readSharedSession } from '../session/shareLink';
import type { EmbedOptions } from './options';
import { goalsMessage, isForUs, parseHostMessage, PROTOCOL_VERSION, type HostMessage } from './protocol';
import { summarise } from './summary';

type Reply = { ok: true; value?: unknown } | { ok: false; error: { code: string; message: string } };

const STATE_INTERVAL_MS = 250;

export class EmbedBridge {
  readonly #win: Window;
  readonly #options: EmbedOptions;
  readonly #session: SessionController;
  readonly #playground: Playground;
  readonly #lessons: Lessons | undefined;
  #stateTimer: ReturnType<typeof setTimeout> | undefined;
  #lastState = '';
  #lastGoals = '';

  constructor(win: Window, options: EmbedOptions, session: SessionController, lessons?: Lessons) {
    this.#win = win;
    this.#options = options;
    this.#session = session;
    this.#playground = session.playground;
    this.#lessons = lessons;
  }

  get active(): boolean {
    return this.#options.origins.length > 0 && this.#win.parent !== this.#win;
  }

  start(): () => void {
    if (!this.active) return () => undefined;
    const listener = (event: MessageEvent) => void this.#onMessage(event);
    this.#win.addEventListener('message', listener);
    this.#broadcast({ type: 'ecs-playground:ready', protocol: PROTOCOL_VERSION, view: this.#options.view, readonly: this.#options.readonly });
    return () => {
      this.#win.removeEventListener('message', listener);
      if (this.#stateTimer !== undefined) clearTimeout(this.#stateTimer);
    };
  }

  /** Called on every change; sends a state summary at most every 250 ms, and only when it changed. */
  changed(): void {
    if (!this.active || this.#stateTimer !== undefined) return;
    this.#stateTimer = setTimeout(() => {
      this.#stateTimer = undefined;
      const state = summarise(this.#playground.sim);
      const text = JSON.stringify(state);
      if (text !== this.#lastState) {
        this.#lastState = text;
        this.#broadcast({ type: 'ecs-playground:state', state });
      }
      this.#sendGoals();
    }, STATE_INTERVAL_MS);
  }

  /** The goal-completion event: sent when an exercise opens and whenever a goal turns pass or fail. */
  #sendGoals(): void {
    const scenario = this.#lessons?.current;
    const results = scenario?.goals?.length ? this.#lessons!.results() : [];
    if (!scenario || results.length === 0) {
      this.#lastGoals = '';
      return;
    }
    const message = goalsMessage(scenario.id, results);
    const text = JSON.stringify(message);
    if (text === this.#lastGoals) return;
    this.#lastGoals = text;
    this.#broadcast(message);
  }

  #broadcast(message: object): void {
    for (const origin of this.#options.origins) {
      try {
        this.#win.parent.postMessage(message, origin);
      } catch {
        /* a parent on another origin simply does not receive it */
      }
    }
  }

  async #onMessage(event: MessageEvent): Promise<void> {
    if (!isForUs(event.data)) return;
    if (event.source !== this.#win.parent || !this.#options.origins.includes(event.origin)) {
      console.warn(`ECS Playground embed: ignored a message from ${event.origin || 'an unknown origin'} (not the host page on an allowed origin; see origin=)`);
      return;
    }
    const parsed = parseHostMessage(event.data);
    const reply = (id: string | number | undefined, r: Reply) =>
      (event.source as Window).postMessage({ type: 'ecs-playground:result', ...(id !== undefined ? { id } : {}), ...r }, event.origin);
    if (!parsed.ok) {
      reply(parsed.id, { ok: false, error: { code: 'InvalidMessage', message: parsed.message } });
      return;
    }
    const m = parsed.message;
    reply(m.id, await this.#handle(m));
  }

  async #handle(m: HostMessage): Promise<Reply> {
    switch (m.type) {
      case 'ecs-playground:load': {
        const read = m.share !== undefined ? await readSharedSession(m.share) : readSession(m.session);
        if (!read.ok) return { ok: false, error: { code: 'InvalidSession', message: read.message } };
        const loaded = this.#session.load(read.value, 'host');
        if (!loaded.ok) return { ok: false, error: { code: 'InvalidSession', message: loaded.message } };
        return { ok: true, value: summarise(loaded.value) };
      }
      case 'ecs-playground:command': {
        const result = this.#playground.act(
          (sim) => (sim[m.api] as unknown as Record<string, (r: unknown) => unknown>)[m.operation](m.request),
          { asHost: true },
        );
        if (!result.ok) return { ok: false, error: result.error };
        const value = toSafeJson(JSON.parse(JSON.stringify(result.value ?? {})));
        return { ok: true, value: value.ok ? value.value : {} };
      }
      case 'ecs-playground:cli': {
        const result = this.#playground.act((sim) => runCommandLine(sim, m.line), { asHost: true });
        if (!result.ok) return { ok: false, error: result.error };
        const value = toSafeJson(JSON.parse(JSON.stringify(result.value)));
        return { ok: true, value: value.ok ? value.value : [] };
      }
      case 'ecs-playground:clock': {
        const clock = this.#playground.clock;
        if (m.speed !== undefined) {
          if (!(SPEEDS as readonly number[]).includes(m.speed)) return { ok: false, error: { code: 'InvalidMessage', message: `speed should be one of ${SPEEDS.join(', ')}` } };
          clock.setSpeed(m.speed as Speed);
        }
        if (m.action === 'play') clock.play();
        else if (m.action === 'pause') clock.pause();
        else if (m.action === 'step') this.#playground.step();
        else this.#playground.advance(m.ms ?? 0);
        return { ok: true, value: summarise(this.#playground.sim) };
      }
      case 'ecs-playground:get-state':
        return { ok: true, value: summarise(this.#playground.sim) };
      case 'ecs-playground:scenario': {
        if (!this.#lessons?.start(m.scenario)) return { ok: false, error: { code: 'UnknownScenario', message: `There is no built-in scenario "${m.scenario}".` } };
        this.changed();
        return { ok: true, value: summarise(this.#playground.sim) };
      }
    }
  }
}
