/**
 * validateTaskDefinition(text) = parse with positions + validateRegisterRequest(object) + mapping each
 * problem to a line and column. One set of rules serves the editor and the registerTaskDefinition API.
 */
import type { RegisterTaskDefinitionRequest } from '@aws-sdk/client-ecs';
import type { Node } from 'jsonc-parser';
import { unwrapDescribeOutput } from './describe';
import { taskDefinitionFields } from './fields';
import type { Issue, ObjectIssue } from './issues';
import { buildLineIndex, positionAt } from './lines';
import { offsetOf } from './locate';
import { SyntaxMessages } from './messages';
import { MAX_DEFINITION_BYTES, MAX_TEXT_LENGTH, parseText, utf8Length } from './parse';
import { toPointer } from './pointer';
import { checkValue, newContext } from './schemaCheck';
import { runRules } from './rules';

export interface ValidationResult {
  ok: boolean;
  value?: RegisterTaskDefinitionRequest;
  errors: Issue[];
  warnings: Issue[];
}

export interface ObjectValidationResult {
  errors: ObjectIssue[];
  warnings: ObjectIssue[];
  value?: RegisterTaskDefinitionRequest;
}

/** The RegisterTaskDefinition checks on an already-parsed request (no source text). */
export function validateRegisterRequest(value: unknown): ObjectValidationResult {
  // The same 64 KiB limit the text path applies, for requests that arrive as objects (the API, the SDK).
  let size = 0;
  try {
    size = value && typeof value === 'object' ? utf8Length(JSON.stringify(value)) : 0;
  } catch {
    size = 0; // not serialisable (a cycle): the member checks below report what is wrong
  }
  if (size > MAX_DEFINITION_BYTES) {
    return { errors: [{ path: '', message: SyntaxMessages.tooLarge(size), code: 'ClientException' }], warnings: [] };
  }
  const ctx = newContext();
  const cleaned = checkValue(value, taskDefinitionFields, [], ctx) as RegisterTaskDefinitionRequest | undefined;
  if (cleaned) runRules(cleaned, ctx);
  return ctx.errors.length === 0 && cleaned ? { errors: ctx.errors, warnings: ctx.warnings, value: cleaned } : { errors: ctx.errors, warnings: ctx.warnings };
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return 'a value';
}

export function validateTaskDefinition(text: string): ValidationResult {
  if (typeof text !== 'string') text = String(text);
  const at1 = (message: string): ValidationResult => ({ ok: false, errors: [{ path: '', message, line: 1, column: 1, code: 'ClientException' }], warnings: [] });
  if (text.length > MAX_TEXT_LENGTH) return at1(SyntaxMessages.tooLarge(utf8Length(text)));
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '\uFEFF') return at1(SyntaxMessages.empty);

  let lines: ReturnType<typeof buildLineIndex> | undefined; // built on first use: clean input never needs it
  const located = (path: string, message: string, offset: number, code?: Issue['code']): Issue => {
    lines ??= buildLineIndex(text);
    const { line, column } = positionAt(lines, offset);
    return code ? { path, message, line, column, code } : { path, message, line, column };
  };
  const parsed = parseText(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text);
  if (parsed.problems.length > 0 || !parsed.root) {
    return { ok: false, errors: parsed.problems.map((p) => located('', p.message, p.offset, 'ClientException')), warnings: [] };
  }
  const root = parsed.root;
  const doc = parsed.value;
  if (Array.isArray(doc)) return { ok: false, errors: [located('', SyntaxMessages.notObjectArray, root.offset, 'ClientException')], warnings: [] };
  if (doc === null || typeof doc !== 'object') {
    return { ok: false, errors: [located('', SyntaxMessages.notObjectScalar(kindOf(doc)), root.offset, 'ClientException')], warnings: [] };
  }

  const warnings: Issue[] = parsed.duplicates.map((d) => located(pointerOfKey(d.node), SyntaxMessages.duplicateKey(d.key), d.node.offset));
  const unwrapped = unwrapDescribeOutput(doc as Record<string, unknown>);
  for (const w of unwrapped.warnings) warnings.push(located(w.path, w.message, offsetOf(root, w.path, w.at)));

  // compact JSON is never longer than its source, so only a long source needs measuring
  const bytes = utf8Length(text) <= MAX_DEFINITION_BYTES ? 0 : utf8Length(JSON.stringify(unwrapped.value));
  if (bytes > MAX_DEFINITION_BYTES) {
    return { ok: false, errors: [located('', SyntaxMessages.tooLarge(bytes), root.offset, 'ClientException')], warnings };
  }

  const tagsOutside = unwrapped.prefix.length > 0 && 'tags' in (doc as object) && !('tags' in ((doc as Record<string, object>).taskDefinition ?? {}));
  const prefixed = (p: string): string => {
    if (unwrapped.prefix.length === 0) return p;
    if (tagsOutside && (p === '/tags' || p.startsWith('/tags/'))) return p;
    return toPointer(unwrapped.prefix) + p;
  };
  const result = validateRegisterRequest(unwrapped.value);
  const map = (i: ObjectIssue): Issue => {
    const path = prefixed(i.path);
    return located(path, i.message, offsetOf(root, path, i.at), i.code);
  };
  const errors = result.errors.map(map);
  for (const w of result.warnings) warnings.push(map(w));
  warnings.sort((a, b) => a.line - b.line || a.column - b.column);
  return result.value && errors.length === 0 ? { ok: true, value: result.value, errors, warnings } : { ok: false, errors, warnings };
}

/** JSON pointer of the property whose key node is given. */
function pointerOfKey(keyNode: Node): string {
  const segs: (string | number)[] = [];
  let n: Node | undefined = keyNode.parent; // the property
  while (n && n.parent) {
    const parent: Node = n.parent;
    if (n.type === 'property') {
      segs.unshift(String(n.children?.[0]?.value));
      n = parent;
    } else if (parent.type === 'array') {
      segs.unshift(parent.children?.indexOf(n) ?? 0);
      n = parent;
    } else n = parent;
  }
  return toPointer(segs);
}

