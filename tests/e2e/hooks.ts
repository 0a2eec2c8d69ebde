/**
 * The shape of `window.__playground` as browser tests and benchmarks use it (installed by
 * src/app/crash/testHooks.ts when the page is opened with ?test or ?bench).
 */
export interface PageHooks {
  /** the app's Playground: `sim`, `advance(ms)`, `act(fn)`, `clock`, `revision` */
  playground: {
    sim: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the core's Simulation, typed in src/
    revision: number;
    advance(ms: number): void;
    clock: { play(): void; pause(): void; setSpeed(speed: number): void; speed?: number; playing?: boolean };
  };
  breakState(key: string): void;
  repairState(): void;
}

declare global {
  interface Window {
    __playground?: PageHooks;
  }
}
