/** Binds a table of `(state, ...args) => result` operations to a simulation's current state. */
import type { SimState } from '../engine/state';

type Op = (state: SimState, ...args: any[]) => unknown;

type DropState<F> = F extends (state: SimState, ...args: infer A) => infer R ? (...args: A) => R : never;

export type Bound<T extends Record<string, Op>> = { [K in keyof T]: DropState<T[K]> };

/** `getState` is read on every call, because restoring a snapshot replaces the state object. */
export function bindOperations<T extends Record<string, Op>>(ops: T, getState: () => SimState): Bound<T> {
  const out: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, op] of Object.entries(ops)) out[name] = (...args: unknown[]) => op(getState(), ...args);
  return out as Bound<T>;
}
