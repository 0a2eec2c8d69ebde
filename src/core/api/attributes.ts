/** PutAttributes, DeleteAttributes, ListAttributes for container instances (targetType `container-instance`). */
import type {
  Attribute,
  DeleteAttributesRequest,
  DeleteAttributesResponse,
  ListAttributesRequest,
  ListAttributesResponse,
  PutAttributesRequest,
  PutAttributesResponse,
} from '@aws-sdk/client-ecs';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { upsertAttribute } from '../infra/registration';
import type { ContainerInstanceRecord } from '../infra/records';
import type { ClusterRecord } from './clusterRecord';
import { resolveCluster } from './clusters';
import { checkAttributeName, checkAttributeValue, customAttributeCount, isBuiltInAttribute, MAX_CUSTOM_ATTRIBUTES } from './attributeRules';
import { findInCluster } from './containerInstances';
import { EcsError } from './errors';
import { Messages } from './messages';
import { asRequest, optString, paginate } from './request';
import { InstanceEvents } from '../infra/eventMessages';

const TARGET_TYPE = 'container-instance';

interface ParsedAttribute {
  name: string;
  value?: string;
  target: ContainerInstanceRecord;
}

function parseAttributes(state: SimState, cluster: ClusterRecord, input: unknown, withValues: boolean): ParsedAttribute[] {
  if (!Array.isArray(input) || input.length === 0) throw new EcsError('InvalidParameterException', Messages.missingMember('attributes'));
  if (input.length > MAX_CUSTOM_ATTRIBUTES) throw new EcsError('AttributeLimitExceededException', Messages.attributeLimit);
  return input.map((raw) => {
    const a = (raw ?? {}) as { name?: unknown; value?: unknown; targetType?: unknown; targetId?: unknown };
    const name = checkAttributeName(a.name);
    if (a.targetType !== undefined && a.targetType !== TARGET_TYPE) throw new EcsError('InvalidParameterException', Messages.targetTypeInvalid);
    if (typeof a.targetId !== 'string' || a.targetId === '') throw new EcsError('InvalidParameterException', Messages.missingMember('targetId'));
    const target = findInCluster(state, cluster, a.targetId);
    if (!target || target.status === 'INACTIVE') throw new EcsError('TargetNotFoundException', Messages.attributeTargetNotFound(a.targetId));
    if (isBuiltInAttribute(name)) throw new EcsError('InvalidParameterException', Messages.attributeReserved(name));
    const value = withValues ? checkAttributeValue(name, a.value) : undefined;
    return value === undefined ? { name, target } : { name, value, target };
  });
}

function shown(a: { name: string; value?: string }, ci: ContainerInstanceRecord): Attribute {
  const out: Attribute = { name: a.name, targetType: TARGET_TYPE, targetId: ci.containerInstanceArn };
  if (a.value !== undefined) out.value = a.value;
  return out;
}

export function putAttributes(state: SimState, input: PutAttributesRequest): PutAttributesResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const parsed = parseAttributes(state, cluster, req.attributes, true);
  // all or nothing: check the per-instance limit on a copy first
  const after = new Map<ContainerInstanceRecord, { name: string; value?: string }[]>();
  for (const p of parsed) {
    const list = after.get(p.target) ?? p.target.attributes.map((a) => ({ ...a }));
    upsertAttribute(list, p.value === undefined ? { name: p.name } : { name: p.name, value: p.value });
    after.set(p.target, list);
  }
  for (const list of after.values()) {
    if (customAttributeCount(list) > MAX_CUSTOM_ATTRIBUTES) throw new EcsError('AttributeLimitExceededException', Messages.attributeLimit);
  }
  for (const [ci, list] of after) {
    ci.attributes = list;
    ci.version++;
  }
  for (const p of parsed) {
    emit(state, 'containerInstance.attributePut', InstanceEvents.attributePut(p.name, p.value, p.target.ec2InstanceId), {
      resource: p.target.containerInstanceArn,
      data: { name: p.name, value: p.value ?? null },
    });
  }
  return { attributes: parsed.map((p) => shown(p, p.target)) };
}

export function deleteAttributes(state: SimState, input: DeleteAttributesRequest): DeleteAttributesResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const parsed = parseAttributes(state, cluster, req.attributes, false);
  for (const p of parsed) {
    const before = p.target.attributes.length;
    p.target.attributes = p.target.attributes.filter((a) => a.name !== p.name);
    if (p.target.attributes.length !== before) p.target.version++;
  }
  return { attributes: parsed.map((p) => shown(p, p.target)) };
}

export function listAttributes(state: SimState, input: ListAttributesRequest): ListAttributesResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const targetType = optString(req, 'targetType');
  if (targetType === undefined) throw new EcsError('InvalidParameterException', Messages.missingMember('targetType'));
  if (targetType !== TARGET_TYPE) throw new EcsError('InvalidParameterException', Messages.targetTypeInvalid);
  const attributeName = optString(req, 'attributeName');
  const attributeValue = optString(req, 'attributeValue');
  if (attributeValue !== undefined && attributeName === undefined) {
    throw new EcsError('InvalidParameterException', Messages.attributeValueNeedsName);
  }
  const all: Attribute[] = [];
  for (const ci of Object.values(state.containerInstances)) {
    if (ci.clusterName !== cluster.clusterName || ci.status === 'INACTIVE') continue;
    for (const a of ci.attributes) {
      if (attributeName !== undefined && a.name !== attributeName) continue;
      if (attributeValue !== undefined && a.value !== attributeValue) continue;
      all.push(shown(a, ci));
    }
  }
  const { page, nextToken } = paginate(all, req, { defaultMax: 100, max: 100 });
  return nextToken ? { attributes: page, nextToken } : { attributes: page };
}

export const attributeOperations = { putAttributes, deleteAttributes, listAttributes };
