/**
 * describe-task-definition output as input: unwrap {"taskDefinition": {...}} (tags beside it, as
 * `--include TAGS` prints them, become the definition's tags) and drop the read-only members ECS
 * adds (reference §4.2), with a warning for each.
 */
import type { ObjectIssue } from './issues';
import { WarningMessages } from './messages';
import { toPointer, type Segment } from './pointer';

export const OUTPUT_ONLY_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'deleteRequestedAt',
] as const;

export interface Unwrapped {
  value: Record<string, unknown>;
  /** where the definition sits in the source document */
  prefix: Segment[];
  warnings: ObjectIssue[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function unwrapDescribeOutput(doc: Record<string, unknown>): Unwrapped {
  const warnings: ObjectIssue[] = [];
  let value = doc;
  let prefix: Segment[] = [];
  const inner = doc.taskDefinition;
  if (isObject(inner) && !('containerDefinitions' in doc) && !('family' in doc)) {
    value = { ...inner };
    prefix = ['taskDefinition'];
    warnings.push({ path: '/taskDefinition', message: WarningMessages.unwrapped, at: 'key' });
    for (const key of Object.keys(doc)) {
      if (key === 'taskDefinition') continue;
      if (key === 'tags' && !('tags' in inner)) {
        value.tags = doc.tags;
        warnings.push({ path: '/tags', message: WarningMessages.wrapperTags, at: 'key' });
      } else {
        warnings.push({ path: toPointer([key]), message: WarningMessages.wrapperExtra(key), at: 'key' });
      }
    }
  } else {
    value = { ...doc };
  }
  for (const key of OUTPUT_ONLY_FIELDS) {
    if (key in value) {
      delete value[key];
      warnings.push({ path: toPointer([...prefix, key]), message: WarningMessages.outputOnly(key), at: 'key' });
    }
  }
  return { value, prefix, warnings };
}
