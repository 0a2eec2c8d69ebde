/**
 * `loadScenario`: text (as typed in the editor) or an object in, a checked scenario or located
 * errors out. Text is parsed the way task definitions are (strict JSON with positions, bounded depth
 * and size), and every problem is reported with its JSON pointer, line and column. Never throws.
 */
import type { Issue } from '../core/index';
import { offsetOf } from '../core/taskdef/locate';
import { buildLineIndex, positionAt } from '../core/taskdef/lines';
import { MAX_TEXT_LENGTH, parseText } from '../core/taskdef/parse';
import { scenarioJsonSchema } from './schema';
import { checkSchema, type SchemaIssue } from './schemaCheck';
import type { Scenario } from './types';
import { validateScenario } from './validate';

export interface LoadResult {
  ok: boolean;
  scenario?: Scenario;
  errors: Issue[];
}

const MAX_ERRORS = 50;

function safeCopy(value: unknown): { value?: unknown; error?: string } {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return { error: 'A scenario must be a JSON object.' };
    if (text.length > MAX_TEXT_LENGTH) return { error: `The scenario is too large (${text.length} characters; at most ${MAX_TEXT_LENGTH}).` };
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: `A scenario must be plain JSON data (${e instanceof Error ? e.message : String(e)}).` };
  }
}

export function loadScenario(input: string | object): LoadResult {
  try {
    return typeof input === 'string' ? loadText(input) : loadObject(input);
  } catch (e) {
    // a bug of ours must not take the editor down; report it at the start of the file
    return { ok: false, errors: [{ path: '', message: `Could not load the scenario: ${e instanceof Error ? e.message : String(e)}`, line: 1, column: 1 }] };
  }
}

function check(value: unknown): SchemaIssue[] {
  const schemaIssues = checkSchema(scenarioJsonSchema, value);
  return schemaIssues.length ? schemaIssues : validateScenario(value as Scenario);
}

function loadText(text: string): LoadResult {
  if (text.length > MAX_TEXT_LENGTH) {
    return { ok: false, errors: [{ path: '', message: `The scenario is too large (${text.length} characters; at most ${MAX_TEXT_LENGTH}).`, line: 1, column: 1 }] };
  }
  const parsed = parseText(text);
  let lines: ReturnType<typeof buildLineIndex> | undefined;
  const at = (offset: number) => positionAt((lines ??= buildLineIndex(text)), offset);
  if (parsed.problems.length) {
    return { ok: false, errors: parsed.problems.slice(0, MAX_ERRORS).map((p) => ({ path: '', message: p.message, ...at(p.offset) })) };
  }
  const root = parsed.root!;
  const dupes: Issue[] = parsed.duplicates.map((d) => ({ path: '', message: `The member "${d.key}" appears twice; the last one counts.`, ...at(d.node.offset) }));
  const issues = check(parsed.value);
  const errors = [
    ...dupes,
    ...issues.map((i) => ({ path: i.path, message: i.message, ...at(offsetOf(root, i.path, i.at)) })),
  ].slice(0, MAX_ERRORS);
  return errors.length ? { ok: false, errors } : { ok: true, scenario: parsed.value as Scenario, errors: [] };
}

function loadObject(input: object): LoadResult {
  const copy = safeCopy(input);
  if (copy.error) return { ok: false, errors: [{ path: '', message: copy.error, line: 1, column: 1 }] };
  // objects have no source text: locate errors in their pretty-printed JSON, as the editor would show it
  return loadText(JSON.stringify(copy.value, null, 2));
}
