/**
 * The learner's session around the Playground: opening a share link or restoring the autosaved
 * session at start, autosave as the simulation changes, start fresh with undo, session files, and
 * the notices that explain each of these. Storage problems are explained, never fatal.
 */
import type { Simulation } from '../../core';
import { openSession, parseSession, sessionOf, type SessionLesson, type SessionPayload, type SessionResult } from '../../core/session';
import type { Playground } from '../playground.svelte';
import { Autosave, type AutosaveTimers, type SaveStatus } from './autosave';
import { History } from './history.svelte';
import { openSharedSession, sharedPart, shareUrlOf } from './shareLink';
import { SessionStore } from './sessionStore';

export type NoticeKind =
  | 'restored'
  | 'fresh'
  | 'shared'
  | 'linkError'
  | 'corrupt'
  | 'imported'
  | 'importError'
  | 'storageFailed'
  | 'nothingToRestore'
  | 'lessonError';

/** The open lesson, as sessions keep and restore it (lessons.svelte.ts). */
export interface SessionLessons {
  ref(): SessionLesson | undefined;
  /** opens a session's lesson (none: closes it); a problem comes back as a message */
  restore(lesson: SessionLesson | undefined): string | undefined;
}

export interface Notice {
  kind: NoticeKind;
  params: Record<string, string | number>;
  /** the notice offers to undo (back to the session it replaced) or to start fresh */
  action?: 'undo' | 'startFresh' | 'backToPrevious';
}

export interface SessionControllerOptions {
  store?: SessionStore;
  /** false in embeds: nothing is read from or written to this browser's storage */
  persist?: boolean;
  timers?: AutosaveTimers;
  /** the lesson panel: saved with the session and opened again with it */
  lessons?: SessionLessons;
}

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

export const summaryOf = (sim: Simulation) => ({ calls: sim.state.journal.length, time: clock(sim.now()) });

export class SessionController {
  readonly playground: Playground;
  readonly history: History;
  readonly persist: boolean;
  notice = $state<Notice | undefined>();
  saveStatus = $state<SaveStatus | 'off'>('saved');
  readonly #store: SessionStore;
  readonly #autosave: Autosave;
  readonly #lessons: SessionLessons | undefined;
  #lastSaved = '';

  constructor(playground: Playground, options: SessionControllerOptions = {}) {
    this.playground = playground;
    this.history = new History(playground);
    this.persist = options.persist ?? true;
    this.#store = options.store ?? new SessionStore();
    this.#lessons = options.lessons;
    this.#autosave = new Autosave(() => this.#write(), {
      timers: options.timers,
      onStatus: (s) => {
        this.saveStatus = s;
        if (s === 'failed' && this.notice?.kind !== 'storageFailed') this.notice = { kind: 'storageFailed', params: {} };
      },
    });
    if (!this.persist) this.saveStatus = 'off';
    // A fresh simulation is nothing to save (and must not overwrite a session saved earlier).
    this.#lastSaved = this.#fingerprint();
  }

  /** At start: a share link in the hash wins; else the autosaved session comes back. */
  async start(hash: string): Promise<void> {
    const encoded = sharedPart(hash);
    if (encoded !== undefined) {
      const opened = await openSharedSession(encoded);
      if (opened.ok) {
        if (this.persist) this.#store.keepAsPrevious();
        const problem = this.#show(opened.value.sim, opened.value.payload.lesson);
        this.notice = problem ?? { kind: 'shared', params: summaryOf(opened.value.sim), action: this.persist ? 'backToPrevious' : undefined };
        this.#saveNow();
        return;
      }
      this.notice = { kind: 'linkError', params: { message: opened.message } };
    }
    if (!this.persist) return;
    const loaded = this.#store.load();
    if (loaded.kind === 'corrupt') {
      this.notice = { kind: 'corrupt', params: { message: loaded.message } };
      return;
    }
    if (loaded.kind !== 'ok') return;
    const opened = openSession(loaded.payload);
    if (!opened.ok) {
      this.notice = { kind: 'corrupt', params: { message: opened.message } };
      return;
    }
    if (opened.value.state.journal.length === 0 && opened.value.now() === 0 && !loaded.payload.lesson) return;
    const problem = this.#show(opened.value, loaded.payload.lesson);
    this.#lastSaved = this.#fingerprint();
    this.notice ??= problem ?? { kind: 'restored', params: summaryOf(opened.value), action: 'startFresh' };
  }

  /** Called on every change of the simulation; saves after a quiet moment. */
  changed(): void {
    // While a local endpoint is shown, the in-browser session is aside and unchanged: nothing to save.
    if (!this.persist || this.playground.remote) return;
    if (this.#fingerprint() === this.#lastSaved) return;
    this.#autosave.changed();
  }

  /** Writes a waiting change now. True when the session is safe in this browser. */
  flush(): boolean {
    if (!this.persist) return false;
    if (this.#fingerprint() !== this.#lastSaved && !this.playground.remote) this.#autosave.changed();
    return this.#autosave.flush();
  }

  /** Before the page unloads: saves, and tells whether leaving would still lose learner work. */
  leaveWouldLoseWork(): boolean {
    const sim = this.history.presentSim;
    if (sim.state.journal.length === 0) return false;
    if (!this.persist) return false;
    return !this.flush();
  }

  /** Reset: the current session is kept as the previous one so the notice can undo it. */
  startFresh(): void {
    if (this.persist) {
      this.flush();
      this.#store.keepAsPrevious();
    }
    this.playground.reset();
    this.#lessons?.restore(undefined);
    this.notice = { kind: 'fresh', params: {}, action: this.persist ? 'undo' : undefined };
    this.#saveNow();
  }

  /** Back to the session kept before the last replacement (start fresh, a shared link, a file). */
  restorePrevious(): void {
    const loaded = this.#store.loadPrevious();
    const opened = loaded.kind === 'ok' ? openSession(loaded.payload) : undefined;
    if (loaded.kind !== 'ok' || !opened?.ok) {
      this.notice = { kind: 'nothingToRestore', params: {} };
      return;
    }
    const problem = this.#show(opened.value, loaded.payload.lesson);
    this.notice = problem ?? { kind: 'restored', params: summaryOf(opened.value) };
    this.#saveNow();
  }

  dismiss(): void {
    this.notice = undefined;
  }

  /** Replaces the session with a checked payload (a file, the embed host). */
  load(payload: SessionPayload, source: 'file' | 'host' = 'file'): SessionResult<Simulation> {
    const opened = openSession(payload);
    if (!opened.ok) {
      if (source === 'file') this.notice = { kind: 'importError', params: { message: opened.message } };
      return opened;
    }
    if (this.persist) {
      this.flush();
      this.#store.keepAsPrevious();
    }
    const problem = this.#show(opened.value, payload.lesson);
    if (problem) this.notice = problem;
    else if (source === 'file') this.notice = { kind: 'imported', params: summaryOf(opened.value), action: this.persist ? 'backToPrevious' : undefined };
    this.#saveNow();
    return opened;
  }

  /** Reads a session file's text (size, depth, shape checked) and opens it. */
  importText(text: string): SessionResult<Simulation> {
    const parsed = parseSession(text);
    if (!parsed.ok) {
      this.notice = { kind: 'importError', params: { message: parsed.message } };
      return parsed;
    }
    return this.load(parsed.value, 'file');
  }

  /** The session file: the whole session (the present, even while looking at the past). */
  exportText(): string {
    return `${JSON.stringify(sessionOf(this.history.presentSim, { form: 'smaller', lesson: this.#lessons?.ref() }), null, 1)}\n`;
  }

  shareUrl(base: string): Promise<string> {
    return shareUrlOf(this.history.presentSim, base, this.#lessons?.ref());
  }

  /** Shows a session's simulation and opens its lesson; a lesson that cannot open becomes a notice. */
  #show(sim: Simulation, lesson: SessionLesson | undefined): Notice | undefined {
    this.playground.replace(sim);
    const problem = this.#lessons?.restore(lesson);
    return problem ? { kind: 'lessonError', params: { message: problem } } : undefined;
  }

  #fingerprint(): string {
    const s = this.history.presentSim.state;
    const lesson = this.#lessons?.ref();
    return `${s.journal.length}:${s.now}:${s.firedCount}:${lesson ? `${lesson.id}/${lesson.hintsShown}/${lesson.scenario ? 'edited' : ''}` : ''}`;
  }

  #saveNow(): void {
    if (!this.persist) return;
    this.#autosave.changed();
    this.#autosave.flush();
  }

  #write(): boolean {
    const fingerprint = this.#fingerprint();
    const ok = this.#store.save(sessionOf(this.history.presentSim, { lesson: this.#lessons?.ref() }));
    if (ok) this.#lastSaved = fingerprint;
    return ok;
  }
}
