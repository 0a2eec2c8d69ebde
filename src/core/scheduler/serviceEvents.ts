/**
 * Writing service events: newest first, at most 100 kept (reference §6.1), each with a UUID and a
 * timestamp, and mirrored into the simulation's event log as `service.event`. A message identical
 * to one logged less than six hours ago is left out while its cause lasts (reference §12, the
 * console's duplicate rule); `resolved` forgets a cause so its message can appear again at once.
 */
import { newUuid } from '../engine/ids';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import type { ServiceRecord } from './serviceRecord';

export const MAX_SERVICE_EVENTS = 100;
export const DUPLICATE_WINDOW_MS = 6 * 60 * 60 * 1000;

/** Logs `message` for the service. With `dedupe`, skips it if logged within the last six hours. Returns whether it was logged. */
export function logServiceEvent(state: SimState, svc: ServiceRecord, message: string, options: { dedupe?: boolean } = {}): boolean {
  if (options.dedupe) {
    const last = svc.recentMessages[message];
    if (last !== undefined && state.now - last < DUPLICATE_WINDOW_MS) return false;
    svc.recentMessages[message] = state.now;
  }
  const id = newUuid(state.rng);
  svc.events.unshift({ id, createdAt: state.now, message });
  if (svc.events.length > MAX_SERVICE_EVENTS) svc.events.length = MAX_SERVICE_EVENTS;
  emit(state, 'service.event', message, { resource: svc.serviceArn, data: { serviceName: svc.serviceName, clusterName: svc.clusterName, eventId: id } });
  return true;
}

/** Forgets deduplicated messages for which `match` holds (their cause was resolved). */
export function resolved(svc: ServiceRecord, match: (message: string) => boolean): void {
  for (const m of Object.keys(svc.recentMessages)) if (match(m)) delete svc.recentMessages[m];
}
