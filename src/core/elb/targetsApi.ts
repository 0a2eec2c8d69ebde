/** RegisterTargets, DeregisterTargets, DescribeTargetHealth; and the learner's target-health fault. */
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { InfraError } from '../infra/errors';
import { taskIdOf } from '../tasks/effects';
import { ElbError, ElbEvents, ElbMessages, targetDescription } from './messages';
import { targetKey, type TargetGroupRecord } from './records';
import { targetGroupOf } from './resources';
import { addTarget, drainTarget, elbOf, rearmTargets } from './targets';
import { asElbRequest, reqStr } from './validate';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function targetsIn(req: Record<string, unknown>, tg: TargetGroupRecord): { id: string; port: number; az?: string }[] {
  const raw = req.Targets;
  if (!Array.isArray(raw) || raw.length === 0) throw new ElbError('ValidationError', ElbMessages.missing('Targets'));
  return raw.map((r: { Id?: unknown; Port?: unknown; AvailabilityZone?: unknown }) => {
    if (typeof r?.Id !== 'string' || r.Id === '') throw new ElbError('ValidationError', ElbMessages.missing('Targets.member.Id'));
    if (tg.targetType === 'ip' && !IPV4.test(r.Id)) throw new ElbError('ValidationError', ElbMessages.ipTargetNeedsIp(r.Id));
    if (tg.targetType === 'instance' && !/^i-[0-9a-f]{8,17}$/.test(r.Id)) throw new ElbError('ValidationError', ElbMessages.instanceTargetNeedsInstance(r.Id));
    const port = r.Port === undefined ? tg.port : Number(r.Port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ElbError('ValidationError', ElbMessages.range('Port', 1, 65535));
    return typeof r.AvailabilityZone === 'string' ? { id: r.Id, port, az: r.AvailabilityZone } : { id: r.Id, port };
  });
}

export function registerTargets(state: SimState, input: { TargetGroupArn: string; Targets: { Id: string; Port?: number }[] }) {
  const req = asElbRequest(input);
  const tg = targetGroupOf(state, reqStr(req, 'TargetGroupArn'));
  for (const t of targetsIn(req, tg)) addTarget(state, tg, { id: t.id, port: t.port, availabilityZone: t.az });
  return {};
}

export function deregisterTargets(state: SimState, input: { TargetGroupArn: string; Targets: { Id: string; Port?: number }[] }) {
  const req = asElbRequest(input);
  const tg = targetGroupOf(state, reqStr(req, 'TargetGroupArn'));
  const wanted = targetsIn(req, tg);
  for (const w of wanted) if (!tg.targets[targetKey(w.id, w.port)]) throw new ElbError('InvalidTarget', ElbMessages.invalidTarget(w.id));
  for (const w of wanted) drainTarget(state, tg, tg.targets[targetKey(w.id, w.port)]);
  return {};
}

/** The load balancers using the group (a group no listener forwards to leaves its targets unused). */
function inUse(state: SimState, tg: TargetGroupRecord): boolean {
  return Object.values(elbOf(state).rules).some((r) => r.actions.some((a) => a.targetGroups.some((g) => g.targetGroupArn === tg.targetGroupArn)));
}

export function describeTargetHealth(state: SimState, input: { TargetGroupArn: string; Targets?: { Id: string; Port?: number }[] }) {
  const req = asElbRequest(input);
  const tg = targetGroupOf(state, reqStr(req, 'TargetGroupArn'));
  const used = inUse(state, tg);
  const asked = req.Targets !== undefined ? targetsIn(req, tg) : Object.values(tg.targets).map((t) => ({ id: t.id, port: t.port }));
  const TargetHealthDescriptions = asked.map((a) => {
    const t = tg.targets[targetKey(a.id, a.port)];
    const Target = { Id: a.id, Port: a.port, ...(t?.availabilityZone ? { AvailabilityZone: t.availabilityZone } : {}) };
    if (!t) return { Target, TargetHealth: { State: 'unused', Reason: 'Target.NotRegistered', Description: targetDescription('Target.NotRegistered') } };
    if (!used && t.state !== 'draining') return { Target, HealthCheckPort: String(t.port), TargetHealth: { State: 'unused', Reason: 'Target.NotInUse', Description: targetDescription('Target.NotInUse') } };
    const health: Record<string, string> = { State: t.state };
    if (t.reason) {
      health.Reason = t.reason;
      health.Description = targetDescription(t.reason)!;
    }
    return { Target, HealthCheckPort: String(t.port), TargetHealth: health };
  });
  return { TargetHealthDescriptions };
}

/**
 * sim.faults.failTargetHealthChecks(taskArn, { failure }): the load balancer's checks of the task's
 * targets fail from now on (`code`: the app answers 502; `timeout`: no answer) until cleared with
 * `failure: 'none'`.
 */
export function failTargetHealthChecks(state: SimState, taskArn: string, options: { failure?: 'code' | 'timeout' | 'none' } = {}) {
  if (typeof taskArn !== 'string' || !state.tasks[taskArn]) throw new InfraError('InvalidParameterValue', `Task ${String(taskArn)} was not found.`);
  const failure = options?.failure ?? 'code';
  if (!['code', 'timeout', 'none'].includes(failure)) throw new InfraError('InvalidParameterValue', "failure must be 'code', 'timeout' or 'none'.");
  const e = elbOf(state);
  if (failure === 'none') {
    delete e.failingTasks[taskArn];
    emit(state, 'fault.targetHealth', ElbEvents.passing(taskIdOf(taskArn)), { resource: taskArn, data: { taskArn, failure } });
  } else {
    e.failingTasks[taskArn] = failure;
    emit(state, 'fault.targetHealth', ElbEvents.failing(taskIdOf(taskArn), failure), { resource: taskArn, data: { taskArn, failure } });
  }
  rearmTargets(state, taskArn);
  return { taskArn, failure };
}
