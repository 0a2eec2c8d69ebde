/**
 * A placement explanation (core/placement/types.ts) as a table: one row per candidate instance, one
 * column per filter in the order the engine applies them, one per constraint, one per strategy.
 * An instance that failed a filter shows that filter's numbers; the filters after it were never
 * checked. Instances that passed every filter show their rank under each strategy they reached.
 * Pure; tested in placementTable.test.ts.
 */
import type { FilterName, InstanceRow, PlacementExplanation, PlacementStrategy } from '../core/placement/types';
import type { MessageKey } from './messages';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

type FitFilter = Exclude<FilterName, 'constraint'>;

/** The resource filters, in the order the placement engine checks them (place.ts). */
const FIT_FILTER_ORDER: Record<FitFilter, number> = {
  status: 0,
  agent: 1,
  attributes: 2,
  cpu: 3,
  memory: 4,
  gpu: 5,
  ports: 6,
  portsUdp: 7,
  eni: 8,
  location: 9,
};
export const FIT_FILTERS = (Object.keys(FIT_FILTER_ORDER) as FitFilter[]).sort((a, b) => FIT_FILTER_ORDER[a] - FIT_FILTER_ORDER[b]);

/** Filters always shown, even when every instance passed them. */
const ALWAYS_SHOWN: readonly FitFilter[] = ['cpu', 'memory'];

export interface PlacementColumn {
  key: string;
  kind: 'filter' | 'constraint' | 'strategy';
  /** header text: the filter name, `memberOf(...)`, `binpack(memory)` */
  label: string;
}

export type CellState = 'pass' | 'fail' | 'unchecked' | 'kept' | 'dropped' | 'absent';

export interface PlacementCell {
  state: CellState;
  text: string;
  /** the ECS failure reason, for a failed filter */
  reason?: string;
  /** the rank under a strategy (1 = best); `text` is then the strategy's detail */
  rank?: number;
}

export interface PlacementRowView {
  key: string;
  ec2InstanceId: string;
  containerInstanceId: string;
  availabilityZone: string;
  outcome: InstanceRow['outcome'];
  cells: PlacementCell[];
  /** why it won or lost, one short phrase */
  verdict: string;
}

export interface PlacementTable {
  columns: PlacementColumn[];
  rows: PlacementRowView[];
  /** fit filters not shown because no instance failed them */
  foldedFilters: FitFilter[];
  /** one sentence: where the task went and why there */
  why: string;
  /** where the strategies came from, when they were not in the request */
  strategyNote?: string;
  omittedRows: number;
}

export function strategyLabel(s: PlacementStrategy): string {
  return s.field ? `${s.type}(${s.field})` : s.type;
}

function constraintLabel(c: PlacementExplanation['constraints'][number]): string {
  return c.expression ? `${c.type}(${c.expression})` : c.type;
}

/** Position of a filter column in the engine's order: fit filters, then constraints in order. */
function stageOf(filter: FilterName, constraintIndex?: number): number {
  return filter === 'constraint' ? FIT_FILTERS.length + (constraintIndex ?? 0) : FIT_FILTER_ORDER[filter];
}

export function placementTable(ex: PlacementExplanation, t: Translate, options: { allFilters?: boolean } = {}): PlacementTable {
  const failedFilters = new Set(ex.instances.map((r) => r.failed?.filter).filter((f): f is FilterName => f !== undefined));
  const shown = FIT_FILTERS.filter((f) => options.allFilters || ALWAYS_SHOWN.includes(f) || failedFilters.has(f));
  const columns: PlacementColumn[] = [
    ...shown.map((f): PlacementColumn => ({ key: `filter:${f}`, kind: 'filter', label: f })),
    ...ex.constraints.map((c, i): PlacementColumn => ({ key: `constraint:${i}`, kind: 'constraint', label: constraintLabel(c) })),
    ...ex.strategies.map((s, i): PlacementColumn => ({ key: `strategy:${i}`, kind: 'strategy', label: strategyLabel(s) })),
  ];
  const stages = [...shown.map((f) => stageOf(f)), ...ex.constraints.map((_c, i) => stageOf('constraint', i))];

  const rows = ex.instances.map((r): PlacementRowView => {
    const cells: PlacementCell[] = [];
    const failedAt = r.failed ? stageOf(r.failed.filter, r.failed.constraintIndex) : Infinity;
    for (const stage of stages) {
      if (stage < failedAt) cells.push({ state: 'pass', text: '✓' });
      else if (stage === failedAt) cells.push({ state: 'fail', text: r.failed!.detail, reason: r.failed!.reason });
      else cells.push({ state: 'unchecked', text: '—' });
    }
    ex.strategies.forEach((_s, k) => {
      const score = r.scores?.find((x) => x.strategy === k);
      if (!score) cells.push({ state: 'absent', text: '—' });
      else cells.push({ state: score.kept ? 'kept' : 'dropped', text: score.detail, rank: score.rank });
    });
    return {
      key: r.containerInstanceArn,
      ec2InstanceId: r.ec2InstanceId,
      containerInstanceId: r.containerInstanceId,
      availabilityZone: r.availabilityZone,
      outcome: r.outcome,
      cells,
      verdict: verdict(ex, r, t),
    };
  });

  const table: PlacementTable = {
    columns,
    rows,
    foldedFilters: FIT_FILTERS.filter((f) => !shown.includes(f)),
    why: whyHere(ex, t),
    omittedRows: ex.omittedRows,
  };
  if (ex.strategySource === 'runTaskDefault') table.strategyNote = t('placement.defaultRunTask');
  else if (ex.strategySource === 'serviceDefault') table.strategyNote = t('placement.defaultService');
  return table;
}

function verdict(ex: PlacementExplanation, r: InstanceRow, t: Translate): string {
  if (r.outcome === 'chosen') return t('placement.verdictChosen');
  if (r.failed) return t('placement.verdictFiltered', { reason: r.failed.reason });
  const lost = r.scores?.find((s) => !s.kept);
  if (lost) return t('placement.verdictLost', { strategy: strategyLabel(ex.strategies[lost.strategy]), rank: lost.rank });
  return t('placement.verdictTie');
}

/** The one-line answer to "why here?" (or "why nowhere?"). */
export function whyHere(ex: PlacementExplanation, t: Translate): string {
  const total = ex.counts.instances;
  const excluded = Object.entries(ex.counts.byReason)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const passed = t('placement.whyPassed', { eligible: ex.counts.eligible, total });
  const filtered = excluded ? t('placement.whyExcluded', { excluded }) : '';
  if (!ex.chosen) {
    if (!ex.closest) return t('placement.whyNone', { passed });
    return t('placement.whyNotPlaced', { passed, filtered, instance: ex.closest.containerInstanceId, reason: ex.closest.reason, detail: ex.closest.detail });
  }
  const row = ex.instances.find((r) => r.outcome === 'chosen');
  const last = row?.scores?.[row.scores.length - 1];
  const strategies = ex.strategies.map(strategyLabel).join(' → ');
  const base = t('placement.whyChosen', {
    instance: ex.chosen.ec2InstanceId,
    az: row?.availabilityZone ?? '',
    passed,
    filtered,
    strategies: strategies || '—',
    detail: last?.detail ?? '',
  });
  return ex.tieBreak ? `${base} ${ex.tieBreak}.` : base;
}
