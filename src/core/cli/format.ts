/**
 * An API call → the `aws ecs ...` command line that makes it: options in the request's order,
 * values quoted for a POSIX shell, structures in shorthand when every value reads back unchanged
 * (otherwise JSON in single quotes). parse(toCliCommand(op, req)) gives back req.
 */
import { wireName } from '../api/wire/operationNames';
import { ECS_INPUT_MODEL } from './model/ecsInputModel';
import { isScalar, type ShapeRef } from './model/types';
import { kebabName } from './names';
import { operationSpec, type OptionSpec } from './options';
import { cliTimestamp } from './output';

/** Quotes a word for a POSIX shell; plain words stay as they are. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_\-.,/:=@+%]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** JSON for the command line: Dates as ISO text, undefined members dropped. */
function toJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    return raw instanceof Date ? cliTimestamp(raw) : v;
  });
}

/** A shorthand scalar that reads back as itself: no syntax characters, no surrounding space. */
const PLAIN = /^[A-Za-z0-9_\-.:/@+%*!#$&()^|~?<>;]+$/;

/** The value as shorthand, or undefined when shorthand would not read back exactly. */
function shorthandOf(value: unknown, ref: ShapeRef): string | undefined {
  if (isScalar(ref)) {
    if (ref === 'document' || ref === 'timestamp' || ref === 'blob') return undefined;
    if (ref === 'string') return typeof value === 'string' && PLAIN.test(value) ? value : undefined;
    if (ref === 'boolean') return typeof value === 'boolean' ? String(value) : undefined;
    return typeof value === 'number' && Number.isFinite(value) && !/e/i.test(String(value)) ? String(value) : undefined;
  }
  const def = ECS_INPUT_MODEL.shapes[ref];
  if ('list' in def) {
    if (!Array.isArray(value) || value.length === 0) return undefined;
    const items = value.map((v) => shorthandOf(v, def.list));
    if (items.some((i) => i === undefined)) return undefined;
    if (!isScalar(def.list)) {
      const members = def.list;
      return `[${items.map((i) => (isStructure(members) ? `{${i}}` : i)).join(',')}]`;
    }
    return `[${items.join(',')}]`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return undefined;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return undefined;
  const parts: string[] = [];
  for (const [k, v] of entries) {
    if (!/^[A-Za-z0-9\-_.#/:]+$/.test(k)) return undefined;
    const memberRef = 'map' in def ? def.map : def.members.find(([n]) => n === k)?.[1];
    if (memberRef === undefined) return undefined;
    const inner = shorthandOf(v, memberRef);
    if (inner === undefined) return undefined;
    parts.push(`${k}=${isStructure(memberRef) ? `{${inner}}` : inner}`);
  }
  return parts.join(',');
}

function isStructure(ref: ShapeRef): boolean {
  if (isScalar(ref)) return false;
  const def = ECS_INPUT_MODEL.shapes[ref];
  return !('list' in def);
}

/** `--flag value` words for one option (already quoted). */
function optionWords(option: OptionSpec, value: unknown): string[] {
  const flag = `--${option.flag}`;
  switch (option.kind) {
    case 'flag':
      return [value ? flag : `--${option.negative}`];
    case 'scalar': {
      const text =
        value instanceof Date ? cliTimestamp(value) : option.ref === 'document' ? toJson(value) : String(value);
      // argparse would take a leading "-" for another option; --flag=value keeps it a value.
      if (text.startsWith('-') && !/^-\d+(\.\d+)?$/.test(text)) return [shellQuote(`${flag}=${text}`)];
      return [flag, shellQuote(text)];
    }
    case 'list': {
      const items = value as unknown[];
      const texts = items.map((v) => (v instanceof Date ? cliTimestamp(v) : String(v)));
      const plain =
        items.length > 0 &&
        texts.every((t) => !(t.startsWith('-') && !/^-\d+(\.\d+)?$/.test(t))) &&
        !texts[0].trim().startsWith('[') &&
        !(items.length === 1 && texts[0].trim() === '') &&
        items.every((v) => typeof v !== 'number' || /^-?\d+$/.test(String(v)));
      return plain ? [flag, ...texts.map(shellQuote)] : [flag, shellQuote(toJson(items))];
    }
    case 'complexList': {
      const items = value as unknown[];
      const itemRef = (ECS_INPUT_MODEL.shapes[option.ref] as { list: ShapeRef }).list;
      const each = items.map((v) => shorthandOf(v, itemRef));
      if (items.length > 0 && each.every((e) => e !== undefined && !e.startsWith('[') && !e.startsWith('{'))) {
        return [flag, ...each.map((e) => shellQuote(e!))];
      }
      return [flag, shellQuote(toJson(items))];
    }
    case 'complex': {
      const short = shorthandOf(value, option.ref);
      return [flag, shellQuote(short ?? toJson(value))];
    }
  }
}

/**
 * The command line for an API call: `toCliCommand('runTask', { cluster: 'demo', taskDefinition: 'web:1' })`
 * → `aws ecs run-task --cluster demo --task-definition web:1`. Members the model does not know are
 * left out (they could not be typed on the command line either).
 */
export function toCliCommand(operation: string, request: Record<string, unknown> = {}): string {
  const spec = operationSpec(kebabName(wireName(operation)));
  if (!spec) return `aws ecs ${kebabName(wireName(operation))}`;
  const words = ['aws', 'ecs', spec.command];
  for (const [member, value] of Object.entries(request)) {
    if (value === undefined) continue;
    const option = spec.options.find((o) => o.member === member);
    if (!option) continue;
    words.push(...optionWords(option, value));
  }
  return words.join(' ');
}
