/**
 * The ECS API facade: one method per ECS operation, lowerCamelCase, taking and returning the AWS
 * request and response shapes. Each area of the core contributes its operations here.
 */
import type { SimState } from '../engine/state';
import { clusterOperations } from './clusters';

export const ecsOperations = {
  ...clusterOperations,
};

type Operations = typeof ecsOperations;
export type EcsOperationName = keyof Operations;

export type EcsApi = {
  [K in EcsOperationName]: Operations[K] extends (state: SimState, input: infer I) => infer O
    ? undefined extends I
      ? (input?: I) => O
      : (input: I) => O
    : never;
};

/** Binds every operation to the simulation's current state (read through `getState`, as restores replace it). */
export function createEcsApi(getState: () => SimState): EcsApi {
  const api: Record<string, (input?: unknown) => unknown> = {};
  for (const [name, op] of Object.entries(ecsOperations)) {
    api[name] = (input?: unknown) => (op as (s: SimState, i: unknown) => unknown)(getState(), input);
  }
  return api as EcsApi;
}
