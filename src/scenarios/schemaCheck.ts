/**
 * Checks a value against the scenario schema (schema.ts): the draft-07 keywords that schema uses and
 * nothing more (type, enum, const, required, properties, additionalProperties, items, min/maxItems,
 * minimum, maximum, exclusiveMinimum, min/maxLength, pattern, allOf, if/then, local $ref). Issues
 * carry a JSON pointer; an unknown member points at its key.
 */
import type { JsonSchema } from './schema';

export interface SchemaIssue {
  path: string;
  message: string;
  at?: 'key';
}

const MAX_ISSUES = 50;
const MAX_DEPTH = 64;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

const seg = (s: string | number) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1');

export function checkSchema(root: JsonSchema, value: unknown): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const add = (issue: SchemaIssue) => {
    if (out.length < MAX_ISSUES) out.push(issue);
  };
  const resolve = (s: JsonSchema): JsonSchema => {
    const ref = s.$ref;
    if (typeof ref !== 'string') return s;
    const name = ref.replace('#/definitions/', '');
    return ((root.definitions as Record<string, JsonSchema>)[name] ?? {}) as JsonSchema;
  };
  /** Whether `v` matches `s`, without reporting (for `if`). */
  const matches = (s: JsonSchema, v: unknown): boolean => {
    const saved = out.splice(0);
    visit(s, v, '', 0);
    const ok = out.length === 0;
    out.splice(0, out.length, ...saved);
    return ok;
  };
  const visit = (schema: JsonSchema, v: unknown, path: string, depth: number): void => {
    if (out.length >= MAX_ISSUES) return;
    if (depth > MAX_DEPTH) {
      add({ path, message: `Nested more than ${MAX_DEPTH} levels deep.` });
      return;
    }
    const s = resolve(schema);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => typeMatches(v, t))) {
        add({ path, message: `Expected ${types.join(' or ')}, got ${typeOf(v)}.` });
        return;
      }
    }
    if (s.const !== undefined && v !== s.const) add({ path, message: `Must be ${JSON.stringify(s.const)}.` });
    if (Array.isArray(s.enum) && !s.enum.includes(v as never)) add({ path, message: `Must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}.` });
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) add({ path, message: `Must be at least ${s.minimum}.` });
      if (typeof s.maximum === 'number' && v > s.maximum) add({ path, message: `Must be at most ${s.maximum}.` });
      if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) add({ path, message: `Must be greater than ${s.exclusiveMinimum}.` });
    }
    if (typeof v === 'string') {
      if (typeof s.minLength === 'number' && v.length < s.minLength) add({ path, message: s.minLength === 1 ? 'Must not be empty.' : `Must be at least ${s.minLength} characters.` });
      if (typeof s.maxLength === 'number' && v.length > s.maxLength) add({ path, message: `Must be at most ${s.maxLength} characters.` });
      if (typeof s.pattern === 'string' && !new RegExp(s.pattern).test(v)) add({ path, message: `Does not match the pattern ${s.pattern}.` });
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) add({ path, message: `Needs at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}.` });
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) add({ path, message: `At most ${s.maxItems} items.` });
      if (s.items && typeof s.items === 'object') v.slice(0, 1000).forEach((item, i) => visit(s.items as JsonSchema, item, path + seg(i), depth + 1));
    }
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, JsonSchema>;
      for (const r of (s.required as string[] | undefined) ?? []) {
        if (!Object.prototype.hasOwnProperty.call(o, r)) add({ path, message: `Missing required member "${r}".` });
      }
      for (const [k, child] of Object.entries(o)) {
        if (Object.prototype.hasOwnProperty.call(props, k)) visit(props[k], child, path + seg(k), depth + 1);
        else if (s.additionalProperties === false) add({ path: path + seg(k), message: `Unknown member "${k}".`, at: 'key' });
      }
    }
    for (const sub of (s.allOf as JsonSchema[] | undefined) ?? []) {
      if (sub.if !== undefined) {
        if (matches(sub.if as JsonSchema, v) && sub.then) visit(sub.then as JsonSchema, v, path, depth + 1);
      } else visit(sub, v, path, depth + 1);
    }
  };
  visit(root, value, '', 0);
  return out;
}
