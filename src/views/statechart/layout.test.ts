import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { taskMachine } from '../../core/machines/task.machine';
import { ANY_STATE, statechartGraph, type StatechartGraph } from './graph';
import { CHART, labelWidth, layoutStatechart, type NodeBox } from './layout';

const graph = statechartGraph(taskMachine);
const labels = Object.fromEntries(graph.edges.map((e) => [e.key, e.event ?? (e.delay ? `after ${e.delay}` : `[${e.guard ?? 'always'}]`)]));

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Label box from its baseline position (10px font). */
const labelBox = (x: number, y: number, text: string) => ({ x, y: y - CHART.labelFont + 1, w: labelWidth(text), h: CHART.labelFont });

describe('layoutStatechart(task machine)', () => {
  const layout = layoutStatechart(graph, { labels, anyLabel: 'any state' });
  const states = layout.nodes.filter((n) => !n.pseudo);

  it('stands the states top to bottom in lastStatus order, with the any-state box last', () => {
    expect(states.map((n) => n.id)).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED']);
    for (let i = 1; i < states.length; i++) expect(states[i].y).toBeGreaterThan(states[i - 1].y + states[i - 1].h);
    expect(layout.nodes[layout.nodes.length - 1]).toMatchObject({ id: ANY_STATE, pseudo: true, label: 'any state' });
  });

  it('has no overlapping nodes, and everything inside its size', () => {
    for (let i = 0; i < layout.nodes.length; i++) {
      const a = layout.nodes[i];
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.w).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.h).toBeLessThanOrEqual(layout.height);
      for (let j = i + 1; j < layout.nodes.length; j++) expect(overlaps(a, layout.nodes[j]), `${a.id} / ${layout.nodes[j].id}`).toBe(false);
    }
  });

  it('draws the lifecycle down the spine and the shortcuts on lanes', () => {
    const spine = layout.edges.filter((e) => e.route === 'spine').map((e) => `${e.edge.source}->${e.edge.target}`);
    expect(spine).toEqual([
      '*->STOPPED',
      'PROVISIONING->PENDING',
      'PENDING->ACTIVATING',
      'ACTIVATING->RUNNING',
      'RUNNING->DEACTIVATING',
      'DEACTIVATING->STOPPING',
      'STOPPING->DEPROVISIONING',
      'DEPROVISIONING->STOPPED',
    ]);
    const lanes = layout.edges.filter((e) => e.route === 'lane');
    expect(lanes.map((e) => `${e.edge.source}->${e.edge.target}`)).toEqual(
      expect.arrayContaining(['PROVISIONING->DEPROVISIONING', 'PROVISIONING->STOPPED', 'PENDING->DEPROVISIONING', 'PENDING->STOPPED', 'ACTIVATING->STOPPING', 'ACTIVATING->DEPROVISIONING']),
    );
    // edges sharing a lane never share a stretch of it
    const order = (id: string) => graph.nodes.findIndex((n) => n.id === id);
    const span = (e: (typeof lanes)[number]) => [Math.min(order(e.edge.source), order(e.edge.target)), Math.max(order(e.edge.source), order(e.edge.target))];
    for (const a of lanes) {
      for (const b of lanes) {
        if (a === b || a.lane !== b.lane) continue;
        const [a0, a1] = span(a);
        const [b0, b1] = span(b);
        expect(a1 <= b0 || b1 <= a0, `${a.key} / ${b.key}`).toBe(true);
      }
    }
    expect(layout.edges).toHaveLength(graph.edges.length);
  });

  it('keeps labels off the states and off each other', () => {
    const boxes = layout.edges.filter((e) => e.label).map((e) => ({ key: e.key, ...labelBox(e.labelX, e.labelY, e.label) }));
    for (const b of boxes) {
      for (const n of layout.nodes) expect(overlaps(b, n), `${b.key} on ${n.id}`).toBe(false);
      expect(b.x + b.w).toBeLessThanOrEqual(layout.width);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j]), `${boxes[i].key} / ${boxes[j].key}`).toBe(false);
    }
  });

  it('starts lane stubs on the source side and ends them on the target side', () => {
    const byId = new Map<string, NodeBox>(layout.nodes.map((n) => [n.id, n]));
    for (const e of layout.edges.filter((x) => x.route === 'lane')) {
      const src = byId.get(e.edge.source)!;
      const dst = byId.get(e.edge.target)!;
      const m = /^M([\d.]+),([\d.]+)/.exec(e.d)!;
      expect(Number(m[1])).toBe(src.x + src.w);
      expect(Number(m[2])).toBeGreaterThan(src.y);
      expect(Number(m[2])).toBeLessThan(src.y + src.h);
      const end = /H([\d.]+)$/.exec(e.d)!;
      expect(Number(end[1])).toBe(dst.x + dst.w);
    }
  });

  it('is a pure function of its input', () => {
    expect(layoutStatechart(graph, { labels, anyLabel: 'any state' })).toEqual(layout);
  });
});

describe('layoutStatechart on other machines', () => {
  it('puts a step back on a lane and shares a lane between spans that do not overlap', () => {
    const m = createMachine({
      id: 'loop',
      initial: 'a',
      states: {
        a: { on: { NEXT: 'b', SKIP: 'c' } },
        b: { on: { NEXT: 'c' } },
        c: { on: { NEXT: 'd', SKIP: 'e' } },
        d: { on: { NEXT: 'e', BACK: 'a' } },
        e: { type: 'final' },
      },
    });
    const g: StatechartGraph = statechartGraph(m);
    const layout = layoutStatechart(g);
    const lane = (key: string) => layout.edges.find((e) => e.key === key)!.lane;
    expect(lane('a->c:SKIP')).toBe(lane('c->e:SKIP'));
    expect(lane('d->a:BACK')).not.toBe(lane('a->c:SKIP'));
    expect(layout.nodes.some((n) => n.pseudo)).toBe(false);
  });

  it('lays out an empty machine without failing', () => {
    const layout = layoutStatechart({ machineId: 'x', nodes: [], edges: [] });
    expect(layout.nodes).toEqual([]);
    expect(layout.width).toBeGreaterThan(0);
  });
});
