/**
 * Short help pages generated from the API model: `aws help`, `aws ecs help` and
 * `aws ecs <command> help` (synopsis, then each option with its type, required ones marked, and the
 * shorthand form of structures).
 */
import { ECS_INPUT_MODEL } from './model/ecsInputModel';
import { isScalar, type ShapeRef } from './model/types';
import { operationSpecs, unsimulatedCommands, PAGINATED, type OperationSpec, type OptionSpec } from './options';
import { WAITERS } from './waiters';

export function topHelp(): string {
  return ['AWS', '', 'The playground console simulates one service:', '', '  o ecs', '', 'Try: aws ecs help'].join('\n');
}

export function ecsHelp(): string {
  return [
    'ECS',
    '',
    'Amazon Elastic Container Service, simulated in this page.',
    '',
    'AVAILABLE COMMANDS',
    ...operationSpecs().map((s) => `  o ${s.command}`),
    '  o wait',
    '',
    'NOT SIMULATED YET',
    ...unsimulatedCommands().map((c) => `  o ${c}`),
    '',
    'Run "aws ecs <command> help" for the options of a command.',
  ].join('\n');
}

function typeName(ref: ShapeRef): string {
  if (isScalar(ref)) return ref;
  const def = ECS_INPUT_MODEL.shapes[ref];
  if ('list' in def) return 'list';
  if ('map' in def) return 'map';
  return 'structure';
}

/** `key=string,value=string`: the shorthand form of a shape, nested up to a few levels. */
export function shorthandExample(ref: ShapeRef, depth = 0): string {
  if (isScalar(ref)) return ref;
  if (depth > 2) return '...';
  const def = ECS_INPUT_MODEL.shapes[ref];
  const wrap = (r: ShapeRef): string =>
    !isScalar(r) && !('list' in ECS_INPUT_MODEL.shapes[r]) ? `{${shorthandExample(r, depth + 1)}}` : shorthandExample(r, depth + 1);
  if ('list' in def) return `[${wrap(def.list)},${wrap(def.list)}]`;
  if ('map' in def) return `KeyName1=${wrap(def.map)},KeyName2=${wrap(def.map)}`;
  return def.members.map(([k, r]) => `${k}=${wrap(r)}`).join(',');
}

function synopsisLine(o: OptionSpec): string {
  const text = o.kind === 'flag' ? `--${o.flag} | --${o.negative}` : `--${o.flag} <value>`;
  return o.required ? text : `[${text}]`;
}

function optionDoc(o: OptionSpec): string[] {
  const lines = [`  --${o.flag} (${typeName(o.ref)})${o.required ? ' [required]' : ''}`];
  if (o.kind === 'complex' || o.kind === 'complexList') {
    const item = o.kind === 'complexList' ? (ECS_INPUT_MODEL.shapes[o.ref] as { list: ShapeRef }).list : o.ref;
    lines.push(`      Shorthand: ${shorthandExample(item)}${o.kind === 'complexList' ? ' ...' : ''}`);
  } else if (o.kind === 'list') {
    lines.push(`      Syntax: ${typeName((ECS_INPUT_MODEL.shapes[o.ref] as { list: ShapeRef }).list)} ...`);
  }
  return lines;
}

export function operationHelp(spec: OperationSpec, title = spec.command): string {
  const options = [...spec.options].sort((a, b) => Number(b.required) - Number(a.required) || a.flag.localeCompare(b.flag));
  const extra = ['[--cli-input-json <value>]', '[--generate-cli-skeleton <value>]'];
  const waiter = Object.entries(WAITERS).find(([name]) => `wait ${name}` === title);
  return [
    title.toUpperCase(),
    '',
    'SYNOPSIS',
    `  aws ecs ${title}`,
    ...options.map((o) => `    ${synopsisLine(o)}`),
    ...extra.map((e) => `    ${e}`),
    '',
    'OPTIONS',
    ...options.flatMap(optionDoc),
    '',
    ...(PAGINATED[spec.wire] && !waiter
      ? ['This command pages through all results by itself (--no-paginate returns the first page).', '']
      : []),
    ...(waiter
      ? [`Polls ${spec.command} every ${waiter[1].delaySeconds} seconds (virtual time) until the condition holds, at most ${waiter[1].maxAttempts} times.`, '']
      : []),
    `API operation: ${spec.wire}`,
  ].join('\n');
}
