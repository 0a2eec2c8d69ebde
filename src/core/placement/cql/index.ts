/**
 * The cluster query language: parse once into an AST, compile to a predicate, evaluate per instance.
 * `validateCql` is what the API uses to answer InvalidParameterException for a bad expression.
 */
export { parseCql, MAX_EXPRESSION_LENGTH } from './parser';
export { compileCql, type CqlFacts, type CompiledCql, type CqlPredicate } from './evaluate';
export { formatExpr, type CqlExpr, type CqlCondition, type CqlSyntaxError, type CqlParseResult } from './ast';
import { parseCql } from './parser';
import { compileCql, type CompiledCql } from './evaluate';
import type { CqlSyntaxError } from './ast';

/** Parses and compiles in one step. */
export function compileExpression(text: string): { ok: true; compiled: CompiledCql } | { ok: false; error: CqlSyntaxError } {
  const parsed = parseCql(text);
  if (!parsed.ok) return parsed;
  return { ok: true, compiled: compileCql(parsed.expr) };
}

/** undefined when `text` is a valid expression, else the syntax error. */
export function validateCql(text: string): CqlSyntaxError | undefined {
  const parsed = parseCql(text);
  return parsed.ok ? undefined : parsed.error;
}
