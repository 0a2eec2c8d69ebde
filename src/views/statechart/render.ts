/**
 * Draws a statechart layout into an SVG <g> with keyed D3 joins: states by id, transitions by edge
 * key, so the same node stays in the DOM from render to render and only its classes change as the
 * actor moves. D3 owns everything inside the <g>; every text goes in with .text().
 */
import { select, type Selection } from 'd3-selection';
import type { EdgePath, NodeBox, StatechartLayout } from './layout';

export interface ChartHighlight {
  /** the state the actor is in */
  current?: string;
  /** states the actor has been in */
  visited: ReadonlySet<string>;
  /** transitions the actor took */
  taken: ReadonlySet<string>;
  /** transitions that can fire from the current state */
  next: ReadonlySet<string>;
}

export interface ChartRenderOptions {
  /** prefix of the marker ids, unique per chart on the page */
  idPrefix: string;
  /** tooltip of a state */
  nodeTitle?: (node: NodeBox, highlight: ChartHighlight) => string;
  /** tooltip of a transition */
  edgeTitle?: (edge: EdgePath) => string;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

const MARKERS = ['plain', 'taken', 'next'] as const;
type Marker = (typeof MARKERS)[number];

function layer(root: G, name: string): G {
  let g = root.select<SVGGElement>(`g.layer-${name}`);
  if (g.empty()) g = root.append('g').attr('class', `layer-${name}`);
  return g;
}

function edgeState(e: EdgePath, h: ChartHighlight): Marker {
  if (h.taken.has(e.key)) return 'taken';
  if (h.next.has(e.key)) return 'next';
  return 'plain';
}

export function renderStatechart(target: SVGGElement, layout: StatechartLayout, highlight: ChartHighlight, options: ChartRenderOptions): void {
  const root = select(target) as G;
  const defs = root.select<SVGDefsElement>('defs').empty() ? root.insert('defs', ':first-child') : root.select<SVGDefsElement>('defs');
  defs
    .selectAll<SVGMarkerElement, Marker>('marker')
    .data(MARKERS, (d) => d)
    .join((enter) => {
      const m = enter
        .append('marker')
        .attr('viewBox', '0 0 10 10')
        .attr('refX', 9)
        .attr('refY', 5)
        // a fixed size: the arrowhead must not grow with the thicker line of a taken transition
        .attr('markerUnits', 'userSpaceOnUse')
        .attr('markerWidth', 8)
        .attr('markerHeight', 8)
        .attr('orient', 'auto-start-reverse');
      m.append('path').attr('d', 'M0,0L10,5L0,10z');
      return m;
    })
    .attr('id', (d) => `${options.idPrefix}-arrow-${d}`)
    .attr('class', (d) => `arrow arrow-${d}`);

  const edgesLayer = layer(root, 'edges');
  const nodesLayer = layer(root, 'nodes');
  const labelsLayer = layer(root, 'labels');

  edgesLayer
    .selectAll<SVGGElement, EdgePath>('g.chart-edge')
    .data(layout.edges, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g');
      g.append('title');
      g.append('path').attr('class', 'line');
      return g;
    })
    .attr('class', (d) => `chart-edge route-${d.route} kind-${d.edge.kind}${d.edge.source === '*' ? ' from-any' : ''}`)
    .attr('data-edge', (d) => d.key)
    .attr('data-state', (d) => edgeState(d, highlight))
    .call((g) => {
      g.select('title').text((d) => options.edgeTitle?.(d) ?? d.label);
      g.select('path.line')
        .attr('d', (d) => d.d)
        .attr('marker-end', (d) => `url(#${options.idPrefix}-arrow-${edgeState(d, highlight)})`);
    });

  nodesLayer
    .selectAll<SVGGElement, NodeBox>('g.chart-node')
    .data(layout.nodes, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g');
      g.append('title');
      g.append('rect').attr('class', 'box');
      g.append('text').attr('class', 'name');
      return g;
    })
    .attr('class', (d) => {
      const cls = ['chart-node'];
      if (d.pseudo) cls.push('pseudo');
      if (d.node?.final) cls.push('final');
      if (d.node?.initial) cls.push('initial');
      if (highlight.visited.has(d.id)) cls.push('visited');
      if (highlight.current === d.id) cls.push('current');
      return cls.join(' ');
    })
    .attr('data-state', (d) => d.id)
    .attr('aria-current', (d) => (highlight.current === d.id ? 'step' : null))
    .call((g) => {
      g.select('title').text((d) => options.nodeTitle?.(d, highlight) ?? d.label);
      g.select('rect.box')
        .attr('x', (d) => d.x)
        .attr('y', (d) => d.y)
        .attr('width', (d) => d.w)
        .attr('height', (d) => d.h)
        .attr('rx', (d) => (d.pseudo ? d.h / 2 : d.node?.final ? 10 : 5));
      g.select('text.name')
        .attr('x', (d) => d.x + d.w / 2)
        .attr('y', (d) => d.y + d.h / 2 + 4)
        .text((d) => d.label);
    });

  labelsLayer
    .selectAll<SVGTextElement, EdgePath>('text.edge-label')
    .data(
      layout.edges.filter((e) => e.label !== ''),
      (d) => d.key,
    )
    .join('text')
    .attr('class', (d) => `edge-label route-${d.route}`)
    .attr('data-edge', (d) => d.key)
    .attr('data-state', (d) => edgeState(d, highlight))
    .attr('x', (d) => d.labelX)
    .attr('y', (d) => d.labelY)
    .text((d) => d.label);
}
