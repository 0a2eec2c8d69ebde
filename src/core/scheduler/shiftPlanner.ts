/**
 * The planner of a blue/green, linear or canary deployment while its machine runs. Unlike a rolling
 * update, the new (green) revision scales to 100 % of the desired count beside the old (blue) one,
 * regardless of maximumPercent, once the machine reaches SCALE_UP; blue tasks stay until CLEAN_UP and
 * are then all stopped. Green tasks that turn unhealthy are replaced. The planner tells the machine
 * when green is ready (GREEN_READY) and when blue is gone (BLUE_GONE). Before and after the machine
 * runs (and after a rollback), the rolling planner takes over (replica.ts).
 */
import type { SimState } from '../engine/state';
import { leafPaths, sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import type { Plan, PlanInput, TaskView } from './reconcile';
import { planReplica, stopOrder } from './replica';

export function shiftRunning(state: SimState, input: PlanInput): boolean {
  const { primary } = input;
  const actor = state.actors[primary.actorId];
  return primary.bg !== undefined && !primary.bg.rolledBack && actor !== undefined && actor.status === 'active' && leafPaths(actor.value)[0].startsWith('IN_PROGRESS');
}

export function planShift(state: SimState, input: PlanInput): Plan {
  if (!shiftRunning(state, input)) return planReplica(state, input);
  const { svc, primary, views, canLaunch, launchable } = input;
  const bg = primary.bg!;
  const desired = svc.desiredCount;
  const green = views.filter((v) => v.live && v.dep === primary);
  const blue = views.filter((v) => v.dep !== primary);
  const stops: Plan['stops'] = [];
  const unhealthy = green.filter((v) => v.unhealthy);
  for (const v of unhealthy) stops.push({ view: v, unhealthy: true });
  let keepers = green.filter((v) => !v.unhealthy);
  if (keepers.length > desired) {
    const excess = stopOrder(state, [...keepers.filter((k) => !k.healthy), ...keepers.filter((k) => k.healthy)], views).slice(0, keepers.length - desired);
    for (const v of excess) stops.push({ view: v, unhealthy: false });
    keepers = keepers.filter((k) => !excess.includes(k));
  }
  const scaled = bg.stages.includes('SCALE_UP');
  const starts = scaled && launchable && canLaunch ? Math.max(0, desired - keepers.length) : 0;
  if (bg.lifecycleStage === 'CLEAN_UP') {
    for (const v of blue) if (v.live) stops.push({ view: v as TaskView, unhealthy: false });
  }
  const plan: Plan = {
    stops,
    starts: starts > 0 ? [{ count: starts }] : [],
    replacingUnhealthy: Math.min(starts, unhealthy.length),
    stable: false,
    deadlocked: false,
  };
  if (bg.lifecycleStage === 'SCALE_UP' && keepers.length === desired && keepers.every((k) => k.healthy) && stops.length === 0) {
    sendToActor(state, machines, primary.actorId, { type: 'GREEN_READY' });
  } else if (bg.lifecycleStage === 'CLEAN_UP' && blue.length === 0) {
    sendToActor(state, machines, primary.actorId, { type: 'BLUE_GONE' });
    return planReplica(state, input);
  }
  return plan;
}
