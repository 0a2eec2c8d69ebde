/**
 * `createEcsClient(sim)`: an `ECSClient` of the AWS SDK for JavaScript v3 wired to a simulation.
 * Commands, paginators, waiters and error classes of @aws-sdk/client-ecs work unchanged; requests
 * never leave the process. Its own module, so bundles that never call it leave the SDK out.
 */
import { ECSClient, type ECSClientConfig } from '@aws-sdk/client-ecs';
import type { Simulation } from '../engine/simulation';
import { SimulationRequestHandler } from './simulationRequestHandler';

/** The minDelay, in seconds, of the SDK's ECS waiters (tasksRunning, tasksStopped, servicesStable ...). */
export const WAITER_MIN_DELAY_SECONDS = 6;

export interface EcsClientOptions {
  /** the client's region; defaults to the simulation's */
  region?: string;
  /**
   * Let waiters and polling loops move virtual time: when a read operation (Describe*, List*, Get*)
   * repeats a read sent since the last advance, with no write in between, the simulation first
   * advances by this many virtual seconds. `true` means 6 s, the SDK waiters' minDelay. Off by
   * default, so the client never moves the clock behind the caller's back.
   */
  advanceOnWait?: boolean | number;
  /** anything else for the ECSClient constructor (logger, maxAttempts, ...) */
  config?: Omit<ECSClientConfig, 'requestHandler' | 'region'>;
}

/** Keys the SDK signs with; the simulation accepts any. */
export const PLAYGROUND_CREDENTIALS = { accessKeyId: 'AKIAPLAYGROUND000000', secretAccessKey: 'playground' } as const;

export function createEcsClient(sim: Simulation, options: EcsClientOptions = {}): ECSClient {
  const advance = options.advanceOnWait;
  const seconds = advance === true ? WAITER_MIN_DELAY_SECONDS : typeof advance === 'number' ? advance : 0;
  return new ECSClient({
    credentials: PLAYGROUND_CREDENTIALS,
    // One attempt: the simulation never throttles, and retrying its own failure gives the same answer.
    maxAttempts: 1,
    ...options.config,
    region: options.region ?? sim.state.region,
    requestHandler: new SimulationRequestHandler(sim, { advanceOnRepeatSeconds: seconds }),
  });
}
