/**
 * The journal: every call that may change the simulation (ECS writes, infra, faults), in order,
 * with the point in the event stream at which it was made. With the creation options it is a
 * complete recipe for the simulation: replaying it gives the same state and event log byte for
 * byte (determinism does the rest). Share links and session exports are built on it.
 */
import type { JsonValue } from './json';

export type JournalApi = 'ecs' | 'infra' | 'faults' | 'script' | 'elbv2' | 'applicationAutoScaling' | 'cloudwatch' | 'codedeploy';

export interface JournalEntry {
  /** virtual ms when the call was made */
  at: number;
  /** how many queue entries had fired before the call (exact even between entries due at the same ms) */
  fired: number;
  api: JournalApi;
  operation: string;
  /** the call's arguments, as JSON */
  args: JsonValue[];
}

/** Arguments as plain JSON: Dates become ISO strings, undefined members and trailing undefined arguments disappear. */
export function jsonArgs(args: readonly unknown[]): JsonValue[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return JSON.parse(JSON.stringify(args.slice(0, end))) as JsonValue[];
}
