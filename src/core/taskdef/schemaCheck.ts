/**
 * The generic half of validation: walks a value against the field catalogue (fields.ts) and reports
 * wrong types, unknown members, missing required members, enums, ranges, lengths and patterns. It
 * returns a cleaned copy holding only members that passed (nulls dropped, cpu/memory canonical), so
 * the ECS rules that follow can trust the types.
 */
import type { FieldSpec, ObjectSpec } from './fieldSpec';
import type { IssueCode, ObjectIssue } from './issues';
import { ContainerMessages, TaskMessages, TypeMessages, WarningMessages } from './messages';
import { paramName, toPointer, type Segment } from './pointer';
import { parseTaskCpu, parseTaskMemory } from './units';

export interface CheckContext {
  errors: ObjectIssue[];
  warnings: ObjectIssue[];
  /** JSON pointers of members that had an error, so later rules don't pile on */
  bad: Set<string>;
}

export function newContext(): CheckContext {
  return { errors: [], warnings: [], bad: new Set() };
}

export function addError(ctx: CheckContext, segs: readonly Segment[], message: string, code: IssueCode = 'ClientException', at?: 'key'): void {
  const path = toPointer(segs);
  ctx.bad.add(path);
  ctx.errors.push(at ? { path, message, code, at } : { path, message, code });
}

export function addWarning(ctx: CheckContext, segs: readonly Segment[], message: string, at?: 'key'): void {
  const path = toPointer(segs);
  ctx.warnings.push(at ? { path, message, at } : { path, message });
}

const PY_TYPES: Record<string, string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  boolean: "<class 'bool'>",
  array: "<class 'list'>, <class 'tuple'>",
  object: "<class 'dict'>",
  cpuOrMemory: "<class 'str'>",
};

function pyTypeOf(v: unknown): string {
  if (v === null) return "<class 'NoneType'>";
  if (Array.isArray(v)) return "<class 'list'>";
  if (typeof v === 'string') return "<class 'str'>";
  if (typeof v === 'boolean') return "<class 'bool'>";
  if (typeof v === 'number') return Number.isInteger(v) ? "<class 'int'>" : "<class 'float'>";
  return "<class 'dict'>";
}

function shown(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (Array.isArray(v)) s = '[...]';
  else if (v !== null && typeof v === 'object') s = '{...}';
  else s = String(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

/** Dotted property names without indices, used to pick field-specific messages. */
function specKey(segs: readonly Segment[]): string {
  return segs.filter((s) => typeof s === 'string').join('.');
}

function wrongType(ctx: CheckContext, segs: readonly Segment[], v: unknown, kind: string): undefined {
  addError(ctx, segs, TypeMessages.wrongType(paramName(segs), shown(v), pyTypeOf(v), PY_TYPES[kind]), 'InvalidParameterException');
  return undefined;
}

const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern)));
  return re;
}

function checkString(v: unknown, spec: Extract<FieldSpec, { kind: 'string' }>, segs: readonly Segment[], ctx: CheckContext): string | undefined {
  if (typeof v !== 'string') return wrongType(ctx, segs, v, 'string');
  if (spec.enum === undefined && spec.minLength === undefined && spec.maxLength === undefined && spec.pattern === undefined) return v;
  const key = specKey(segs);
  const param = paramName(segs);
  if (spec.enum && !spec.enum.includes(v)) {
    addError(ctx, segs, TypeMessages.enumValue(param, v, spec.enum), 'InvalidParameterException');
    return undefined;
  }
  if (spec.minLength !== undefined && v.length < spec.minLength) {
    const msg =
      key === 'containerDefinitions.name'
        ? ContainerMessages.nameEmpty
        : key === 'containerDefinitions.image'
          ? ContainerMessages.imageEmpty
          : key === 'family'
            ? TaskMessages.familyInvalid
            : TypeMessages.tooShort(param, spec.minLength);
    addError(ctx, segs, msg);
    return undefined;
  }
  if (spec.maxLength !== undefined && v.length > spec.maxLength) {
    const msg =
      key === 'containerDefinitions.name'
        ? ContainerMessages.nameInvalid
        : key === 'family'
          ? TaskMessages.familyInvalid
          : TypeMessages.tooLong(param, spec.maxLength);
    addError(ctx, segs, msg);
    return undefined;
  }
  if (spec.pattern && !compiled(spec.pattern).test(v)) {
    const msg =
      key === 'containerDefinitions.name'
        ? v === ''
          ? ContainerMessages.nameEmpty
          : ContainerMessages.nameInvalid
        : key === 'family'
          ? TaskMessages.familyInvalid
          : TypeMessages.pattern(param);
    addError(ctx, segs, msg);
    return undefined;
  }
  return v;
}

function checkInteger(v: unknown, spec: Extract<FieldSpec, { kind: 'integer' }>, segs: readonly Segment[], ctx: CheckContext): number | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v)) return wrongType(ctx, segs, v, 'integer');
  const { minimum: min, maximum: max } = spec;
  if ((min !== undefined && v < min) || (max !== undefined && v > max)) {
    addError(ctx, segs, TypeMessages.range(paramName(segs), v, min, max));
    return undefined;
  }
  return v;
}

function checkCpuOrMemory(v: unknown, segs: readonly Segment[], ctx: CheckContext): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return wrongType(ctx, segs, v, 'cpuOrMemory');
  const isCpu = segs[segs.length - 1] === 'cpu';
  const r = isCpu ? parseTaskCpu(v) : parseTaskMemory(v);
  if (!r.ok) {
    addError(ctx, segs, isCpu ? TaskMessages.cpuUnparseable(String(v)) : TaskMessages.memoryUnparseable(String(v)));
    return undefined;
  }
  return r.value;
}

function checkArray(v: unknown, spec: Extract<FieldSpec, { kind: 'array' }>, segs: readonly Segment[], ctx: CheckContext): unknown[] | undefined {
  if (!Array.isArray(v)) return wrongType(ctx, segs, v, 'array');
  if (spec.maxItems !== undefined && v.length > spec.maxItems) {
    addError(ctx, segs, specKey(segs) === 'containerDefinitions' ? TaskMessages.tooManyContainers : TypeMessages.tooMany(paramName(segs), spec.maxItems));
    return undefined;
  }
  if (spec.minItems !== undefined && v.length < spec.minItems) {
    addError(ctx, segs, specKey(segs) === 'containerDefinitions' ? TaskMessages.noContainers : TypeMessages.tooFew(paramName(segs), spec.minItems));
    return undefined;
  }
  const out: unknown[] = [];
  const path = segs as Segment[];
  for (let i = 0; i < v.length; i++) {
    path.push(i);
    // keep indices aligned with the source so later rules report the right paths
    out.push(checkValue(v[i], spec.items, path, ctx));
    path.pop();
  }
  return out;
}

function checkObject(v: unknown, spec: ObjectSpec, segs: readonly Segment[], ctx: CheckContext): Record<string, unknown> | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return wrongType(ctx, segs, v, 'object');
  const out: Record<string, unknown> = {};
  const extra = spec.additionalProperties;
  const path = segs as Segment[];
  const record = v as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const raw = record[key];
    const member = Object.prototype.hasOwnProperty.call(spec.properties, key) ? spec.properties[key] : typeof extra === 'object' ? extra : undefined;
    path.push(key);
    if (!member) {
      addError(ctx, path, TypeMessages.unknown(paramName(segs.slice(0, -1)), key, Object.keys(spec.properties)), 'InvalidParameterException', 'key');
    } else if (raw === null) {
      addWarning(ctx, path, WarningMessages.nullValue);
    } else {
      const checked = checkValue(raw, member, path, ctx);
      if (checked !== undefined) setMember(out, key, checked);
    }
    path.pop();
  }
  for (const req of spec.required ?? []) {
    const present = Object.prototype.hasOwnProperty.call(v, req) && (v as Record<string, unknown>)[req] !== null;
    if (!present) addError(ctx, segs, TypeMessages.missing(paramName(segs), req), 'InvalidParameterException');
  }
  return out;
}

function setMember(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * Checks `value` against `spec`; returns the cleaned value, or undefined when it is unusable.
 * `segs` is the path to `value`; it is used as a stack (pushed and popped) and left as it was.
 */
export function checkValue(value: unknown, spec: FieldSpec, segs: readonly Segment[], ctx: CheckContext): unknown {
  switch (spec.kind) {
    case 'string':
      return checkString(value, spec, segs, ctx);
    case 'integer':
      return checkInteger(value, spec, segs, ctx);
    case 'boolean':
      return typeof value === 'boolean' ? value : wrongType(ctx, segs, value, 'boolean');
    case 'cpuOrMemory':
      return checkCpuOrMemory(value, segs, ctx);
    case 'array':
      return checkArray(value, spec, segs, ctx);
    case 'object':
      return checkObject(value, spec, segs, ctx);
  }
}
