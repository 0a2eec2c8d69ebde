/**
 * Deciding and applying a scaling action for one scalable target, once a minute, from the policies
 * its alarms invoked (docs/service-auto-scaling.md):
 *
 *   - scale out if any policy asks for more than the desired count (the largest ask wins); during a
 *     scale-out cooldown an ask is computed from the capacity before the last scale-out, so the
 *     capacity just added counts and only a larger scale-out proceeds; a scale-out ends a scale-in
 *     cooldown;
 *   - otherwise scale in: target tracking only when every target tracking policy with scale-in enabled
 *     asks for less, step scaling on its own ask; blocked during the policy's scale-in cooldown and
 *     while a deployment of the service is IN_PROGRESS (Service Auto Scaling suspends scale-in then);
 *   - never outside MinCapacity..MaxCapacity; an ask the range blocks is a not scaled activity;
 *   - the desired count changes through UpdateService, as Application Auto Scaling itself does.
 */
import { updateService } from '../api/services';
import { arns } from '../engine/arn';
import { newUuid } from '../engine/ids';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import type { ServiceRecord } from '../scheduler/serviceRecord';
import { aggregate, applyStep, pickStep, trackingCapacity } from './adjustments';
import { windowValues } from './alarms';
import { ActivityTexts, AutoscalingEvents } from './messages';
import { ACTIVITIES_KEPT, autoscalingOf, type ActivityRecord, type AlarmRecord, type PolicyRecord, type ScalableTargetRecord } from './records';

interface Ask {
  policy: PolicyRecord;
  alarm: AlarmRecord;
  capacity: number;
  direction: 'out' | 'in';
  /** a scale-out asked for inside the scale-out cooldown (counted from the capacity before it) */
  cooling?: boolean;
}

const inCooldown = (since: number | undefined, seconds: number, now: number) => since !== undefined && now - since < seconds * 1000;

/** What one invocation of a policy by an alarm asks for (undefined: nothing, or blocked by a cooldown). */
function askOf(state: SimState, target: ScalableTargetRecord, policy: PolicyRecord, alarm: AlarmRecord, desired: number): Ask | undefined {
  const series = autoscalingOf(state).series[serviceArnOf(state, target)] ?? [];
  const values = windowValues(alarm, series, state.now);
  if (values.length === 0) return undefined;
  const now = state.now;
  if (policy.targetTracking) {
    const cfg = policy.targetTracking;
    const metric = values[values.length - 1];
    if (alarm.alarmName === policy.alarmNames[0]) {
      const cooling = inCooldown(target.lastScaleOut?.at, cfg.ScaleOutCooldown, now);
      const base = cooling ? target.lastScaleOut!.from : desired;
      return { policy, alarm, capacity: trackingCapacity(base, metric, cfg.TargetValue), direction: 'out', cooling };
    }
    if (cfg.DisableScaleIn || inCooldown(target.lastScaleIn?.at, cfg.ScaleInCooldown, now)) return undefined;
    return { policy, alarm, capacity: trackingCapacity(desired, metric, cfg.TargetValue), direction: 'in' };
  }
  const cfg = policy.step!;
  const step = pickStep(cfg.StepAdjustments, aggregate(values, cfg.MetricAggregationType) - alarm.threshold);
  if (!step) return undefined;
  const capacity = applyStep(cfg, step, desired);
  if (capacity > desired) {
    if (!inCooldown(target.lastScaleOut?.at, cfg.Cooldown, now)) return { policy, alarm, capacity, direction: 'out' };
    return { policy, alarm, capacity: applyStep(cfg, step, target.lastScaleOut!.from), direction: 'out', cooling: true };
  }
  if (capacity < desired && !inCooldown(target.lastScaleIn?.at, cfg.Cooldown, now)) return { policy, alarm, capacity, direction: 'in' };
  return undefined;
}

export function serviceArnOf(state: SimState, target: ScalableTargetRecord): string {
  return arns.service(state, target.clusterName, target.serviceName);
}

function deploying(svc: ServiceRecord): boolean {
  return svc.deployments.some((d) => d.rolloutState === 'IN_PROGRESS');
}

/** The first of the biggest asks (policies in creation order). */
function biggest(asks: readonly Ask[]): Ask {
  return asks.reduce((best, a) => (a.capacity > best.capacity ? a : best));
}

/** Evaluates the target's invoked policies and scales its service if they agree to. */
export function scaleTarget(state: SimState, target: ScalableTargetRecord, svc: ServiceRecord, invoked: readonly { policy: PolicyRecord; alarm: AlarmRecord }[]): void {
  if (svc.status !== 'ACTIVE' || invoked.length === 0) return;
  const desired = svc.desiredCount;
  const asks: Ask[] = [];
  for (const { policy, alarm } of invoked) {
    const ask = askOf(state, target, policy, alarm, desired);
    if (ask) asks.push(ask);
  }
  const outs = target.suspendedState.DynamicScalingOutSuspended ? [] : asks.filter((a) => a.direction === 'out' && a.capacity > desired);
  if (outs.length > 0) {
    const best = biggest(outs);
    const capacity = Math.max(target.minCapacity, Math.min(best.capacity, target.maxCapacity));
    if (capacity <= desired) return notScaled(state, target, best, { Code: 'AlreadyAtMaxCapacity', MaxCapacity: target.maxCapacity });
    // A larger scale-out inside the cooldown tops up the activity that started it: the cooldown and its base stay.
    if (!best.cooling) target.lastScaleOut = { at: state.now, from: desired };
    target.lastScaleIn = undefined;
    return setDesired(state, target, svc, capacity, ActivityTexts.alarmCause(best.alarm.alarmName, best.policy.policyName));
  }
  if (target.suspendedState.DynamicScalingInSuspended || deploying(svc)) return;
  let ins = asks.filter((a) => a.direction === 'in' && a.capacity < desired);
  const trackers = Object.values(target.policies).filter((p) => p.targetTracking && !p.targetTracking.DisableScaleIn);
  if (!trackers.every((p) => ins.some((a) => a.policy === p))) ins = ins.filter((a) => !a.policy.targetTracking);
  if (ins.length === 0) return;
  const best = biggest(ins);
  const capacity = Math.min(target.maxCapacity, Math.max(best.capacity, target.minCapacity));
  if (capacity >= desired) return notScaled(state, target, best, { Code: 'AlreadyAtMinCapacity', MinCapacity: target.minCapacity });
  target.lastScaleIn = { at: state.now };
  setDesired(state, target, svc, capacity, ActivityTexts.alarmCause(best.alarm.alarmName, best.policy.policyName));
}

function pushActivity(state: SimState, activity: ActivityRecord): void {
  const book = autoscalingOf(state);
  book.activities.unshift(activity);
  let kept = 0;
  book.activities = book.activities.filter((a) => a.resourceId !== activity.resourceId || ++kept <= ACTIVITIES_KEPT);
}

/** Sets the service's desired count through UpdateService and records the scaling activity. */
export function setDesired(state: SimState, target: ScalableTargetRecord, svc: ServiceRecord, capacity: number, cause: string): void {
  const activity: ActivityRecord = {
    activityId: newUuid(state.rng),
    resourceId: target.resourceId,
    description: ActivityTexts.description(capacity),
    cause,
    startTime: state.now,
    endTime: state.now,
    statusCode: 'Successful',
    statusMessage: ActivityTexts.successful(capacity),
  };
  try {
    updateService(state, { cluster: svc.clusterName, service: svc.serviceName, desiredCount: capacity });
  } catch (e) {
    activity.statusCode = 'Failed';
    activity.statusMessage = ActivityTexts.failed(capacity, e instanceof Error ? e.message : String(e));
  }
  target.lastNotScaled = undefined;
  pushActivity(state, activity);
  emit(state, 'autoscaling.activity', AutoscalingEvents.activity(target.resourceId, activity.description, cause), {
    resource: target.scalableTargetArn,
    data: { resourceId: target.resourceId, activityId: activity.activityId, desiredCount: capacity, statusCode: activity.statusCode },
  });
}

/** Records a not scaled activity, once per reason until the target scales again. */
function notScaled(state: SimState, target: ScalableTargetRecord, ask: Ask, reason: NonNullable<ActivityRecord['notScaledReasons']>[number]): void {
  if (target.lastNotScaled === reason.Code) return;
  target.lastNotScaled = reason.Code;
  pushActivity(state, {
    activityId: newUuid(state.rng),
    resourceId: target.resourceId,
    description: ActivityTexts.notScaled,
    cause: ActivityTexts.alarmCause(ask.alarm.alarmName, ask.policy.policyName),
    startTime: state.now,
    statusCode: 'Failed',
    notScaledReasons: [reason],
  });
  emit(state, 'autoscaling.notScaled', AutoscalingEvents.notScaled(target.resourceId, reason.Code), {
    resource: target.scalableTargetArn,
    data: { resourceId: target.resourceId, code: reason.Code },
  });
}
