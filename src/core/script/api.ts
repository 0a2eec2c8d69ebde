/**
 * `sim.script`: schedules scripted steps (steps.ts). The call itself is journaled like any write, so a
 * recipe replays it and the steps fire again at the same points of the event stream; the steps then
 * run inside their queue entries and are not journaled themselves.
 */
import { schedule } from '../engine/kernel';
import type { JsonValue } from '../engine/json';
import type { SimState } from '../engine/state';
import { ScriptError } from './errors';
import { scriptOperation } from './operations';
import { MAX_STEPS, SCRIPT_PRIORITY, SCRIPT_STEP, type ScheduleStepsRequest, type ScheduleStepsResponse, type ScriptStep } from './steps';

function checkStep(state: SimState, step: unknown, i: number): ScriptStep {
  if (!step || typeof step !== 'object' || Array.isArray(step)) throw new ScriptError(`steps[${i}] must be an object.`);
  const s = step as Partial<ScriptStep>;
  if (typeof s.at !== 'number' || !Number.isFinite(s.at) || s.at < state.now) {
    throw new ScriptError(`steps[${i}].at must be a virtual time in ms, not before now (${state.now}).`);
  }
  if (!scriptOperation(s.api, s.operation)) throw new ScriptError(`steps[${i}]: ${String(s.api)}.${String(s.operation)} is not an operation a script can call.`);
  if (!Array.isArray(s.args)) throw new ScriptError(`steps[${i}].args must be an array.`);
  if (s.label !== undefined && typeof s.label !== 'string') throw new ScriptError(`steps[${i}].label must be a string.`);
  const out: ScriptStep = { at: Math.round(s.at), api: s.api!, operation: s.operation!, args: JSON.parse(JSON.stringify(s.args)) as JsonValue[] };
  if (s.label !== undefined) out.label = s.label;
  return out;
}

export function scheduleSteps(state: SimState, input: ScheduleStepsRequest): ScheduleStepsResponse {
  const steps = input?.steps;
  if (!Array.isArray(steps)) throw new ScriptError('steps must be an array.');
  if (steps.length > MAX_STEPS) throw new ScriptError(`At most ${MAX_STEPS} steps per call.`);
  const checked = steps.map((s, i) => checkStep(state, s, i));
  const scheduled = checked.map((step) => schedule(state, step.at - state.now, SCRIPT_STEP, step as unknown as JsonValue, SCRIPT_PRIORITY));
  return { scheduled };
}

export const scriptOperations = { scheduleSteps };
