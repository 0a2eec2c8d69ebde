import { describe, expect, it } from 'vitest';
import type { PlacementExplanation } from '../core/placement/types';
import { catalogues, format, type MessageKey } from './messages';
import { FIT_FILTERS, placementTable, strategyLabel, whyHere } from './placementTable';

const t = (key: MessageKey, params?: Record<string, string | number>) => format(catalogues.en[key], params);

const row = (n: number, over: Partial<PlacementExplanation['instances'][number]>): PlacementExplanation['instances'][number] => ({
  containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/demo/${n}`,
  containerInstanceId: String(n),
  ec2InstanceId: `i-${n}`,
  availabilityZone: `us-east-1${'abc'[n % 3]}`,
  outcome: 'eligible',
  ...over,
});

const explanation: PlacementExplanation = {
  taskIndex: 0,
  group: 'family:web',
  constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }],
  strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
  strategySource: 'request',
  instances: [
    row(1, {
      outcome: 'chosen',
      scores: [
        { strategy: 0, value: 0, rank: 1, kept: true, detail: '0 tasks of the group in us-east-1b' },
        { strategy: 1, value: 512, rank: 1, kept: true, detail: '512 MiB left after placing' },
      ],
    }),
    row(2, {
      scores: [
        { strategy: 0, value: 0, rank: 1, kept: true, detail: '0 tasks of the group in us-east-1c' },
        { strategy: 1, value: 4096, rank: 2, kept: false, detail: '4096 MiB left after placing' },
      ],
    }),
    row(3, { scores: [{ strategy: 0, value: 2, rank: 3, kept: false, detail: '2 tasks of the group in us-east-1a' }] }),
    row(4, { outcome: 'filtered', failed: { filter: 'memory', reason: 'RESOURCE:MEMORY', detail: 'needs 1024 MiB, 993 free' } }),
    row(5, { outcome: 'filtered', failed: { filter: 'constraint', constraintIndex: 0, reason: 'MemberOf placement constraint unsatisfied.', detail: 'does not match memberOf(...)' } }),
    row(6, { outcome: 'filtered', failed: { filter: 'agent', reason: 'AGENT', detail: 'agent on i-6 is disconnected' } }),
  ],
  omittedRows: 0,
  counts: { instances: 6, fit: 4, eligible: 3, byReason: { 'RESOURCE:MEMORY': 1, AGENT: 1, 'MemberOf placement constraint unsatisfied.': 1 } },
  chosen: { containerInstanceArn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/demo/1', containerInstanceId: '1', ec2InstanceId: 'i-1' },
};

describe('placementTable', () => {
  const table = placementTable(explanation, t);

  it('has a column per failed or resource filter in engine order, then constraints, then strategies', () => {
    expect(table.columns.map((c) => c.label)).toEqual([
      'agent',
      'cpu',
      'memory',
      'memberOf(attribute:ecs.instance-type =~ m5.*)',
      'spread(attribute:ecs.availability-zone)',
      'binpack(memory)',
    ]);
    expect(table.foldedFilters).toEqual(FIT_FILTERS.filter((f) => !['agent', 'cpu', 'memory'].includes(f)));
  });

  it('shows every fit filter on request', () => {
    const all = placementTable(explanation, t, { allFilters: true });
    expect(all.columns.filter((c) => c.kind === 'filter').map((c) => c.label)).toEqual([...FIT_FILTERS]);
    expect(all.foldedFilters).toEqual([]);
  });

  it('passes filters before the failed one, shows its numbers, and leaves the rest unchecked', () => {
    const memory = table.rows.find((r) => r.ec2InstanceId === 'i-4')!;
    expect(memory.cells.map((c) => c.state)).toEqual(['pass', 'pass', 'fail', 'unchecked', 'absent', 'absent']);
    expect(memory.cells[2]).toEqual({ state: 'fail', text: 'needs 1024 MiB, 993 free', reason: 'RESOURCE:MEMORY' });
    expect(memory.verdict).toBe('filtered out: RESOURCE:MEMORY');
    const constraint = table.rows.find((r) => r.ec2InstanceId === 'i-5')!;
    expect(constraint.cells.map((c) => c.state)).toEqual(['pass', 'pass', 'pass', 'fail', 'absent', 'absent']);
    const agent = table.rows.find((r) => r.ec2InstanceId === 'i-6')!;
    expect(agent.cells.map((c) => c.state)).toEqual(['fail', 'unchecked', 'unchecked', 'unchecked', 'absent', 'absent']);
  });

  it('ranks the eligible ones under each strategy they reached and says where they lost', () => {
    const [chosen, second, third] = table.rows;
    expect(chosen.outcome).toBe('chosen');
    expect(chosen.cells.slice(4)).toEqual([
      { state: 'kept', text: '0 tasks of the group in us-east-1b', rank: 1 },
      { state: 'kept', text: '512 MiB left after placing', rank: 1 },
    ]);
    expect(chosen.verdict).toBe('chosen');
    expect(second.cells[5]).toEqual({ state: 'dropped', text: '4096 MiB left after placing', rank: 2 });
    expect(second.verdict).toBe('lost at binpack(memory) (rank 2)');
    expect(third.cells.slice(4).map((c) => c.state)).toEqual(['dropped', 'absent']);
    expect(third.verdict).toBe('lost at spread(attribute:ecs.availability-zone) (rank 3)');
  });

  it('answers "why here?" in one sentence', () => {
    expect(table.why).toBe(
      'Placed on i-1 in us-east-1b: 3 of 6 instances passed every filter (filtered out: 1 RESOURCE:MEMORY, 1 AGENT, 1 MemberOf placement constraint unsatisfied.), and spread(attribute:ecs.availability-zone) → binpack(memory) chose it (512 MiB left after placing).',
    );
    expect(table.strategyNote).toBeUndefined();
  });

  it('explains a task that could not be placed, and the RunTask default', () => {
    const failed: PlacementExplanation = {
      ...explanation,
      strategies: [{ type: 'random' }],
      strategySource: 'runTaskDefault',
      instances: [explanation.instances[3]],
      counts: { instances: 1, fit: 0, eligible: 0, byReason: { 'RESOURCE:MEMORY': 1 } },
      chosen: undefined,
      closest: { containerInstanceArn: 'x', containerInstanceId: '4', reason: 'RESOURCE:MEMORY', detail: 'needs 1024 MiB, 993 free' },
    };
    expect(whyHere(failed, t)).toBe(
      'Not placed: 0 of 1 instances passed every filter (filtered out: 1 RESOURCE:MEMORY). Closest: 4, RESOURCE:MEMORY: needs 1024 MiB, 993 free.',
    );
    expect(placementTable(failed, t).strategyNote).toBe('The request named no strategy, so RunTask places at random.');
    expect(strategyLabel({ type: 'random' })).toBe('random');
  });
});
