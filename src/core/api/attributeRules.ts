/**
 * Rules for custom container-instance attributes (reference §3.5, `[BOTO: Attribute]`): name 1-128 of
 * letters, digits, `-_/.`; value 1-128 of letters, digits, space and `-_.@/\:` without leading or
 * trailing space; at most 10 custom attributes per instance. Names under `ecs.` and
 * `com.amazonaws.ecs.` belong to the agent and cannot be set or deleted by users.
 */
import type { InstanceAttribute } from '../infra/records';
import { EcsError } from './errors';
import { Messages } from './messages';

const NAME = /^[A-Za-z0-9_\-/.]{1,128}$/;
const VALUE = /^[A-Za-z0-9_\-.@/\\: ]{1,128}$/;
export const MAX_CUSTOM_ATTRIBUTES = 10;

export function isBuiltInAttribute(name: string): boolean {
  return name.startsWith('ecs.') || name.startsWith('com.amazonaws.ecs.');
}

export function checkAttributeName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) throw new EcsError('InvalidParameterException', Messages.attributeNameInvalid(String(name)));
  return name;
}

export function checkAttributeValue(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !VALUE.test(value) || value.trim() !== value) {
    throw new EcsError('InvalidParameterException', Messages.attributeValueInvalid(name));
  }
  return value;
}

/** Validated custom attributes from a request member (RegisterContainerInstance `attributes`). */
export function checkCustomAttributes(input: unknown): InstanceAttribute[] {
  if (input === undefined || input === null) return [];
  if (!Array.isArray(input)) throw new EcsError('InvalidParameterException', Messages.wrongType('attributes', 'list of attributes'));
  const out = input.map((raw) => {
    const a = (raw ?? {}) as { name?: unknown; value?: unknown };
    const name = checkAttributeName(a.name);
    if (isBuiltInAttribute(name)) throw new EcsError('InvalidParameterException', Messages.attributeReserved(name));
    const value = checkAttributeValue(name, a.value);
    return value === undefined ? { name } : { name, value };
  });
  if (out.length > MAX_CUSTOM_ATTRIBUTES) throw new EcsError('AttributeLimitExceededException', Messages.attributeLimit);
  return out;
}

export function customAttributeCount(list: readonly InstanceAttribute[]): number {
  return list.filter((a) => !isBuiltInAttribute(a.name)).length;
}
