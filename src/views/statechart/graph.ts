/**
 * The graph a statechart view draws, read from an XState machine definition itself (never a
 * hand-drawn copy): its leaf states in document order, and every transition that changes state,
 * with the event that triggers it, its `after` delay or its `always` guard. Pure.
 */
import { and, not, or, type AnyStateMachine } from 'xstate';

export type EdgeKind = 'event' | 'after' | 'always';

export interface ChartNode {
  /** dotted path of the leaf state, e.g. `RUNNING` or `RUNNING.healthy`; equals the actor history entries */
  id: string;
  /** position in document order (0-based) */
  order: number;
  initial: boolean;
  final: boolean;
}

/** A source of `*`: the transition is declared on the root and leaves any state. */
export const ANY_STATE = '*';

export interface ChartEdge {
  /** stable across renders: source, target, trigger and the transition's index among equal ones */
  key: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** the event type for `event` edges */
  event?: string;
  /** the delay's name (or ms as a string) for `after` edges */
  delay?: string;
  /** the guard in words, e.g. `stopRequested && awsvpc` */
  guard?: string;
}

export interface StatechartGraph {
  machineId: string;
  nodes: ChartNode[];
  edges: ChartEdge[];
}

// `and`, `or` and `not` build a fresh guard function each call, but share their check function:
// comparing checks tells the combinators apart even when a minifier renames functions.
const CHECK_AND = (and([]) as unknown as { check: unknown }).check;
const CHECK_OR = (or([]) as unknown as { check: unknown }).check;
const CHECK_NOT = (not('x') as unknown as { check: unknown }).check;

/** A transition guard as people read it. */
export function describeGuard(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const g = guard as { check?: unknown; guards?: unknown[]; name?: string };
    const parts = (g.guards ?? []).map((x) => describeGuard(x) ?? '?');
    const wrap = (s: string) => (s.includes(' ') ? `(${s})` : s);
    if (g.check === CHECK_AND) return parts.map(wrap).join(' && ');
    if (g.check === CHECK_OR) return parts.map(wrap).join(' || ');
    if (g.check === CHECK_NOT) return `!${wrap(parts[0] ?? '?')}`;
    return g.name || 'guard';
  }
  if (typeof guard === 'object' && 'type' in guard) return String((guard as { type: unknown }).type);
  return 'guard';
}

interface TransitionLike {
  eventType: string;
  target?: readonly { path: string[]; type: string; states: Record<string, unknown> }[];
  guard?: unknown;
  delay?: string | number | unknown;
}

interface NodeLike {
  key: string;
  path: string[];
  type: string;
  order: number;
  states: Record<string, NodeLike>;
  transitions: Map<string, TransitionLike[]>;
  always?: TransitionLike[];
  after: TransitionLike[];
  initial?: { target: readonly { path: string[] }[] };
}

const pathId = (node: { path: string[] }) => node.path.join('.');

/** Leaf (atomic or final) states under `node`, depth first in document order. */
function leaves(node: NodeLike): NodeLike[] {
  const children = Object.values(node.states);
  if (children.length === 0) return [node];
  return children.flatMap(leaves);
}

/** The leaf a transition into `node` ends in: follows initial states down. */
function entryLeaf(node: NodeLike): string {
  let n = node;
  while (Object.keys(n.states).length > 0) {
    const first = n.initial?.target[0] as NodeLike | undefined;
    n = first ?? Object.values(n.states)[0];
  }
  return pathId(n);
}

function isAfterEvent(eventType: string): boolean {
  return eventType.startsWith('xstate.after.');
}

/** Walks the machine definition into nodes and edges. Targetless transitions (actions only) are left out. */
export function statechartGraph(machine: AnyStateMachine): StatechartGraph {
  const root = machine.root as unknown as NodeLike;
  const leafNodes = leaves(root).filter((n) => n !== root);
  const initial = entryLeaf(root);
  const nodes: ChartNode[] = leafNodes.map((n, order) => ({ id: pathId(n), order, initial: pathId(n) === initial, final: n.type === 'final' }));
  const edges: ChartEdge[] = [];
  const seen = new Map<string, number>();

  const add = (source: string, t: TransitionLike, kind: EdgeKind) => {
    for (const target of t.target ?? []) {
      const to = entryLeaf(target as unknown as NodeLike);
      const edge: ChartEdge = { key: '', source, target: to, kind };
      if (kind === 'event') edge.event = t.eventType;
      if (kind === 'after') edge.delay = String(t.delay);
      const guard = describeGuard(t.guard);
      if (guard) edge.guard = guard;
      const base = `${source}->${to}:${edge.event ?? (edge.delay ? `after(${edge.delay})` : 'always')}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      edge.key = n === 0 ? base : `${base}#${n}`;
      edges.push(edge);
    }
  };

  // Transitions of a compound state apply to every leaf inside it; the root's to any state.
  const visit = (node: NodeLike, sources: string[]) => {
    for (const source of sources) {
      for (const t of node.after) add(source, t, 'after');
      for (const [eventType, list] of node.transitions) {
        if (isAfterEvent(eventType)) continue;
        for (const t of list) add(source, t, 'event');
      }
      for (const t of node.always ?? []) add(source, t, 'always');
    }
    for (const child of Object.values(node.states)) visit(child, leaves(child).map(pathId));
  };
  visit(root, [ANY_STATE]);
  return { machineId: machine.id, nodes, edges };
}

/**
 * The delay an `after` edge waits, in ms, as the machine's own delay implementation computes it for
 * `context`; undefined when it cannot be worked out.
 */
export function delayMs(machine: AnyStateMachine, delay: string | undefined, context: unknown): number | undefined {
  if (delay === undefined) return undefined;
  const n = Number(delay);
  if (Number.isFinite(n)) return n;
  const impl = (machine.implementations.delays as Record<string, unknown>)[delay];
  if (typeof impl === 'number') return impl;
  if (typeof impl !== 'function' || context === undefined || context === null) return undefined;
  try {
    const value = (impl as (args: { context: unknown; event: unknown }) => unknown)({ context, event: { type: '' } });
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The edges a path of states took: for each step, the edge from that state, else one from any state. */
export function edgesAlong(graph: StatechartGraph, path: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1];
    const to = path[i];
    const edge =
      graph.edges.find((e) => e.source === from && e.target === to) ?? graph.edges.find((e) => e.source === ANY_STATE && e.target === to);
    if (edge) out.add(edge.key);
  }
  return out;
}

/** Edges that could fire next from `current` (its own and the any-state ones). */
export function edgesFrom(graph: StatechartGraph, current: string | undefined): Set<string> {
  const out = new Set<string>();
  if (current === undefined) return out;
  const node = graph.nodes.find((n) => n.id === current);
  if (!node || node.final) return out;
  for (const e of graph.edges) if (e.source === current || (e.source === ANY_STATE && e.target !== current)) out.add(e.key);
  return out;
}
