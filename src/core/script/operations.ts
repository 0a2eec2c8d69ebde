/**
 * The operations a step may call: every write of sim.ecs, sim.infra, sim.faults and
 * sim.applicationAutoScaling (reads are pointless in a script).
 */
import { ecsOperations, isReadOperation } from '../api/ecs';
import type { SimState } from '../engine/state';
import { faultOperations } from '../faults/api';
import { infraOperations } from '../infra/api';
import { applicationAutoScalingOperations, isAutoScalingRead } from '../autoscaling/api';
import { codeDeployOperations, isCodeDeployRead } from '../codedeploy/api';
import type { ScriptApi } from './steps';

type AnyOp = (state: SimState, ...args: any[]) => unknown;

const tables: Record<ScriptApi, Record<string, AnyOp>> = {
  ecs: ecsOperations as Record<string, AnyOp>,
  infra: infraOperations as Record<string, AnyOp>,
  faults: faultOperations as Record<string, AnyOp>,
  applicationAutoScaling: applicationAutoScalingOperations as Record<string, AnyOp>,
  codedeploy: codeDeployOperations as Record<string, AnyOp>,
};

export function scriptOperation(api: unknown, operation: unknown): AnyOp | undefined {
  if (api !== 'ecs' && api !== 'infra' && api !== 'faults' && api !== 'applicationAutoScaling' && api !== 'codedeploy') return undefined;
  if (typeof operation !== 'string' || isReadOperation(operation) || (api === 'applicationAutoScaling' && isAutoScalingRead(operation)) || (api === 'codedeploy' && isCodeDeployRead(operation))) return undefined;
  const table = tables[api];
  return Object.prototype.hasOwnProperty.call(table, operation) ? table[operation] : undefined;
}

/** Whether a step may call `api.operation`. */
export function isScriptOperation(api: unknown, operation: unknown): boolean {
  return scriptOperation(api, operation) !== undefined;
}
