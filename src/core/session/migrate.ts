/**
 * Session payloads keep working across versions: each payload names its version, and every older
 * version has one step that turns it into the next. `migrateSession` runs the steps in order until
 * the payload is current. A payload from a newer app is refused with a message saying so.
 *
 * Version 0 is the compact form used before the envelope existed (seed only, calls as tuples); it is
 * kept as the first step of the chain so the mechanism is exercised by a real migration.
 */
import { RECIPE_FORMAT, RECIPE_VERSION } from '../engine/replay';
import { DEFAULT_EPOCH_MS } from '../engine/state';

export const SESSION_FORMAT = 'ecs-playground/session';
export const SESSION_VERSION = 2;

type Loose = Record<string, unknown>;
export type MigrationResult = { ok: true; value: Loose } | { ok: false; message: string };

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The version a payload says it has, or undefined when it is not a session payload at all. */
export function sessionVersionOf(payload: unknown): number | undefined {
  if (!isObject(payload)) return undefined;
  if (payload.format === SESSION_FORMAT && Number.isInteger(payload.version)) return payload.version as number;
  if (payload.format === undefined && payload.v === 0) return 0;
  return undefined;
}

/** v0 `{ v: 0, seed, calls: [[at, fired, "api.operation", args]], end: [at, fired] }` → v1 envelope with a recipe */
function from0(old: Loose): MigrationResult {
  const calls = old.calls;
  const end = old.end;
  if (!Array.isArray(calls) || !Array.isArray(end) || end.length !== 2) return { ok: false, message: 'version 0 session: calls and end are missing' };
  const journal = [];
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i] as unknown;
    if (!Array.isArray(c) || c.length !== 4 || typeof c[2] !== 'string' || !c[2].includes('.')) {
      return { ok: false, message: `version 0 session: call ${i} is not [at, fired, "api.operation", args]` };
    }
    const [api, operation] = (c[2] as string).split('.', 2);
    journal.push({ at: c[0], fired: c[1], api, operation, args: c[3] });
  }
  return {
    ok: true,
    value: {
      format: SESSION_FORMAT,
      version: 1,
      recipe: {
        format: RECIPE_FORMAT,
        version: RECIPE_VERSION,
        options: { seed: old.seed, region: 'us-east-1', accountId: '123456789012', epochMs: DEFAULT_EPOCH_MS, timingProfile: 'realistic' },
        journal,
        end: { at: end[0], fired: end[1] },
      },
    },
  };
}

/**
 * v1 named the scenario a session started from (`scenario: "<id>"`) and nothing else of the lesson;
 * v2 keeps the open lesson (`lesson: { id, hintsShown, scenario? }`), so the lesson panel and its
 * goals come back with the session. A v1 id becomes a lesson with no hints shown.
 */
function from1(old: Loose): MigrationResult {
  const { scenario, ...rest } = old;
  if (scenario !== undefined && typeof scenario !== 'string') return { ok: false, message: 'version 1 session: scenario should be a scenario id' };
  return { ok: true, value: { ...rest, version: 2, ...(scenario ? { lesson: { id: scenario, hintsShown: 0 } } : {}) } };
}

/** One step per old version: MIGRATIONS[n] turns version n into version n + 1. */
export const MIGRATIONS: Readonly<Record<number, (old: Loose) => MigrationResult>> = { 0: from0, 1: from1 };

/** Brings a payload of any known version to SESSION_VERSION. The shape is checked afterwards. */
export function migrateSession(payload: unknown): MigrationResult {
  let version = sessionVersionOf(payload);
  if (version === undefined) return { ok: false, message: `not an ECS Playground session (format should be "${SESSION_FORMAT}")` };
  if (version > SESSION_VERSION) {
    return { ok: false, message: `this session was made by a newer ECS Playground (version ${version}; this one reads up to ${SESSION_VERSION})` };
  }
  let current = payload as Loose;
  while (version < SESSION_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, message: `session version ${version} can no longer be read` };
    const next = step(current);
    if (!next.ok) return next;
    current = next.value;
    version++;
  }
  return { ok: true, value: current };
}
