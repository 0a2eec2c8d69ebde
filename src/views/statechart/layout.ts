/**
 * Where a statechart graph goes. Pure. States stand in one column in document order (for the task
 * machine: the lastStatus order, PROVISIONING at the top, STOPPED at the bottom), joined by straight
 * edges down the spine. Every other transition — a shortcut that skips states, a step back, a
 * transition from any state — leaves its source on the right, runs down (or up) its own lane and
 * enters its target on the right. Lanes are shared only by transitions whose spans do not overlap,
 * and a shortcut's label sits on its source leg, so labels never cross a lane or a state.
 */
import { ANY_STATE, type ChartEdge, type ChartNode, type StatechartGraph } from './graph';

export const CHART = {
  padding: 8,
  nodeWidth: 140,
  nodeHeight: 28,
  /** vertical room between two states: the spine edge and its label */
  gap: 24,
  /** vertical distance between two legs on one side of a state */
  portGap: 12,
  /** horizontal distance between lanes */
  laneGap: 12,
  /** estimated width of a character of the 10px edge labels */
  charWidth: 5.9,
  labelFont: 10,
  corner: 5,
} as const;

export interface NodeBox {
  id: string;
  /** text shown in the box */
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** the "any state" source of root transitions */
  pseudo: boolean;
  node?: ChartNode;
}

export type EdgeRoute = 'spine' | 'lane';

export interface EdgePath {
  key: string;
  edge: ChartEdge;
  route: EdgeRoute;
  /** SVG path, ending at the target's border (the arrowhead goes there) */
  d: string;
  label: string;
  labelX: number;
  labelY: number;
  /** lane index (0 = nearest the states) for lane edges */
  lane?: number;
}

export interface StatechartLayout {
  width: number;
  height: number;
  nodes: NodeBox[];
  edges: EdgePath[];
}

export interface LayoutOptions {
  /** the text on each edge, by edge key (missing: no label) */
  labels?: Readonly<Record<string, string>>;
  /** the text of the any-state box */
  anyLabel?: string;
}

/** Rough width of `text` in the edge-label font; layout must not depend on the DOM. */
export function labelWidth(text: string): number {
  return Math.ceil(text.length * CHART.charWidth);
}

interface LaneEdge {
  edge: ChartEdge;
  from: number;
  to: number;
  lane: number;
}

/**
 * Lanes: shortest spans nearest the states (of equal spans, the one starting lower, so its legs
 * cross fewer lanes); a lane is reused only by spans that do not overlap.
 */
function assignLanes(spans: { edge: ChartEdge; from: number; to: number }[]): LaneEdge[] {
  const sorted = spans
    .map((s, i) => ({ ...s, i, lo: Math.min(s.from, s.to), hi: Math.max(s.from, s.to) }))
    .sort((a, b) => a.hi - a.lo - (b.hi - b.lo) || b.lo - a.lo || a.i - b.i);
  const lanes: { lo: number; hi: number }[][] = [];
  const out: LaneEdge[] = [];
  for (const s of sorted) {
    let lane = lanes.findIndex((taken) => taken.every((t) => s.hi <= t.lo || s.lo >= t.hi));
    if (lane < 0) {
      lane = lanes.length;
      lanes.push([]);
    }
    lanes[lane].push({ lo: s.lo, hi: s.hi });
    out.push({ edge: s.edge, from: s.from, to: s.to, lane });
  }
  // back in graph order, so the output does not depend on the sort
  return out.sort((a, b) => spans.findIndex((s) => s.edge === a.edge) - spans.findIndex((s) => s.edge === b.edge));
}

export function layoutStatechart(graph: StatechartGraph, options: LayoutOptions = {}): StatechartLayout {
  const labels = options.labels ?? {};
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const hasAny = graph.edges.some((e) => e.source === ANY_STATE && index.has(e.target));
  const anyIndex = graph.nodes.length;
  const orderOf = (id: string) => (id === ANY_STATE ? anyIndex : (index.get(id) ?? -1));

  // Which edges run down the spine: the first edge between neighbours in the column.
  const spine: ChartEdge[] = [];
  const laneSpans: { edge: ChartEdge; from: number; to: number }[] = [];
  const spineTaken = new Set<number>();
  for (const e of graph.edges) {
    const from = orderOf(e.source);
    const to = orderOf(e.target);
    if (from < 0 || to < 0) continue;
    // the any-state box sits below the last state, so an edge from it to the last state is a spine edge (upwards)
    const neighbours = to === from + 1 || (from === anyIndex && to === anyIndex - 1);
    const slot = Math.min(from, to);
    if (neighbours && !spineTaken.has(slot)) {
      spineTaken.add(slot);
      spine.push(e);
    } else {
      laneSpans.push({ edge: e, from, to });
    }
  }
  const laneEdges = assignLanes(laneSpans);

  // Ports on each state's right side: edges to or from states above at the top, below at the bottom.
  const ports = new Map<number, { key: string; y: number }[]>();
  const perNode = new Map<number, { key: string; up: boolean; lane: number }[]>();
  for (const l of laneEdges) {
    for (const [at, other] of [
      [l.from, l.to],
      [l.to, l.from],
    ] as const) {
      const list = perNode.get(at) ?? [];
      list.push({ key: `${l.edge.key}@${at === l.from ? 'out' : 'in'}`, up: other < at, lane: l.lane });
      perNode.set(at, list);
    }
  }
  const count = graph.nodes.length + (hasAny ? 1 : 0);
  const heights: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = perNode.get(i)?.length ?? 0;
    heights.push(Math.max(CHART.nodeHeight, n * CHART.portGap + 6));
  }

  const nodeX = CHART.padding;
  const nodes: NodeBox[] = [];
  let y = CHART.padding;
  for (let i = 0; i < count; i++) {
    const pseudo = i === anyIndex;
    const n = pseudo ? undefined : graph.nodes[i];
    const w = pseudo ? Math.min(CHART.nodeWidth, Math.max(72, labelWidth(options.anyLabel ?? ANY_STATE) + 20)) : CHART.nodeWidth;
    nodes.push({
      id: pseudo ? ANY_STATE : n!.id,
      label: pseudo ? (options.anyLabel ?? ANY_STATE) : n!.id,
      x: pseudo ? nodeX + (CHART.nodeWidth - w) / 2 : nodeX,
      y,
      w,
      h: heights[i],
      pseudo,
      node: n,
    });
    y += heights[i] + CHART.gap;
  }
  for (const [i, list] of perNode) {
    const box = nodes[i];
    // upper part: edges to/from above, inner lanes first; lower part: edges to/from below, outer lanes first
    const above = list.filter((p) => p.up).sort((a, b) => a.lane - b.lane);
    const below = list.filter((p) => !p.up).sort((a, b) => b.lane - a.lane);
    const ordered = [...above, ...below];
    const top = box.y + (box.h - (ordered.length - 1) * CHART.portGap) / 2;
    ports.set(
      i,
      ordered.map((p, k) => ({ key: p.key, y: top + k * CHART.portGap })),
    );
  }
  const portY = (at: number, key: string) => ports.get(at)!.find((p) => p.key === key)!.y;

  const right = nodeX + CHART.nodeWidth;
  const labelRoom = Math.max(0, ...laneEdges.map((l) => labelWidth(labels[l.edge.key] ?? ''))) + 14;
  const laneCount = Math.max(0, ...laneEdges.map((l) => l.lane + 1));
  const laneX = (lane: number) => right + labelRoom + lane * CHART.laneGap;
  const r = CHART.corner;

  const edges: EdgePath[] = [];
  for (const e of spine) {
    const from = orderOf(e.source);
    const to = orderOf(e.target);
    const a = nodes[from];
    const b = nodes[to];
    const x = nodeX + CHART.nodeWidth / 2;
    const down = to > from;
    const y1 = down ? a.y + a.h : a.y;
    const y2 = down ? b.y : b.y + b.h;
    edges.push({
      key: e.key,
      edge: e,
      route: 'spine',
      d: `M${x},${y1}V${y2}`,
      label: labels[e.key] ?? '',
      labelX: x + 8,
      labelY: (y1 + y2) / 2 + CHART.labelFont / 2 - 1,
    });
  }
  for (const l of laneEdges) {
    const sy = portY(l.from, `${l.edge.key}@out`);
    const ty = portY(l.to, `${l.edge.key}@in`);
    const sx = nodes[l.from].x + nodes[l.from].w;
    const tx = nodes[l.to].x + nodes[l.to].w;
    const lx = laneX(l.lane);
    const dir = ty > sy ? 1 : -1;
    const rr = Math.min(r, Math.abs(ty - sy) / 2);
    const d =
      `M${sx},${sy}H${lx - rr}Q${lx},${sy} ${lx},${sy + dir * rr}` + `V${ty - dir * rr}Q${lx},${ty} ${lx - rr},${ty}H${tx}`;
    edges.push({
      key: l.edge.key,
      edge: l.edge,
      route: 'lane',
      d,
      label: labels[l.edge.key] ?? '',
      labelX: sx + 6,
      labelY: sy - 3,
      lane: l.lane,
    });
  }
  // graph order, so renders and tests see edges in a stable order
  const order = new Map(graph.edges.map((e, i) => [e.key, i]));
  edges.sort((a, b) => order.get(a.key)! - order.get(b.key)!);

  const last = nodes[nodes.length - 1];
  const spineLabels = edges.filter((e) => e.route === 'spine').map((e) => e.labelX + labelWidth(e.label));
  const width = Math.ceil(Math.max(right, laneCount > 0 ? laneX(laneCount - 1) : right, ...spineLabels) + CHART.padding);
  const height = Math.ceil((last ? last.y + last.h : 0) + CHART.padding);
  return { width, height, nodes, edges };
}
