/**
 * The simulation: state, clock and event loop. Time moves only when asked (`advance`, `runUntil`,
 * `step`), so the same seed and the same calls always produce the same event log.
 */
import { bindOperations, type Bound, type CallRecorder } from '../api/bind';
import { createEcsApi, type EcsApi } from '../api/ecs';
import { faultOperations } from '../faults/api';
import { infraOperations } from '../infra/api';
import { scriptOperations } from '../script/api';
import { applicationAutoScalingOperations, isAutoScalingRead } from '../autoscaling/api';
import { cloudWatchOperations } from '../autoscaling/cloudwatch';
import { elbv2Operations, isElbReadOperation } from '../elb/api';
import { codeDeployOperations, isCodeDeployRead } from '../codedeploy/api';
import { handlers as defaultHandlers } from '../handlers';
import type { SimEvent } from './events';
import { jsonArgs, type JournalApi } from './journal';
import { cloneJson } from './json';
import type { HandlerTable } from './kernel';
import { heapPeek, heapPop } from './queue';
import { toSafeJson } from './safeJson';
import { stateShapeProblem } from './snapshotShape';
import { createState, STATE_FORMAT, STATE_VERSION, type SimState, type StateOptions } from './state';

export const SNAPSHOT_FORMAT = 'ecs-playground/snapshot';
export const SNAPSHOT_VERSION = 1;
/** deepest nesting accepted in a restored state (XState snapshots are the deepest part, about 10) */
const SNAPSHOT_MAX_DEPTH = 100;

export interface SimulationSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: number;
  state: SimState;
}

export interface SimulationOptions extends StateOptions {
  /** restore from a snapshot instead of starting empty; the other options are then ignored */
  snapshot?: SimulationSnapshot;
}

export interface RunUntilOptions {
  /** the most virtual ms to run; required so a predicate that never holds cannot hang */
  maxMs: number;
}

/** Error for misuse of the simulation object itself (not an ECS error). */
export class SimulationError extends Error {
  override name = 'SimulationError';
}

export class Simulation {
  #state: SimState;
  readonly #handlers: HandlerTable;
  /** the ECS API: one method per ECS operation (see api/ecs.ts) */
  readonly ecs: EcsApi;
  /** EC2 instances and Auto Scaling groups (see infra/api.ts) */
  readonly infra: Bound<typeof infraOperations>;
  /** deliberate failures (see faults/api.ts) */
  readonly faults: Bound<typeof faultOperations>;
  /** scripted steps that fire at chosen virtual times (see script/api.ts) */
  readonly script: Bound<typeof scriptOperations>;
  /** Service Auto Scaling: scalable targets, scaling policies, scaling activities (see autoscaling/api.ts) */
  readonly applicationAutoScaling: Bound<typeof applicationAutoScalingOperations>;
  /** the CloudWatch alarms step scaling needs (see autoscaling/cloudwatch.ts) */
  readonly cloudwatch: Bound<typeof cloudWatchOperations>;
  /** Elastic Load Balancing v2: load balancers, listeners, rules, target groups (see elb/api.ts) */
  readonly elbv2: Bound<typeof elbv2Operations>;
  /** CodeDeploy blue/green deployments of CODE_DEPLOY ECS services (see codedeploy/api.ts) */
  readonly codedeploy: Bound<typeof codeDeployOperations>;

  constructor(options: SimulationOptions = {}, handlerTable: HandlerTable = defaultHandlers) {
    this.#state = options.snapshot ? restoreState(options.snapshot) : createState(options);
    this.#handlers = handlerTable;
    const getState = () => this.#state;
    const recorder =
      (api: JournalApi): CallRecorder =>
      (state, operation, args) => {
        state.journal.push({ at: state.now, fired: state.firedCount, api, operation, args: jsonArgs(args) });
      };
    this.ecs = createEcsApi(getState, recorder('ecs'));
    this.infra = bindOperations(infraOperations, getState, recorder('infra'), (name) => /^describe[A-Z]/.test(name) && name !== 'describeSubnets');
    this.faults = bindOperations(faultOperations, getState, recorder('faults'));
    this.script = bindOperations(scriptOperations, getState, recorder('script'));
    this.applicationAutoScaling = bindOperations(applicationAutoScalingOperations, getState, recorder('applicationAutoScaling'), isAutoScalingRead);
    this.cloudwatch = bindOperations(cloudWatchOperations, getState, recorder('cloudwatch'), isAutoScalingRead);
    this.elbv2 = bindOperations(elbv2Operations, getState, recorder('elbv2'), isElbReadOperation);
    this.codedeploy = bindOperations(codeDeployOperations, getState, recorder('codedeploy'), isCodeDeployRead);
  }

  /** Virtual ms since the simulation started. */
  now(): number {
    return this.#state.now;
  }

  /** The ordered event log. Read-only view; it grows as the simulation runs. */
  get events(): readonly SimEvent[] {
    return this.#state.events;
  }

  /** The live state, for views and checks. Treat it as read-only. */
  get state(): Readonly<SimState> {
    return this.#state;
  }

  /** Virtual time of the next scheduled entry, if any. */
  nextEventAt(): number | undefined {
    return heapPeek(this.#state.queue)?.at;
  }

  /** Runs every entry due within the next `ms` virtual milliseconds, then sets the clock to now + ms. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new SimulationError(`advance(ms): ms must be a finite number >= 0, got ${ms}`);
    const target = this.#state.now + Math.round(ms);
    while (this.#fireNext(target)) {
      /* keep firing */
    }
    this.#state.now = target;
  }

  /**
   * Jumps to the next scheduled entry and fires every entry due at that same time.
   * Returns the virtual ms moved (0 when nothing is scheduled).
   */
  step(): number {
    const next = this.nextEventAt();
    if (next === undefined) return 0;
    const moved = next - this.#state.now;
    this.advance(moved);
    return moved;
  }

  /**
   * Runs until `predicate` holds (checked before starting and after each fired entry) or `maxMs`
   * virtual ms have passed. Returns whether the predicate held. Never runs past now + maxMs.
   */
  runUntil(predicate: (sim: Simulation) => boolean, options: RunUntilOptions): boolean {
    if (!options || !Number.isFinite(options.maxMs) || options.maxMs < 0) {
      throw new SimulationError('runUntil(predicate, { maxMs }): maxMs must be a finite number >= 0');
    }
    const limit = this.#state.now + Math.round(options.maxMs);
    if (predicate(this)) return true;
    for (;;) {
      const next = this.nextEventAt();
      if (next === undefined || next > limit) {
        this.#state.now = limit;
        return predicate(this);
      }
      this.#fireNext(limit);
      if (predicate(this)) return true;
    }
  }

  /**
   * For replays: fires queue entries until `fired` have fired in all, then sets the clock to `at`.
   * Fails when the queue runs dry first or `at` lies in the past: the journal does not belong here.
   */
  fastForward(fired: number, at: number): void {
    while (this.#state.firedCount < fired) {
      if (!this.#fireNext(Number.POSITIVE_INFINITY)) throw new SimulationError('Replay: the journal expects more events than this simulation has');
    }
    if (at < this.#state.now) throw new SimulationError(`Replay: cannot go back from ${this.#state.now} ms to ${at} ms`);
    this.#state.now = at;
  }

  /** Plain-JSON copy of the whole simulation, event log included. */
  snapshot(): SimulationSnapshot {
    return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, state: cloneJson(this.#state) };
  }

  /** Fires the earliest entry if it is due at or before `limit`. */
  #fireNext(limit: number): boolean {
    const head = heapPeek(this.#state.queue);
    if (!head || head.at > limit) return false;
    heapPop(this.#state.queue);
    this.#state.now = head.at;
    this.#state.firedCount++;
    const handler = this.#handlers[head.kind];
    if (!handler) throw new SimulationError(`No handler for queue entry kind "${head.kind}"`);
    handler(this.#state, head.payload);
    return true;
  }
}

function restoreState(snapshot: SimulationSnapshot): SimState {
  if (!snapshot || snapshot.format !== SNAPSHOT_FORMAT) {
    throw new SimulationError(`Not a simulation snapshot (format should be "${SNAPSHOT_FORMAT}")`);
  }
  if (snapshot.version !== SNAPSHOT_VERSION) {
    throw new SimulationError(`Snapshot version ${snapshot.version} is not supported (expected ${SNAPSHOT_VERSION})`);
  }
  // Snapshots may come from outside (files, links): plain data only. Record keys are user-chosen names
  // (a family may be called "__proto__"), so they are kept, as own properties that reach no prototype.
  const copied = toSafeJson(snapshot.state, { maxDepth: SNAPSHOT_MAX_DEPTH, forbiddenKeys: 'keep' });
  if (!copied.ok) {
    throw new SimulationError(`Snapshot state is malformed: ${copied.error.message}${copied.error.path ? ` at ${copied.error.path}` : ''}`);
  }
  const state = copied.value as unknown as SimState;
  if (state?.format !== STATE_FORMAT || state.version !== STATE_VERSION) {
    throw new SimulationError('Snapshot state is malformed');
  }
  const problem = stateShapeProblem(state);
  if (problem) throw new SimulationError(`Snapshot state is malformed: ${problem}`);
  return state;
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  return new Simulation(options);
}
