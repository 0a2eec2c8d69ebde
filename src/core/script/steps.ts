/**
 * Scripted steps: calls that a scenario (or its solution) makes at a chosen virtual time. They are
 * queue entries like everything else, so they fire at exactly their time whoever drives the clock
 * (the UI's clock, `advance`, `runUntil`, a replay), and they are part of snapshots.
 *
 * A step names one write operation of `sim.ecs`, `sim.infra`, `sim.faults` or `sim.applicationAutoScaling` and its arguments as
 * JSON. Arguments may hold placeholders that only make sense once the simulation runs (resolve.ts).
 */
import type { JsonValue } from '../engine/json';

export type ScriptApi = 'ecs' | 'infra' | 'faults' | 'applicationAutoScaling' | 'codedeploy';

export interface ScriptStep {
  /** virtual ms (absolute) at which the step fires; not before the time it is scheduled */
  at: number;
  api: ScriptApi;
  operation: string;
  /** the operation's arguments, as JSON; may contain placeholders (resolve.ts) */
  args: JsonValue[];
  /** a name for the event log, e.g. "scenario script #2" */
  label?: string;
}

export interface ScheduleStepsRequest {
  steps: ScriptStep[];
}

export interface ScheduleStepsResponse {
  /** queue sequence numbers of the scheduled steps, in order */
  scheduled: number[];
}

/** Queue entry kind of one step. */
export const SCRIPT_STEP = 'script.step';

/** After everything else due at the same instant: a step sees the world as a caller at that time would. */
export const SCRIPT_PRIORITY = 50;

/** Most steps one call may schedule. */
export const MAX_STEPS = 1000;
