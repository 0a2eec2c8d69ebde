/**
 * Turns scenario actions (script and solution steps) into the core's scripted steps: the operation
 * and its arguments, with instance refs replaced by EC2 ids and the scenario placeholders
 * (`$instance`, `$containerInstance`, `$task`) by the core's (`$containerInstanceArn`, `$taskArn`).
 */
import type { ScriptStep, TaskSelector } from '../core/index';
import type { JsonValue } from '../core/engine/json';
import { ScenarioError } from './errors';
import { instanceId, type InstanceRefs } from './refs';
import type { Action, ScenarioTaskSelector } from './types';

function idOf(refs: InstanceRefs, ref: unknown, path: string): string {
  const id = typeof ref === 'string' ? instanceId(refs, ref) : undefined;
  if (!id) throw new ScenarioError(path, `No setup instance is named "${String(ref)}".`);
  return id;
}

function selector(refs: InstanceRefs, sel: ScenarioTaskSelector | undefined, path: string): TaskSelector {
  const { instance, ...rest } = sel ?? {};
  return instance === undefined ? rest : { ...rest, ec2InstanceId: idOf(refs, instance, `${path}/instance`) };
}

/** A copy of an ECS request with the scenario placeholders translated. */
export function translateInput(refs: InstanceRefs, value: unknown, path: string): JsonValue {
  if (Array.isArray(value)) return value.map((v, i) => translateInput(refs, v, `${path}/${i}`));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1) {
      if (keys[0] === '$instance') return idOf(refs, o.$instance, path);
      if (keys[0] === '$containerInstance') return { $containerInstanceArn: idOf(refs, o.$containerInstance, path) };
      if (keys[0] === '$task') return { $taskArn: selector(refs, o.$task as ScenarioTaskSelector, `${path}/$task`) as unknown as JsonValue };
    }
    const out: Record<string, JsonValue> = {};
    for (const k of keys) if (o[k] !== undefined) out[k] = translateInput(refs, o[k], `${path}/${k}`);
    return out;
  }
  return value as JsonValue;
}

/** The core step for one action firing at virtual ms `at`. */
export function toStep(refs: InstanceRefs, a: Action, at: number, path: string, label: string): ScriptStep {
  const step = (api: ScriptStep['api'], operation: string, args: JsonValue[]): ScriptStep => ({ at, api, operation, args, label: a.note ? `${label} (${a.note})` : label });
  if (a.ecs) return step('ecs', a.ecs, [translateInput(refs, a.input ?? {}, `${path}/input`)]);
  if (a.applicationAutoScaling) return step('applicationAutoScaling', a.applicationAutoScaling, [translateInput(refs, a.input ?? {}, `${path}/input`)]);
  if (a.codedeploy) return step('codedeploy', a.codedeploy, [translateInput(refs, a.input ?? {}, `${path}/input`)]);
  if (a.infra === 'launchInstances' || a.infra === 'setDesiredCapacity' || a.infra === 'updateAutoScalingGroup') {
    return step('infra', a.infra, [translateInput(refs, a.input ?? {}, `${path}/input`)]);
  }
  if (a.infra === 'terminateInstance') return step('infra', 'terminateInstance', [idOf(refs, a.instance, `${path}/instance`)]);
  const task = (): JsonValue => ({ $taskArn: selector(refs, a.task, `${path}/task`) as unknown as JsonValue });
  const forMs = a.forSeconds === undefined ? {} : { forMs: Math.round(a.forSeconds * 1000) };
  switch (a.fault) {
    case 'disconnectAgent':
      return step('faults', 'disconnectAgent', [idOf(refs, a.instance, `${path}/instance`), forMs]);
    case 'reconnectAgent':
      return step('faults', 'reconnectAgent', [idOf(refs, a.instance, `${path}/instance`)]);
    case 'crashContainer':
      return step('faults', 'crashContainer', [task(), a.container ?? '', a.exitCode ?? 1]);
    case 'failHealthCheck':
      return step('faults', 'failHealthCheck', [task(), a.container ?? '', forMs]);
    case 'interruptSpot':
      return step('faults', 'interruptSpot', [task()]);
    case 'makeImageUnpullable':
    case 'makeImagePullable':
      return step('faults', a.fault, [a.image ?? '']);
    case 'setLoad':
      return step('faults', 'setLoad', [translateInput(refs, a.input ?? {}, `${path}/input`)]);
    case 'setHookAnswer': {
      const input = (a.input ?? {}) as { hookTargetArn?: unknown; answer?: unknown };
      return step('faults', 'setHookAnswer', [String(input.hookTargetArn ?? ''), String(input.answer ?? '')]);
    }
    default:
      throw new ScenarioError(path, 'An action needs one of "ecs", "infra", "fault", "applicationAutoScaling" or "codedeploy".');
  }
}
