/**
 * RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies,
 * DeregisterTaskDefinition, DeleteTaskDefinitions. Revisions live per family in
 * `state.taskDefinitions`; statuses go ACTIVE → INACTIVE → DELETE_IN_PROGRESS (reference §4.1).
 * Choices where ECS is not documented: docs/taskdef-registry.md.
 */
import type {
  DeleteTaskDefinitionsRequest,
  DeleteTaskDefinitionsResponse,
  DeregisterTaskDefinitionRequest,
  DeregisterTaskDefinitionResponse,
  DescribeTaskDefinitionRequest,
  DescribeTaskDefinitionResponse,
  Failure,
  ListTaskDefinitionFamiliesRequest,
  ListTaskDefinitionFamiliesResponse,
  ListTaskDefinitionsRequest,
  ListTaskDefinitionsResponse,
  RegisterTaskDefinitionRequest,
  RegisterTaskDefinitionResponse,
  TaskDefinition,
} from '@aws-sdk/client-ecs';
import { arns, partitionOf } from '../engine/arn';
import { emit, toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { normalizeTaskDefinition, ordered } from '../taskdef/normalize';
import type { TaskDefinitionFamilyRecord, TaskDefinitionRecord } from '../taskdef/record';
import { familyOf, latestActiveRevision, parseTaskDefinitionRef, revisionOf } from '../taskdef/resolve';
import { validateRegisterRequest } from '../taskdef/validate';
import { EcsError, type EcsErrorCode } from './errors';
import { Messages } from './messages';
import { asRequest, optEnum, optString, optStringList, paginate, reqString } from './request';
import { checkTags } from './tags';

/** Member order of the SDK's TaskDefinition, which is the order describe output uses. */
const TASK_DEFINITION_KEY_ORDER = [
  'taskDefinitionArn', 'containerDefinitions', 'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'revision',
  'volumes', 'status', 'requiresAttributes', 'placementConstraints', 'compatibilities', 'runtimePlatform',
  'requiresCompatibilities', 'cpu', 'memory', 'inferenceAccelerators', 'pidMode', 'ipcMode', 'proxyConfiguration',
  'registeredAt', 'deregisteredAt', 'deleteRequestedAt', 'registeredBy', 'ephemeralStorage', 'enableFaultInjection',
] as const;

const MAX_REVISIONS = 1_000_000;
const INCLUDE_FIELDS = ['TAGS'] as const;
const LIST_STATUSES = ['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS'] as const;
const FAMILY_STATUSES = ['ACTIVE', 'INACTIVE', 'ALL'] as const;
const SORT_ORDERS = ['ASC', 'DESC'] as const;

/** The principal every registration is attributed to: the simulated account's root user. */
export function registeredByArn(state: SimState): string {
  return `arn:${partitionOf(state.region)}:iam::${state.accountId}:root`;
}

/** A stored revision as DescribeTaskDefinition shows it. */
export function describeTaskDefinitionRecord(state: SimState, r: TaskDefinitionRecord): TaskDefinition {
  const out: TaskDefinition = {
    ...structuredClone(r.body),
    taskDefinitionArn: r.taskDefinitionArn,
    family: r.family,
    revision: r.revision,
    status: r.status,
    registeredAt: toDate(state, r.registeredAt),
    registeredBy: r.registeredBy,
  };
  if (r.deregisteredAt !== undefined) out.deregisteredAt = toDate(state, r.deregisteredAt);
  if (r.deleteRequestedAt !== undefined) out.deleteRequestedAt = toDate(state, r.deleteRequestedAt);
  return ordered(out, TASK_DEFINITION_KEY_ORDER);
}

function ensureFamily(state: SimState, family: string): TaskDefinitionFamilyRecord {
  const existing = familyOf(state, family);
  if (existing) return existing;
  const created: TaskDefinitionFamilyRecord = { family, lastRevision: 0, revisions: [] };
  // defineProperty, not assignment: a family may legally be named `__proto__`.
  Object.defineProperty(state.taskDefinitions, family, { value: created, enumerable: true, writable: true, configurable: true });
  return created;
}

export function registerTaskDefinition(state: SimState, input: RegisterTaskDefinitionRequest): RegisterTaskDefinitionResponse {
  const result = validateRegisterRequest(input);
  if (result.errors.length > 0) {
    const first = result.errors[0];
    throw new EcsError((first.code as EcsErrorCode | undefined) ?? 'ClientException', first.message);
  }
  const req = (result.value ?? input) as RegisterTaskDefinitionRequest;
  const family = req.family as string;
  const tags = checkTags(req.tags);
  const existing = familyOf(state, family);
  if (existing && existing.lastRevision >= MAX_REVISIONS) throw new EcsError('ClientException', Messages.taskDefinitionRevisionLimit);

  const body = normalizeTaskDefinition(req);
  const fam = ensureFamily(state, family);
  const revision = fam.lastRevision + 1;
  const record: TaskDefinitionRecord = {
    taskDefinitionArn: arns.taskDefinition(state, family, revision),
    family,
    revision,
    status: 'ACTIVE',
    registeredAt: state.now,
    registeredBy: registeredByArn(state),
    tags,
    body,
  };
  fam.lastRevision = revision;
  fam.revisions.push(record);
  emit(state, 'taskDefinition.registered', `Task definition ${family}:${revision} registered.`, {
    resource: record.taskDefinitionArn,
    data: { family, revision },
  });
  const response: RegisterTaskDefinitionResponse = { taskDefinition: describeTaskDefinitionRecord(state, record) };
  if (tags.length > 0) response.tags = tags.map((t) => ({ ...t }));
  return response;
}

type Lookup = { record: TaskDefinitionRecord } | { error: string };

/** Looks up a reference that must name a revision (Deregister, Delete). */
function lookupRevision(state: SimState, ref: string): Lookup {
  const parsed = parseTaskDefinitionRef(state, ref);
  if (parsed.kind === 'foreign') return { error: Messages.taskDefinitionDoesNotExist };
  if (parsed.kind === 'badRevision') return { error: Messages.taskDefinitionInvalidRevision(parsed.revisionText) };
  if (parsed.revision === undefined) return { error: Messages.taskDefinitionRevisionRequired };
  const fam = familyOf(state, parsed.family);
  const record = fam && revisionOf(fam, parsed.revision);
  return record ? { record } : { error: Messages.taskDefinitionDoesNotExist };
}

export function describeTaskDefinition(state: SimState, input: DescribeTaskDefinitionRequest): DescribeTaskDefinitionResponse {
  const req = asRequest(input);
  const ref = reqString(req, 'taskDefinition');
  const include = optStringList(req, 'include') ?? [];
  for (const f of include) {
    if (!(INCLUDE_FIELDS as readonly string[]).includes(f)) {
      throw new EcsError('InvalidParameterException', Messages.invalidEnum('include', f, INCLUDE_FIELDS));
    }
  }
  const parsed = parseTaskDefinitionRef(state, ref);
  if (parsed.kind === 'badRevision') throw new EcsError('ClientException', Messages.taskDefinitionInvalidRevision(parsed.revisionText));
  let record: TaskDefinitionRecord | undefined;
  if (parsed.kind === 'ok') {
    const fam = familyOf(state, parsed.family);
    if (fam) record = parsed.revision === undefined ? latestActiveRevision(fam) : revisionOf(fam, parsed.revision);
  }
  if (!record) throw new EcsError('ClientException', Messages.taskDefinitionUnableToDescribe);
  const response: DescribeTaskDefinitionResponse = { taskDefinition: describeTaskDefinitionRecord(state, record) };
  if (include.includes('TAGS')) response.tags = record.tags.map((t) => ({ ...t }));
  return response;
}

/** Families in ascending lexicographic order. */
function sortedFamilies(state: SimState): TaskDefinitionFamilyRecord[] {
  return Object.keys(state.taskDefinitions)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => state.taskDefinitions[name]);
}

export function listTaskDefinitions(state: SimState, input: ListTaskDefinitionsRequest = {}): ListTaskDefinitionsResponse {
  const req = asRequest(input);
  const family = optString(req, 'familyPrefix');
  const status = optEnum(req, 'status', LIST_STATUSES) ?? 'ACTIVE';
  const sort = optEnum(req, 'sort', SORT_ORDERS) ?? 'ASC';
  // familyPrefix is "the full family name": it selects one family, not every family starting with it.
  const families = sortedFamilies(state).filter((f) => family === undefined || f.family === family);
  const all: string[] = [];
  for (const f of families) for (const r of f.revisions) if (r.status === status) all.push(r.taskDefinitionArn);
  if (sort === 'DESC') all.reverse();
  const { page, nextToken } = paginate(all, req, { defaultMax: 100, max: 100 });
  return nextToken ? { taskDefinitionArns: page, nextToken } : { taskDefinitionArns: page };
}

export function listTaskDefinitionFamilies(
  state: SimState,
  input: ListTaskDefinitionFamiliesRequest = {},
): ListTaskDefinitionFamiliesResponse {
  const req = asRequest(input);
  const prefix = optString(req, 'familyPrefix') ?? '';
  const status = optEnum(req, 'status', FAMILY_STATUSES) ?? 'ALL';
  const names = sortedFamilies(state)
    .filter((f) => f.family.startsWith(prefix))
    .filter((f) => {
      if (status === 'ALL') return true;
      const active = f.revisions.some((r) => r.status === 'ACTIVE');
      return status === 'ACTIVE' ? active : !active;
    })
    .map((f) => f.family);
  const { page, nextToken } = paginate(names, req, { defaultMax: 100, max: 100 });
  return nextToken ? { families: page, nextToken } : { families: page };
}

export function deregisterTaskDefinition(
  state: SimState,
  input: DeregisterTaskDefinitionRequest,
): DeregisterTaskDefinitionResponse {
  const req = asRequest(input);
  const found = lookupRevision(state, reqString(req, 'taskDefinition'));
  if ('error' in found) throw new EcsError('ClientException', found.error);
  const { record } = found;
  // Deregistering again is harmless: the revision is returned as it is.
  if (record.status === 'ACTIVE') {
    record.status = 'INACTIVE';
    record.deregisteredAt = state.now;
    emit(state, 'taskDefinition.deregistered', `Task definition ${record.family}:${record.revision} deregistered.`, {
      resource: record.taskDefinitionArn,
      data: { family: record.family, revision: record.revision },
    });
  }
  return { taskDefinition: describeTaskDefinitionRecord(state, record) };
}

export function deleteTaskDefinitions(state: SimState, input: DeleteTaskDefinitionsRequest): DeleteTaskDefinitionsResponse {
  const req = asRequest(input);
  const refs = optStringList(req, 'taskDefinitions', 10);
  if (!refs || refs.length === 0) throw new EcsError('InvalidParameterException', Messages.missingMember('taskDefinitions'));
  const taskDefinitions: TaskDefinition[] = [];
  const failures: Failure[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const found = lookupRevision(state, ref);
    if ('error' in found) {
      failures.push({ arn: ref, reason: found.error });
      continue;
    }
    const { record } = found;
    if (record.status === 'ACTIVE') {
      failures.push({ arn: record.taskDefinitionArn, reason: Messages.taskDefinitionNotInactive });
      continue;
    }
    if (record.status === 'INACTIVE') {
      record.status = 'DELETE_IN_PROGRESS';
      record.deleteRequestedAt = state.now;
      emit(state, 'taskDefinition.deleteRequested', `Task definition ${record.family}:${record.revision} is being deleted.`, {
        resource: record.taskDefinitionArn,
        data: { family: record.family, revision: record.revision },
      });
    }
    if (seen.has(record.taskDefinitionArn)) continue;
    seen.add(record.taskDefinitionArn);
    taskDefinitions.push(describeTaskDefinitionRecord(state, record));
  }
  return { taskDefinitions, failures };
}

export const taskDefinitionOperations = {
  registerTaskDefinition,
  describeTaskDefinition,
  listTaskDefinitions,
  listTaskDefinitionFamilies,
  deregisterTaskDefinition,
  deleteTaskDefinitions,
};
