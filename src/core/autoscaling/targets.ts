/**
 * RegisterScalableTarget, DeregisterScalableTarget, DescribeScalableTargets for ECS services
 * (ServiceNamespace `ecs`, ScalableDimension `ecs:service:DesiredCount`, ResourceId
 * `service/<cluster>/<service>`).
 */
import { arns, partitionOf } from '../engine/arn';
import { emit, toDate } from '../engine/kernel';
import { hex } from '../engine/rng';
import type { SimState } from '../engine/state';
import { AutoScalingError } from './errors';
import { ActivityTexts, AutoScalingMessages, AutoscalingEvents } from './messages';
import { autoscalingOf, type ScalableTargetRecord } from './records';
import { asRaw, optBool, optInt, optStr, page, reqStr, type Raw } from './request';
import { setDesired } from './scaling';
import { ensureTick } from './tick';

export const NAMESPACE = 'ecs';
export const DIMENSION = 'ecs:service:DesiredCount';
const MAX_CAPACITY = 5000;
const RESOURCE_ID = /^service\/([a-zA-Z0-9_-]{1,255})\/([a-zA-Z0-9_-]{1,255})$/;

/** The service-linked role Application Auto Scaling uses for ECS. */
export function serviceLinkedRole(state: SimState): string {
  return `arn:${partitionOf(state.region)}:iam::${state.accountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`;
}

export function checkNamespace(r: Raw, dimensionRequired = true): void {
  const ns = reqStr(r, 'ServiceNamespace');
  if (ns !== NAMESPACE) throw new AutoScalingError('ValidationException', AutoScalingMessages.namespace(ns));
  const dim = dimensionRequired ? reqStr(r, 'ScalableDimension') : optStr(r, 'ScalableDimension');
  if (dim !== undefined && dim !== DIMENSION) throw new AutoScalingError('ValidationException', AutoScalingMessages.dimension(dim));
}

export function parseResourceId(resourceId: string): { clusterName: string; serviceName: string } {
  const m = RESOURCE_ID.exec(resourceId);
  if (!m) throw new AutoScalingError('ValidationException', AutoScalingMessages.resourceId(resourceId));
  return { clusterName: m[1], serviceName: m[2] };
}

export function targetOf(state: SimState, resourceId: string): ScalableTargetRecord {
  const t = autoscalingOf(state).targets[resourceId];
  if (!t) throw new AutoScalingError('ObjectNotFoundException', AutoScalingMessages.noTarget(resourceId));
  return t;
}

function suspended(raw: unknown, base: ScalableTargetRecord['suspendedState']): ScalableTargetRecord['suspendedState'] {
  const r = asRaw(raw);
  return {
    DynamicScalingInSuspended: optBool(r, 'DynamicScalingInSuspended') ?? base.DynamicScalingInSuspended,
    DynamicScalingOutSuspended: optBool(r, 'DynamicScalingOutSuspended') ?? base.DynamicScalingOutSuspended,
    ScheduledScalingSuspended: optBool(r, 'ScheduledScalingSuspended') ?? base.ScheduledScalingSuspended,
  };
}

export function registerScalableTarget(state: SimState, input: unknown): { ScalableTargetARN: string } {
  const r = asRaw(input);
  checkNamespace(r);
  const resourceId = reqStr(r, 'ResourceId');
  const { clusterName, serviceName } = parseResourceId(resourceId);
  const svc = state.services[arns.service(state, clusterName, serviceName)];
  if (!svc || svc.status !== 'ACTIVE') throw new AutoScalingError('ValidationException', AutoScalingMessages.serviceMissing(resourceId));
  const min = optInt(r, 'MinCapacity', AutoScalingMessages.capacityRange('MinCapacity'), 0, MAX_CAPACITY);
  const max = optInt(r, 'MaxCapacity', AutoScalingMessages.capacityRange('MaxCapacity'), 0, MAX_CAPACITY);
  const book = autoscalingOf(state);
  const existing = book.targets[resourceId];
  if (!existing && (min === undefined || max === undefined)) throw new AutoScalingError('ValidationException', AutoScalingMessages.capacities);
  const newMin = min ?? existing!.minCapacity;
  const newMax = max ?? existing!.maxCapacity;
  if (newMin > newMax) throw new AutoScalingError('ValidationException', AutoScalingMessages.minAboveMax(newMin, newMax));
  const role = optStr(r, 'RoleARN');
  const base = existing?.suspendedState ?? { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false };
  const target: ScalableTargetRecord = existing ?? {
    resourceId,
    clusterName,
    serviceName,
    scalableTargetArn: `arn:${partitionOf(state.region)}:application-autoscaling:${state.region}:${state.accountId}:scalable-target/${hex(state.rng, 36)}`,
    minCapacity: newMin,
    maxCapacity: newMax,
    roleArn: role ?? serviceLinkedRole(state),
    suspendedState: base,
    createdAt: state.now,
    policies: {},
  };
  target.minCapacity = newMin;
  target.maxCapacity = newMax;
  if (role !== undefined) target.roleArn = role;
  target.suspendedState = suspended(r.SuspendedState, base);
  book.targets[resourceId] = target;
  emit(state, 'autoscaling.targetRegistered', AutoscalingEvents.targetRegistered(resourceId, newMin, newMax), {
    resource: target.scalableTargetArn,
    data: { resourceId, minCapacity: newMin, maxCapacity: newMax },
  });
  // An update that moves the range past the current desired count brings it inside (ours, UNVERIFIED).
  if (existing) {
    if (svc.desiredCount < newMin && min !== undefined) setDesired(state, target, svc, newMin, ActivityTexts.minCause(newMin));
    else if (svc.desiredCount > newMax && max !== undefined) setDesired(state, target, svc, newMax, ActivityTexts.maxCause(newMax));
  }
  ensureTick(state);
  return { ScalableTargetARN: target.scalableTargetArn };
}

export function deregisterScalableTarget(state: SimState, input: unknown): Record<string, never> {
  const r = asRaw(input);
  checkNamespace(r);
  const resourceId = reqStr(r, 'ResourceId');
  const target = targetOf(state, resourceId);
  const book = autoscalingOf(state);
  // Its policies go with it, and with them the alarms target tracking manages.
  for (const p of Object.values(target.policies)) for (const name of p.alarmNames) delete book.alarms[name];
  delete book.targets[resourceId];
  emit(state, 'autoscaling.targetDeregistered', AutoscalingEvents.targetDeregistered(resourceId), { resource: target.scalableTargetArn, data: { resourceId } });
  return {};
}

export function describeScalableTargets(state: SimState, input: unknown) {
  const r = asRaw(input);
  checkNamespace(r, false);
  const ids = Array.isArray(r.ResourceIds) ? (r.ResourceIds as unknown[]).filter((x): x is string => typeof x === 'string') : undefined;
  const all = Object.values(autoscalingOf(state).targets)
    .filter((t) => !ids || ids.includes(t.resourceId))
    .sort((a, b) => a.createdAt - b.createdAt || (a.resourceId < b.resourceId ? -1 : 1));
  const { page: items, nextToken } = page(all, r);
  const ScalableTargets = items.map((t) => ({
    ServiceNamespace: NAMESPACE,
    ResourceId: t.resourceId,
    ScalableDimension: DIMENSION,
    MinCapacity: t.minCapacity,
    MaxCapacity: t.maxCapacity,
    RoleARN: t.roleArn,
    CreationTime: toDate(state, t.createdAt),
    SuspendedState: { ...t.suspendedState },
    ScalableTargetARN: t.scalableTargetArn,
  }));
  return nextToken ? { ScalableTargets, NextToken: nextToken } : { ScalableTargets };
}
