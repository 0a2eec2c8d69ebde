import { describe, expect, it } from 'vitest';
import { taskMachine } from '../../core/machines/task.machine';
import { edgesAlong, edgesFrom, statechartGraph } from './graph';
import { layoutStatechart } from './layout';
import { renderStatechart, type ChartHighlight } from './render';

const graph = statechartGraph(taskMachine);
const labels = Object.fromEntries(graph.edges.map((e) => [e.key, e.event ?? e.delay ?? e.guard ?? '']));
const layout = layoutStatechart(graph, { labels, anyLabel: 'any state' });

function svgGroup(): SVGGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  svg.appendChild(g);
  document.body.appendChild(svg);
  return g;
}

function at(path: string[]): ChartHighlight {
  const current = path[path.length - 1];
  return { current, visited: new Set(path), taken: edgesAlong(graph, path), next: edgesFrom(graph, current) };
}

describe('renderStatechart', () => {
  it('draws one group per state and per transition, with arrowhead markers', () => {
    const g = svgGroup();
    renderStatechart(g, layout, at(['PROVISIONING']), { idPrefix: 't1' });
    expect(g.querySelectorAll('g.chart-node')).toHaveLength(graph.nodes.length + 1);
    expect(g.querySelectorAll('g.chart-edge')).toHaveLength(graph.edges.length);
    expect(g.querySelectorAll('marker')).toHaveLength(3);
    for (const p of g.querySelectorAll('path.line')) expect(p.getAttribute('marker-end')).toMatch(/^url\(#t1-arrow-(plain|taken|next)\)$/);
  });

  it('keeps the same node for a state across renders and moves the highlight', () => {
    const g = svgGroup();
    renderStatechart(g, layout, at(['PROVISIONING', 'PENDING']), { idPrefix: 't2' });
    const running = g.querySelector('g.chart-node[data-state="RUNNING"]');
    const edge = g.querySelector('g.chart-edge[data-edge="ACTIVATING->RUNNING:always"]');
    expect(g.querySelector('g.chart-node.current')?.getAttribute('data-state')).toBe('PENDING');
    expect(running?.classList.contains('visited')).toBe(false);

    renderStatechart(g, layout, at(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']), { idPrefix: 't2' });
    expect(g.querySelector('g.chart-node[data-state="RUNNING"]')).toBe(running);
    expect(g.querySelector('g.chart-edge[data-edge="ACTIVATING->RUNNING:always"]')).toBe(edge);
    expect(running?.classList.contains('current')).toBe(true);
    expect(running?.getAttribute('aria-current')).toBe('step');
    expect(g.querySelectorAll('g.chart-node.current')).toHaveLength(1);
    expect([...g.querySelectorAll('g.chart-edge[data-state="taken"]')].map((e) => e.getAttribute('data-edge'))).toEqual([
      'PROVISIONING->PENDING:after(provisioning)',
      'PENDING->ACTIVATING:after(pending)',
      'ACTIVATING->RUNNING:always',
    ]);
    expect([...g.querySelectorAll('g.chart-edge[data-state="next"]')].map((e) => e.getAttribute('data-edge')).sort()).toEqual([
      '*->STOPPED:HOST_LOST',
      'RUNNING->DEACTIVATING:STOP_ACK',
    ]);
    expect(g.querySelectorAll('g.chart-node')).toHaveLength(graph.nodes.length + 1);
  });

  it('puts text in with textContent, never as markup', () => {
    const g = svgGroup();
    const hostile = layoutStatechart(
      { machineId: 'x', nodes: [{ id: '<img src=x onerror=alert(1)>', order: 0, initial: true, final: false }], edges: [] },
      {},
    );
    renderStatechart(g, hostile, { visited: new Set(), taken: new Set(), next: new Set() }, { idPrefix: 't3', nodeTitle: (n) => `<b>${n.label}</b>` });
    expect(g.querySelector('img')).toBeNull();
    expect(g.querySelector('text.name')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(g.querySelector('title')?.textContent).toBe('<b><img src=x onerror=alert(1)></b>');
  });

  it('labels transitions and marks the taken ones', () => {
    const g = svgGroup();
    renderStatechart(g, layout, at(['RUNNING', 'STOPPED']), { idPrefix: 't4' });
    const label = g.querySelector('text.edge-label[data-edge="*->STOPPED:HOST_LOST"]');
    expect(label?.textContent).toBe('HOST_LOST');
    expect(label?.getAttribute('data-state')).toBe('taken');
    expect(g.querySelector('g.chart-node.current')?.getAttribute('data-state')).toBe('STOPPED');
    expect(g.querySelectorAll('g.chart-edge[data-state="next"]')).toHaveLength(0);
  });
});
