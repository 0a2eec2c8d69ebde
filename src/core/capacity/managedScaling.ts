/**
 * Managed scaling of Auto Scaling group capacity providers (reference §10.4), evaluated every minute:
 *
 *   M = instances needed: the group's instances running a non-daemon task, plus the instances of the
 *       group's type that the tasks waiting for this provider would fill, packed first-fit decreasing
 *       (binpack over CPU, memory, GPUs, ENIs and static host ports); tasks bigger than an empty
 *       instance are left out.
 *   N = instances in the group (pending or running).
 *   CapacityProviderReservation = M / N × 100; 100 when M = N = 0; 200 when M > 0 and N = 0.
 *
 * Above targetCapacity: scale out (from zero to two instances; otherwise to ⌈M × 100 / target⌉, the
 * step at least minimumScalingStepSize and at most maximumScalingStepSize), then no further scale-out
 * until instanceWarmupPeriod has passed. Below target for 15 consecutive minutes: scale in to
 * ⌈M × 100 / target⌉, at most maximumScalingStepSize instances at once. Never outside the group's minSize..maxSize. With managed termination
 * protection, instances running tasks are protected from scale-in, so only empty ones go.
 */
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { findInstanceType, registeredCpu, registeredMemory } from '../infra/instanceTypes';
import type { TaskNeeds } from '../placement/fit';
import { changeDesired, liveInstances } from './autoScalingGroups';
import { CapacityEvents } from './eventMessages';
import type { AutoScalingGroupRecord, CapacityProviderRecord } from './records';
import { capacityOf } from './records';

/** Datapoints below target before a scale-in (the CloudWatch low alarm: 15 of 15 minutes). */
export const SCALE_IN_DATAPOINTS = 15;
/** From zero instances ECS scales out to 200 %: two instances (reference §10.4). */
export const FIRST_SCALE_OUT = 2;
export const SAMPLES_KEPT = 180;

export function reservationMetric(m: number, n: number): number {
  if (n === 0) return m === 0 ? 100 : 200;
  return (m / n) * 100;
}

/** Daemon services' task groups in the cluster (their tasks do not make an instance "in use"). */
function daemonGroups(state: SimState, clusterName: string): Set<string> {
  const out = new Set<string>();
  for (const s of Object.values(state.services ?? {})) {
    if (s.clusterName === clusterName && s.schedulingStrategy === 'DAEMON') out.add(`service:${s.serviceName}`);
  }
  return out;
}

/** Whether a non-daemon task that has not stopped runs (or is placed) on the EC2 instance. */
export function instanceInUse(state: SimState, instanceId: string, daemons: Set<string>): boolean {
  const arn = state.ec2Instances[instanceId]?.containerInstanceArn;
  const ci = arn ? state.containerInstances[arn] : undefined;
  if (!ci) return false;
  for (const taskArn in ci.reservations) {
    const t = state.tasks[taskArn];
    if (t && t.lastStatus !== 'STOPPED' && !daemons.has(t.group)) return true;
  }
  return false;
}

interface Bin {
  cpu: number;
  memory: number;
  gpu: number;
  enis: number;
  ports: Set<string>;
}

function fits(b: Bin, n: TaskNeeds): boolean {
  if (n.cpu > b.cpu || n.memory > b.memory || n.gpu > b.gpu || (n.needsEni && b.enis < 1)) return false;
  return n.ports.every((p) => !b.ports.has(`${p.protocol}:${p.hostPort}`));
}

function take(b: Bin, n: TaskNeeds): void {
  b.cpu -= n.cpu;
  b.memory -= n.memory;
  b.gpu -= n.gpu;
  if (n.needsEni) b.enis--;
  for (const p of n.ports) b.ports.add(`${p.protocol}:${p.hostPort}`);
}

/** How many new instances of `instanceType` the tasks need (first-fit decreasing); oversized tasks are left out. */
export function binsNeeded(instanceType: string, tasks: readonly TaskNeeds[]): { bins: number; ignored: number } {
  const it = findInstanceType(instanceType);
  if (!it) return { bins: 0, ignored: tasks.length };
  const empty = (): Bin => ({ cpu: registeredCpu(it), memory: registeredMemory(it), gpu: it.gpus, enis: Math.max(0, it.maxEnis - 1), ports: new Set() });
  const sorted = [...tasks].sort((a, b) => b.memory - a.memory || b.cpu - a.cpu);
  const bins: Bin[] = [];
  let ignored = 0;
  for (const n of sorted) {
    if (!fits(empty(), n)) {
      ignored++;
      continue;
    }
    let bin = bins.find((b) => fits(b, n));
    if (!bin) {
      bin = empty();
      bins.push(bin);
    }
    take(bin, n);
  }
  return { bins: bins.length, ignored };
}

export interface ReservationPicture {
  m: number;
  n: number;
  metric: number;
  inUse: number;
  waiting: number;
  ignored: number;
}

/** M, N and the metric for the provider's group now. */
export function reservationOf(state: SimState, p: CapacityProviderRecord, g: AutoScalingGroupRecord): ReservationPicture {
  const live = liveInstances(state, g);
  const daemons = daemonGroups(state, g.clusterName);
  const inUse = live.filter((i) => instanceInUse(state, i.instanceId, daemons)).length;
  const needs: TaskNeeds[] = [];
  for (const w of Object.values(capacityOf(state).waiting)) {
    const t = state.tasks[w.taskArn];
    if (w.capacityProvider === p.name && t && t.lastStatus === 'PROVISIONING' && t.desiredStatus === 'RUNNING') needs.push(w.needs);
  }
  const { bins, ignored } = binsNeeded(g.instanceType, needs);
  const m = inUse + bins;
  const n = live.length;
  return { m, n, metric: reservationMetric(m, n), inUse, waiting: needs.length, ignored };
}

/** Managed termination protection: instances with tasks protected, empty ones not. */
function updateProtection(state: SimState, g: AutoScalingGroupRecord): void {
  const daemons = daemonGroups(state, g.clusterName);
  for (const i of liveInstances(state, g)) {
    const want = instanceInUse(state, i.instanceId, daemons);
    if (i.protectedFromScaleIn === want) continue;
    i.protectedFromScaleIn = want;
    emit(state, 'asg.protection', CapacityEvents.asgProtection(g.autoScalingGroupName, i.instanceId, want), {
      resource: g.autoScalingGroupArn,
      data: { autoScalingGroupName: g.autoScalingGroupName, instanceId: i.instanceId, protectedFromScaleIn: want },
    });
  }
}

/** The instance count a scale-out goes to (before min/max of the group). */
export function scaleOutTarget(p: CapacityProviderRecord, m: number, n: number): number {
  const ms = p.managedScaling;
  const calculated = n === 0 ? FIRST_SCALE_OUT : Math.ceil((m * 100) / ms.targetCapacity) - n;
  let step = calculated < ms.minimumScalingStepSize ? ms.minimumScalingStepSize : Math.min(ms.maximumScalingStepSize, calculated);
  if (step < 1) step = 1;
  return n + step;
}

/** One evaluation of one provider (every simulated minute). */
export function evaluateProvider(state: SimState, p: CapacityProviderRecord, g: AutoScalingGroupRecord): ReservationPicture {
  if (p.managedTerminationProtection === 'ENABLED') updateProtection(state, g);
  const pic = reservationOf(state, p, g);
  const ms = p.managedScaling;
  const last = p.scaling.samples[p.scaling.samples.length - 1];
  p.scaling.samples.push({ at: state.now, m: pic.m, n: pic.n, metric: pic.metric });
  if (p.scaling.samples.length > SAMPLES_KEPT) p.scaling.samples.splice(0, p.scaling.samples.length - SAMPLES_KEPT);
  if (!last || last.m !== pic.m || last.n !== pic.n) {
    emit(state, 'capacityProvider.reservation', CapacityEvents.reservation(p.name, pic.m, pic.n, pic.metric, ms.targetCapacity), {
      resource: p.capacityProviderArn,
      data: { capacityProvider: p.name, m: pic.m, n: pic.n, metric: pic.metric, targetCapacity: ms.targetCapacity },
    });
  }
  if (pic.metric > ms.targetCapacity) {
    p.scaling.lowDatapoints = 0;
    const warm = p.scaling.lastScaleOutAt !== undefined && state.now < p.scaling.lastScaleOutAt + ms.instanceWarmupPeriod * 1000;
    if (warm) return pic;
    const to = Math.min(g.maxSize, Math.max(g.minSize, scaleOutTarget(p, pic.m, pic.n)));
    if (to > pic.n && to > g.desiredCapacity) {
      p.scaling.lastScaleOutAt = state.now;
      emit(state, 'capacityProvider.scaleOut', CapacityEvents.scaleOut(p.name, pic.n, to), {
        resource: p.capacityProviderArn,
        data: { capacityProvider: p.name, from: pic.n, to },
      });
      changeDesired(state, g, to, `managed scaling of ${p.name}`);
    }
  } else if (pic.metric < ms.targetCapacity) {
    p.scaling.lowDatapoints++;
    if (p.scaling.lowDatapoints >= SCALE_IN_DATAPOINTS) {
      p.scaling.lowDatapoints = 0;
      // At most maximumScalingStepSize instances at a time, in as in out.
      const wanted = Math.max(Math.ceil((pic.m * 100) / ms.targetCapacity), pic.n - ms.maximumScalingStepSize);
      const to = Math.min(g.maxSize, Math.max(g.minSize, wanted));
      if (to < pic.n) {
        emit(state, 'capacityProvider.scaleIn', CapacityEvents.scaleIn(p.name, pic.n, to), {
          resource: p.capacityProviderArn,
          data: { capacityProvider: p.name, from: pic.n, to },
        });
        changeDesired(state, g, to, `managed scaling of ${p.name}`);
      }
    }
  } else {
    p.scaling.lowDatapoints = 0;
  }
  return pic;
}
