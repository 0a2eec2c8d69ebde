/**
 * The bridge between the core and the views. It owns one Simulation; views read through its getters,
 * which depend on `revision`, so every change to the simulation (a tick, an API call) re-renders what
 * read it — without Svelte ever proxying the core's state.
 */
import { createSimulation, EcsError, type EcsApi, type EcsOperationName, type Simulation } from '../core';
import { CliText } from '../core/cli/texts';
import { formatJson, responseShape, toCliCommand } from '../core/cli';
import { ClockController, type FrameScheduler } from './clock.svelte';

/** What an action in the UI would have printed as AWS CLI commands (the console echoes these). */
export interface CliEcho {
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ActionError {
  /** AWS error code, or "Error" for anything unexpected */
  code: string;
  message: string;
}

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ActionError };

/** Lets time travel (session/history.svelte.ts) follow the simulation: how time moves, and branching. */
export interface PlaygroundTimeline {
  /** moves `sim` forward by `ms` (along the recorded future when viewing the past); returns the simulation to show */
  advance(sim: Simulation, ms: number): Simulation;
  /** an action is about to change `sim`: the recorded future, if any, is dropped */
  beforeAct(sim: Simulation): void;
  /** the simulation was replaced from outside (reset, a loaded session) */
  replaced(sim: Simulation): void;
}

export class Playground {
  /** bumps after every change to the simulation */
  revision = $state(0);
  readonly clock: ClockController;
  #sim: Simulation;
  readonly #seed: number;
  #timeline: PlaygroundTimeline | undefined;
  /** embeds can be read-only: the learner's actions are refused (the host page may still drive it) */
  readonly = $state(false);
  /** base URL of the local endpoint whose simulation is shown instead of #sim (remote/remote.svelte.ts) */
  remote = $state<string | undefined>();
  /** the endpoint's simulation, as last polled; #sim stays aside untouched while it is shown */
  #remoteSim: Simulation | undefined;
  readonly #echoListeners = new Set<(echo: CliEcho) => void>();
  /** the ECS calls of the action running now, as CLI echoes */
  #echoes: CliEcho[] | undefined;

  constructor(options: { seed?: number; frames?: FrameScheduler } = {}) {
    this.#seed = options.seed ?? 1;
    this.#sim = createSimulation({ seed: this.#seed });
    this.clock = new ClockController((ms) => this.advance(ms), options.frames);
  }

  /** The simulation, read reactively. */
  get sim(): Simulation {
    void this.revision;
    return this.#remoteSim ?? this.#sim;
  }

  get now(): number {
    void this.revision;
    return this.sim.now();
  }

  get epochMs(): number {
    void this.revision;
    return this.sim.state.epochMs;
  }

  /** Shows a local endpoint's simulation (read-only here: it changes through the endpoint). */
  showRemote(sim: Simulation, url: string): void {
    if (!this.remote) this.clock.pause();
    this.#remoteSim = sim;
    this.remote = url;
    this.revision++;
  }

  /** Back to the in-browser simulation, as it was when the endpoint was connected. */
  detachRemote(): void {
    if (!this.remote && !this.#remoteSim) return;
    this.#remoteSim = undefined;
    this.remote = undefined;
    this.revision++;
  }

  advance(ms: number): void {
    if (this.remote) return; // the endpoint's clock moves on the server
    if (this.#timeline) this.#sim = this.#timeline.advance(this.#sim, ms);
    else this.#sim.advance(ms);
    this.revision++;
  }

  /** Time travel hooks in here; see PlaygroundTimeline. */
  attachTimeline(timeline: PlaygroundTimeline): void {
    this.#timeline = timeline;
  }

  /** Shows another simulation (a loaded session, or the past while time travelling). */
  replace(sim: Simulation, options: { fromTimeline?: boolean } = {}): void {
    this.clock.pause();
    this.#sim = sim;
    if (!options.fromTimeline) this.#timeline?.replaced(sim);
    this.revision++;
  }

  /** Jumps to the next scheduled happening, or one virtual second when nothing is scheduled. */
  step(): void {
    if (this.remote) return;
    const next = this.#sim.nextEventAt();
    const now = this.#sim.now();
    this.advance(next === undefined || next <= now ? 1_000 : next - now);
  }

  /**
   * Runs an action against the simulation; ECS errors come back as values for the UI to show.
   * ECS calls made through `call()` inside the action are echoed to `onAction` listeners as CLI
   * commands; `cli` names the command of an action that is not an ECS call (e.g. `aws ec2 ...`).
   */
  act<T>(action: (sim: Simulation) => T, options: { asHost?: boolean; cli?: string } = {}): ActionResult<T> {
    if (this.readonly && !options.asHost) return { ok: false, error: { code: 'ReadOnly', message: 'This embedded playground is read-only.' } };
    if (this.remote) {
      const message = `Showing the local endpoint at ${this.remote}: change it with the AWS CLI or an SDK (--endpoint-url ${this.remote}), or disconnect to use the in-browser simulation.`;
      return { ok: false, error: { code: 'RemoteEndpoint', message } };
    }
    this.#timeline?.beforeAct(this.#sim);
    const outer = this.#echoes;
    const echoes: CliEcho[] = (this.#echoes = []);
    let result: ActionResult<T>;
    try {
      result = { ok: true, value: action(this.#sim) };
    } catch (e) {
      if (e instanceof EcsError) result = { ok: false, error: { code: e.name, message: e.message } };
      else {
        const err = e instanceof Error ? e : new Error(String(e));
        result = { ok: false, error: { code: err.name || 'Error', message: err.message } };
      }
    } finally {
      this.#echoes = outer;
      this.revision++;
    }
    if (options.cli) {
      const stderr = result.ok ? '' : `${result.error.code}: ${result.error.message}`;
      echoes.unshift({ command: options.cli, stdout: '', stderr, exitCode: result.ok ? 0 : 254 });
    }
    for (const echo of echoes) for (const listener of this.#echoListeners) listener(echo);
    return result;
  }

  /** Makes one ECS call from inside `act`, echoing it as the CLI command it equals. */
  call<K extends EcsOperationName>(operation: K, request: Parameters<EcsApi[K]>[0]): ReturnType<EcsApi[K]> {
    const command = toCliCommand(operation, (request ?? {}) as Record<string, unknown>);
    const method = this.#sim.ecs[operation] as (r: typeof request) => ReturnType<EcsApi[K]>;
    try {
      const response = method(request);
      this.#echoes?.push({ command, stdout: formatJson(response, responseShape(operation)), stderr: '', exitCode: 0 });
      return response;
    } catch (e) {
      const text = e instanceof EcsError ? CliText.serviceError(e.name, operation.charAt(0).toUpperCase() + operation.slice(1), e.message) : String(e);
      this.#echoes?.push({ command, stdout: '', stderr: text, exitCode: 254 });
      throw e;
    }
  }

  /** Follows the CLI commands the UI's actions equal; returns the unsubscribe function. */
  onAction(listener: (echo: CliEcho) => void): () => void {
    this.#echoListeners.add(listener);
    return () => this.#echoListeners.delete(listener);
  }

  /** Starts over with an empty simulation on the same seed. */
  reset(): void {
    this.clock.pause();
    this.#sim = createSimulation({ seed: this.#seed });
    this.#timeline?.replaced(this.#sim);
    this.revision++;
  }
}
