/**
 * Debounced autosave: after a change it waits for `delayMs` of quiet (but never longer than
 * `maxWaitMs` while changes keep coming, e.g. while the clock plays), then writes. `flush()` writes
 * at once (page hide, before unload). The timer functions are passed in so tests control time.
 */
export interface AutosaveTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export const browserTimers: AutosaveTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export type SaveStatus = 'saved' | 'pending' | 'failed';

export class Autosave {
  status: SaveStatus = 'saved';
  readonly #write: () => boolean;
  readonly #timers: AutosaveTimers;
  readonly #delayMs: number;
  readonly #maxWaitMs: number;
  readonly #onStatus: (status: SaveStatus) => void;
  #handle: unknown;
  #firstChange: number | undefined;

  constructor(
    write: () => boolean,
    options: { timers?: AutosaveTimers; delayMs?: number; maxWaitMs?: number; onStatus?: (status: SaveStatus) => void } = {},
  ) {
    this.#write = write;
    this.#timers = options.timers ?? browserTimers;
    this.#delayMs = options.delayMs ?? 1_000;
    this.#maxWaitMs = options.maxWaitMs ?? 5_000;
    this.#onStatus = options.onStatus ?? (() => undefined);
  }

  changed(): void {
    const now = this.#timers.now();
    this.#firstChange ??= now;
    this.#set('pending');
    if (this.#handle !== undefined) this.#timers.clear(this.#handle);
    const wait = Math.max(0, Math.min(this.#delayMs, this.#firstChange + this.#maxWaitMs - now));
    this.#handle = this.#timers.set(() => this.flush(), wait);
  }

  /** Writes now if a change is waiting. Returns whether everything is saved. */
  flush(): boolean {
    if (this.#handle !== undefined) this.#timers.clear(this.#handle);
    this.#handle = undefined;
    if (this.status !== 'pending') return this.status === 'saved';
    this.#firstChange = undefined;
    let ok: boolean;
    try {
      ok = this.#write();
    } catch {
      ok = false;
    }
    this.#set(ok ? 'saved' : 'failed');
    return ok;
  }

  /** Forgets a waiting change (the session was replaced and saved another way). */
  cancel(): void {
    if (this.#handle !== undefined) this.#timers.clear(this.#handle);
    this.#handle = undefined;
    this.#firstChange = undefined;
    this.#set('saved');
  }

  #set(status: SaveStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.#onStatus(status);
  }
}
