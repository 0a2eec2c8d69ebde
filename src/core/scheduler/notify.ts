/**
 * How the rest of the core tells the service scheduler that something changed, and how the scheduler
 * books its own wake-ups. One queue entry kind, `scheduler.reconcile`, per cluster; requests that fall
 * within RECONCILE_BATCH_MS of an entry already booked share it, so a burst of task changes costs one
 * reconcile. Imports only the kernel, so the task and instance areas can call it without cycles.
 */
import { schedule, Priority } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { requestWaitingPlacement } from '../capacity/tick';

export const RECONCILE = 'scheduler.reconcile';
/** How long the scheduler takes to react to a change (ours: 1 s, docs/services.md). */
export const RECONCILE_BATCH_MS = 1_000;

function wakeupsOf(state: SimState): Record<string, number[]> {
  return (state.schedulerWakeups ??= {});
}

/**
 * Books a reconcile of the cluster's services at `at` or soon after. Scheduler work runs on a
 * one-second grid (RECONCILE_BATCH_MS): a change books the next grid point, a timer the first grid
 * point at or after its time, so everything that happens within one second shares one reconcile.
 * API calls pass `immediate` and are reconciled at the current instant.
 */
export function requestReconcile(state: SimState, clusterName: string, at: number = state.now, immediate = false): void {
  if (!state.services || !hasServices(state, clusterName)) return;
  const when = immediate ? state.now : Math.ceil(Math.max(at, state.now + 1) / RECONCILE_BATCH_MS) * RECONCILE_BATCH_MS;
  const booked = (wakeupsOf(state)[clusterName] ??= []);
  if (booked.includes(when)) return;
  booked.push(when);
  schedule(state, when - state.now, RECONCILE, { clusterName }, Priority.scheduler);
}

/** Called by the reconcile handler when its entry fires. */
export function wakeupFired(state: SimState, clusterName: string): void {
  const booked = wakeupsOf(state)[clusterName];
  if (!booked) return;
  const left = booked.filter((t) => t > state.now);
  if (left.length > 0) wakeupsOf(state)[clusterName] = left;
  else delete wakeupsOf(state)[clusterName];
}

function hasServices(state: SimState, clusterName: string): boolean {
  for (const arn in state.services) {
    const s = state.services[arn];
    if (s.clusterName === clusterName && s.status !== 'INACTIVE') return true;
  }
  return false;
}

/** A task changed status or health. Service tasks (group `service:<name>`) wake their cluster's scheduler. */
export function serviceTaskChanged(state: SimState, task: { group: string; clusterName: string }): void {
  if (task.group.startsWith('service:')) requestReconcile(state, task.clusterName);
}

/** A container instance joined, changed status, lost or regained its agent, or left. */
export function clusterInstancesChanged(state: SimState, clusterName: string): void {
  requestReconcile(state, clusterName, state.now, true);
  // Tasks waiting in PROVISIONING for capacity may fit now (capacity/waiting.ts).
  requestWaitingPlacement(state, clusterName);
}
