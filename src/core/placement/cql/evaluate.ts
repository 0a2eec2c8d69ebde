/**
 * Turns a parsed expression into a predicate over one container instance's facts. Compiled once per
 * expression (patterns, dates and lists prepared), then called for every instance.
 *
 * Semantics the documentation leaves open (docs/placement.md lists them):
 * - an attribute the instance lacks makes every positive operator false and every negated one
 *   (!=, !in, !~, !exists) true; an attribute without a value only satisfies exists;
 * - task:group is true for ==/in/=~/exists when ANY task on the instance is in a matching group,
 *   and the negated operators are the exact negation (so `task:group != database` = no database task);
 * - ordering on attributes is numeric when both sides are numbers, else by code units.
 */
import type { CqlCondition, CqlExpr } from './ast';
import { compareAttributeValues, compareRegisteredAt, compareVersions, compilePattern, parseCqlDate } from './values';

/** What an expression can ask about an instance. */
export interface CqlFacts {
  agentConnected: boolean;
  agentVersion: string;
  ec2InstanceId: string;
  /** wall-clock epoch ms */
  registeredAtMs: number;
  runningTasksCount: number;
  /** attribute name → value; null for an attribute without a value */
  attributes: ReadonlyMap<string, string | null>;
  /** task group → number of tasks of that group on the instance */
  taskGroups: ReadonlyMap<string, number>;
}

export type CqlPredicate = (facts: CqlFacts) => boolean;

export interface CompiledCql {
  test: CqlPredicate;
  /** which costly facts the expression reads, so callers compute them only when needed */
  uses: { runningTasksCount: boolean; taskGroups: boolean };
}

export function compileCql(expr: CqlExpr): CompiledCql {
  const uses = { runningTasksCount: false, taskGroups: false };
  const test = build(expr, uses);
  return { test, uses };
}

function build(e: CqlExpr, uses: CompiledCql['uses']): CqlPredicate {
  switch (e.type) {
    case 'or': {
      const parts = e.operands.map((o) => build(o, uses));
      return (f) => {
        for (const p of parts) if (p(f)) return true;
        return false;
      };
    }
    case 'and': {
      const parts = e.operands.map((o) => build(o, uses));
      return (f) => {
        for (const p of parts) if (!p(f)) return false;
        return true;
      };
    }
    case 'not': {
      const inner = build(e.operand, uses);
      return (f) => !inner(f);
    }
    case 'condition':
      return condition(e, uses);
  }
}

const NEGATED: Partial<Record<CqlCondition['operator'], CqlCondition['operator']>> = {
  not_equals: 'equals',
  not_in: 'in',
  not_matches: 'matches',
  not_exists: 'exists',
};

/** A string test for the positive form of the operator. */
function valueTest(c: CqlCondition, compare: (a: string, b: string) => number): (v: string) => boolean {
  const op = NEGATED[c.operator] ?? c.operator;
  const arg = c.argument ?? '';
  switch (op) {
    case 'equals':
      return (v) => compare(v, arg) === 0;
    case 'in': {
      const list = c.list ?? [];
      return (v) => list.some((x) => compare(v, x) === 0);
    }
    case 'matches': {
      const p = compilePattern(arg);
      const re = p.ok ? p.re : /$^/;
      return (v) => re.test(v);
    }
    case 'greater_than':
      return (v) => compare(v, arg) > 0;
    case 'greater_than_equal':
      return (v) => compare(v, arg) >= 0;
    case 'less_than':
      return (v) => compare(v, arg) < 0;
    case 'less_than_equal':
      return (v) => compare(v, arg) <= 0;
    default:
      return () => true; // exists
  }
}

const exact = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

function condition(c: CqlCondition, uses: CompiledCql['uses']): CqlPredicate {
  const negated = NEGATED[c.operator] !== undefined;
  const s = c.subject;
  let positive: CqlPredicate;
  switch (s.kind) {
    case 'attribute': {
      const name = s.name;
      const t = valueTest(c, compareAttributeValuesFor(c));
      const positiveOp = NEGATED[c.operator] ?? c.operator;
      positive =
        positiveOp === 'exists'
          ? (f) => f.attributes.has(name)
          : (f) => {
              const v = f.attributes.get(name);
              return typeof v === 'string' && t(v);
            };
      break;
    }
    case 'agentConnected': {
      const t = valueTest(c, (a, b) => exact(a, b.toLowerCase()));
      positive = (f) => t(f.agentConnected ? 'true' : 'false');
      break;
    }
    case 'agentVersion': {
      const t = valueTest(c, compareVersions);
      positive = (f) => t(f.agentVersion);
      break;
    }
    case 'ec2InstanceId': {
      const t = valueTest(c, exact);
      positive = (f) => t(f.ec2InstanceId);
      break;
    }
    case 'registeredAt': {
      const date = parseCqlDate(c.argument ?? '');
      const t = valueTest(c, (a) => (date ? compareRegisteredAt(Number(a), date) : Number.NaN));
      positive = (f) => t(String(f.registeredAtMs));
      break;
    }
    case 'runningTasksCount': {
      uses.runningTasksCount = true;
      const t = valueTest(c, (a, b) => Math.sign(Number(a) - Number(b)));
      positive = (f) => t(String(f.runningTasksCount));
      break;
    }
    case 'taskGroup': {
      uses.taskGroups = true;
      const positiveOp = NEGATED[c.operator] ?? c.operator;
      const t = valueTest(c, exact);
      positive = (f) => {
        for (const [g, n] of f.taskGroups) if (n > 0 && (positiveOp === 'exists' || t(g))) return true;
        return false;
      };
      break;
    }
  }
  return negated ? (f) => !positive(f) : positive;
}

function compareAttributeValuesFor(c: CqlCondition): (a: string, b: string) => number {
  const ordering = ['greater_than', 'greater_than_equal', 'less_than', 'less_than_equal'].includes(c.operator);
  return ordering ? compareAttributeValues : exact;
}
