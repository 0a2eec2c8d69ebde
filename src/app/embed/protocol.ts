/**
 * The embed's postMessage API: the only message shapes it accepts from a host page, checked before
 * use, and the shapes it sends back. Documented in the README ("Embedding").
 *
 * Host → embed (each may carry an `id`, echoed in the reply):
 *   { type: 'ecs-playground:load', session }            a session payload (as in session files)
 *   { type: 'ecs-playground:load', share }              the text after `#s=` in a share link
 *   { type: 'ecs-playground:command', api, operation, request }   api 'ecs' or 'infra'
 *   { type: 'ecs-playground:cli', line }                 one `aws ecs …` command line, as typed in the Console
 *   { type: 'ecs-playground:clock', action, ms? , speed? }        play | pause | step | advance
 *   { type: 'ecs-playground:get-state' }
 *   { type: 'ecs-playground:scenario', scenario }        starts a built-in scenario by id (lesson + goals)
 * Embed → host:
 *   { type: 'ecs-playground:ready', protocol: 1, view, readonly }
 *   { type: 'ecs-playground:result', id, ok: true, value } | { ..., ok: false, error: { code, message } }
 *   { type: 'ecs-playground:state', state: StateSummary }   after changes (at most every 250 ms)
 *   { type: 'ecs-playground:goals', scenario, goals: [{ id, pass }], passed, total, complete }
 *       when an exercise opens and whenever one of its goals turns pass or fail (`complete`: all pass)
 */
import { ecsOperations } from '../../core/api/ecs';
import { toSafeJson } from '../../core/engine/safeJson';
import { infraOperations } from '../../core/infra/api';
import { MAX_SESSION_BYTES, MAX_SESSION_DEPTH } from '../../core/session';

export const PROTOCOL_VERSION = 1;
export const PREFIX = 'ecs-playground:';

export type ClockAction = 'play' | 'pause' | 'step' | 'advance';

export type HostMessage =
  | { type: 'ecs-playground:load'; id?: string | number; session?: unknown; share?: string }
  | { type: 'ecs-playground:command'; id?: string | number; api: 'ecs' | 'infra'; operation: string; request: Record<string, unknown> }
  | { type: 'ecs-playground:cli'; id?: string | number; line: string }
  | { type: 'ecs-playground:clock'; id?: string | number; action: ClockAction; ms?: number; speed?: number }
  | { type: 'ecs-playground:get-state'; id?: string | number }
  | { type: 'ecs-playground:scenario'; id?: string | number; scenario: string };

/** The goal-completion event: an exercise's goals as they stand. */
export interface GoalsMessage {
  type: 'ecs-playground:goals';
  scenario: string;
  goals: { id: string; pass: boolean }[];
  passed: number;
  total: number;
  /** every goal passes: the exercise is done */
  complete: boolean;
}

export function goalsMessage(scenario: string, results: readonly { id: string; pass: boolean }[]): GoalsMessage {
  const goals = results.map((r) => ({ id: r.id, pass: r.pass }));
  const passed = goals.filter((g) => g.pass).length;
  return { type: 'ecs-playground:goals', scenario, goals, passed, total: goals.length, complete: goals.length > 0 && passed === goals.length };
}

export type ParsedMessage = { ok: true; message: HostMessage } | { ok: false; id?: string | number; message: string };

const SHAPES: Record<string, { required: string[]; optional: string[] }> = {
  'ecs-playground:load': { required: [], optional: ['id', 'session', 'share'] },
  'ecs-playground:command': { required: ['api', 'operation'], optional: ['id', 'request'] },
  'ecs-playground:cli': { required: ['line'], optional: ['id'] },
  'ecs-playground:clock': { required: ['action'], optional: ['id', 'ms', 'speed'] },
  'ecs-playground:get-state': { required: [], optional: ['id'] },
  'ecs-playground:scenario': { required: ['scenario'], optional: ['id'] },
};
const OPERATIONS: Record<string, object> = { ecs: ecsOperations, infra: infraOperations };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a message's data against the documented shapes. Never throws. */
export function parseHostMessage(data: unknown): ParsedMessage {
  const safe = toSafeJson(data, { maxDepth: MAX_SESSION_DEPTH });
  if (!safe.ok) return { ok: false, message: `message is not plain JSON data: ${safe.error.message}` };
  const m = safe.value;
  if (!isObject(m) || typeof m.type !== 'string' || !Object.hasOwn(SHAPES, m.type)) return { ok: false, message: 'unknown message type' };
  const id = typeof m.id === 'string' || (typeof m.id === 'number' && Number.isFinite(m.id)) ? m.id : undefined;
  const fail = (message: string): ParsedMessage => ({ ok: false, id, message });
  if (m.id !== undefined && id === undefined) return fail('id should be a string or a number');
  if (JSON.stringify(m).length > MAX_SESSION_BYTES) return fail(`message is larger than ${MAX_SESSION_BYTES} bytes`);
  const shape = SHAPES[m.type];
  for (const key of Object.keys(m)) if (key !== 'type' && !shape.required.includes(key) && !shape.optional.includes(key)) return fail(`unexpected member "${key}"`);
  for (const key of shape.required) if (!(key in m)) return fail(`missing member "${key}"`);
  switch (m.type) {
    case 'ecs-playground:load':
      if ((m.session === undefined) === (m.share === undefined)) return fail('load needs exactly one of "session" or "share"');
      if (m.share !== undefined && typeof m.share !== 'string') return fail('"share" should be the text after #s= in a share link');
      break;
    case 'ecs-playground:command':
      if (m.api !== 'ecs' && m.api !== 'infra') return fail('"api" should be "ecs" or "infra"');
      if (typeof m.operation !== 'string' || !Object.hasOwn(OPERATIONS[m.api], m.operation)) return fail(`unknown ${String(m.api)} operation "${String(m.operation)}"`);
      if (m.request !== undefined && !isObject(m.request)) return fail('"request" should be an object');
      return { ok: true, message: { type: m.type, id, api: m.api, operation: m.operation, request: (m.request ?? {}) as Record<string, unknown> } };
    case 'ecs-playground:cli':
      if (typeof m.line !== 'string' || m.line.trim() === '' || m.line.length > 65_536) return fail('"line" should be one command line, at most 64 KiB');
      break;
    case 'ecs-playground:clock':
      if (!['play', 'pause', 'step', 'advance'].includes(m.action as string)) return fail('"action" should be play, pause, step or advance');
      if (m.action === 'advance' && (!Number.isInteger(m.ms) || (m.ms as number) < 0 || (m.ms as number) > 24 * 3_600_000)) return fail('"ms" should be whole ms, at most one virtual day');
      if (m.speed !== undefined && typeof m.speed !== 'number') return fail('"speed" should be a number');
      break;
    case 'ecs-playground:scenario':
      if (typeof m.scenario !== 'string' || m.scenario.length === 0 || m.scenario.length > 200) return fail('"scenario" should be a scenario id');
      break;
  }
  return { ok: true, message: m as unknown as HostMessage };
}

/** True for data that looks like it was meant for us (so other messages on the page are left alone). */
export function isForUs(data: unknown): boolean {
  return isObject(data) && typeof data.type === 'string' && data.type.startsWith(PREFIX);
}
