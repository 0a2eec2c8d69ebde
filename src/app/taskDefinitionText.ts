/**
 * Small pure helpers around the task definition text in the editor: which family it names (even
 * half-typed), the request it stands for, and the clean request when it is describe output.
 */
import type { RegisterTaskDefinitionRequest, TaskDefinition } from '@aws-sdk/client-ecs';
import { parse, type ParseError } from 'jsonc-parser';
import { unwrapDescribeOutput } from '../core/taskdef/describe';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Pretty JSON as the editor shows it. */
export function toEditorText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * The family the text names, read leniently so it works while the JSON is still being typed.
 * `clean` is false when the text has syntax errors: the family may then be missing only for now.
 */
export function readFamily(text: string): { family: string | undefined; clean: boolean } {
  const errors: ParseError[] = [];
  const doc: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const clean = errors.length === 0;
  if (!isObject(doc)) return { family: undefined, clean };
  if (typeof doc.family === 'string') return { family: doc.family, clean };
  const inner = doc.taskDefinition;
  return { family: isObject(inner) && typeof inner.family === 'string' ? inner.family : undefined, clean };
}

export function familyInText(text: string): string | undefined {
  return readFamily(text).family;
}

function strictParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The RegisterTaskDefinition request the text stands for: the object itself, or the task definition
 * inside pasted describe output with the read-only members dropped. Undefined when not a JSON object.
 */
export function requestFromText(text: string): RegisterTaskDefinitionRequest | undefined {
  const parsed = strictParse(text);
  if (!parsed.ok || !isObject(parsed.value)) return undefined;
  return unwrapDescribeOutput(parsed.value).value as unknown as RegisterTaskDefinitionRequest;
}

/**
 * When the text is DescribeTaskDefinition output (wrapped in `taskDefinition`, or carrying read-only
 * members such as `taskDefinitionArn` and `revision`), the clean request to register instead.
 */
export function cleanedDescribeOutput(text: string): string | undefined {
  const parsed = strictParse(text);
  if (!parsed.ok || !isObject(parsed.value)) return undefined;
  const unwrapped = unwrapDescribeOutput(parsed.value);
  return unwrapped.warnings.length > 0 ? toEditorText(unwrapped.value) : undefined;
}

/**
 * `value` with its object members reordered to follow `like` wherever both have them (members
 * `like` lacks keep their order, after). A diff against the text in the editor then shows what
 * changed, not how DescribeTaskDefinition orders members.
 */
export function alignKeys(value: unknown, like: unknown): unknown {
  if (Array.isArray(value)) return value.map((v, i) => alignKeys(v, Array.isArray(like) ? like[i] : undefined));
  if (!isObject(value)) return value;
  const template = isObject(like) ? like : {};
  const out: Record<string, unknown> = {};
  // defineProperty, not assignment: a member may be named `__proto__`.
  const put = (key: string, v: unknown) => Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  for (const key of Object.keys(template)) if (Object.hasOwn(value, key)) put(key, alignKeys(value[key], template[key]));
  for (const key of Object.keys(value)) if (!Object.hasOwn(out, key)) put(key, alignKeys(value[key], undefined));
  return out;
}

/**
 * A registered revision as the request that would register it again, optionally with its members
 * in the order the given text uses.
 */
export function revisionRequestText(td: TaskDefinition, orderLike?: string): string {
  const plain = JSON.parse(JSON.stringify(td)) as Record<string, unknown>;
  const request = unwrapDescribeOutput(plain).value;
  if (orderLike === undefined) return toEditorText(request);
  const parsed = strictParse(orderLike);
  const like = parsed.ok && isObject(parsed.value) ? unwrapDescribeOutput(parsed.value).value : undefined;
  return toEditorText(alignKeys(request, like));
}
