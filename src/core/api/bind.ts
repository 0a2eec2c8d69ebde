/** Binds a table of `(state, ...args) => result` operations to a simulation's current state. */
import type { SimState } from '../engine/state';

type Op = (state: SimState, ...args: any[]) => unknown;

type DropState<F> = F extends (state: SimState, ...args: infer A) => infer R ? (...args: A) => R : never;

export type Bound<T extends Record<string, Op>> = { [K in keyof T]: DropState<T[K]> };

/** Called before each call that may change the state, with the operation name and its arguments. */
export type CallRecorder = (state: SimState, operation: string, args: unknown[]) => void;

/**
 * `getState` is read on every call, because restoring a snapshot replaces the state object.
 * `record`, when given, sees every call for which `isRead(name)` is false, before it runs.
 */
export function bindOperations<T extends Record<string, Op>>(
  ops: T,
  getState: () => SimState,
  record?: CallRecorder,
  isRead: (operation: string) => boolean = () => false,
): Bound<T> {
  const out: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, op] of Object.entries(ops)) {
    const journaled = record && !isRead(name);
    out[name] = journaled
      ? (...args: unknown[]) => {
          const state = getState();
          record(state, name, args);
          return op(state, ...args);
        }
      : (...args: unknown[]) => op(getState(), ...args);
  }
  return out as Bound<T>;
}
