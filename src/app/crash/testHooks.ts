/**
 * Scripting hooks for benchmarks and browser tests, present only when the page is opened with
 * `?bench` or `?test` in its address; normal use never reaches them. `window.__playground` gives
 * the Playground (drive the simulation directly) and `breakState`/`repairState`, which make one
 * member of the simulation state throw when read — an unexpected core error, to prove that error
 * boundaries catch it and that nothing the learner typed is lost.
 */
import type { AppContext } from '../context';

export interface PlaygroundTestHooks {
  app: AppContext;
  playground: AppContext['playground'];
  /** makes `sim.state[key]` throw on read, then re-renders */
  breakState(key: string): void;
  /** undoes every breakState, then re-renders */
  repairState(): void;
}

declare global {
  interface Window {
    __playground?: PlaygroundTestHooks;
  }
}

export function hooksEnabled(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('bench') || params.has('test');
}

export function installTestHooks(app: AppContext, search = globalThis.location?.search ?? ''): void {
  if (!hooksEnabled(search) || typeof window === 'undefined') return;
  const broken = new Map<string, PropertyDescriptor | undefined>();
  const state = () => app.playground.sim.state as unknown as Record<string, unknown>;
  window.__playground = {
    app,
    playground: app.playground,
    breakState(key) {
      const target = state();
      if (!broken.has(key)) broken.set(key, Object.getOwnPropertyDescriptor(target, key));
      Object.defineProperty(target, key, {
        configurable: true,
        get() {
          throw new Error(`Forced failure: state.${key} cannot be read (test hook)`);
        },
      });
      app.playground.revision++;
    },
    repairState() {
      const target = state();
      for (const [key, descriptor] of broken) {
        if (descriptor) Object.defineProperty(target, key, descriptor);
        else delete target[key];
      }
      broken.clear();
      app.playground.revision++;
    },
  };
}
