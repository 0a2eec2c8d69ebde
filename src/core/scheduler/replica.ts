/**
 * The REPLICA planner (reference §6.3, §7.1, §7.2). Tasks of the PRIMARY deployment that are healthy
 * or on their way, on an ACTIVE instance, are "keepers"; everything else that is live is to be
 * replaced: tasks of older deployments, tasks on DRAINING instances, unhealthy tasks.
 *
 *   starts  = min(desired − keepers, upper − tasks in RUNNING or earlier)
 *   stops   = keepers above desired (scale-in), not-yet-healthy tasks being replaced (free),
 *             unhealthy tasks once their replacements are healthy (or one at a time when no start
 *             is possible), then healthy tasks being replaced while healthy − lower allows.
 *
 * Scale-in picks healthy tasks with the placement engine's reverse strategies (placement/scaleIn.ts).
 * Tasks being replaced stop in this order: DRAINING instances first, then the oldest deployment, then
 * the AZ and instance with the most tasks of the service (the documented order without a strategy).
 */
import { pick } from '../engine/rng';
import type { SimState } from '../engine/state';
import { bounds } from './bounds';
import type { Plan, PlanInput, TaskView } from './reconcile';
import { onDrainingInstance } from './taskView';
import { azPicture, emptiestAz, fullestAz, isBalanced, rebalancingApplies } from './azRebalance';
import { chooseTasksToStop } from '../placement/scaleIn';
import type { PlacementStrategy } from '../placement/types';

/** Orders stop candidates: draining first, oldest deployment, busiest AZ, busiest instance, then ARN. */
export function stopOrder(state: SimState, views: TaskView[], all: TaskView[]): TaskView[] {
  if (views.length <= 1) return [...views];
  const perAz = new Map<string, number>();
  const perInstance = new Map<string, number>();
  for (const v of all) {
    if (!v.live) continue;
    const az = v.t.availabilityZone ?? '';
    perAz.set(az, (perAz.get(az) ?? 0) + 1);
    const ci = v.t.containerInstanceArn ?? '';
    perInstance.set(ci, (perInstance.get(ci) ?? 0) + 1);
  }
  // Sort keys computed once per task (the sort compares them many times).
  const keyed = views.map((v) => ({
    v,
    draining: onDrainingInstance(state, v.t) ? 1 : 0,
    age: v.dep?.createdAt ?? -1,
    az: perAz.get(v.t.availabilityZone ?? '') ?? 0,
    ci: perInstance.get(v.t.containerInstanceArn ?? '') ?? 0,
    arn: v.t.taskArn,
  }));
  keyed.sort((a, b) => b.draining - a.draining || a.age - b.age || b.az - a.az || b.ci - a.ci || (a.arn < b.arn ? -1 : 1));
  return keyed.map((k) => k.v);
}

export function planReplica(state: SimState, input: PlanInput): Plan {
  const { svc, primary, views, canLaunch, launchable } = input;
  const desired = svc.desiredCount;
  const { lower, upper } = bounds(desired, svc.deploymentConfiguration.minimumHealthyPercent, svc.deploymentConfiguration.maximumPercent);
  const live = views.filter((v) => v.live);
  const keepers: TaskView[] = [];
  const unhealthyPrimary: TaskView[] = [];
  const replacing: TaskView[] = [];
  for (const v of live) {
    const draining = onDrainingInstance(state, v.t);
    if (v.dep === primary && !draining && !v.unhealthy) keepers.push(v);
    else if (v.dep === primary && v.unhealthy && !draining) unhealthyPrimary.push(v);
    else replacing.push(v);
  }
  let healthy = live.filter((v) => v.healthy).length;
  const inFlight = views.filter((v) => v.inFlight).length;
  const stops: Plan['stops'] = [];
  const stopping = new Set<TaskView>();
  const stop = (v: TaskView, unhealthy = false, az?: string) => {
    stops.push(az === undefined ? { view: v, unhealthy } : { view: v, unhealthy, az });
    stopping.add(v);
    if (v.healthy) healthy--;
  };

  // AZ rebalancing: the extra task started in the emptiest AZ; once healthy, one goes from the fullest.
  const rebalanceTask = svc.azRebalance ? keepers.find((k) => k.t.taskArn === svc.azRebalance!.taskArn) : undefined;
  let waitingForRebalance = false;
  if (rebalanceTask && keepers.length > desired) {
    if (!rebalanceTask.healthy) waitingForRebalance = true;
    else {
      const picture = azPicture(state, svc, primary, keepers);
      const from = fullestAz(picture);
      const inFrom = keepers.filter((k) => k !== rebalanceTask && k.t.availabilityZone === from);
      const victim = stopOrder(state, inFrom.length > 0 ? inFrom : keepers.filter((k) => k !== rebalanceTask), live)[0];
      if (victim && (!victim.healthy || healthy - 1 >= lower)) {
        stop(victim, false, victim.t.availabilityZone ?? from);
        keepers.splice(keepers.indexOf(victim), 1);
      } else waitingForRebalance = true;
    }
  }

  // Scale-in: keepers above the desired count. The not-yet-healthy go first; among healthy ones the
  // placement engine applies the service's strategies in reverse (reference §5.2, §5.3).
  if (keepers.length > desired && !waitingForRebalance) {
    const excess = keepers.length - desired;
    const chosen = stopOrder(state, keepers.filter((k) => !k.healthy), live).slice(0, excess);
    if (chosen.length < excess) {
      const healthyKeepers = keepers.filter((k) => k.healthy);
      const byArn = new Map(healthyKeepers.map((k) => [k.t.taskArn, k]));
      const picked = chooseTasksToStop(state, {
        taskArns: healthyKeepers.filter((k) => k.t.containerInstanceArn).map((k) => k.t.taskArn),
        count: excess - chosen.length,
        strategies: primary.revision.placementStrategy as PlacementStrategy[],
      }).taskArns.map((arn) => byArn.get(arn)!);
      chosen.push(...picked);
      // Tasks without a container instance (Fargate): the AZ with the most tasks first.
      if (chosen.length < excess) chosen.push(...stopOrder(state, healthyKeepers.filter((k) => !chosen.includes(k)), live).slice(0, excess - chosen.length));
    }
    for (const v of chosen) stop(v);
    const gone = new Set(chosen);
    keepers.splice(0, keepers.length, ...keepers.filter((k) => !gone.has(k)));
  }

  const need = launchable ? Math.max(0, desired - keepers.length) : 0;
  let startCount = canLaunch ? Math.max(0, Math.min(need, upper - inFlight)) : 0;

  // Unhealthy PRIMARY tasks: replaced first when the upper bound allows, stopped once the total is back.
  const healthyKeepers = keepers.filter((k) => k.healthy).length;
  let unhealthyStops = Math.max(0, Math.min(unhealthyPrimary.length, healthyKeepers + unhealthyPrimary.length - desired));
  if (unhealthyStops === 0 && unhealthyPrimary.length > 0 && startCount === 0 && canLaunch && upper - inFlight <= 0) {
    unhealthyStops = 1; // no room for a replacement: stop one at random first (reference §6.3)
    const victim = pick(state.rng, unhealthyPrimary);
    unhealthyPrimary.splice(unhealthyPrimary.indexOf(victim), 1);
    unhealthyPrimary.unshift(victim);
  }
  for (const v of unhealthyPrimary.slice(0, unhealthyStops)) stop(v, true);

  // Unhealthy tasks of older deployments are replaced with their own revision (reference §6.3): the
  // replacement first when the upper bound allows, the unhealthy task stopped once it is healthy.
  const oldStarts: Plan['starts'] = [];
  const protectedReplacements = new Set<TaskView>();
  let roomLeft = upper - inFlight;
  for (const u of replacing) {
    if (!u.unhealthy || !u.dep || u.dep === primary || onDrainingInstance(state, u.t)) continue;
    const rep = u.note.replacementTaskArn ? live.find((v) => v.t.taskArn === u.note.replacementTaskArn) : undefined;
    if (rep) protectedReplacements.add(rep);
    if (rep?.healthy) stop(u, true);
    else if (rep) protectedReplacements.add(u); // waits for its replacement
    else if (canLaunch && roomLeft > 0) {
      oldStarts.push({ count: 1, dep: u.dep, replaces: u });
      roomLeft--;
    } else stop(u, true);
  }
  startCount = Math.min(startCount, Math.max(0, roomLeft));

  if (launchable && replacing.length > 0 && (healthy - 1 >= lower || replacing.some((v) => !v.healthy))) {
    // Tasks being replaced that are not healthy cost nothing against the lower bound (unhealthy ones of
    // older deployments and their replacements are handled above).
    const ordered = stopOrder(state, replacing, live);
    const replaced = new Set(oldStarts.map((s) => s.replaces));
    const handled = (v: TaskView) => protectedReplacements.has(v) || stopping.has(v) || replaced.has(v);
    for (const v of ordered) if (!v.healthy && !handled(v)) stop(v, v.unhealthy);
    // Healthy ones only while the lower bound holds.
    for (const v of ordered) {
      if (!v.healthy) continue;
      if (healthy - 1 < lower) break;
      stop(v);
    }
  }
  // Stopped tasks still in RUNNING keep counting against the upper bound until they leave it.
  startCount = Math.min(startCount, Math.max(0, upper - inFlight - oldStarts.length));

  const pendingOrWarming = live.some((v) => !v.healthy);
  const transit = views.some((v) => !v.live && v.t.lastStatus !== 'STOPPED');
  const work = replacing.length > 0 || need > 0 || unhealthyPrimary.length > 0;
  const deadlocked = work && startCount === 0 && oldStarts.length === 0 && stops.length === 0 && !pendingOrWarming && !transit && canLaunch && launchable;
  let stable =
    keepers.length === desired && keepers.every((k) => k.healthy) && replacing.length === 0 && unhealthyPrimary.length === 0 && !transit && launchable;
  const plan: Plan = {
    stops,
    starts: [...oldStarts, ...(startCount > 0 ? [{ count: startCount }] : [])],
    replacingUnhealthy: oldStarts.length + Math.min(startCount, unhealthyPrimary.length),
    stable,
    deadlocked,
  };
  if (waitingForRebalance) plan.stable = stable = false;
  // A steady service whose AZs are out of balance starts one task in the emptiest AZ (reference §12.3).
  if (stable && stops.length === 0 && svc.deployments.length === 1 && rebalancingApplies(svc, primary)) {
    const picture = azPicture(state, svc, primary, keepers);
    if (isBalanced(picture)) plan.azBalanced = picture.counts;
    else if (canLaunch && inFlight < upper) {
      const az = emptiestAz(picture);
      const candidates = picture.instances.get(az) ?? [];
      plan.starts = [{ count: 1, candidates: candidates.length > 0 ? candidates : undefined }];
      plan.azStart = { az, counts: picture.counts };
      plan.stable = false;
    }
  }
  return plan;
}
