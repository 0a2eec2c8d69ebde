/**
 * The planner of a blue/green, linear or canary deployment while its machine runs. Unlike a rolling
 * update, the new (green) revision scales to 100 % of the desired count beside the old (blue) one,
 * regardless of maximumPercent, once the machine reaches SCALE_UP; blue tasks stay until CLEAN_UP and
 * are then all stopped. Until CLEAN_UP both revisions are held at the desired count: a task of either
 * that stops (crash, instance terminated, Spot interruption) is replaced with its own revision, an
 * unhealthy one is stopped and replaced, and tasks on DRAINING instances are replaced first and stopped
 * once the replacements are healthy. Older revisions than blue (RECONCILE_SERVICE) are left alone until
 * CLEAN_UP. The planner tells the machine when green is ready (GREEN_READY) and when blue is gone
 * (BLUE_GONE). Before and after the machine runs (and after a rollback), the rolling planner takes
 * over (replica.ts).
 */
import type { SimState } from '../engine/state';
import { leafPaths, sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import type { DeploymentRecord } from './serviceRecord';
import type { Plan, PlanInput, TaskView } from './reconcile';
import { planReplica, stopOrder } from './replica';
import { onDrainingInstance } from './taskView';

export function shiftRunning(state: SimState, input: PlanInput): boolean {
  const { primary } = input;
  const actor = state.actors[primary.actorId];
  return primary.bg !== undefined && !primary.bg.rolledBack && actor !== undefined && actor.status === 'active' && leafPaths(actor.value)[0].startsWith('IN_PROGRESS');
}

/** What holding one revision at `desired` tasks takes. */
interface Hold {
  stops: Plan['stops'];
  starts: number;
  /** how many of the starts replace an unhealthy task */
  replacingUnhealthy: number;
  /** the revision has `desired` healthy tasks and nothing to replace */
  ready: boolean;
}

/** Holds the live tasks of one revision at `desired`; `launch` says whether it may start tasks now. */
function hold(state: SimState, tasks: TaskView[], all: TaskView[], desired: number, launch: boolean): Hold {
  const stops: Plan['stops'] = [];
  const unhealthy = tasks.filter((v) => v.unhealthy);
  for (const v of unhealthy) stops.push({ view: v, unhealthy: true });
  const draining = tasks.filter((v) => !v.unhealthy && onDrainingInstance(state, v.t));
  let keepers = tasks.filter((v) => !v.unhealthy && !draining.includes(v));
  if (keepers.length > desired) {
    const excess = stopOrder(state, [...keepers.filter((k) => !k.healthy), ...keepers.filter((k) => k.healthy)], all).slice(0, keepers.length - desired);
    for (const v of excess) stops.push({ view: v, unhealthy: false });
    keepers = keepers.filter((k) => !excess.includes(k));
  }
  // Tasks on DRAINING instances go once their replacements are healthy (start first, reference §3.3).
  const healthyKeepers = keepers.filter((k) => k.healthy).length;
  const drainStops = Math.max(0, Math.min(draining.length, healthyKeepers + draining.length - desired));
  for (const v of stopOrder(state, draining, all).slice(0, drainStops)) stops.push({ view: v, unhealthy: false });
  const starts = launch ? Math.max(0, desired - keepers.length) : 0;
  return {
    stops,
    starts,
    replacingUnhealthy: Math.min(starts, unhealthy.length),
    ready: keepers.length === desired && keepers.every((k) => k.healthy) && stops.length === 0 && draining.length === 0,
  };
}

function blueOf(input: PlanInput): DeploymentRecord | undefined {
  const id = input.primary.bg?.blueDeploymentId;
  return id === undefined ? undefined : input.svc.deployments.find((d) => d.id === id);
}

export function planShift(state: SimState, input: PlanInput): Plan {
  if (!shiftRunning(state, input)) return planReplica(state, input);
  const { svc, primary, views, canLaunch, launchable } = input;
  const bg = primary.bg!;
  const desired = svc.desiredCount;
  const cleanUp = bg.lifecycleStage === 'CLEAN_UP';
  const blueDep = blueOf(input);
  const green = hold(state, views.filter((v) => v.live && v.dep === primary), views, desired, bg.stages.includes('SCALE_UP') && launchable && canLaunch);
  const stops: Plan['stops'] = [...green.stops];
  const starts: Plan['starts'] = [];
  let replacingUnhealthy = 0;
  if (!cleanUp && blueDep) {
    // The old revision keeps serving production until CLEAN_UP: its stopped tasks are replaced.
    const blue = hold(state, views.filter((v) => v.live && v.dep === blueDep), views, desired, launchable && canLaunch);
    stops.push(...blue.stops);
    if (blue.starts > 0) starts.push({ count: blue.starts, dep: blueDep });
    replacingUnhealthy += blue.replacingUnhealthy;
  }
  if (green.starts > 0) starts.push({ count: green.starts });
  replacingUnhealthy += green.replacingUnhealthy;
  const old = views.filter((v) => v.dep !== primary);
  if (cleanUp) {
    for (const v of old) if (v.live) stops.push({ view: v as TaskView, unhealthy: false });
  }
  const plan: Plan = { stops, starts, replacingUnhealthy, stable: false, deadlocked: false };
  if (bg.lifecycleStage === 'SCALE_UP' && green.ready) {
    sendToActor(state, machines, primary.actorId, { type: 'GREEN_READY' });
  } else if (cleanUp && old.length === 0) {
    sendToActor(state, machines, primary.actorId, { type: 'BLUE_GONE' });
    return planReplica(state, input);
  }
  return plan;
}
