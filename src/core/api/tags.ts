/** Resource tags: at most 50, key 1-128 characters, value 0-256, `aws:` prefix reserved (reference §1.2). */
import { EcsError } from './errors';
import { Messages } from './messages';

export interface Tag {
  key: string;
  value: string;
}

export function checkTags(input: unknown, member = 'tags'): Tag[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) throw new EcsError('InvalidParameterException', Messages.wrongType(member, 'list of tags'));
  if (input.length > 50) throw new EcsError('InvalidParameterException', Messages.tooManyTags);
  return input.map((raw) => {
    const t = raw as Partial<Tag>;
    if (typeof t?.key !== 'string' || t.key.length < 1 || t.key.length > 128) {
      throw new EcsError('InvalidParameterException', Messages.tagKeyInvalid);
    }
    const value = t.value ?? '';
    if (typeof value !== 'string' || value.length > 256) {
      throw new EcsError('InvalidParameterException', Messages.tagValueInvalid);
    }
    if (t.key.toLowerCase().startsWith('aws:')) throw new EcsError('InvalidParameterException', Messages.tagReservedPrefix);
    return { key: t.key, value };
  });
}

/** Merges tags by key (later wins), keeping first-seen order. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const out = existing.map((t) => ({ ...t }));
  for (const t of added) {
    const hit = out.find((o) => o.key === t.key);
    if (hit) hit.value = t.value;
    else out.push({ ...t });
  }
  if (out.length > 50) throw new EcsError('InvalidParameterException', Messages.tooManyTags);
  return out;
}
