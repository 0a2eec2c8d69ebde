/**
 * The simulation's event log: every state change, in order, with its virtual time.
 * Plain data, so it is part of snapshots and share links, and a replay can be compared byte for byte.
 */
import type { JsonObject } from './json';

export interface SimEvent {
  /** position in the log, from 1 */
  seq: number;
  /** virtual ms since the simulation started */
  time: number;
  /** what happened, `area.verb` (e.g. `cluster.created`, `task.stateChange`) */
  type: string;
  /** ARN or id of the resource the event is about, when there is one */
  resource?: string;
  /** one line for people, in English, using ECS terms */
  message: string;
  /** the facts of the event, for filters and checks */
  data?: JsonObject;
}
