/**
 * ListContainerInstances `filter`: a cluster query language expression evaluated against each
 * container instance (the same facts memberOf sees). A bad expression is the
 * InvalidParameterException message, with the column.
 */
import type { SimState } from '../engine/state';
import type { ContainerInstanceRecord } from '../infra/records';
import { compileExpression } from './cql';
import { cqlFacts } from './facts';
import { ValidationMessages } from './messages';

export function filterByExpression(
  state: SimState,
  instances: readonly ContainerInstanceRecord[],
  filter: string,
): { ok: true; instances: ContainerInstanceRecord[] } | { ok: false; message: string } {
  const compiled = compileExpression(filter);
  if (!compiled.ok) return { ok: false, message: ValidationMessages.filterInvalid(compiled.error.message) };
  const { test, uses } = compiled.compiled;
  return { ok: true, instances: instances.filter((ci) => test(cqlFacts(state, ci, undefined, uses))) };
}
