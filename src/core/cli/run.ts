/**
 * Runs command lines against a simulation and returns what the AWS CLI would print: standard output,
 * standard error and the exit code (0 success, 252 usage and parameter errors, 254 service errors,
 * 255 other failures, as CLI v2 uses them). Never throws for anything a user types.
 */
import { isEcsError } from '../api/errors';
import { wireName } from '../api/wire/operationNames';
import type { Simulation } from '../engine/simulation';
import { ECS_INPUT_MODEL } from './model/ecsInputModel';
import { formatJson, formatText } from './output';
import { PAGINATED } from './options';
import { parseCommand, type CallCommand, type WaitCommand } from './parse';
import { CliText } from './texts';
import { tokenize } from './tokenize';
import { WAITERS } from './waiters';

export interface CliResult {
  /** the command as typed (one line of a multi-command input) */
  command: string;
  stdout: string;
  stderr: string;
  /** remarks from the playground about options it accepts but does not act on */
  notes: string[];
  exitCode: number;
}

type Output = Omit<CliResult, 'command'>;

const fail = (stderr: string, exitCode: number, notes: string[] = []): Output => ({ stdout: '', stderr, notes, exitCode });

type Method = (request: Record<string, unknown>) => unknown;

function method(sim: Simulation, operation: string): Method {
  return (sim.ecs as unknown as Record<string, Method>)[operation];
}

/** Deep copy of a request, so the facade never holds on to (or changes) what the parser built. */
function copy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: copy(v), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return value;
}

function errorText(e: unknown, operation: string): { text: string; code: number } {
  if (isEcsError(e)) return { text: CliText.serviceError(e.name, wireName(operation), e.message), code: 254 };
  const err = e instanceof Error ? e : new Error(String(e));
  return { text: CliText.serviceError('ServerException', wireName(operation), `The playground failed: ${err.message}`), code: 254 };
}

function runCall(sim: Simulation, cmd: CallCommand): Output {
  const call = method(sim, cmd.operation);
  let response: Record<string, unknown>;
  try {
    response = call(copy(cmd.request)) as Record<string, unknown>;
    const resultKey = PAGINATED[wireName(cmd.operation)];
    if (cmd.paginate && resultKey) {
      const merged = [...((response[resultKey] as unknown[]) ?? [])];
      let token = response.nextToken;
      let pages = 1;
      while (typeof token === 'string' && token && pages < 1000) {
        const page = call({ ...copy(cmd.request), nextToken: token }) as Record<string, unknown>;
        merged.push(...((page[resultKey] as unknown[]) ?? []));
        token = page.nextToken;
        pages++;
      }
      response = { ...response, [resultKey]: merged };
      delete response.nextToken;
    }
  } catch (e) {
    const { text, code } = errorText(e, cmd.operation);
    return fail(text, code, cmd.notes);
  }
  const shape = ECS_INPUT_MODEL.outputs[wireName(cmd.operation)];
  const stdout = cmd.output === 'text' ? formatText(response, shape) : formatJson(response, shape);
  const notes = cmd.output === 'table' ? [...cmd.notes, CliText.outputNotSupported('table')] : cmd.notes;
  return { stdout, stderr: '', notes, exitCode: 0 };
}

/** `aws ecs wait ...`: polls in virtual time, advancing the clock by the waiter's delay between attempts. */
function runWait(sim: Simulation, cmd: WaitCommand): Output {
  const waiter = Object.values(WAITERS).find((w) => w.name === cmd.waiter)!;
  const call = method(sim, cmd.operation);
  for (let attempt = 1; ; attempt++) {
    let response: Record<string, unknown>;
    try {
      response = call(copy(cmd.request)) as Record<string, unknown>;
    } catch (e) {
      const code = isEcsError(e) ? e.name : 'ServerException';
      const message = e instanceof Error ? e.message : String(e);
      return fail(CliText.waiterError(waiter.name, code, message), 255, cmd.notes);
    }
    const outcome = waiter.check(response);
    if (outcome.state === 'success') return { stdout: '', stderr: '', notes: cmd.notes, exitCode: 0 };
    if (outcome.state === 'failure') {
      return fail(CliText.waiterFailure(waiter.name, outcome.expression, outcome.expected, outcome.all), 255, cmd.notes);
    }
    if (attempt >= waiter.maxAttempts) return fail(CliText.waiterMaxAttempts(waiter.name), 255, cmd.notes);
    sim.advance(waiter.delaySeconds * 1000);
  }
}

/** Runs one already-split command (its first word is `aws`). */
export function runWords(sim: Simulation, words: readonly string[]): Output {
  if (words[0] !== 'aws') return fail(CliText.notAws(words[0] ?? ''), 127);
  const parsed = parseCommand(words);
  switch (parsed.kind) {
    case 'error':
      return fail(parsed.message, parsed.exitCode);
    case 'print':
      return { stdout: parsed.text + '\n', stderr: '', notes: [], exitCode: 0 };
    case 'call':
      return runCall(sim, parsed);
    case 'wait':
      return runWait(sim, parsed);
  }
}

/** Runs every command of `input` (commands are separated by newlines or `;`) in order. */
export function runCommandLine(sim: Simulation, input: string): CliResult[] {
  const tokens = tokenize(input);
  if (!tokens.ok) {
    const { message, line, column } = tokens.error;
    return [{ command: input.trim(), ...fail(CliText.syntaxError(message, line, column, input.includes('\n')), 2) }];
  }
  return tokens.commands.map((words) => {
    const end = words.length ? words[words.length - 1] : undefined;
    const command = end ? input.slice(words[0].start, sourceEnd(input, end.start)).trim() : '';
    try {
      return { command, ...runWords(sim, words.map((w) => w.text)) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      return { command, ...fail(`The playground console failed: ${err.message}`, 255) };
    }
  });
}

/** Where the command that ends with the word starting at `start` ends in the source text. */
function sourceEnd(input: string, start: number): number {
  let i = start;
  let quote = '';
  for (; i < input.length; i++) {
    const c = input[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === ' ' || c === '\t' || c === '\n' || c === ';') break;
  }
  return i;
}
