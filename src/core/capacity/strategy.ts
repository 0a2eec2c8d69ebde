/**
 * Capacity provider strategies (reference §10.1, §10.2): checking one against the cluster, and the
 * base-then-weight distribution of tasks over its providers.
 *
 * Distribution rule (the exact rounding is not documented; docs/capacity.md): the provider with a
 * base gets tasks until it holds `base`; every further task goes to the provider whose weight share
 * of the non-base tasks (including this one) is furthest ahead of what it holds, ties to the earlier
 * provider in the strategy. Weight-0 providers get no tasks beyond a base.
 */
import type { CapacityProviderStrategyItemRecord, ClusterRecord } from '../api/clusterRecord';
import { EcsError } from '../api/errors';
import { Messages } from '../api/messages';
import type { SimState } from '../engine/state';
import { capacityOf, isFargateProvider } from './records';

export type StrategyItem = CapacityProviderStrategyItemRecord;

/** Most providers one strategy may name (2026 API model; reference §10.1, §15). */
export const MAX_STRATEGY_ITEMS = 20;
export const MAX_BASE = 100_000;
export const MAX_WEIGHT = 1_000;

/** Shape checks shared by RunTask, CreateService/UpdateService, CreateCluster and PutClusterCapacityProviders. */
export function parseStrategy(raw: unknown, member = 'capacityProviderStrategy'): StrategyItem[] {
  if (!Array.isArray(raw)) throw new EcsError('InvalidParameterException', Messages.wrongType(member, 'list'));
  if (raw.length > MAX_STRATEGY_ITEMS) throw new EcsError('InvalidParameterException', Messages.tooManyIdentifiers(member, MAX_STRATEGY_ITEMS));
  const items = raw.map((r: { capacityProvider?: unknown; weight?: unknown; base?: unknown } | null) => {
    if (typeof r?.capacityProvider !== 'string' || r.capacityProvider === '') {
      throw new EcsError('InvalidParameterException', Messages.missingMember('capacityProvider'));
    }
    const weight = r.weight ?? 0;
    const base = r.base ?? 0;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) {
      throw new EcsError('InvalidParameterException', Messages.strategyWeightRange);
    }
    if (typeof base !== 'number' || !Number.isInteger(base) || base < 0 || base > MAX_BASE) {
      throw new EcsError('InvalidParameterException', Messages.strategyBaseRange);
    }
    return { capacityProvider: r.capacityProvider, weight, base };
  });
  const names = new Set<string>();
  for (const i of items) {
    if (names.has(i.capacityProvider)) throw new EcsError('InvalidParameterException', Messages.strategyDuplicateProvider(i.capacityProvider));
    names.add(i.capacityProvider);
  }
  if (items.filter((i) => i.base > 0).length > 1) throw new EcsError('InvalidParameterException', Messages.strategyOneBase);
  return items;
}

/** Fargate providers and Auto Scaling group providers never share a strategy. */
export function checkNotMixed(items: readonly StrategyItem[]): void {
  const fargate = items.filter((i) => isFargateProvider(i.capacityProvider)).length;
  if (fargate > 0 && fargate < items.length) throw new EcsError('InvalidParameterException', Messages.strategyMixed);
}

export interface ResolvedStrategy {
  items: StrategyItem[];
  /** FARGATE / FARGATE_SPOT strategy, else Auto Scaling group providers (launch type EC2) */
  fargate: boolean;
}

/**
 * A strategy a task or service may run with on the cluster: shape, providers associated and ACTIVE,
 * no Fargate/ASG mix, a positive weight when there are several providers. `fromDefault` words the
 * weight error for the cluster's default strategy.
 */
export function checkStrategyForCluster(state: SimState, cluster: ClusterRecord, raw: unknown, fromDefault = false): ResolvedStrategy {
  const items = parseStrategy(raw);
  const providers = capacityOf(state).providers;
  for (const item of items) {
    const name = item.capacityProvider;
    const known = isFargateProvider(name) || providers[name]?.status === 'ACTIVE';
    if (!cluster.capacityProviders.includes(name) || !known) {
      throw new EcsError('InvalidParameterException', Messages.capacityProviderNotAssociated);
    }
  }
  checkNotMixed(items);
  if (items.length > 1 && items.every((i) => i.weight === 0)) {
    throw new EcsError('InvalidParameterException', fromDefault ? Messages.strategyNoWeightDefault : Messages.strategyNoWeight);
  }
  return { items, fargate: items.length > 0 && isFargateProvider(items[0].capacityProvider) };
}

/**
 * The strategy a request runs with: the one given, else (no launch type) the cluster's default,
 * else none. Throws when both a launch type and a strategy are given.
 */
export function strategyForRequest(
  state: SimState,
  cluster: ClusterRecord,
  launchType: string | undefined,
  raw: unknown,
): ResolvedStrategy | undefined {
  const given = Array.isArray(raw) && raw.length > 0;
  if (launchType && given) throw new EcsError('InvalidParameterException', Messages.launchTypeAndStrategy);
  if (given) return checkStrategyForCluster(state, cluster, raw);
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) parseStrategy(raw);
  if (!launchType && cluster.defaultCapacityProviderStrategy.length > 0) {
    return checkStrategyForCluster(state, cluster, cluster.defaultCapacityProviderStrategy, true);
  }
  return undefined;
}

/** The provider for one more task, given how many tasks each provider already holds. */
export function nextProvider(items: readonly StrategyItem[], held: Readonly<Record<string, number>>): string {
  for (const i of items) if (i.base > 0 && (held[i.capacityProvider] ?? 0) < i.base) return i.capacityProvider;
  const total = items.reduce((s, i) => s + i.weight, 0);
  if (total === 0) return (items.find((i) => i.base > 0) ?? items[0]).capacityProvider;
  const nonBase = (i: StrategyItem) => Math.max(0, (held[i.capacityProvider] ?? 0) - i.base);
  const n = items.reduce((s, i) => s + nonBase(i), 0) + 1;
  let best = '';
  let bestDeficit = -Infinity;
  for (const i of items) {
    if (i.weight === 0) continue;
    // Compared in integers: weight × n − held × total (the deficit scaled by total).
    const deficit = i.weight * n - nonBase(i) * total;
    if (deficit > bestDeficit) {
      best = i.capacityProvider;
      bestDeficit = deficit;
    }
  }
  return best;
}

/** Providers for `count` more tasks, in order, starting from `held` (not changed). */
export function distribute(items: readonly StrategyItem[], count: number, held: Readonly<Record<string, number>> = {}): string[] {
  const now: Record<string, number> = { ...held };
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const p = nextProvider(items, now);
    now[p] = (now[p] ?? 0) + 1;
    out.push(p);
  }
  return out;
}

/** Tasks per provider: how `distribute` splits `count` tasks from nothing. */
export function distributionCounts(items: readonly StrategyItem[], count: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i.capacityProvider] = 0;
  for (const p of distribute(items, count)) out[p]++;
  return out;
}
