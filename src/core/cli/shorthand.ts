/**
 * The AWS CLI's shorthand syntax for structures, maps and lists of structures:
 *
 *   key=value,key2=value2           a structure (or a map)
 *   key=a,b,c                       a value that continues with commas is a list
 *   key=[a,b],key2={k=v,k2=[x]}     explicit lists and nested structures
 *   key='quoted, value',k2="v"      quoted values keep commas, brackets and spaces
 *
 * Syntax only: every leaf comes back as a string. `applyModel` then converts leaves to the types the
 * API model gives them (numbers, booleans, a single value where a list is expected → a one-element list).
 * Error texts follow the CLI's: "Expected: '=', received: ',' for input:" with a caret under the spot.
 */
import { isScalar, type InputModel, type ShapeRef } from './model/types';
import { setOwn } from './own';

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

export class ShorthandError extends Error {
  override name = 'ShorthandError';
}

const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/;

/** The input with a caret under `index`, as the CLI shows a shorthand syntax error. */
function located(input: string, index: number): string {
  const before = input.slice(0, index);
  const lastNewline = before.lastIndexOf('\n');
  const spaces = index - (lastNewline + 1);
  const nextNewline = input.indexOf('\n', index);
  const consumed = nextNewline < 0 ? input : input.slice(0, nextNewline);
  const remaining = nextNewline < 0 ? '' : input.slice(nextNewline);
  return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
}

export function parseShorthand(input: string): Record<string, ShorthandValue> {
  let i = 0;

  const current = () => (i < input.length ? input[i] : 'EOF');
  const syntax = (expected: string): never => {
    throw new ShorthandError(`Expected: '${expected}', received: '${current()}' for input:\n${located(input, i)}`);
  };
  const skipSpace = () => {
    while (i < input.length && /\s/.test(input[i])) i++;
  };
  const expect = (c: string, space = false) => {
    if (space) skipSpace();
    if (input[i] !== c) syntax(c);
    i++;
    if (space) skipSpace();
  };

  const key = (): string => {
    skipSpace();
    const start = i;
    while (i < input.length && KEY_CHARS.test(input[i])) i++;
    const k = input.slice(start, i).trim();
    skipSpace();
    return k;
  };

  /** The next thing is `key=`: used to tell a list continuation from the next key. */
  const atKeyval = (): boolean => {
    const save = i;
    const k = key();
    const ok = k !== '' && input[i] === '=';
    i = save;
    return ok;
  };

  const quoted = (): string => {
    const q = input[i];
    let out = '';
    const start = i;
    i++;
    while (i < input.length && input[i] !== q) {
      if (input[i] === '\\' && (input[i + 1] === q || input[i + 1] === '\\')) {
        out += input[i + 1];
        i += 2;
      } else {
        out += input[i++];
      }
    }
    if (i >= input.length) {
      i = start;
      syntax(q === "'" ? '<singled quoted>' : '<double quoted>');
    }
    i++;
    return out;
  };

  /** An unquoted value; `stops` end it (besides the end of input). */
  const bare = (stops: string): string => {
    let out = '';
    while (i < input.length && !stops.includes(input[i])) {
      if (input[i] === '\\' && input[i + 1] === ',') {
        out += ',';
        i += 2;
      } else {
        out += input[i++];
      }
    }
    return out.trim();
  };

  const scalar = (stops: string, name: string): string => {
    skipSpace();
    if (input[i] === "'" || input[i] === '"') {
      const v = quoted();
      skipSpace();
      return v;
    }
    if (i >= input.length || stops.includes(input[i]) || input[i] === '=') syntax(name);
    return bare(stops);
  };

  const explicitList = (): ShorthandValue[] => {
    expect('[', true);
    const out: ShorthandValue[] = [];
    if (input[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      skipSpace();
      if (input[i] === '[') out.push(explicitList());
      else if (input[i] === '{') out.push(hash());
      else out.push(scalar(',]', '<explicit list value>'));
      skipSpace();
      if (input[i] === ']') {
        i++;
        return out;
      }
      expect(',');
    }
  };

  const hash = (): Record<string, ShorthandValue> => {
    expect('{', true);
    const out = keyvals('}');
    expect('}', true);
    return out;
  };

  /** The value after `key=`: a list, a hash, or one or more comma-separated values. */
  const values = (end: string): ShorthandValue => {
    skipSpace();
    if (input[i] === '[') return explicitList();
    if (input[i] === '{') return hash();
    const stops = ',' + end;
    const first = i >= input.length || stops.includes(input[i]) ? '' : scalar(stops, '<first value>');
    const list: string[] = [first];
    while (input[i] === ',') {
      const save = i;
      i++;
      if (atKeyval()) {
        i = save;
        break;
      }
      skipSpace();
      list.push(scalar(stops, '<second value>'));
    }
    return list.length === 1 ? first : list;
  };

  const keyvals = (end: string): Record<string, ShorthandValue> => {
    const out: Record<string, ShorthandValue> = {};
    if (end && (skipSpace(), input[i] === end)) return out;
    for (;;) {
      const start = i;
      const k = key();
      if (k === '') syntax('=');
      expect('=');
      if (Object.hasOwn(out, k)) {
        throw new ShorthandError(
          `Second instance of key "${k}" encountered for input:\n${located(input, start)}\nThis is often because there is a preceding "," instead of a space.`,
        );
      }
      setOwn(out, k, values(end));
      skipSpace();
      if (input[i] === ',') {
        i++;
        continue;
      }
      return out;
    }
  };

  const result = keyvals('');
  skipSpace();
  if (i < input.length) syntax(',');
  return result;
}

/**
 * Converts the strings of a parsed shorthand value to the model's types, as the CLI does: integers
 * and doubles become numbers, "true"/"false" booleans; a single value where the model wants a list
 * becomes a one-element list. Anything that does not convert stays a string (validation reports it).
 */
export function applyModel(value: ShorthandValue, ref: ShapeRef, model: InputModel): unknown {
  if (isScalar(ref)) {
    if (ref === 'document') {
      throw new ShorthandError('Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter');
    }
    if (typeof value !== 'string') return value;
    if (ref === 'integer') return /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : value;
    if (ref === 'double') return /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(value) ? Number(value) : value;
    if (ref === 'boolean') return value.toLowerCase() === 'true' ? true : value.toLowerCase() === 'false' ? false : value;
    return value;
  }
  const def = model.shapes[ref];
  if ('list' in def) {
    const items = Array.isArray(value) ? value : [value];
    return items.map((v) => applyModel(v, def.list, model));
  }
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  if ('map' in def) {
    for (const [k, v] of Object.entries(value)) setOwn(out, k, applyModel(v, def.map, model));
    return out;
  }
  for (const [k, v] of Object.entries(value)) {
    const member = def.members.find(([name]) => name === k);
    if (member && member[1] === 'document') {
      throw new ShorthandError(
        `Shorthand syntax does not support document types. Use JSON input for top-level argument to specify nested parameter: ${k}`,
      );
    }
    setOwn(out, k, member ? applyModel(v, member[1], model) : v);
  }
  return out;
}
