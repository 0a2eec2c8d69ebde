/**
 * `aws ecs <command> --options` (as words, see tokenize.ts) → the API call it makes, or the error the
 * AWS CLI v2 prints for it. Generic over the facade table: option names, kinds and required members
 * come from the ECS API model (model/ecsInputModel.json).
 */
import { wireName as toWire } from '../api/wire/operationNames';
import { ECS_INPUT_MODEL } from './model/ecsInputModel';
import { isScalar, type ShapeRef } from './model/types';
import { parseJsonText } from './jsonText';
import { setOwn } from './own';
import { operationSpec, operationSpecs, unsimulatedCommands, PAGINATED, type OperationSpec, type OptionSpec } from './options';
import { applyModel, parseShorthand, ShorthandError } from './shorthand';
import { validateRequest } from './validate';
import { WAITERS } from './waiters';
import { ecsHelp, operationHelp, topHelp } from './help';
import { CliText } from './texts';

export type OutputFormat = 'json' | 'text' | 'table';

export interface CallCommand {
  kind: 'call';
  /** the facade's name: `runTask` */
  operation: string;
  request: Record<string, unknown>;
  output: OutputFormat;
  /** the CLI pages through list results itself unless --no-paginate or a page member was given */
  paginate: boolean;
  /** remarks about accepted options the playground does not act on (shown, not failed) */
  notes: string[];
}

export interface WaitCommand {
  kind: 'wait';
  /** `ServicesStable` */
  waiter: string;
  operation: string;
  request: Record<string, unknown>;
  notes: string[];
}

/** Text the command prints without calling anything (help, skeletons) */
export interface PrintCommand {
  kind: 'print';
  text: string;
}

export interface ParseFailure {
  kind: 'error';
  message: string;
  exitCode: number;
}

export type ParsedCommand = CallCommand | WaitCommand | PrintCommand | ParseFailure;

/** Options the CLI takes anywhere on the line; `true` when followed by a value. */
const GLOBAL_OPTIONS: Record<string, boolean> = {
  output: true,
  query: true,
  region: true,
  profile: true,
  'endpoint-url': true,
  'cli-binary-format': true,
  'ca-bundle': true,
  'cli-read-timeout': true,
  'cli-connect-timeout': true,
  color: true,
  'no-cli-pager': false,
  'no-paginate': false,
  debug: false,
  'no-verify-ssl': false,
  'no-sign-request': false,
  'cli-auto-prompt': false,
  'no-cli-auto-prompt': false,
};

const OUTPUTS = ['json', 'text', 'table', 'yaml', 'yaml-stream'];

const usageError = (message: string): ParseFailure => ({ kind: 'error', message: `${CliText.usage}\n${message}`, exitCode: 252 });
const paramError = (flag: string, message: string): ParseFailure => ({
  kind: 'error',
  message: `Error parsing parameter '${flag}': ${message}`,
  exitCode: 252,
});

/** argparse takes a word starting with "-" as an option unless it reads as a negative number. */
function looksLikeOption(word: string): boolean {
  return word.startsWith('-') && !/^-\d+(\.\d+)?$/.test(word) && word !== '-';
}

function invalidChoice(argument: string, choices: string[]): ParseFailure {
  const rows: string[] = [];
  for (let i = 0; i < choices.length; i += 2) {
    const left = choices[i].padEnd(40);
    rows.push(i + 1 < choices.length ? `${left} | ${choices[i + 1].padEnd(40)}` : left);
  }
  return usageError(`aws: error: argument ${argument}: Invalid choice, valid choices are:\n\n${rows.join('\n')}\n`);
}

/** Parses the words of one command line (the first word is `aws`). */
export function parseCommand(words: readonly string[]): ParsedCommand {
  const notes: string[] = [];
  let output: OutputFormat = 'json';
  let paginate = true;
  const rest: string[] = [];

  // Global options may appear anywhere after `aws`.
  for (let i = 1; i < words.length; i++) {
    const word = words[i];
    const eq = word.indexOf('=');
    const name = word.startsWith('--') ? (eq > 0 ? word.slice(2, eq) : word.slice(2)) : '';
    if (!name || !(name in GLOBAL_OPTIONS) || !Object.hasOwn(GLOBAL_OPTIONS, name)) {
      rest.push(word);
      continue;
    }
    let value: string | undefined;
    if (GLOBAL_OPTIONS[name]) {
      if (eq > 0) value = word.slice(eq + 1);
      else if (i + 1 < words.length && !looksLikeOption(words[i + 1])) value = words[++i];
      else return usageError(`aws: error: argument --${name}: expected one argument`);
    }
    switch (name) {
      case 'output':
        if (!OUTPUTS.includes(value!)) {
          return usageError(`aws: error: argument --output: Invalid choice, valid choices are:\n\n${OUTPUTS.join(' | ')}\n`);
        }
        if (value === 'json' || value === 'text' || value === 'table') output = value;
        else notes.push(CliText.outputNotSupported(value!));
        break;
      case 'query':
        notes.push(CliText.queryNotSupported);
        break;
      case 'region':
        notes.push(CliText.regionIgnored(value!));
        break;
      case 'endpoint-url':
        notes.push(CliText.endpointIgnored);
        break;
      case 'profile':
        notes.push(CliText.profileIgnored);
        break;
      case 'no-paginate':
        paginate = false;
        break;
      default:
        break;
    }
  }

  const [service, command, ...args] = rest;
  if (service === undefined) return usageError('aws: error: the following arguments are required: command');
  if (service === 'help') return { kind: 'print', text: topHelp() };
  if (looksLikeOption(service)) return usageError(`Unknown options: ${service}`);
  if (service !== 'ecs') return { kind: 'error', message: CliText.onlyEcs(service), exitCode: 252 };
  if (command === undefined) return usageError('aws: error: the following arguments are required: operation');
  if (command === 'help') return { kind: 'print', text: ecsHelp() };
  if (command === 'wait') return parseWait(args, notes);

  const spec = operationSpec(command);
  if (!spec) {
    if (unsimulatedCommands().includes(command)) return { kind: 'error', message: CliText.notSimulated(command), exitCode: 252 };
    return invalidChoice('operation', [...operationSpecs().map((s) => s.command), ...unsimulatedCommands(), 'help', 'wait'].sort());
  }
  if (args[0] === 'help') return { kind: 'print', text: operationHelp(spec) };

  const parsed = parseOptions(spec, args, PAGINATED[spec.wire] !== undefined);
  if (parsed.kind === 'error') return parsed;
  if (parsed.kind === 'print') return parsed;
  if ('nextToken' in parsed.request || 'maxResults' in parsed.request) paginate = false;
  return {
    kind: 'call',
    operation: spec.wire.charAt(0).toLowerCase() + spec.wire.slice(1),
    request: parsed.request,
    output,
    paginate: paginate && PAGINATED[spec.wire] !== undefined,
    notes: [...notes, ...parsed.notes],
  };
}

function parseWait(args: string[], notes: string[]): ParsedCommand {
  const [name, ...rest] = args;
  const waiterNames = Object.keys(WAITERS).sort();
  if (name === undefined) return usageError('aws: error: the following arguments are required: subcommand');
  if (name === 'help') return { kind: 'print', text: CliText.waitHelp(waiterNames) };
  const waiter = WAITERS[name];
  if (!waiter || !Object.hasOwn(WAITERS, name)) return invalidChoice('subcommand', waiterNames);
  const spec = operationSpec(waiter.command)!;
  if (rest[0] === 'help') return { kind: 'print', text: operationHelp(spec, `wait ${name}`) };
  const parsed = parseOptions(spec, rest, false);
  if (parsed.kind !== 'ok') return parsed;
  return {
    kind: 'wait',
    waiter: waiter.name,
    operation: waiter.command.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
    request: parsed.request,
    notes: [...notes, ...parsed.notes],
  };
}

type OptionsResult = { kind: 'ok'; request: Record<string, unknown>; notes: string[] } | ParseFailure | PrintCommand;

function parseOptions(spec: OperationSpec, args: readonly string[], paginated: boolean): OptionsResult {
  const byFlag = new Map(spec.options.map((o) => [o.flag, o]));
  const byNegative = new Map(spec.options.filter((o) => o.kind === 'flag').map((o) => [o.negative, o]));
  const raw = new Map<OptionSpec, string[] | boolean>();
  const unknown: string[] = [];
  const notes: string[] = [];
  let inputJson: string | undefined;
  let skeleton: string | undefined;

  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (!word.startsWith('--') || word === '--') {
      unknown.push(word);
      continue;
    }
    const eq = word.indexOf('=');
    const name = eq > 0 ? word.slice(2, eq) : word.slice(2);
    const inline = eq > 0 ? word.slice(eq + 1) : undefined;
    const takeOne = (): string | ParseFailure => {
      if (inline !== undefined) return inline;
      if (i + 1 < args.length && !looksLikeOption(args[i + 1])) return args[++i];
      return usageError(`aws: error: argument --${name}: expected one argument`);
    };

    if (name === 'cli-input-json') {
      const v = takeOne();
      if (typeof v !== 'string') return v;
      inputJson = v;
      continue;
    }
    if (name === 'cli-input-yaml') return { kind: 'error', message: CliText.yamlNotSupported, exitCode: 252 };
    if (name === 'generate-cli-skeleton') {
      skeleton = inline ?? (i + 1 < args.length && !looksLikeOption(args[i + 1]) ? args[++i] : 'input');
      continue;
    }
    if (paginated && (name === 'starting-token' || name === 'page-size' || name === 'max-items')) {
      const v = takeOne();
      if (typeof v !== 'string') return v;
      return { kind: 'error', message: CliText.paginationNotSupported(name), exitCode: 252 };
    }

    const option = byFlag.get(name);
    if (option) {
      if (option.kind === 'flag') {
        if (inline !== undefined) return usageError(`aws: error: argument --${name}: ignored explicit argument '${inline}'`);
        raw.set(option, true);
      } else if (option.kind === 'list' || option.kind === 'complexList') {
        const values: string[] = [];
        if (inline !== undefined) values.push(inline);
        else while (i + 1 < args.length && !looksLikeOption(args[i + 1])) values.push(args[++i]);
        raw.set(option, values);
      } else {
        const v = takeOne();
        if (typeof v !== 'string') return v;
        raw.set(option, [v]);
      }
      continue;
    }
    const negated = byNegative.get(name);
    if (negated) {
      if (inline !== undefined) return usageError(`aws: error: argument --${name}: ignored explicit argument '${inline}'`);
      raw.set(negated, false);
      continue;
    }
    unknown.push(word);
  }

  if (skeleton !== undefined) {
    if (skeleton !== 'input') return { kind: 'error', message: CliText.skeletonNotSupported(skeleton), exitCode: 252 };
    return { kind: 'print', text: JSON.stringify(skeletonOf(spec.inputShape, []), null, 4) };
  }

  if (inputJson === undefined) {
    const missing = spec.options.filter((o) => o.required && !raw.has(o)).map((o) => `--${o.flag}`);
    if (missing.length) return usageError(`aws: error: the following arguments are required: ${missing.join(', ')}`);
  }
  if (unknown.length) {
    // argparse lists the unknown options first, then the stray values.
    const ordered = [...unknown.filter((w) => w.startsWith('-')), ...unknown.filter((w) => !w.startsWith('-'))];
    return usageError(`Unknown options: ${ordered.join(', ')}`);
  }

  const request: Record<string, unknown> = {};
  if (inputJson !== undefined) {
    if (/^(file|fileb|https?):\/\//.test(inputJson)) {
      return { kind: 'error', message: CliText.filesNotAvailable('--cli-input-json'), exitCode: 252 };
    }
    const json = parseJsonText(inputJson);
    if (!json.ok || json.value === null || typeof json.value !== 'object' || Array.isArray(json.value)) {
      return { kind: 'error', message: "Error parsing parameter 'cli-input-json': Invalid JSON received.", exitCode: 252 };
    }
    for (const [k, v] of Object.entries(json.value)) setOwn(request, k, v);
  }

  for (const [option, value] of raw) {
    const converted = convertOption(option, value);
    if (converted.kind === 'error') return converted;
    setOwn(request, option.member, converted.value);
  }

  decodeTimestamps(request, spec.inputShape);
  const problems = validateRequest(ECS_INPUT_MODEL, spec.inputShape, request);
  if (problems.length) return { kind: 'error', message: `Parameter validation failed:\n${problems.join('\n')}`, exitCode: 252 };
  return { kind: 'ok', request, notes };
}

type Converted = { kind: 'ok'; value: unknown } | ParseFailure;

function convertOption(option: OptionSpec, value: string[] | boolean): Converted {
  const flag = `--${option.flag}`;
  if (typeof value === 'boolean') return { kind: 'ok', value };
  const fileRef = value.find((v) => /^(file|fileb):\/\//.test(v));
  if (fileRef !== undefined) return { kind: 'error', message: CliText.filesNotAvailable(flag), exitCode: 252 };
  try {
    switch (option.kind) {
      case 'scalar':
        return scalarValue(option.ref, value[0], flag);
      case 'list': {
        const itemRef = (ECS_INPUT_MODEL.shapes[option.ref] as { list: ShapeRef }).list;
        if (value.length === 1 && value[0].trim().startsWith('[')) return jsonValue(value[0], flag);
        const out: unknown[] = [];
        for (const v of value) {
          const c = scalarValue(itemRef, v, flag);
          if (c.kind === 'error') return c;
          out.push(c.value);
        }
        return { kind: 'ok', value: out };
      }
      case 'complexList': {
        if (value.length === 0) return { kind: 'ok', value: [] };
        if (value[0].trim().startsWith('[') || value[0].trim().startsWith('{')) {
          if (value.length === 1 && value[0].trim().startsWith('[')) return jsonValue(value[0], flag);
          const out: unknown[] = [];
          for (const v of value) {
            const c = jsonValue(v, flag);
            if (c.kind === 'error') return c;
            out.push(c.value);
          }
          return { kind: 'ok', value: out };
        }
        const itemRef = (ECS_INPUT_MODEL.shapes[option.ref] as { list: ShapeRef }).list;
        return { kind: 'ok', value: value.map((v) => applyModel(parseShorthand(v), itemRef, ECS_INPUT_MODEL)) };
      }
      case 'complex': {
        const v = value[0];
        if (v.trim().startsWith('{') || v.trim().startsWith('[')) return jsonValue(v, flag);
        return { kind: 'ok', value: applyModel(parseShorthand(v), option.ref, ECS_INPUT_MODEL) };
      }
      default:
        return { kind: 'ok', value: true };
    }
  } catch (e) {
    if (e instanceof ShorthandError) return paramError(flag, e.message);
    throw e;
  }
}

function jsonValue(text: string, flag: string): Converted {
  const json = parseJsonText(text);
  if (!json.ok) return paramError(flag, `Invalid JSON: ${json.message}\nJSON received: ${text}`);
  return { kind: 'ok', value: json.value };
}

function scalarValue(ref: ShapeRef, text: string, flag: string): Converted {
  if (ref === 'integer') {
    if (!/^\s*[+-]?\d+\s*$/.test(text)) return { kind: 'error', message: `invalid literal for int() with base 10: '${text}'`, exitCode: 255 };
    return { kind: 'ok', value: Number(text) };
  }
  if (ref === 'double') {
    if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)) {
      return { kind: 'error', message: `could not convert string to float: '${text}'`, exitCode: 255 };
    }
    return { kind: 'ok', value: Number(text) };
  }
  if (ref === 'document') return jsonValue(text, flag);
  return { kind: 'ok', value: text };
}

/** Timestamp members given as text (ISO 8601) or epoch seconds become Dates, as the facade takes them. */
function decodeTimestamps(value: unknown, ref: ShapeRef): void {
  if (isScalar(ref) || value === null || typeof value !== 'object') return;
  const def = ECS_INPUT_MODEL.shapes[ref];
  if ('list' in def) {
    if (!Array.isArray(value)) return;
    value.forEach((v, i) => {
      if (def.list === 'timestamp') value[i] = toDate(v);
      else decodeTimestamps(v, def.list);
    });
    return;
  }
  if (Array.isArray(value)) return;
  const obj = value as Record<string, unknown>;
  const entries: [string, ShapeRef][] = 'map' in def ? Object.keys(obj).map((k) => [k, def.map]) : def.members;
  for (const [k, r] of entries) {
    if (!Object.hasOwn(obj, k)) continue;
    if (r === 'timestamp') obj[k] = toDate(obj[k]);
    else decodeTimestamps(obj[k], r);
  }
}

function toDate(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(Math.round(value * 1000));
  if (typeof value === 'string') {
    if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return new Date(Math.round(Number(value) * 1000));
    const ms = Date.parse(value);
    if (Number.isFinite(ms)) return new Date(ms);
  }
  return value;
}

/** The JSON skeleton `--generate-cli-skeleton` prints: every member with an empty value of its type. */
function skeletonOf(ref: ShapeRef, seen: string[]): unknown {
  switch (ref) {
    case 'string':
    case 'blob':
    case 'timestamp':
      return '';
    case 'integer':
    case 'double':
      return 0;
    case 'boolean':
      return true;
    case 'document':
      return {};
  }
  if (seen.includes(ref)) return {};
  const def = ECS_INPUT_MODEL.shapes[ref];
  if ('list' in def) return [skeletonOf(def.list, [...seen, ref])];
  if ('map' in def) return { KeyName: skeletonOf(def.map, [...seen, ref]) };
  const out: Record<string, unknown> = {};
  for (const [k, r] of def.members) out[k] = skeletonOf(r, [...seen, ref]);
  return out;
}

export { toWire };
