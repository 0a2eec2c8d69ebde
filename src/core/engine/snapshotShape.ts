/**
 * The shape a restored simulation state must have before the engine touches it: every member a
 * fresh state has, of the same kind (number, string, array, object), and a queue and event log made
 * of entries the engine can read. Deeper records are checked where they are used.
 */
import { createState } from './state';

type Kind = 'null' | 'array' | 'object' | 'number' | 'string' | 'boolean' | 'other';

function kindOf(v: unknown): Kind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'object' || t === 'number' || t === 'string' || t === 'boolean' ? t : 'other';
}

const isObject = (v: unknown): v is Record<string, unknown> => kindOf(v) === 'object';

/** What is wrong with a state taken from outside, or undefined when its shape is usable. */
export function stateShapeProblem(state: unknown): string | undefined {
  if (!isObject(state)) return 'the state is not an object';
  const template = createState() as unknown as Record<string, unknown>;
  for (const [key, expected] of Object.entries(template)) {
    const actual = kindOf(state[key]);
    if (actual !== kindOf(expected)) return `state.${key} should be ${kindOf(expected)}, not ${actual}`;
  }
  if (!Number.isInteger(state.now) || (state.now as number) < 0) return 'state.now should be an integer >= 0';
  const queue = state.queue as unknown[];
  for (let i = 0; i < queue.length; i++) {
    const e = queue[i];
    if (!isObject(e) || !Number.isFinite(e.at) || typeof e.kind !== 'string' || !Number.isFinite(e.priority) || !Number.isFinite(e.seq)) {
      return `state.queue[${i}] is not a queue entry`;
    }
  }
  const events = state.events as unknown[];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!isObject(e) || typeof e.type !== 'string' || typeof e.message !== 'string' || !Number.isFinite(e.time)) {
      return `state.events[${i}] is not an event`;
    }
  }
  return undefined;
}
