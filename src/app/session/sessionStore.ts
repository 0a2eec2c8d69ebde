/**
 * The autosaved session in localStorage, and the one it replaced (kept so "start fresh" and opening
 * a shared link can be undone). Storage that is disabled, full or holds garbage never throws here:
 * loads report what they found, saves report whether the browser kept the text.
 */
import type { TextStore } from '../drafts';
import { readText, writePreference } from '../storage';
import { parseSession, type SessionPayload } from '../../core/session';

export const SESSION_KEY = 'ecs-playground.session';
export const PREVIOUS_SESSION_KEY = 'ecs-playground.session.previous';

export type LoadedSession = { kind: 'none' } | { kind: 'ok'; payload: SessionPayload; text: string } | { kind: 'corrupt'; message: string };

const storeFor = (key: string): TextStore => ({ read: () => readText(key), write: (value) => writePreference(key, value) });

export class SessionStore {
  readonly #current: TextStore;
  readonly #previous: TextStore;

  constructor(current: TextStore = storeFor(SESSION_KEY), previous: TextStore = storeFor(PREVIOUS_SESSION_KEY)) {
    this.#current = current;
    this.#previous = previous;
  }

  load(): LoadedSession {
    return read(this.#current);
  }

  loadPrevious(): LoadedSession {
    return read(this.#previous);
  }

  /** False when the browser would not keep it (storage full or turned off). */
  save(payload: SessionPayload): boolean {
    return this.saveText(JSON.stringify(payload));
  }

  saveText(text: string): boolean {
    return this.#current.write(text);
  }

  /** Keeps the saved session as the previous one (before something replaces it). */
  keepAsPrevious(): boolean {
    const text = this.#current.read();
    if (!text) return true;
    return this.#previous.write(text);
  }

  clear(): boolean {
    return this.#current.write('');
  }
}

function read(store: TextStore): LoadedSession {
  let text: string | undefined;
  try {
    text = store.read();
  } catch {
    return { kind: 'none' };
  }
  if (!text) return { kind: 'none' };
  const parsed = parseSession(text);
  return parsed.ok ? { kind: 'ok', payload: parsed.value, text } : { kind: 'corrupt', message: parsed.message };
}
