/**
 * The few operations every area of the core uses on the state: schedule work, cancel it,
 * record an event, turn a virtual time into a timestamp.
 */
import type { JsonObject, JsonValue } from './json';
import { heapPush, heapRemoveWhere, type QueueEntry } from './queue';
import type { SimState } from './state';

/** Priorities for entries due at the same virtual time: lower fires first. */
export const Priority = {
  /** infrastructure changes (instances booting, agents connecting) */
  infra: 10,
  /** task and container state machines */
  task: 20,
  /** schedulers reacting to what happened */
  scheduler: 30,
  /** periodic evaluations (metrics, scaling) */
  periodic: 40,
} as const;

/** Schedules `kind` to fire `delayMs` from now. Returns the entry's sequence number. */
export function schedule(
  state: SimState,
  delayMs: number,
  kind: string,
  payload: JsonValue = null,
  priority: number = Priority.task,
): number {
  if (!Number.isFinite(delayMs) || delayMs < 0) throw new RangeError(`schedule: bad delay ${delayMs}`);
  const entry: QueueEntry = {
    at: state.now + Math.round(delayMs),
    priority,
    seq: state.queueSeq++,
    kind,
    payload,
  };
  heapPush(state.queue, entry);
  return entry.seq;
}

/** Removes scheduled entries matching the predicate. */
export function cancel(state: SimState, predicate: (entry: QueueEntry) => boolean): number {
  return heapRemoveWhere(state.queue, predicate);
}

/** Appends an event to the log. */
export function emit(
  state: SimState,
  type: string,
  message: string,
  fields: { resource?: string; data?: JsonObject } = {},
): void {
  const event = { seq: state.events.length + 1, time: state.now, type, message } as SimEventDraft;
  if (fields.resource !== undefined) event.resource = fields.resource;
  if (fields.data !== undefined) event.data = fields.data;
  state.events.push(event);
}
type SimEventDraft = SimState['events'][number];

/** The wall-clock Date of a virtual time, as the AWS SDK returns timestamps. */
export function toDate(state: SimState, virtualMs: number): Date {
  return new Date(state.epochMs + virtualMs);
}

/** A handler runs when its queue entry fires; it may change the state and schedule more work. */
export type Handler = (state: SimState, payload: any) => void;
export type HandlerTable = Readonly<Record<string, Handler>>;
