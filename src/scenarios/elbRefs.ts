/**
 * Load balancer placeholders in setup requests (listeners, services), resolved when the setup runs,
 * after the setup's target groups, load balancers and listeners exist:
 *
 *   {"$targetGroup": "<name>"}                               the target group's ARN
 *   {"$loadBalancer": "<name>"}                              the load balancer's ARN
 *   {"$listener": {"loadBalancer": "<name>", "port": 80}}    the listener's ARN
 *   {"$listenerRule": {"loadBalancer": "<name>", "port": 80}} the listener's default rule ARN
 *                                                            (productionListenerRule / testListenerRule)
 */
import type { Simulation } from '../core/index';
import type { JsonValue } from '../core/engine/json';
import { ScenarioError } from './errors';
import type { SchemaIssue } from './schemaCheck';
import type { Scenario } from './types';

const KEYS = ['$targetGroup', '$loadBalancer', '$listener', '$listenerRule'] as const;

function listenerOf(sim: Simulation, ref: unknown, path: string): string {
  const r = (ref ?? {}) as { loadBalancer?: unknown; port?: unknown };
  const e = sim.state.elb;
  const lb = Object.values(e.loadBalancers).find((l) => l.loadBalancerName === r.loadBalancer);
  const arn = lb?.listenerArns.find((a) => e.listeners[a]?.port === r.port);
  if (!arn) throw new ScenarioError(path, `No setup listener is on port ${String(r.port)} of load balancer "${String(r.loadBalancer)}".`);
  return arn;
}

function resolveOne(sim: Simulation, key: (typeof KEYS)[number], ref: unknown, path: string): string {
  const e = sim.state.elb;
  if (key === '$targetGroup') {
    const tg = Object.values(e.targetGroups).find((t) => t.targetGroupName === ref);
    if (!tg) throw new ScenarioError(path, `No setup target group is named "${String(ref)}".`);
    return tg.targetGroupArn;
  }
  if (key === '$loadBalancer') {
    const lb = Object.values(e.loadBalancers).find((l) => l.loadBalancerName === ref);
    if (!lb) throw new ScenarioError(path, `No setup load balancer is named "${String(ref)}".`);
    return lb.loadBalancerArn;
  }
  const listener = listenerOf(sim, ref, path);
  if (key === '$listener') return listener;
  const rule = e.listeners[listener].ruleArns[0];
  return rule;
}

/** A copy of `value` with the load balancer placeholders replaced by ARNs. */
export function withElbRefs(sim: Simulation, value: JsonValue, path: string): JsonValue {
  if (Array.isArray(value)) return value.map((v, i) => withElbRefs(sim, v, `${path}/${i}`));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const key = KEYS.find((k) => keys.length === 1 && keys[0] === k);
    if (key) return resolveOne(sim, key, value[key], `${path}/${key}`);
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withElbRefs(sim, v, `${path}/${k}`);
    return out;
  }
  return value;
}

/** Placeholders naming target groups or load balancers the setup does not create. */
export function elbRefIssues(s: Scenario): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const tgs = new Set((s.setup.targetGroups ?? []).map((t) => t.Name));
  const lbs = new Set((s.setup.loadBalancers ?? []).map((l) => l.Name));
  const scan = (v: unknown, path: string, depth = 0) => {
    if (depth > 64 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x, i) => scan(x, `${path}/${i}`, depth + 1));
    const o = v as Record<string, unknown>;
    if ('$targetGroup' in o && !tgs.has(o.$targetGroup)) out.push({ path: `${path}/$targetGroup`, message: `No setup target group is named "${String(o.$targetGroup)}".` });
    if ('$loadBalancer' in o && !lbs.has(o.$loadBalancer)) out.push({ path: `${path}/$loadBalancer`, message: `No setup load balancer is named "${String(o.$loadBalancer)}".` });
    for (const k of ['$listener', '$listenerRule'] as const) {
      const ref = o[k] as { loadBalancer?: unknown } | undefined;
      if (ref && typeof ref === 'object' && !lbs.has(ref.loadBalancer)) out.push({ path: `${path}/${k}/loadBalancer`, message: `No setup load balancer is named "${String(ref.loadBalancer)}".` });
    }
    for (const [k, x] of Object.entries(o)) scan(x, `${path}/${k}`, depth + 1);
  };
  (s.setup.listeners ?? []).forEach((v, i) => scan(v, `/setup/listeners/${i}`));
  (s.setup.services ?? []).forEach((v, i) => scan(v, `/setup/services/${i}`));
  (s.setup.deploymentGroups ?? []).forEach((v, i) => scan(v, `/setup/deploymentGroups/${i}`));
  return out;
}
