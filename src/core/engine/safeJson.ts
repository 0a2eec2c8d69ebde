/**
 * Reading JSON that comes from outside (share links, imported files, snapshots handed to
 * createSimulation): a size limit, a depth limit, no keys that could reach an object's prototype,
 * and only plain data. Problems come back as values, never as exceptions.
 */
import type { JsonValue } from './json';

export interface SafeJsonOptions {
  /** largest accepted text in UTF-8 bytes (text input only); default 5 MiB */
  maxBytes?: number;
  /** deepest accepted nesting of objects and arrays; default 64 */
  maxDepth?: number;
  /**
   * what to do with `__proto__`, `constructor` and `prototype` keys; default 'reject'. 'keep' is for
   * data whose keys are user-chosen names (a task definition family may be called `__proto__`): the
   * key stays an own data property of the copy and never reaches a prototype.
   */
  forbiddenKeys?: 'reject' | 'strip' | 'keep';
}

export type SafeJsonErrorCode = 'TooLarge' | 'TooDeep' | 'SyntaxError' | 'ForbiddenKey' | 'NotPlainData';

export interface SafeJsonError {
  code: SafeJsonErrorCode;
  message: string;
  /** JSON pointer of the offending value, when there is one */
  path?: string;
}

export type SafeJsonResult<T = JsonValue> = { ok: true; value: T } | { ok: false; error: SafeJsonError };

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const fail = (code: SafeJsonErrorCode, message: string, path?: string): SafeJsonResult<never> => ({
  ok: false,
  error: path === undefined ? { code, message } : { code, message, path },
});

/** UTF-8 length of a string, stopping early once it passes `limit`. */
function utf8BytesUpTo(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Deepest bracket nesting in JSON text, ignoring brackets inside strings; stops past `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Checks that `value` is plain JSON data (null, booleans, finite numbers, strings, arrays and plain
 * objects) no deeper than the limit, and returns a copy without prototype-reaching keys (or an error
 * naming the first one). Object members whose value is `undefined` are dropped, as JSON would.
 */
export function toSafeJson(value: unknown, options: SafeJsonOptions = {}): SafeJsonResult {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const onForbidden = options.forbiddenKeys ?? 'reject';
  let problem: SafeJsonError | undefined;

  const copy = (v: unknown, depth: number, path: string): JsonValue | undefined => {
    if (problem) return undefined;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) return v;
      problem = { code: 'NotPlainData', message: `${v} is not a JSON number`, path };
      return undefined;
    }
    if (typeof v !== 'object') {
      problem = { code: 'NotPlainData', message: `a ${typeof v} is not JSON data`, path };
      return undefined;
    }
    if (depth >= maxDepth) {
      problem = { code: 'TooDeep', message: `nested deeper than ${maxDepth} levels`, path };
      return undefined;
    }
    if (Array.isArray(v)) {
      const out: JsonValue[] = new Array(v.length);
      for (let i = 0; i < v.length; i++) {
        const item = v[i];
        if (item === undefined) {
          problem = { code: 'NotPlainData', message: 'undefined is not JSON data', path: `${path}/${i}` };
          return undefined;
        }
        out[i] = copy(item, depth + 1, `${path}/${i}`) as JsonValue;
      }
      return out;
    }
    if (!isPlainObject(v)) {
      problem = { code: 'NotPlainData', message: `a ${v.constructor?.name ?? 'non-plain'} object is not JSON data`, path };
      return undefined;
    }
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(v)) {
      const childPath = `${path}/${escapePointer(key)}`;
      if (onForbidden !== 'keep' && FORBIDDEN_KEYS.includes(key)) {
        if (onForbidden === 'strip') continue;
        problem = { code: 'ForbiddenKey', message: `the key "${key}" is not accepted`, path: childPath };
        return undefined;
      }
      const child = (v as Record<string, unknown>)[key];
      if (child === undefined) continue;
      const c = copy(child, depth + 1, childPath);
      if (problem) return undefined;
      // defineProperty, not assignment: no key can reach a prototype, whatever it is called
      Object.defineProperty(out, key, { value: c, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };

  const value2 = copy(value, 0, '');
  if (problem) return { ok: false, error: problem };
  if (value2 === undefined) return fail('NotPlainData', 'undefined is not JSON data', '');
  return { ok: true, value: value2 };
}

/** Parses JSON text from outside: size limit, depth limit, prototype-safe keys, errors as values. */
export function readSafeJson(text: string, options: SafeJsonOptions = {}): SafeJsonResult {
  if (typeof text !== 'string') return fail('NotPlainData', 'expected JSON text');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (text.length > maxBytes || utf8BytesUpTo(text, maxBytes) > maxBytes) {
    return fail('TooLarge', `larger than ${maxBytes} bytes`);
  }
  if (nestingDepth(text, maxDepth) > maxDepth) return fail('TooDeep', `nested deeper than ${maxDepth} levels`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return fail('SyntaxError', e instanceof Error ? e.message : 'not valid JSON');
  }
  return toSafeJson(parsed, options);
}
