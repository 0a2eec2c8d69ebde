/** TagResource, UntagResource, ListTagsForResource — for every resource kind in tagTargets.ts. */
import type {
  ListTagsForResourceRequest,
  ListTagsForResourceResponse,
  TagResourceRequest,
  TagResourceResponse,
  UntagResourceRequest,
  UntagResourceResponse,
} from '@aws-sdk/client-ecs';
import { parseArn } from '../engine/arn';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { EcsError } from './errors';
import { Messages } from './messages';
import { asRequest, optStringList, reqString } from './request';
import { tagTargets, type TagHolder } from './tagTargets';
import { checkTags, mergeTags } from './tags';
import { InstanceEvents } from '../infra/eventMessages';

function holderOf(state: SimState, resourceArn: string): TagHolder {
  const parsed = parseArn(resourceArn);
  if (!parsed || parsed.service !== 'ecs' || parsed.region !== state.region || parsed.accountId !== state.accountId) {
    throw new EcsError('InvalidParameterException', Messages.resourceArnInvalid(resourceArn));
  }
  const [kind, ...path] = parsed.resource.split('/');
  const resolve = tagTargets[kind];
  if (!resolve) throw new EcsError('InvalidParameterException', Messages.resourceArnInvalid(resourceArn));
  const found = resolve(state, path, resourceArn);
  if ('holder' in found) return found.holder;
  if (found.missing === 'cluster') throw new EcsError('ClusterNotFoundException', Messages.clusterNotFound);
  throw new EcsError('ResourceNotFoundException', Messages.resourceNotFound);
}

export function tagResource(state: SimState, input: TagResourceRequest): TagResourceResponse {
  const req = asRequest(input);
  const resourceArn = reqString(req, 'resourceArn');
  if (req.tags === undefined || req.tags === null) throw new EcsError('InvalidParameterException', Messages.missingMember('tags'));
  const tags = checkTags(req.tags);
  const holder = holderOf(state, resourceArn);
  holder.tags = mergeTags(holder.tags, tags);
  emit(state, 'resource.tagged', InstanceEvents.tagged(resourceArn, tags.map((t) => t.key)), {
    resource: resourceArn,
    data: { keys: tags.map((t) => t.key) },
  });
  return {};
}

export function untagResource(state: SimState, input: UntagResourceRequest): UntagResourceResponse {
  const req = asRequest(input);
  const resourceArn = reqString(req, 'resourceArn');
  const keys = optStringList(req, 'tagKeys');
  if (keys === undefined) throw new EcsError('InvalidParameterException', Messages.missingMember('tagKeys'));
  const holder = holderOf(state, resourceArn);
  holder.tags = holder.tags.filter((t) => !keys.includes(t.key));
  return {};
}

export function listTagsForResource(state: SimState, input: ListTagsForResourceRequest): ListTagsForResourceResponse {
  const req = asRequest(input);
  const holder = holderOf(state, reqString(req, 'resourceArn'));
  return { tags: holder.tags.map((t) => ({ ...t })) };
}

export const taggingOperations = { tagResource, untagResource, listTagsForResource };
