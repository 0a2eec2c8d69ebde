/**
 * Runs XState machines inside the engine. The engine owns time: every transition is XState's pure
 * step (what `transition()` does, with a reused inert scope — see pureStep), delayed events come
 * back as data and become queue entries, and each actor's snapshot is kept in the simulation state
 * as plain JSON (`{ value, context }`).
 *
 * Custom actions are not executed by XState here. Machines declare them in `setup({ actions })`
 * (as no-ops, for typing) and the engine runs the matching effect from the machine's `effects`
 * table after each transition, in order, with the action's params. Effects are where a machine
 * changes the rest of the simulation (records, events, other actors).
 */
import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type StateValue } from 'xstate';
import type { JsonObject, JsonValue } from '../engine/json';
import { cancel, schedule, Priority, type HandlerTable } from '../engine/kernel';
import type { SimState } from '../engine/state';

export interface ActorRecord {
  /** machine name in the registry */
  machine: string;
  value: StateValue;
  context: JsonObject;
  status: 'active' | 'done';
  /** every state value the actor has been in, in order, as dotted paths of its leaf states */
  history: string[];
}

export type Effect = (state: SimState, actorId: string, params: any, context: JsonObject) => void;

export interface MachineSpec {
  machine: AnyStateMachine;
  effects: Readonly<Record<string, Effect>>;
  /** queue priority of this machine's delayed events */
  priority?: number;
}

export type MachineRegistry = Readonly<Record<string, MachineSpec>>;

export const DELAYED_EVENT = 'actor.delayed';

interface DelayedPayload {
  actorId: string;
  sendId: string;
  event: JsonObject;
  [key: string]: JsonValue;
}

/** Leaf state paths of a state value, e.g. `{ RUNNING: 'healthy' }` → `['RUNNING.healthy']`. */
export function leafPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    out.push(...leafPaths(child as StateValue, `${prefix}${key}.`));
  }
  return out;
}

function runActions(
  state: SimState,
  actorId: string,
  spec: MachineSpec,
  actions: readonly { type: string; params?: unknown }[],
  context: JsonObject,
  firedSendId?: string,
): void {
  for (const action of actions) {
    if (action.type === 'xstate.raise') {
      const params = action.params as { event: JsonObject; id?: string; delay?: number };
      // Raises without a delay were already processed inside the macrostep.
      if (params.delay === undefined) continue;
      const payload: DelayedPayload = { actorId, sendId: params.id ?? String(params.event.type), event: params.event };
      schedule(state, params.delay, DELAYED_EVENT, payload, spec.priority ?? Priority.task);
    } else if (action.type === 'xstate.cancel') {
      const sendId = (action.params as { sendId: string }).sendId;
      // Leaving a state because its own delay fired: that entry is already off the queue, and
      // scanning the whole queue for it on every such transition would make big runs quadratic.
      if (sendId === firedSendId) continue;
      cancel(state, (e) => e.kind === DELAYED_EVENT && (e.payload as DelayedPayload).actorId === actorId && (e.payload as DelayedPayload).sendId === sendId);
    } else if (action.type.startsWith('xstate.')) {
      // assign and other built-ins are already applied to the snapshot.
      continue;
    } else {
      const effect = spec.effects[action.type];
      if (!effect) throw new Error(`Machine "${spec.machine.id}" has no effect for action "${action.type}"`);
      effect(state, actorId, action.params ?? {}, context);
    }
  }
}

/**
 * XState's `transition()` / `initialTransition()` build a throw-away actor (which computes the whole
 * initial snapshot) and an actor system on every call; at thousands of tasks that dominates the run.
 * This does the same pure step with one inert scope per machine, reused: actions are only collected,
 * never executed, exactly as `transition()` does it.
 */
interface PureScope {
  scope: AnyActorScope;
  collected: { type: string; params?: unknown }[];
}
const pureScopes = new WeakMap<AnyStateMachine, PureScope>();

function pureScopeOf(machine: AnyStateMachine): PureScope {
  let entry = pureScopes.get(machine);
  if (!entry) {
    const self = createActor(machine);
    const collected: PureScope['collected'] = [];
    const scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      actionExecutor: (action: { type: string; params?: unknown }) => {
        collected.push(action);
      },
    } as unknown as AnyActorScope;
    entry = { scope, collected };
    pureScopes.set(machine, entry);
  }
  return entry;
}

/** One pure step: the next snapshot and the actions to run, nothing executed. */
function pureStep(machine: AnyStateMachine, run: (scope: AnyActorScope) => AnyMachineSnapshot): [AnyMachineSnapshot, PureScope['collected']] {
  const entry = pureScopeOf(machine);
  entry.collected.length = 0;
  const next = run(entry.scope);
  // copy: effects may step other actors of the same machine before these actions are done
  return [next, entry.collected.slice()];
}

/** The live XState snapshot behind each stored actor record, so the next event need not rebuild it. */
const liveSnapshots = new WeakMap<ActorRecord, AnyMachineSnapshot>();

function record(actor: ActorRecord, snapshot: { value: StateValue; context: unknown; status: string }): void {
  liveSnapshots.set(actor, snapshot as AnyMachineSnapshot);
  actor.value = snapshot.value;
  actor.context = snapshot.context as JsonObject;
  actor.status = snapshot.status === 'done' ? 'done' : 'active';
  const leaf = leafPaths(snapshot.value).join(',');
  if (actor.history[actor.history.length - 1] !== leaf) actor.history.push(leaf);
}

/** Creates an actor of `machineName` with `input`, stores it under `actorId` and runs its entry effects. */
export function startActor(
  state: SimState,
  registry: MachineRegistry,
  machineName: string,
  actorId: string,
  input: JsonValue,
): ActorRecord {
  const spec = registry[machineName];
  if (!spec) throw new Error(`Unknown machine "${machineName}"`);
  if (state.actors[actorId]) throw new Error(`Actor "${actorId}" already exists`);
  const [snapshot, actions] = pureStep(spec.machine, (scope) => spec.machine.getInitialSnapshot(scope, input as never) as AnyMachineSnapshot);
  const actor: ActorRecord = { machine: machineName, value: snapshot.value, context: {}, status: 'active', history: [] };
  record(actor, snapshot);
  state.actors[actorId] = actor;
  runActions(state, actorId, spec, actions, actor.context);
  return actor;
}

/** Sends `event` to the actor; ignored when the actor does not exist or is done. Returns whether it was delivered. */
export function sendToActor(
  state: SimState,
  registry: MachineRegistry,
  actorId: string,
  event: { type: string; [k: string]: JsonValue },
  /** the send id of the delayed event being delivered, when it is one */
  firedSendId?: string,
): boolean {
  const actor = state.actors[actorId];
  if (!actor || actor.status === 'done') return false;
  const spec = registry[actor.machine];
  const live = liveSnapshots.get(actor);
  const current =
    live && live.value === actor.value && live.context === actor.context
      ? live
      : spec.machine.resolveState({ value: actor.value, context: actor.context });
  const [next, actions] = pureStep(spec.machine, (scope) => spec.machine.transition(current, event as never, scope) as AnyMachineSnapshot);
  record(actor, next);
  runActions(state, actorId, spec, actions, actor.context, firedSendId);
  return true;
}

/** Removes an actor and every delayed event still queued for it. */
export function stopActor(state: SimState, actorId: string): void {
  delete state.actors[actorId];
  cancel(state, (e) => e.kind === DELAYED_EVENT && (e.payload as DelayedPayload).actorId === actorId);
}

/** The queue handler that delivers delayed events; add it to the handler table with the registry. */
export function actorHandlers(registry: MachineRegistry): HandlerTable {
  return {
    [DELAYED_EVENT]: (state, payload: DelayedPayload) => {
      sendToActor(state, registry, payload.actorId, payload.event as { type: string }, payload.sendId);
    },
  };
}
