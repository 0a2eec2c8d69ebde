/**
 * Draws a service chart layout into an SVG <g> with keyed D3 joins: panels by name, lines by
 * `<deployment>|<metric>`, ticks by value, so a re-render on every clock tick only moves paths.
 * D3 owns everything inside the <g>; every text goes in with .text().
 */
import { select, type Selection } from 'd3-selection';
import type { Panel, SeriesPath, ServiceChartLayout, Tick } from './layout';

export interface ServiceChartLabels {
  panel: Record<Panel['key'], string>;
  band: string;
}

type G = Selection<SVGGElement, unknown, null, undefined>;

function layer(root: G, name: string): G {
  let g = root.select<SVGGElement>(`g.layer-${name}`);
  if (g.empty()) g = root.append('g').attr('class', `layer-${name}`);
  return g;
}

function paths(g: G, cls: string, data: readonly SeriesPath[], fill: boolean): void {
  g.selectAll<SVGPathElement, SeriesPath>(`path.${cls}`)
    .data(data, (d) => d.key)
    .join('path')
    .attr('class', (d) => `${cls} m-${d.metric}`)
    .attr('data-key', (d) => d.key)
    .attr('d', (d) => d.d)
    .style(fill ? 'fill' : 'stroke', (d) => d.color || null);
}

export function renderServiceChart(target: SVGGElement, layout: ServiceChartLayout, labels: ServiceChartLabels): void {
  const root = select(target) as G;
  root.attr('transform', `translate(${layout.margin.left},0)`);

  // Panel frames, y gridlines and labels
  const panels = layer(root, 'panels')
    .selectAll<SVGGElement, Panel>('g.panel')
    .data(layout.panels, (p) => p.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'panel');
      g.append('text').attr('class', 'panel-title');
      g.append('g').attr('class', 'y-ticks');
      return g;
    })
    .attr('data-panel', (p) => p.key);
  panels
    .select<SVGTextElement>('text.panel-title')
    .attr('x', 0)
    .attr('y', (p) => p.top - 5)
    .text((p) => labels.panel[p.key]);
  panels.each(function (p) {
    select(this)
      .select<SVGGElement>('g.y-ticks')
      .selectAll<SVGGElement, Tick>('g.tick')
      .data(p.yTicks, (t) => String(t.value))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'tick');
        g.append('line').attr('class', 'grid');
        g.append('text').attr('class', 'y-label');
        return g;
      })
      .call((g) => g.select('line').attr('x1', 0).attr('x2', layout.plotWidth).attr('y1', (t) => t.at).attr('y2', (t) => t.at))
      .call((g) =>
        g
          .select<SVGTextElement>('text')
          .attr('x', -6)
          .attr('y', (t) => t.at)
          .attr('dy', '0.32em')
          .text((t) => t.label),
      );
  });

  // The bounds band under the lines
  layer(root, 'band')
    .selectAll<SVGPathElement, string>('path.band')
    .data(layout.band ? [layout.band] : [])
    .join((enter) => enter.append('path').attr('class', 'band').call((p) => p.append('title')))
    .attr('d', (d) => d)
    .select('title')
    .text(labels.band);

  paths(layer(root, 'traffic'), 'traffic', layout.traffic, true);
  paths(layer(root, 'counts'), 'count', layout.counts, false);
  paths(layer(root, 'breaker'), 'breaker', layout.breaker, false);

  // Time axis at the bottom
  const axisY = layout.height - layout.margin.bottom;
  layer(root, 'x-axis')
    .selectAll<SVGGElement, Tick>('g.x-tick')
    .data(layout.xTicks, (t) => String(t.value))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'x-tick');
      g.append('line');
      g.append('text');
      return g;
    })
    .call((g) => g.select('line').attr('x1', (t) => t.at).attr('x2', (t) => t.at).attr('y1', axisY - 4).attr('y2', axisY))
    .call((g) =>
      g
        .select<SVGTextElement>('text')
        .attr('x', (t) => t.at)
        .attr('y', axisY + 14)
        .text((t) => t.label),
    );
}
