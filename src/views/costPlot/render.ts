/**
 * Draws a cost plot layout into an SVG <g> with keyed D3 joins (areas by kind, ticks by value).
 * D3 owns everything inside the <g>; every text goes in with .text(). Colours come from CSS classes
 * (`area-ec2`, `area-fargate`, `area-spot`) so the host can theme them.
 */
import { select, type Selection } from 'd3-selection';
import type { CostPlotLayout, PlotArea, PlotTick } from './layout';

export interface PlotFormat {
  /** label of a time tick (virtual ms) */
  time: (ms: number) => string;
  /** label of a USD-per-hour tick */
  usd: (value: number) => string;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

function layer(root: G, name: string): G {
  let g = root.select<SVGGElement>(`g.${name}`);
  if (g.empty()) g = root.append('g').attr('class', name);
  return g;
}

export function renderCostPlot(target: SVGGElement, layout: CostPlotLayout, format: PlotFormat): void {
  const root = select(target) as G;
  const { inner } = layout;

  layer(root, 'grid')
    .selectAll<SVGLineElement, PlotTick>('line')
    .data(layout.yTicks, (d) => String(d.value))
    .join('line')
    .attr('x1', inner.left)
    .attr('x2', inner.right)
    .attr('y1', (d) => d.pos)
    .attr('y2', (d) => d.pos);

  layer(root, 'areas')
    .selectAll<SVGPathElement, PlotArea>('path')
    .data(layout.areas, (d) => d.kind)
    .join('path')
    .attr('class', (d) => `area-${d.kind}`)
    .attr('d', (d) => d.path);

  layer(root, 'outline')
    .selectAll<SVGPathElement, string>('path')
    .data([layout.total])
    .join('path')
    .attr('d', (d) => d);

  layer(root, 'y-axis')
    .selectAll<SVGTextElement, PlotTick>('text')
    .data(layout.yTicks, (d) => String(d.value))
    .join('text')
    .attr('x', inner.left - 6)
    .attr('y', (d) => d.pos)
    .attr('dy', '0.32em')
    .attr('text-anchor', 'end')
    .text((d) => format.usd(d.value));

  const xAxis = layer(root, 'x-axis');
  xAxis
    .selectAll<SVGLineElement, string>('line')
    .data(['base'])
    .join('line')
    .attr('x1', inner.left)
    .attr('x2', inner.right)
    .attr('y1', inner.bottom)
    .attr('y2', inner.bottom);
  xAxis
    .selectAll<SVGTextElement, PlotTick>('text')
    .data(layout.xTicks, (d) => String(d.value))
    .join('text')
    .attr('x', (d) => d.pos)
    .attr('y', inner.bottom + 16)
    .attr('text-anchor', (d, i, all) => (i === 0 ? 'start' : i === all.length - 1 ? 'end' : 'middle'))
    .text((d) => format.time(d.value));
}
