/**
 * Finding a task definition from the references ECS accepts: `family` (latest ACTIVE revision),
 * `family:revision`, or the full ARN `arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>`.
 * RunTask, CreateService, UpdateService and the registry itself all resolve references here.
 */
import { parseArn } from '../engine/arn';
import type { SimState } from '../engine/state';
import { EcsError, type EcsErrorCode } from '../api/errors';
import { Messages } from '../api/messages';
import type { TaskDefinitionFamilyRecord, TaskDefinitionRecord } from './record';

export type TaskDefinitionRef =
  /** a well-formed reference; `revision` is absent when only the family was given */
  | { kind: 'ok'; family: string; revision?: number }
  /** `family:xyz` where xyz is not a positive integer */
  | { kind: 'badRevision'; family: string; revisionText: string }
  /** an ARN of another resource kind, account or region, or an empty string */
  | { kind: 'foreign' };

/** Parses a reference without looking anything up. */
export function parseTaskDefinitionRef(state: Pick<SimState, 'region' | 'accountId'>, ref: string): TaskDefinitionRef {
  let text = ref;
  if (ref.startsWith('arn:')) {
    const arn = parseArn(ref);
    if (!arn || arn.service !== 'ecs' || !arn.resource.startsWith('task-definition/')) return { kind: 'foreign' };
    if (arn.region !== state.region || arn.accountId !== state.accountId) return { kind: 'foreign' };
    text = arn.resource.slice('task-definition/'.length);
  }
  if (text === '') return { kind: 'foreign' };
  const colon = text.indexOf(':');
  if (colon < 0) return { kind: 'ok', family: text };
  const family = text.slice(0, colon);
  const revisionText = text.slice(colon + 1);
  if (family === '') return { kind: 'foreign' };
  if (!/^[1-9]\d{0,8}$/.test(revisionText)) return { kind: 'badRevision', family, revisionText };
  return { kind: 'ok', family, revision: Number(revisionText) };
}

export function familyOf(state: SimState, family: string): TaskDefinitionFamilyRecord | undefined {
  return Object.prototype.hasOwnProperty.call(state.taskDefinitions, family) ? state.taskDefinitions[family] : undefined;
}

/** The latest ACTIVE revision of a family, if any. */
export function latestActiveRevision(family: TaskDefinitionFamilyRecord): TaskDefinitionRecord | undefined {
  for (let i = family.revisions.length - 1; i >= 0; i--) {
    if (family.revisions[i].status === 'ACTIVE') return family.revisions[i];
  }
  return undefined;
}

export function revisionOf(family: TaskDefinitionFamilyRecord, revision: number): TaskDefinitionRecord | undefined {
  return family.revisions.find((r) => r.revision === revision);
}

/**
 * The record a reference names, whatever its status, or undefined. A bare family names its latest
 * ACTIVE revision (as DescribeTaskDefinition, RunTask and CreateService read it).
 */
export function findTaskDefinition(state: SimState, ref: string): TaskDefinitionRecord | undefined {
  const parsed = parseTaskDefinitionRef(state, ref);
  if (parsed.kind !== 'ok') return undefined;
  const family = familyOf(state, parsed.family);
  if (!family) return undefined;
  return parsed.revision === undefined ? latestActiveRevision(family) : revisionOf(family, parsed.revision);
}

export interface ResolveOptions {
  /** the exception type to throw; ClientException (CreateService, UpdateService) unless told otherwise */
  errorCode?: EcsErrorCode;
}

/**
 * The ACTIVE task definition a RunTask/CreateService/UpdateService request names. Throws
 * `TaskDefinition not found.` when nothing matches and `TaskDefinition is inactive` when the named
 * revision (or every revision of a bare family) is INACTIVE or DELETE_IN_PROGRESS.
 */
export function resolveTaskDefinition(state: SimState, ref: string, options: ResolveOptions = {}): TaskDefinitionRecord {
  const code = options.errorCode ?? 'ClientException';
  const parsed = parseTaskDefinitionRef(state, ref);
  if (parsed.kind !== 'ok') throw new EcsError(code, Messages.taskDefinitionNotFound);
  const family = familyOf(state, parsed.family);
  if (!family || family.revisions.length === 0) throw new EcsError(code, Messages.taskDefinitionNotFound);
  const record =
    parsed.revision === undefined ? latestActiveRevision(family) ?? family.revisions[family.revisions.length - 1] : revisionOf(family, parsed.revision);
  if (!record) throw new EcsError(code, Messages.taskDefinitionNotFound);
  if (record.status !== 'ACTIVE') throw new EcsError(code, Messages.taskDefinitionInactive);
  return record;
}
