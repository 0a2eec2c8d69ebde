/**
 * The states a task went through. While the task lives, its actor's history is the path (what the
 * XState machine actually did). A STOPPED task's actor is gone, so the path comes from its
 * `task.stateChange` events instead. Pure; tested in taskPath.test.ts.
 */
import type { SimEvent } from '../core';

/** Index of the first event at or after `time` (events are in time order). */
function firstAtOrAfter(events: readonly SimEvent[], time: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid].time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** lastStatus values from the task's state-change events, from createdAt until STOPPED. */
export function pathFromEvents(events: readonly SimEvent[], taskArn: string, createdAt: number): string[] {
  const path: string[] = [];
  for (let i = firstAtOrAfter(events, createdAt); i < events.length; i++) {
    const e = events[i];
    if (e.type !== 'task.stateChange' || e.resource !== taskArn) continue;
    const status = e.data?.lastStatus;
    if (typeof status !== 'string') continue;
    if (path[path.length - 1] !== status) path.push(status);
    if (status === 'STOPPED') break;
  }
  return path;
}

export function taskStatusPath(
  task: { taskArn: string; createdAt: number; lastStatus: string },
  actor: { history: readonly string[] } | undefined,
  events: readonly SimEvent[],
): string[] {
  if (actor && actor.history.length > 0) return [...actor.history];
  const path = pathFromEvents(events, task.taskArn, task.createdAt);
  if (path[path.length - 1] !== task.lastStatus) path.push(task.lastStatus);
  return path;
}
