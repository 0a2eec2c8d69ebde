/**
 * Client-side parameter validation, as the AWS CLI runs it before sending a request: required members,
 * unknown members and JSON types, reported together under "Parameter validation failed:" with the
 * texts the CLI prints (Python type names included, since that is what learners see there).
 */
import { isScalar, type InputModel, type ShapeRef } from './model/types';

/** A value as Python would print it with str(): what the CLI shows in "value: ..." */
export function pythonStr(value: unknown): string {
  return typeof value === 'string' ? value : pythonRepr(value);
}

function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') {
    const q = value.includes("'") && !value.includes('"') ? '"' : "'";
    const body = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
    return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (value instanceof Date) return `datetime.datetime(${value.toISOString()})`;
  if (typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

function pythonType(value: unknown): string {
  if (value === null || value === undefined) return "<class 'NoneType'>";
  if (typeof value === 'string') return "<class 'str'>";
  if (typeof value === 'boolean') return "<class 'bool'>";
  if (typeof value === 'number') return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
  if (Array.isArray(value)) return "<class 'list'>";
  if (value instanceof Date) return "<class 'datetime.datetime'>";
  return "<class 'dict'>";
}

const VALID_TYPES: Record<string, string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  double: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  boolean: "<class 'bool'>",
  timestamp: "<class 'datetime.datetime'>, timestamp-string",
  blob: "<class 'bytes'>, <class 'bytearray'>, file-like object",
  list: "<class 'list'>, <class 'tuple'>",
  structure: "<class 'dict'>",
  map: "<class 'dict'>",
};

function fits(value: unknown, kind: string): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'double':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'timestamp':
      return value instanceof Date || typeof value === 'string' || typeof value === 'number';
    case 'blob':
      return typeof value === 'string';
    case 'document':
      return true;
    case 'list':
      return Array.isArray(value);
    default:
      return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
  }
}

/** Every problem with `request` against the operation's input shape; empty when it is valid. */
export function validateRequest(model: InputModel, inputShape: string, request: unknown): string[] {
  const problems: string[] = [];
  const visit = (ref: ShapeRef, value: unknown, path: string) => {
    const def = isScalar(ref) ? undefined : model.shapes[ref];
    const kind = isScalar(ref) ? ref : 'list' in def! ? 'list' : 'map' in def! ? 'map' : 'structure';
    if (!fits(value, kind)) {
      problems.push(
        `Invalid type for parameter ${path}, value: ${pythonStr(value)}, type: ${pythonType(value)}, valid types: ${VALID_TYPES[kind]}`,
      );
      return;
    }
    if (!def) return;
    if ('list' in def) {
      (value as unknown[]).forEach((v, i) => visit(def.list, v, `${path}[${i}]`));
    } else if ('map' in def) {
      for (const [k, v] of Object.entries(value as object)) visit(def.map, v, `${path}.${k}`);
    } else {
      const obj = value as Record<string, unknown>;
      const where = path === '' ? 'input' : path;
      for (const name of def.required) {
        if (!Object.hasOwn(obj, name)) problems.push(`Missing required parameter in ${where}: "${name}"`);
      }
      const names = def.members.map(([n]) => n);
      for (const [k, v] of Object.entries(obj)) {
        const member = def.members.find(([n]) => n === k);
        if (!member) {
          problems.push(`Unknown parameter in ${where}: "${k}", must be one of: ${names.join(', ')}`);
          continue;
        }
        visit(member[1], v, path === '' ? k : `${path}.${k}`);
      }
    }
  };
  visit(inputShape, request, '');
  return problems;
}
