/**
 * Instance refs: setup instance groups name their instances (`web` is the first of group `web`,
 * `web[1]` the second). The ids come from the EC2 instances the setup launched, in launch order.
 */
import type { Simulation } from '../core/index';
import type { Scenario } from './types';

export type InstanceRefs = Map<string, string[]>;

const REF = /^([A-Za-z0-9_-]+)(?:\[(\d+)\])?$/;

/** Splits `web[1]` into `web` and 1; undefined when malformed. */
export function parseRef(ref: string): { name: string; index: number } | undefined {
  const m = REF.exec(ref);
  return m ? { name: m[1], index: m[2] === undefined ? 0 : Number(m[2]) } : undefined;
}

/** Every ref a scenario's setup defines, with the number of instances behind it. */
export function declaredRefs(scenario: Pick<Scenario, 'setup'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of scenario.setup.instances ?? []) if (g.ref) out.set(g.ref, (out.get(g.ref) ?? 0) + (g.count ?? 1));
  return out;
}

/** Whether `ref` names an instance the setup launches. */
export function refExists(declared: Map<string, number>, ref: string): boolean {
  const p = parseRef(ref);
  return !!p && p.index < (declared.get(p.name) ?? 0);
}

/**
 * Rebuilds the refs from a running simulation: the setup's launches are the first instances the
 * simulation has, in order, apart from those Auto Scaling groups launched (nothing else launches
 * before setup ends).
 */
export function refsOf(scenario: Scenario, sim: Simulation): InstanceRefs {
  const byGroups = new Set(Object.values(sim.state.capacity?.autoScalingGroups ?? {}).flatMap((g) => g.launched ?? []));
  const ids = Object.keys(sim.state.ec2Instances).filter((id) => !byGroups.has(id));
  const refs: InstanceRefs = new Map();
  let next = 0;
  for (const g of scenario.setup.instances ?? []) {
    const n = g.count ?? 1;
    const mine = ids.slice(next, next + n);
    next += n;
    if (g.ref) refs.set(g.ref, [...(refs.get(g.ref) ?? []), ...mine]);
  }
  return refs;
}

export function instanceId(refs: InstanceRefs, ref: string): string | undefined {
  const p = parseRef(ref);
  return p ? refs.get(p.name)?.[p.index] : undefined;
}
