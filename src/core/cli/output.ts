/**
 * Responses printed the way the AWS CLI v2 prints them: `--output json` is Python's json.dump with an
 * indent of 4 (timestamps as ISO 8601 with the UTC offset, e.g. 2026-01-05T09:00:15.026000+00:00;
 * an empty response prints nothing); `--output text` is the CLI's tab-separated form. Given the
 * operation's response shape, members come out in the API model's order and members the model does
 * not have are left out, as the CLI's response parser does; Double members print with a decimal point.
 */
import { ECS_INPUT_MODEL } from './model/ecsInputModel';
import { isScalar, type ShapeRef } from './model/types';

/** A timestamp as the CLI prints it (Python's datetime.isoformat() of a UTC time). */
export function cliTimestamp(date: Date): string {
  const iso = date.toISOString(); // 2026-01-05T09:00:15.026Z
  const ms = date.getUTCMilliseconds();
  return `${iso.slice(0, 19)}${ms === 0 ? '' : `.${String(ms).padStart(3, '0')}000`}+00:00`;
}

function setOwn(out: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * Plain JSON data as the CLI has it after parsing the response: Dates → ISO text, undefined dropped;
 * with a shape (a name in the ECS model), members in model order and unmodelled members dropped.
 */
export function toCliData(value: unknown, ref?: ShapeRef): unknown {
  if (value instanceof Date) return cliTimestamp(value);
  const def = ref === undefined || isScalar(ref) ? undefined : ECS_INPUT_MODEL.shapes[ref];
  if (Array.isArray(value)) {
    const item = def && 'list' in def ? def.list : undefined;
    return value.map((v) => (v === undefined ? null : toCliData(v, item)));
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    if (def && 'members' in def) {
      for (const [k, r] of def.members) if (Object.hasOwn(obj, k) && obj[k] !== undefined) setOwn(out, k, toCliData(obj[k], r));
    } else {
      const item = def && 'map' in def ? def.map : undefined;
      for (const [k, v] of Object.entries(obj)) if (v !== undefined) setOwn(out, k, toCliData(v, item));
    }
    return out;
  }
  if (typeof value === 'number' && ref === 'double') return new PythonFloat(value);
  return value;
}

/** A number Python holds as a float: printed with a decimal point even when whole. */
class PythonFloat {
  constructor(readonly value: number) {}
  toString(): string {
    return Number.isInteger(this.value) ? `${this.value}.0` : String(this.value);
  }
}

function jsonScalar(value: unknown): string {
  if (value instanceof PythonFloat) return value.toString();
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

function dumpJson(value: unknown, indent: string): string {
  const inner = indent + '    ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + dumpJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof PythonFloat)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${dumpJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return jsonScalar(value);
}

/** `--output json`: the response, or nothing when it is empty. `shape`: the response structure's name. */
export function formatJson(response: unknown, shape?: string): string {
  const data = toCliData(response, shape);
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0) return '';
  return dumpJson(data, '') + '\n';
}

/** A scalar as Python's str() prints it. */
function pyStr(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return String(value);
}

const isContainer = (v: unknown) => v !== null && typeof v === 'object' && !(v instanceof PythonFloat);

/** `--output text`: the CLI's tab-separated rows (identifiers upper-cased, scalars before nested data). */
export function formatText(response: unknown, shape?: string): string {
  const lines: string[] = [];
  const visit = (item: unknown, identifier: string | undefined, scalarKeys: string[] | undefined) => {
    if (Array.isArray(item)) {
      if (item.length === 0) return;
      if (item.some((e) => isContainer(e) && !Array.isArray(e))) {
        const keys = new Set<string>();
        for (const e of item) {
          if (isContainer(e) && !Array.isArray(e)) for (const [k, v] of Object.entries(e as object)) if (!isContainer(v)) keys.add(k);
        }
        const all = [...keys].sort();
        for (const e of item) visit(e, identifier, all);
      } else if (item.some((e) => Array.isArray(e))) {
        const scalars = item.filter((e) => !isContainer(e));
        if (scalars.length) scalarList(scalars, identifier);
        for (const e of item.filter(isContainer)) visit(e, identifier, undefined);
      } else {
        scalarList(item, identifier);
      }
    } else if (isContainer(item)) {
      const obj = item as Record<string, unknown>;
      const scalars: string[] = [];
      const nested: [string, unknown][] = [];
      if (scalarKeys === undefined) {
        for (const k of Object.keys(obj).sort()) {
          if (isContainer(obj[k])) nested.push([k, obj[k]]);
          else scalars.push(pyStr(obj[k]));
        }
      } else {
        for (const k of scalarKeys) scalars.push(Object.hasOwn(obj, k) ? pyStr(obj[k]) : '');
        for (const k of Object.keys(obj).filter((k) => !scalarKeys.includes(k)).sort()) nested.push([k, obj[k]]);
      }
      if (scalars.length) lines.push((identifier !== undefined ? [identifier.toUpperCase(), ...scalars] : scalars).join('\t'));
      for (const [k, v] of nested) visit(v, k, undefined);
    } else {
      lines.push(pyStr(item));
    }
  };
  const scalarList = (items: unknown[], identifier: string | undefined) => {
    if (identifier !== undefined) for (const e of items) lines.push(`${identifier.toUpperCase()}\t${pyStr(e)}`);
    else lines.push(items.map(pyStr).join('\t'));
  };
  const data = toCliData(response, shape);
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && Object.keys(data).length === 0) return '';
  visit(data, undefined, undefined);
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The name of an operation's response structure (`runTask` or `RunTask`), if the model has it. */
export function responseShape(operation: string): string | undefined {
  const wire = operation.charAt(0).toUpperCase() + operation.slice(1);
  return Object.hasOwn(ECS_INPUT_MODEL.outputs, wire) ? ECS_INPUT_MODEL.outputs[wire] : undefined;
}
