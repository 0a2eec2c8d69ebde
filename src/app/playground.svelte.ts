/**
 * The bridge between the core and the views. It owns one Simulation; views read through its getters,
 * which depend on `revision`, so every change to the simulation (a tick, an API call) re-renders what
 * read it — without Svelte ever proxying the core's state.
 */
import { createSimulation, EcsError, type Simulation } from '../core';
import { ClockController, type FrameScheduler } from './clock.svelte';

export interface ActionError {
  /** AWS error code, or "Error" for anything unexpected */
  code: string;
  message: string;
}

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ActionError };

export class Playground {
  /** bumps after every change to the simulation */
  revision = $state(0);
  readonly clock: ClockController;
  #sim: Simulation;
  readonly #seed: number;

  constructor(options: { seed?: number; frames?: FrameScheduler } = {}) {
    this.#seed = options.seed ?? 1;
    this.#sim = createSimulation({ seed: this.#seed });
    this.clock = new ClockController((ms) => this.advance(ms), options.frames);
  }

  /** The simulation, read reactively. */
  get sim(): Simulation {
    void this.revision;
    return this.#sim;
  }

  get now(): number {
    void this.revision;
    return this.#sim.now();
  }

  get epochMs(): number {
    void this.revision;
    return this.#sim.state.epochMs;
  }

  advance(ms: number): void {
    this.#sim.advance(ms);
    this.revision++;
  }

  /** Jumps to the next scheduled happening, or one virtual second when nothing is scheduled. */
  step(): void {
    if (this.#sim.step() === 0) this.#sim.advance(1_000);
    this.revision++;
  }

  /** Runs an action against the simulation; ECS errors come back as values for the UI to show. */
  act<T>(action: (sim: Simulation) => T): ActionResult<T> {
    try {
      return { ok: true, value: action(this.#sim) };
    } catch (e) {
      if (e instanceof EcsError) return { ok: false, error: { code: e.name, message: e.message } };
      const err = e instanceof Error ? e : new Error(String(e));
      return { ok: false, error: { code: err.name || 'Error', message: err.message } };
    } finally {
      this.revision++;
    }
  }

  /** Starts over with an empty simulation on the same seed. */
  reset(): void {
    this.clock.pause();
    this.#sim = createSimulation({ seed: this.#seed });
    this.revision++;
  }
}
