/**
 * Checks and prepares placement constraints and strategies: counts (at most 10 constraints counting
 * the task definition's, at most 5 strategies), types, fields, and memberOf expressions parsed once.
 * Errors are values; the API turns them into InvalidParameterException.
 */
import { compileExpression, validateCql, type CompiledCql } from './cql';
import { MAX_EXPRESSION_LENGTH } from './cql/parser';
import { ValidationMessages } from './messages';
import type { PlacementConstraint, PlacementStrategy } from './types';

export const MAX_CONSTRAINTS = 10;
export const MAX_STRATEGIES = 5;

export type PreparedConstraint =
  | { type: 'distinctInstance' }
  | { type: 'memberOf'; expression: string; cql: CompiledCql };

/** A strategy with its field normalised: binpack cpu|memory, spread instanceId or attribute:<name>. */
export type PreparedStrategy =
  | { type: 'binpack'; field: 'cpu' | 'memory' }
  | { type: 'spread'; field: 'instanceId' }
  | { type: 'spread'; field: 'attribute'; attribute: string }
  | { type: 'random' };

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const compiled = new Map<string, CompiledCql>();
const MEMO_LIMIT = 256;

/** Compiles a memberOf expression, memoised (the same few expressions are placed against again and again). */
function compileMemo(expression: string): { ok: true; cql: CompiledCql } | { ok: false; message: string } {
  const hit = compiled.get(expression);
  if (hit) return { ok: true, cql: hit };
  const r = compileExpression(expression);
  if (!r.ok) return { ok: false, message: r.error.message };
  if (compiled.size >= MEMO_LIMIT) compiled.delete(compiled.keys().next().value as string);
  compiled.set(expression, r.compiled);
  return { ok: true, cql: r.compiled };
}

function checkConstraint(c: unknown, inTaskDefinition: boolean): Checked<PreparedConstraint> {
  const rec = (c ?? {}) as { type?: unknown; expression?: unknown };
  const type = rec.type;
  if (type !== 'distinctInstance' && type !== 'memberOf') return { ok: false, message: ValidationMessages.constraintType(String(type)) };
  if (inTaskDefinition && type !== 'memberOf') return { ok: false, message: ValidationMessages.constraintTypeInTaskDefinition(type) };
  if (type === 'distinctInstance') {
    if (rec.expression !== undefined && rec.expression !== null && rec.expression !== '') return { ok: false, message: ValidationMessages.distinctWithExpression };
    return { ok: true, value: { type } };
  }
  if (typeof rec.expression !== 'string' || rec.expression.trim() === '') return { ok: false, message: ValidationMessages.memberOfNeedsExpression };
  if (rec.expression.length > MAX_EXPRESSION_LENGTH) return { ok: false, message: ValidationMessages.expressionTooLong(MAX_EXPRESSION_LENGTH) };
  const r = compileMemo(rec.expression);
  if (!r.ok) return { ok: false, message: ValidationMessages.expressionInvalid(r.message) };
  return { ok: true, value: { type, expression: rec.expression, cql: r.cql } };
}

/**
 * Request constraints plus the task definition's (memberOf only there), at most 10 together.
 * Task-definition constraints come first in the answer.
 */
export function checkConstraints(request: readonly unknown[] | undefined, taskDefinition: readonly unknown[] = []): Checked<PreparedConstraint[]> {
  const req = request ?? [];
  const total = req.length + taskDefinition.length;
  if (total > MAX_CONSTRAINTS) return { ok: false, message: ValidationMessages.tooManyConstraints(total, MAX_CONSTRAINTS) };
  const out: PreparedConstraint[] = [];
  for (const c of taskDefinition) {
    const r = checkConstraint(c, true);
    if (!r.ok) return r;
    out.push(r.value);
  }
  for (const c of req) {
    const r = checkConstraint(c, false);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

const names = new Map<string, string>();

/** One string object per attribute name, so that memo checks compare identities. */
function intern(name: string): string {
  const hit = names.get(name);
  if (hit !== undefined) return hit;
  if (names.size >= 1024) names.clear();
  names.set(name, name);
  return name;
}

function checkStrategy(s: unknown): Checked<PreparedStrategy> {
  const rec = (s ?? {}) as { type?: unknown; field?: unknown };
  const field = typeof rec.field === 'string' ? rec.field : undefined;
  switch (rec.type) {
    case 'random':
      if (field !== undefined && field !== '') return { ok: false, message: ValidationMessages.randomNoField(field) };
      return { ok: true, value: { type: 'random' } };
    case 'binpack': {
      if (field === undefined || field === '') return { ok: false, message: ValidationMessages.binpackNeedsField };
      const f = field.toLowerCase();
      if (f !== 'cpu' && f !== 'memory') return { ok: false, message: ValidationMessages.binpackField(field) };
      return { ok: true, value: { type: 'binpack', field: f } };
    }
    case 'spread': {
      if (field === undefined || field === '') return { ok: false, message: ValidationMessages.spreadNeedsField };
      const f = field.toLowerCase();
      if (f === 'instanceid' || f === 'host') return { ok: true, value: { type: 'spread', field: 'instanceId' } };
      const m = /^attribute:([A-Za-z0-9\-_/.]{1,128})$/.exec(field);
      if (!m) return { ok: false, message: ValidationMessages.spreadField(field) };
      return { ok: true, value: { type: 'spread', field: 'attribute', attribute: intern(m[1]) } };
    }
    default:
      return { ok: false, message: ValidationMessages.strategyType(String(rec.type)) };
  }
}

/** At most 5 strategies, applied in order. */
export function checkStrategies(strategies: readonly unknown[] | undefined): Checked<PreparedStrategy[]> {
  const list = strategies ?? [];
  if (list.length > MAX_STRATEGIES) return { ok: false, message: ValidationMessages.tooManyStrategies(list.length, MAX_STRATEGIES) };
  const out: PreparedStrategy[] = [];
  for (const s of list) {
    const r = checkStrategy(s);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}

/** For ListContainerInstances `filter`: undefined when valid, else the InvalidParameterException text. */
export function checkFilterExpression(filter: string): string | undefined {
  const err = validateCql(filter);
  return err ? ValidationMessages.filterInvalid(err.message) : undefined;
}

/** The API shape of a prepared strategy (for the explanation). */
export function strategyShape(s: PreparedStrategy): PlacementStrategy {
  if (s.type === 'random') return { type: 'random' };
  if (s.type === 'binpack') return { type: 'binpack', field: s.field };
  return { type: 'spread', field: s.field === 'instanceId' ? 'instanceId' : `attribute:${s.attribute}` };
}

export function constraintShape(c: PreparedConstraint): PlacementConstraint {
  return c.type === 'memberOf' ? { type: 'memberOf', expression: c.expression } : { type: 'distinctInstance' };
}
