/**
 * deploymentConfiguration members of blue/green, linear and canary deployments (reference §8.1,
 * §8.3): strategy, bakeTimeInMinutes, linearConfiguration, canaryConfiguration, lifecycleHooks, with
 * the API's defaults and ranges.
 */
import { EcsError } from '../api/errors';
import { HOOKABLE_STAGES, type LifecycleHookConfig, type LifecycleStage } from './blueGreenRecord';
import { ShiftConfigMessages } from './eventMessages';
import type { DeploymentConfigurationRecord } from './serviceRecord';

export const LINEAR_DEFAULTS = { stepPercent: 10, stepBakeTimeInMinutes: 6 } as const;
export const CANARY_DEFAULTS = { canaryPercent: 5, canaryBakeTimeInMinutes: 10 } as const;
export const HOOK_TIMEOUT_DEFAULT_MIN = 1440;
const NO_PAUSE: readonly LifecycleStage[] = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'];

type Raw = Record<string, unknown>;

function num(raw: Raw, member: string, min: number, max: number, tenths = false): number | undefined {
  const v = raw[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (!tenths && !Number.isInteger(v)) || (tenths && Math.abs(v * 10 - Math.round(v * 10)) > 1e-9)) {
    throw new EcsError('InvalidParameterException', ShiftConfigMessages.range(member, min, max));
  }
  return v;
}

/** Applies the shift members of a request to `out` (whose strategy is already set). */
export function applyShiftConfiguration(req: Raw, out: DeploymentConfigurationRecord): void {
  const bake = num(req, 'bakeTimeInMinutes', 0, 1440);
  if (bake !== undefined) out.bakeTimeInMinutes = bake;
  if (req.linearConfiguration !== undefined && req.linearConfiguration !== null) {
    const l = req.linearConfiguration as Raw;
    out.linearConfiguration = {
      stepPercent: num(l, 'stepPercent', 3, 100, true) ?? LINEAR_DEFAULTS.stepPercent,
      stepBakeTimeInMinutes: num(l, 'stepBakeTimeInMinutes', 0, 1440) ?? LINEAR_DEFAULTS.stepBakeTimeInMinutes,
    };
  }
  if (req.canaryConfiguration !== undefined && req.canaryConfiguration !== null) {
    const c = req.canaryConfiguration as Raw;
    out.canaryConfiguration = {
      canaryPercent: num(c, 'canaryPercent', 0.1, 100, true) ?? CANARY_DEFAULTS.canaryPercent,
      canaryBakeTimeInMinutes: num(c, 'canaryBakeTimeInMinutes', 0, 1440) ?? CANARY_DEFAULTS.canaryBakeTimeInMinutes,
    };
  }
  if (req.lifecycleHooks !== undefined && req.lifecycleHooks !== null) {
    if (!Array.isArray(req.lifecycleHooks)) throw new EcsError('InvalidParameterException', ShiftConfigMessages.hooksList);
    out.lifecycleHooks = req.lifecycleHooks.map((h: Raw) => lifecycleHook(h));
  }
  if (out.strategy === 'BLUE_GREEN' && out.bakeTimeInMinutes === undefined) throw new EcsError('InvalidParameterException', ShiftConfigMessages.bakeTimeRequired);
  if (out.strategy === 'LINEAR') out.linearConfiguration ??= { ...LINEAR_DEFAULTS };
  if (out.strategy === 'CANARY') out.canaryConfiguration ??= { ...CANARY_DEFAULTS };
}

function lifecycleHook(h: Raw): LifecycleHookConfig {
  const targetType = (h?.targetType ?? 'AWS_LAMBDA') as LifecycleHookConfig['targetType'];
  if (targetType !== 'AWS_LAMBDA' && targetType !== 'PAUSE') throw new EcsError('InvalidParameterException', ShiftConfigMessages.targetType(String(targetType)));
  const stages = h?.lifecycleStages;
  if (!Array.isArray(stages) || stages.length === 0) throw new EcsError('InvalidParameterException', ShiftConfigMessages.stagesRequired);
  for (const s of stages) {
    if (!HOOKABLE_STAGES.includes(s as LifecycleStage)) throw new EcsError('InvalidParameterException', ShiftConfigMessages.stage(String(s)));
    if (targetType === 'PAUSE' && NO_PAUSE.includes(s as LifecycleStage)) throw new EcsError('InvalidParameterException', ShiftConfigMessages.pauseStage(String(s)));
  }
  const out: LifecycleHookConfig = { targetType, lifecycleStages: [...stages] as LifecycleStage[] };
  if (targetType === 'AWS_LAMBDA') {
    if (typeof h.hookTargetArn !== 'string' || !h.hookTargetArn.startsWith('arn:')) throw new EcsError('InvalidParameterException', ShiftConfigMessages.hookTargetArn);
    out.hookTargetArn = h.hookTargetArn;
  }
  if (typeof h.roleArn === 'string') out.roleArn = h.roleArn;
  if (h.hookDetails !== undefined) out.hookDetails = JSON.parse(JSON.stringify(h.hookDetails));
  const tc = h.timeoutConfiguration as Raw | undefined;
  if (tc) {
    const minutes = num(tc, 'timeoutInMinutes', 1, 20160) ?? HOOK_TIMEOUT_DEFAULT_MIN;
    const action = (tc.action ?? 'ROLLBACK') as 'CONTINUE' | 'ROLLBACK';
    if (action !== 'CONTINUE' && action !== 'ROLLBACK') throw new EcsError('InvalidParameterException', ShiftConfigMessages.timeoutAction(String(action)));
    out.timeoutConfiguration = { timeoutInMinutes: minutes, action };
  }
  return out;
}

/** Production percent on the new revision after each step. */
export function productionSteps(c: DeploymentConfigurationRecord): number[] {
  if (c.strategy === 'LINEAR') {
    const step = c.linearConfiguration?.stepPercent ?? LINEAR_DEFAULTS.stepPercent;
    const out: number[] = [];
    for (let i = 1; Math.round(i * step * 10) / 10 < 100; i++) out.push(Math.round(i * step * 10) / 10);
    return [...out, 100];
  }
  if (c.strategy === 'CANARY') {
    const p = c.canaryConfiguration?.canaryPercent ?? CANARY_DEFAULTS.canaryPercent;
    return p >= 100 ? [100] : [p, 100];
  }
  return [100];
}

export function stepBakeMinutes(c: DeploymentConfigurationRecord): number {
  if (c.strategy === 'LINEAR') return c.linearConfiguration?.stepBakeTimeInMinutes ?? LINEAR_DEFAULTS.stepBakeTimeInMinutes;
  if (c.strategy === 'CANARY') return c.canaryConfiguration?.canaryBakeTimeInMinutes ?? CANARY_DEFAULTS.canaryBakeTimeInMinutes;
  return 0;
}
