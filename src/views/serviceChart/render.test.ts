import { describe, expect, it } from 'vitest';
import { layoutServiceChart, type ChartSample } from './layout';
import { renderServiceChart } from './render';

const labels = { panel: { tasks: 'Tasks', traffic: 'Traffic', breaker: 'Circuit breaker' }, band: 'min–max bounds' };
const opts = { width: 400, formatTime: (ms: number) => `+${ms / 1000}s` };

function samples(n: number, threshold?: number): ChartSample[] {
  return Array.from({ length: n }, (_, i) => ({
    t: i * 10_000,
    desired: 2,
    lower: 2,
    upper: 4,
    failed: 0,
    threshold,
    revisions: [{ id: 'd1', label: 'web:1', status: 'PRIMARY', desired: 2, running: Math.min(2, i), pending: i < 2 ? 2 - i : 0, healthy: Math.max(0, i - 1) }],
  }));
}

function host(): SVGGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  svg.appendChild(g);
  document.body.appendChild(svg);
  return g;
}

describe('renderServiceChart', () => {
  it('draws one path per deployment and metric, the band, and labelled axes', () => {
    const g = host();
    renderServiceChart(g, layoutServiceChart(samples(4), opts), labels);
    expect([...g.querySelectorAll('path.count')].map((p) => p.getAttribute('data-key'))).toEqual(['d1|desired', 'd1|running', 'd1|healthy', 'd1|pending']);
    expect(g.querySelectorAll('path.band')).toHaveLength(1);
    expect(g.querySelector('path.band title')?.textContent).toBe('min–max bounds');
    expect(g.querySelector('text.panel-title')?.textContent).toBe('Tasks');
    expect([...g.querySelectorAll('g.x-tick text')].map((t) => t.textContent)).toContain('+10s');
  });

  it('keeps the same nodes across renders and adds the breaker panel when it appears', () => {
    const g = host();
    renderServiceChart(g, layoutServiceChart(samples(3), opts), labels);
    const running = g.querySelector('path[data-key="d1|running"]');
    renderServiceChart(g, layoutServiceChart(samples(6, 3), opts), labels);
    expect(g.querySelector('path[data-key="d1|running"]')).toBe(running);
    expect([...g.querySelectorAll('g.panel')].map((p) => p.getAttribute('data-panel'))).toEqual(['tasks', 'breaker']);
    expect([...g.querySelectorAll('path.breaker')].map((p) => p.getAttribute('data-key'))).toEqual(['threshold', 'failed']);
  });

  it('puts text in as text, never markup', () => {
    const g = host();
    renderServiceChart(g, layoutServiceChart(samples(2), opts), { ...labels, panel: { ...labels.panel, tasks: '<b>x</b>' } });
    expect(g.querySelector('text.panel-title')?.textContent).toBe('<b>x</b>');
    expect(g.querySelector('b')).toBeNull();
  });
});
