/**
 * The session payload: the whole simulation as a recipe (creation options + every state-changing
 * call + where the clock stopped) or as a snapshot when that is smaller. One format serves share
 * links, session files, autosave and the embed API; it carries a version and is migrated on read.
 */
import { recipeOf, type SimulationRecipe } from '../engine/replay';
import { readSafeJson, toSafeJson } from '../engine/safeJson';
import { Simulation, SimulationError, type SimulationSnapshot } from '../engine/simulation';
import { replayBounded } from './checkpoints';
import { MAX_SESSION_BYTES, MAX_SESSION_DEPTH } from './limits';
import { migrateSession, SESSION_FORMAT, SESSION_VERSION } from './migrate';
import { recipeProblem } from './recipeShape';

export interface SessionPayload {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  /** the usual form: how the simulation was made */
  recipe?: SimulationRecipe;
  /** the other form, used when it is smaller than the recipe */
  snapshot?: SimulationSnapshot;
  /** the lesson open in the session, when one is (since version 2) */
  lesson?: SessionLesson;
}

/**
 * The open lesson: the scenario's id and how many hints were shown; `scenario` holds the scenario
 * itself when the learner edited it (a built-in one is found again by its id). The scenario is
 * checked by the app with loadScenario when it opens (src/scenarios is outside the core).
 */
export interface SessionLesson {
  id: string;
  hintsShown: number;
  scenario?: Record<string, unknown>;
}

export type SessionResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface SessionOptions {
  /** 'recipe' always writes the recipe (autosave); 'smaller' picks whichever serialises shorter */
  form?: 'recipe' | 'smaller';
  lesson?: SessionLesson;
}

export function sessionOf(sim: Simulation, options: SessionOptions = {}): SessionPayload {
  const base = { format: SESSION_FORMAT, version: SESSION_VERSION, ...(options.lesson ? { lesson: options.lesson } : {}) } as const;
  const recipe = recipeOf(sim);
  if (options.form === 'smaller') {
    const snapshot = sim.snapshot();
    if (JSON.stringify(snapshot).length < JSON.stringify(recipe).length) return { ...base, snapshot };
  }
  return { ...base, recipe };
}

/** Checks a payload from outside (already parsed): plain data, migrated, of a usable shape. */
export function readSession(value: unknown): SessionResult<SessionPayload> {
  const safe = toSafeJson(value, { maxDepth: MAX_SESSION_DEPTH });
  if (!safe.ok) return { ok: false, message: `${safe.error.message}${safe.error.path ? ` at ${safe.error.path}` : ''}` };
  const migrated = migrateSession(safe.value);
  if (!migrated.ok) return migrated;
  const p = migrated.value;
  if (p.lesson !== undefined) {
    const problem = lessonProblem(p.lesson);
    if (problem) return { ok: false, message: problem };
  }
  if ((p.recipe === undefined) === (p.snapshot === undefined)) return { ok: false, message: 'a session holds either a recipe or a snapshot' };
  if (p.recipe !== undefined) {
    const problem = recipeProblem(p.recipe);
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, value: p as unknown as SessionPayload };
}

const LESSON_KEYS = new Set(['id', 'hintsShown', 'scenario']);

function lessonProblem(lesson: unknown): string | undefined {
  if (typeof lesson !== 'object' || lesson === null || Array.isArray(lesson)) return 'lesson should be an object';
  const l = lesson as Record<string, unknown>;
  const extra = Object.keys(l).find((k) => !LESSON_KEYS.has(k));
  if (extra) return `lesson has an unexpected member "${extra}"`;
  if (typeof l.id !== 'string' || l.id.length === 0 || l.id.length > 200) return 'lesson.id should be a short scenario id';
  if (!Number.isInteger(l.hintsShown) || (l.hintsShown as number) < 0 || (l.hintsShown as number) > 100) return 'lesson.hintsShown should be a whole number from 0 to 100';
  if (l.scenario !== undefined && (typeof l.scenario !== 'object' || l.scenario === null || Array.isArray(l.scenario))) return 'lesson.scenario should be a scenario object';
  return undefined;
}

/** Parses session text from outside (files, storage, decoded links) with size and depth limits. */
export function parseSession(text: string): SessionResult<SessionPayload> {
  const parsed = readSafeJson(text, { maxBytes: MAX_SESSION_BYTES, maxDepth: MAX_SESSION_DEPTH });
  if (!parsed.ok) return { ok: false, message: parsed.error.message };
  return readSession(parsed.value);
}

/** Builds the simulation a checked payload describes. Replay problems come back as messages. */
export function openSession(payload: SessionPayload): SessionResult<Simulation> {
  try {
    if (payload.snapshot) return { ok: true, value: new Simulation({ snapshot: payload.snapshot }) };
    return { ok: true, value: replayBounded(payload.recipe as SimulationRecipe) };
  } catch (e) {
    if (e instanceof SimulationError) return { ok: false, message: e.message };
    return { ok: false, message: `the session could not be replayed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
