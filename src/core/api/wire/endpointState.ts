/**
 * The local endpoint's read route for the web app's "connect to local endpoint" mode (beside the ECS
 * protocol, which stays as ECS has it): `GET /playground/state` answers the whole simulation as a
 * snapshot, so the app can draw everything the ECS API does not carry (the event log, instance
 * resources, task state machines). `?since=<revision>` answers `{ unchanged: true }` while nothing
 * moved. Shared by the server (src/server) and the app's poller (src/app/remote), so both agree.
 */
import type { Simulation, SimulationSnapshot } from '../../engine/simulation';

export const ENDPOINT_STATE_PATH = '/playground/state';
export const ENDPOINT_STATE_FORMAT = 'ecs-playground/endpoint-state';
/** bump when the body changes shape; the app refuses other versions with an explanation */
export const ENDPOINT_STATE_VERSION = 1;

export interface EndpointStateHeader {
  format: typeof ENDPOINT_STATE_FORMAT;
  version: typeof ENDPOINT_STATE_VERSION;
  /** changes whenever the simulation does (a call, a fired event, the clock) */
  revision: string;
  /** virtual ms per wall ms */
  speed: number;
}

export type EndpointState = EndpointStateHeader & ({ unchanged: true } | { unchanged?: undefined; snapshot: SimulationSnapshot });

/** A revision that changes whenever the simulation can look different. */
export function revisionOf(sim: Simulation): string {
  const s = sim.state;
  return `${s.journal.length}.${s.firedCount}.${s.now}`;
}

/** The route's body for a simulation; `since` equal to the current revision skips the snapshot. */
export function endpointStateOf(sim: Simulation, speed: number, since?: string): EndpointState {
  const header = { format: ENDPOINT_STATE_FORMAT, version: ENDPOINT_STATE_VERSION, revision: revisionOf(sim), speed } as const;
  return since === header.revision ? { ...header, unchanged: true } : { ...header, snapshot: sim.snapshot() };
}
