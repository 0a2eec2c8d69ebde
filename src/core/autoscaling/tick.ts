/**
 * The area's clock: one `autoscaling.tick` queue entry on the whole-minute grid while anything is
 * watched (a load profile, a scalable target or an alarm). Each tick: one datapoint per watched
 * service for the minute that ended, every alarm evaluated, then every scalable target acts on the
 * policies its alarms invoke. It runs after the scheduler's work due at the same instant.
 */
import { Priority, schedule } from '../engine/kernel';
import type { SimState } from '../engine/state';
import type { ServiceRecord } from '../scheduler/serviceRecord';
import { evaluateAlarm } from './alarms';
import { record } from './metrics';
import { autoscalingOf, type AlarmRecord, type PolicyRecord } from './records';
import { scaleTarget, serviceArnOf } from './scaling';
import { arns } from '../engine/arn';
import { driveLoads } from './drive';

export const AUTOSCALING_TICK = 'autoscaling.tick';
export const TICK_MS = 60_000;

function watching(state: SimState): boolean {
  const book = autoscalingOf(state);
  return Object.keys(book.loads).length > 0 || Object.keys(book.targets).length > 0 || Object.keys(book.alarms).length > 0;
}

/** Books the next minute tick unless one is booked. */
export function ensureTick(state: SimState): void {
  const book = autoscalingOf(state);
  if (book.ticking) return;
  book.ticking = true;
  const at = Math.floor(state.now / TICK_MS) * TICK_MS + TICK_MS;
  schedule(state, at - state.now, AUTOSCALING_TICK, null, Priority.periodic);
}

/** Services with a load profile, a scalable target or an alarm, in a stable order. */
function watchedServices(state: SimState): ServiceRecord[] {
  const book = autoscalingOf(state);
  const arnsWatched = new Set<string>(Object.keys(book.loads));
  for (const t of Object.values(book.targets)) arnsWatched.add(serviceArnOf(state, t));
  for (const a of Object.values(book.alarms)) arnsWatched.add(arns.service(state, a.clusterName, a.serviceName));
  const out: ServiceRecord[] = [];
  for (const arn of [...arnsWatched].sort()) {
    const svc = state.services[arn];
    if (svc && svc.status === 'ACTIVE') out.push(svc);
  }
  return out;
}

export function tick(state: SimState): void {
  const book = autoscalingOf(state);
  book.ticking = false;
  // A service that got a load balancer since its profile was set starts driving it now.
  if (!book.driving) driveLoads(state);
  for (const svc of watchedServices(state)) record(state, svc);
  // Alarms in name order; each invokes the policies named in its actions.
  const policiesByArn = new Map<string, PolicyRecord>();
  for (const t of Object.values(book.targets)) for (const p of Object.values(t.policies)) policiesByArn.set(p.policyArn, p);
  const invoked = new Map<string, { policy: PolicyRecord; alarm: AlarmRecord }[]>();
  for (const name of Object.keys(book.alarms).sort()) {
    const alarm = book.alarms[name];
    const series = book.series[arns.service(state, alarm.clusterName, alarm.serviceName)] ?? [];
    if (evaluateAlarm(state, alarm, series) !== 'ALARM' || !alarm.actionsEnabled) continue;
    for (const action of alarm.alarmActions) {
      const policy = policiesByArn.get(action);
      if (!policy) continue;
      const list = invoked.get(policy.resourceId) ?? [];
      list.push({ policy, alarm });
      invoked.set(policy.resourceId, list);
    }
  }
  for (const id of Object.keys(book.targets).sort()) {
    const target = book.targets[id];
    const svc = state.services[serviceArnOf(state, target)];
    const list = invoked.get(id);
    if (!svc || !list) continue;
    const order = Object.keys(target.policies);
    list.sort((a, b) => order.indexOf(a.policy.policyName) - order.indexOf(b.policy.policyName));
    scaleTarget(state, target, svc, list);
  }
  if (watching(state)) ensureTick(state);
}
