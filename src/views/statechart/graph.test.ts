import { describe, expect, it } from 'vitest';
import { and, createMachine, not, or, setup } from 'xstate';
import { taskMachine } from '../../core/machines/task.machine';
import { TASK_STATUS_ORDER } from '../../core/tasks/record';
import { ANY_STATE, delayMs, describeGuard, edgesAlong, edgesFrom, statechartGraph } from './graph';

type RawTarget = string | { target?: string; guard?: unknown } | readonly { target?: string; guard?: unknown }[];

/** `target` strings of a raw config entry, resolved to state keys (`#task.STOPPED` → `STOPPED`). */
function rawTargets(entry: RawTarget): string[] {
  const list = Array.isArray(entry) ? entry : [entry];
  return list
    .map((t) => (typeof t === 'string' ? t : t.target))
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^#task\./, ''));
}

describe('statechartGraph(taskMachine)', () => {
  const graph = statechartGraph(taskMachine);

  it('has every state of the machine, in document order, which is the lastStatus order', () => {
    expect(graph.nodes.map((n) => n.id)).toEqual(Object.keys(taskMachine.root.states));
    expect(graph.nodes.map((n) => n.id)).toEqual([...TASK_STATUS_ORDER]);
    expect(graph.nodes.filter((n) => n.initial).map((n) => n.id)).toEqual(['PROVISIONING']);
    expect(graph.nodes.filter((n) => n.final).map((n) => n.id)).toEqual(['STOPPED']);
  });

  it('has one edge per targeted transition in the machine config, with its trigger', () => {
    const expected: string[] = [];
    const config = taskMachine.config as unknown as { on?: Record<string, RawTarget>; states: Record<string, Record<string, unknown>> };
    for (const [event, entry] of Object.entries(config.on ?? {})) for (const t of rawTargets(entry)) expected.push(`${ANY_STATE}->${t}:${event}`);
    for (const [key, state] of Object.entries(config.states)) {
      for (const [delay, entry] of Object.entries((state.after ?? {}) as Record<string, RawTarget>)) {
        for (const t of rawTargets(entry)) expected.push(`${key}->${t}:after(${delay})`);
      }
      for (const [event, entry] of Object.entries((state.on ?? {}) as Record<string, RawTarget>)) {
        for (const t of rawTargets(entry)) expected.push(`${key}->${t}:${event}`);
      }
      if (state.always) for (const t of rawTargets(state.always as RawTarget)) expected.push(`${key}->${t}:always`);
    }
    const actual = graph.edges.map((e) => `${e.source}->${e.target}:${e.event ?? (e.delay ? `after(${e.delay})` : 'always')}`);
    expect(actual.sort()).toEqual(expected.sort());
    expect(new Set(graph.edges.map((e) => e.key)).size).toBe(graph.edges.length);
  });

  it('names guards, including and() combinations', () => {
    const fromProvisioning = graph.edges.filter((e) => e.source === 'PROVISIONING' && e.kind === 'always');
    expect(fromProvisioning.map((e) => [e.target, e.guard])).toEqual([
      ['DEPROVISIONING', 'stopRequested && awsvpc'],
      ['STOPPED', 'stopRequested'],
    ]);
    expect(graph.edges.find((e) => e.source === 'RUNNING')).toMatchObject({ kind: 'event', event: 'STOP_ACK', target: 'DEACTIVATING' });
    expect(graph.edges.find((e) => e.source === ANY_STATE)).toMatchObject({ kind: 'event', event: 'HOST_LOST', target: 'STOPPED' });
  });

  it('leaves out targetless transitions (the wildcard that only runs actions)', () => {
    expect(graph.edges.some((e) => e.event === '*')).toBe(false);
  });
});

describe('describeGuard', () => {
  it('reads strings, objects and or/not combinations', () => {
    expect(describeGuard('ready')).toBe('ready');
    expect(describeGuard({ type: 'ready', params: {} })).toBe('ready');
    expect(describeGuard(or(['a', not('b')]))).toBe('a || !b');
    expect(describeGuard(and(['a', or(['b', 'c'])]))).toBe('a && (b || c)');
    expect(describeGuard(undefined)).toBeUndefined();
  });
});

describe('statechartGraph on nested machines', () => {
  it('flattens compound states to leaves and enters them through their initial state', () => {
    const m = createMachine({
      id: 'm',
      initial: 'a',
      states: {
        a: { on: { GO: 'b' } },
        b: { initial: 'x', states: { x: { after: { 100: 'y' } }, y: {} }, on: { BACK: 'a' } },
      },
    });
    const g = statechartGraph(m);
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b.x', 'b.y']);
    const edges = g.edges.map((e) => `${e.source}->${e.target}:${e.event ?? e.delay}`);
    expect(edges).toContain('a->b.x:GO');
    expect(edges).toContain('b.x->b.y:100');
    expect(edges).toContain('b.x->a:BACK');
    expect(edges).toContain('b.y->a:BACK');
  });
});

describe('delayMs', () => {
  it('asks the machine delay implementation with the actor context', () => {
    const ctx = { delays: { provisioningMs: 1200, pendingMs: 3400, deactivatingMs: 0, deprovisioningMs: 5 } };
    expect(delayMs(taskMachine, 'provisioning', ctx)).toBe(1200);
    expect(delayMs(taskMachine, 'pending', ctx)).toBe(3400);
    expect(delayMs(taskMachine, '250', undefined)).toBe(250);
    expect(delayMs(taskMachine, 'pending', undefined)).toBeUndefined();
    expect(delayMs(taskMachine, 'nope', ctx)).toBeUndefined();
  });

  it('returns numbers of inline delay implementations', () => {
    const m = setup({ delays: { fixed: 42 } }).createMachine({ initial: 'a', states: { a: { after: { fixed: 'b' } }, b: {} } });
    expect(delayMs(m, 'fixed', {})).toBe(42);
  });
});

describe('edgesAlong / edgesFrom', () => {
  const graph = statechartGraph(taskMachine);

  it('marks the edges of the path taken, falling back to any-state edges', () => {
    const happy = edgesAlong(graph, ['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
    expect([...happy]).toEqual(['PROVISIONING->PENDING:after(provisioning)', 'PENDING->ACTIVATING:after(pending)', 'ACTIVATING->RUNNING:always']);
    expect([...edgesAlong(graph, ['RUNNING', 'STOPPED'])]).toEqual(['*->STOPPED:HOST_LOST']);
    expect([...edgesAlong(graph, ['PENDING', 'STOPPED'])]).toEqual(['PENDING->STOPPED:always']);
  });

  it('lists what can fire next, nothing once final', () => {
    expect([...edgesFrom(graph, 'RUNNING')].sort()).toEqual(['*->STOPPED:HOST_LOST', 'RUNNING->DEACTIVATING:STOP_ACK']);
    expect(edgesFrom(graph, 'STOPPED').size).toBe(0);
    expect(edgesFrom(graph, undefined).size).toBe(0);
  });
});
