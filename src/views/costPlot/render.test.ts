import { describe, expect, it } from 'vitest';
import { layoutCostPlot } from './layout';
import { renderCostPlot } from './render';

const MIN = 60_000;
const format = { time: (ms: number) => `${ms / MIN}m`, usd: (v: number) => `$${v.toFixed(2)}` };

function host(): SVGGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  svg.appendChild(g);
  document.body.appendChild(svg);
  return g;
}

describe('cost plot render', () => {
  it('draws one area per kind, the outline, and tick labels as text', () => {
    const g = host();
    const layout = layoutCostPlot(
      [
        { at: 0, ec2: 0.1, fargate: 0, spot: 0 },
        { at: 10 * MIN, ec2: 0.1, fargate: 0.05, spot: 0.02 },
      ],
      { width: 400, height: 160 },
    );
    renderCostPlot(g, layout, format);
    expect([...g.querySelectorAll('g.areas path')].map((p) => p.getAttribute('class'))).toEqual(['area-ec2', 'area-fargate', 'area-spot']);
    expect(g.querySelector('g.outline path')?.getAttribute('d')).toBe(layout.total);
    expect([...g.querySelectorAll('g.x-axis text')].map((t) => t.textContent)).toEqual(['0m', '2m', '4m', '6m', '8m', '10m']);
    expect([...g.querySelectorAll('g.y-axis text')].map((t) => t.textContent)).toEqual(['$0.00', '$0.05', '$0.10', '$0.15', '$0.20']);
  });

  it('re-renders in place: the same path elements are updated, not replaced', () => {
    const g = host();
    const size = { width: 400, height: 160 };
    renderCostPlot(g, layoutCostPlot([{ at: 0, ec2: 0.1, fargate: 0, spot: 0 }], size), format);
    const first = g.querySelector('path.area-ec2');
    renderCostPlot(g, layoutCostPlot([{ at: 0, ec2: 0.1, fargate: 0, spot: 0 }, { at: MIN, ec2: 0.3, fargate: 0, spot: 0 }], size), format);
    expect(g.querySelector('path.area-ec2')).toBe(first);
    expect(g.querySelectorAll('g.areas path')).toHaveLength(3);
  });

  it('a label carrying markup stays text', () => {
    const g = host();
    renderCostPlot(g, layoutCostPlot([{ at: 0, ec2: 0, fargate: 0, spot: 0 }], { width: 300, height: 120 }), { time: () => '<img src=x onerror=alert(1)>', usd: String });
    expect(g.querySelector('img')).toBeNull();
    expect(g.querySelector('g.x-axis text')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
