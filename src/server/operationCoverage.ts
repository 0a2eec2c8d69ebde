/**
 * Which ECS operations the playground serves: the facade table (src/core/api/ecs.ts) against the
 * commands of @aws-sdk/client-ecs. The README's list is generated from this (src/server/operations.ts).
 */
import * as sdk from '@aws-sdk/client-ecs';
import { ecsOperations } from '../core/api/ecs';
import { wireName } from '../core/api/wire/operationNames';

export interface OperationCoverage {
  /** every ECS operation, PascalCase, sorted */
  all: string[];
  implemented: string[];
  missing: string[];
}

export function operationCoverage(): OperationCoverage {
  const all = Object.keys(sdk)
    .filter((k) => k.endsWith('Command') && k !== '$Command')
    .map((k) => k.slice(0, -'Command'.length))
    .sort();
  const served = new Set(Object.keys(ecsOperations).map(wireName));
  return { all, implemented: all.filter((n) => served.has(n)), missing: all.filter((n) => !served.has(n)) };
}

export const BEGIN_MARKER = '<!-- ecs-operations:begin (generated: node --import tsx src/server/operations.ts --write) -->';
export const END_MARKER = '<!-- ecs-operations:end -->';

/** The README block between the markers (markers included). */
export function coverageMarkdown(c: OperationCoverage = operationCoverage()): string {
  const names = (list: string[]) => (list.length ? list.map((n) => `\`${n}\``).join(', ') : 'none');
  return [
    BEGIN_MARKER,
    `Implemented (${c.implemented.length} of ${c.all.length}): ${names(c.implemented)}.`,
    '',
    `Not simulated yet (${c.missing.length}): ${names(c.missing)}.`,
    END_MARKER,
  ].join('\n');
}

/** `readme` with its generated block replaced; undefined when the markers are missing. */
export function withCoverage(readme: string, block: string = coverageMarkdown()): string | undefined {
  const start = readme.indexOf(BEGIN_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) return undefined;
  return readme.slice(0, start) + block + readme.slice(end + END_MARKER.length);
}
