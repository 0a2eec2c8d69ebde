/**
 * Placeholders in step arguments, resolved when the step fires (so a step can name a task that did
 * not exist when it was scheduled). A placeholder is an object with exactly one of these members:
 *
 * - `{ "$subnets": true }` — the default VPC's subnet ids; `{ "$subnets": ["us-east-1a"] }` only those AZs'.
 * - `{ "$containerInstanceArn": "i-0123..." }` — the container instance the EC2 instance registered as.
 * - `{ "$taskArn": TaskSelector }` — one task, picked by the selector (below).
 *
 * Anything else is copied as it is. Resolution only reads the state (the default VPC aside, which is
 * materialised from the seeded PRNG on first use, inside the firing step, so replays agree).
 */
import type { JsonObject, JsonValue } from '../engine/json';
import type { SimState } from '../engine/state';
import { describeSubnets } from '../infra/subnets';
import { findContainerInstance } from '../infra/instances';
import type { TaskRecord } from '../tasks/record';
import { ScriptError } from './errors';

export interface TaskSelector {
  cluster?: string;
  /** tasks of this service (group `service:<name>`) */
  service?: string;
  group?: string;
  family?: string;
  capacityProvider?: string;
  launchType?: string;
  /** tasks on this EC2 instance */
  ec2InstanceId?: string;
  /** default RUNNING */
  lastStatus?: string;
  /** which of the matching tasks, oldest first (default 0) */
  index?: number;
}

const PLACEHOLDERS = ['$subnets', '$containerInstanceArn', '$taskArn'] as const;

function placeholderOf(v: JsonObject): (typeof PLACEHOLDERS)[number] | undefined {
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  return PLACEHOLDERS.find((p) => p === keys[0]);
}

/** Tasks matching a selector, oldest first (creation time, then ARN). */
export function selectTasks(state: SimState, sel: TaskSelector): TaskRecord[] {
  const lastStatus = sel.lastStatus ?? 'RUNNING';
  const group = sel.service !== undefined ? `service:${sel.service}` : sel.group;
  const ciArn = sel.ec2InstanceId !== undefined ? findContainerInstance(state, sel.ec2InstanceId)?.containerInstanceArn ?? '' : undefined;
  return Object.values(state.tasks)
    .filter(
      (t) =>
        t.lastStatus === lastStatus &&
        (sel.cluster === undefined || t.clusterName === sel.cluster) &&
        (group === undefined || t.group === group) &&
        (sel.family === undefined || t.family === sel.family) &&
        (sel.capacityProvider === undefined || t.capacityProviderName === sel.capacityProvider) &&
        (sel.launchType === undefined || t.launchType === sel.launchType) &&
        (ciArn === undefined || t.containerInstanceArn === ciArn),
    )
    .sort((a, b) => a.createdAt - b.createdAt || (a.taskArn < b.taskArn ? -1 : a.taskArn > b.taskArn ? 1 : 0));
}

function resolveOne(state: SimState, kind: (typeof PLACEHOLDERS)[number], arg: JsonValue): JsonValue {
  switch (kind) {
    case '$subnets': {
      const all = describeSubnets(state).subnets;
      if (arg === true) return all.map((s) => s.subnetId);
      if (Array.isArray(arg) && arg.every((a) => typeof a === 'string')) {
        return all.filter((s) => (arg as string[]).includes(s.availabilityZone)).map((s) => s.subnetId);
      }
      throw new ScriptError('$subnets takes true or a list of Availability Zones.');
    }
    case '$containerInstanceArn': {
      if (typeof arg !== 'string') throw new ScriptError('$containerInstanceArn takes an EC2 instance id.');
      const ci = findContainerInstance(state, arg);
      if (!ci) throw new ScriptError(`No container instance is registered for ${arg}.`);
      return ci.containerInstanceArn;
    }
    case '$taskArn': {
      if (!arg || typeof arg !== 'object' || Array.isArray(arg)) throw new ScriptError('$taskArn takes a task selector object.');
      const sel = arg as TaskSelector;
      const index = sel.index ?? 0;
      const found = selectTasks(state, sel);
      const task = found[index];
      if (!task) throw new ScriptError(`No task matches ${JSON.stringify(arg)} (found ${found.length}).`);
      return task.taskArn;
    }
  }
}

/** A copy of `value` with every placeholder replaced. Throws ScriptError when one cannot be resolved. */
export function resolvePlaceholders(state: SimState, value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(state, v));
  if (value && typeof value === 'object') {
    const kind = placeholderOf(value);
    if (kind) return resolveOne(state, kind, value[kind] ?? null);
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = resolvePlaceholders(state, v);
    return out;
  }
  return value;
}
