/**
 * The DAEMON planner (reference §5.7): one task of the PRIMARY deployment on every ACTIVE container
 * instance that meets the service's constraints. Daemon tasks start before replica tasks (the
 * scheduler runs DAEMON services first), skip DRAINING instances, and are the last tasks stopped on
 * a DRAINING instance: only once every other task there has stopped. A rolling update replaces the
 * task on each instance within the bounds (defaults 0 % / 100 %: stop the old one, then start).
 */
import type { SimState } from '../engine/state';
import { cqlFacts } from '../placement/facts';
import { checkConstraints } from '../placement/validate';
import type { ContainerInstanceRecord } from '../infra/records';
import { findTaskDefinition } from '../taskdef/resolve';
import { bounds } from './bounds';
import type { Plan, PlanInput, TaskView } from './reconcile';
import { serviceGroup } from '../placement/defaults';

function eligibleInstances(state: SimState, input: PlanInput): { active: ContainerInstanceRecord[]; eligible: Set<string> } {
  const { svc, primary } = input;
  const td = findTaskDefinition(state, primary.revision.taskDefinition);
  const prepared = checkConstraints(primary.revision.placementConstraints, td?.body.placementConstraints ?? []);
  const memberOf = prepared.ok ? prepared.value.filter((c) => c.type === 'memberOf') : [];
  const active: ContainerInstanceRecord[] = [];
  const eligible = new Set<string>();
  for (const arn in state.containerInstances) {
    const ci = state.containerInstances[arn];
    if (ci.clusterName !== svc.clusterName || ci.status !== 'ACTIVE') continue;
    active.push(ci);
    const facts = memberOf.length > 0 ? cqlFacts(state, ci) : undefined;
    if (memberOf.every((c) => c.type === 'memberOf' && c.cql.test(facts!))) eligible.add(arn);
  }
  return { active, eligible };
}

/** Whether a task other than the service's own still holds the instance (not STOPPED). */
function othersOn(state: SimState, ci: ContainerInstanceRecord, group: string): boolean {
  for (const taskArn in ci.reservations) {
    const t = state.tasks[taskArn];
    if (t && t.group !== group && t.lastStatus !== 'STOPPED') return true;
  }
  return false;
}

export function planDaemon(state: SimState, input: PlanInput): Plan {
  const { svc, primary, views, canLaunch, launchable } = input;
  const { active, eligible } = eligibleInstances(state, input);
  const desired = eligible.size;
  svc.desiredCount = desired;
  const { lower, upper } = bounds(desired, svc.deploymentConfiguration.minimumHealthyPercent, svc.deploymentConfiguration.maximumPercent);
  const group = serviceGroup(svc.serviceName);
  const onInstance = new Map<string, TaskView[]>();
  for (const v of views) {
    if (v.t.lastStatus === 'STOPPED' || !v.t.containerInstanceArn) continue;
    const list = onInstance.get(v.t.containerInstanceArn) ?? [];
    list.push(v);
    onInstance.set(v.t.containerInstanceArn, list);
  }
  const live = views.filter((v) => v.live);
  let healthy = live.filter((v) => v.healthy).length;
  let inFlight = views.filter((v) => v.inFlight).length;
  const stops: Plan['stops'] = [];
  const stop = (v: TaskView, unhealthy = false) => {
    stops.push({ view: v, unhealthy });
    if (v.healthy) healthy--;
  };
  const starts: Plan['starts'] = [];
  let work = false;
  let stable = true;

  // DRAINING instances: the daemon task goes last, once nothing else runs there.
  for (const [arn, list] of onInstance) {
    const ci = state.containerInstances[arn];
    if (!ci || ci.status === 'ACTIVE') continue;
    stable = false;
    if (ci.status === 'DRAINING' && !othersOn(state, ci, group)) for (const v of list) if (v.live) stop(v);
  }
  // Instances that no longer meet the constraints lose their task.
  for (const ci of active) {
    if (eligible.has(ci.containerInstanceArn)) continue;
    for (const v of onInstance.get(ci.containerInstanceArn) ?? []) {
      stable = false;
      if (v.live) stop(v);
    }
  }
  const replaceHealthy: TaskView[] = [];
  const place: string[] = [];
  for (const ci of active) {
    if (!eligible.has(ci.containerInstanceArn)) continue;
    const list = onInstance.get(ci.containerInstanceArn) ?? [];
    const keeper = list.find((v) => v.live && v.dep === primary && !v.unhealthy);
    for (const v of list) {
      if (!v.live || v === keeper) continue;
      work = true;
      stable = false;
      if (!launchable) continue;
      if (!v.healthy) stop(v, v.unhealthy);
      else replaceHealthy.push(v);
    }
    if (!keeper) {
      work = true;
      stable = false;
      if (list.length === 0) place.push(ci.containerInstanceArn);
    } else if (!keeper.healthy) stable = false;
  }
  replaceHealthy.sort((a, b) => (a.dep?.createdAt ?? -1) - (b.dep?.createdAt ?? -1) || (a.t.taskArn < b.t.taskArn ? -1 : 1));
  for (const v of replaceHealthy) {
    if (healthy - 1 < lower) break;
    stop(v);
  }
  if (canLaunch) {
    for (const arn of place) {
      if (inFlight >= upper) break;
      starts.push({ count: 1, candidates: [arn] });
      inFlight++;
    }
  }
  const transit = views.some((v) => !v.live && v.t.lastStatus !== 'STOPPED');
  const warming = live.some((v) => !v.healthy);
  return {
    stops,
    starts,
    replacingUnhealthy: 0,
    stable: stable && !transit && launchable && stops.length === 0,
    deadlocked: work && starts.length === 0 && stops.length === 0 && !warming && !transit && canLaunch && launchable,
  };
}
