/**
 * Fires one scripted step: resolves its placeholders, calls the operation on the state, and logs
 * `script.stepApplied` or, when the call throws (as it would for a person making it), `script.stepFailed`
 * with the error's name and message. A failing step never stops the simulation.
 */
import { emit, type HandlerTable } from '../engine/kernel';
import type { JsonValue } from '../engine/json';
import type { SimState } from '../engine/state';
import { resolvePlaceholders } from './resolve';
import { scriptOperation } from './operations';
import { SCRIPT_STEP, type ScriptStep } from './steps';

function fire(state: SimState, step: ScriptStep): void {
  const name = `${step.api}.${step.operation}`;
  const label = step.label ? `${step.label}: ` : '';
  const op = scriptOperation(step.api, step.operation);
  try {
    if (!op) throw new Error(`${name} is not an operation a script can call.`);
    const args = resolvePlaceholders(state, step.args as JsonValue) as JsonValue[];
    op(state, ...args);
    emit(state, 'script.stepApplied', `${label}${name} applied.`, { data: { api: step.api, operation: step.operation, label: step.label ?? null } });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    emit(state, 'script.stepFailed', `${label}${name} failed: ${err.name}: ${err.message}`, {
      data: { api: step.api, operation: step.operation, label: step.label ?? null, error: err.name, message: err.message },
    });
  }
}

export const scriptHandlers: HandlerTable = {
  [SCRIPT_STEP]: (state, payload: ScriptStep) => fire(state, payload),
};
