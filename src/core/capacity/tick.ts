/**
 * The capacity area's clock: one `capacity.tick` queue entry per cluster with Auto Scaling groups,
 * on the whole-minute grid (managed scaling evaluates CapacityProviderReservation every minute,
 * reference §10.4), and `capacity.place` entries that retry waiting tasks when instances change.
 * Imports only the kernel and the records, so any area can book work here without import cycles.
 */
import { Priority, schedule } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { capacityOf } from './records';

export const CAPACITY_TICK = 'capacity.tick';
export const CAPACITY_PLACE = 'capacity.place';
export const TICK_MS = 60_000;

/** Books the cluster's next minute tick unless one is booked. */
export function ensureCapacityTick(state: SimState, clusterName: string): void {
  const book = capacityOf(state);
  if (book.ticking[clusterName]) return;
  book.ticking[clusterName] = true;
  const at = Math.floor(state.now / TICK_MS) * TICK_MS + TICK_MS;
  schedule(state, at - state.now, CAPACITY_TICK, { clusterName }, Priority.periodic);
}

/** Books an attempt to place the cluster's waiting tasks now (after the current entry), if it has any. */
export function requestWaitingPlacement(state: SimState, clusterName: string): void {
  const waiting = state.capacity?.waiting;
  if (!waiting) return;
  for (const arn in waiting) {
    if (waiting[arn].clusterName === clusterName) {
      schedule(state, 0, CAPACITY_PLACE, { clusterName }, Priority.scheduler);
      return;
    }
  }
}
