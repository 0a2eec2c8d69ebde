/**
 * Parses task-definition text with source positions (jsonc-parser, strict JSON: no comments, no
 * trailing commas). Hostile input stays bounded: nesting depth is checked by a linear scan before the
 * (recursive) parser runs, and oversized text is refused before parsing.
 */
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { SyntaxMessages } from './messages';

export const MAX_DEPTH = 64;
/** Text longer than this is refused unparsed; it cannot be a task definition under 64 KiB. */
export const MAX_TEXT_LENGTH = 512 * 1024;
export const MAX_DEFINITION_BYTES = 64 * 1024;

export interface SyntaxProblem {
  offset: number;
  message: string;
}

export interface ParsedText {
  root?: Node;
  value?: unknown;
  problems: SyntaxProblem[];
  duplicates: { node: Node; key: string }[];
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Offset where nesting first goes deeper than MAX_DEPTH, or -1. Strings are skipped. */
export function tooDeepAt(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash escapes the next character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > MAX_DEPTH) return i;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return -1;
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

function describeError(text: string, e: ParseError): SyntaxProblem {
  const ch = text[e.offset];
  switch (e.error) {
    case 1:
      return { offset: e.offset, message: SyntaxMessages.invalidSymbol };
    case 2:
    case 13:
      return { offset: e.offset, message: SyntaxMessages.invalidNumber };
    case 3:
    case 4: {
      if (ch === '}' || ch === ']') {
        const prev = previousNonSpace(text, e.offset);
        if (prev >= 0 && text[prev] === ',') return { offset: prev, message: SyntaxMessages.trailingComma };
      }
      return { offset: e.offset, message: e.error === 3 ? SyntaxMessages.propertyName : SyntaxMessages.valueExpected };
    }
    case 5:
      return { offset: e.offset, message: SyntaxMessages.missingColon };
    case 6:
      return { offset: e.offset, message: SyntaxMessages.missingComma };
    case 7:
      return { offset: e.offset, message: SyntaxMessages.closeBrace };
    case 8:
      return { offset: e.offset, message: SyntaxMessages.closeBracket };
    case 9:
      return { offset: e.offset, message: SyntaxMessages.endOfFile };
    case 10:
    case 11:
      return { offset: e.offset, message: SyntaxMessages.comment };
    case 12:
      return { offset: e.offset, message: SyntaxMessages.unterminatedString };
    case 14:
      return { offset: e.offset, message: SyntaxMessages.invalidUnicode };
    case 15:
      return { offset: e.offset, message: SyntaxMessages.invalidEscape };
    case 16:
      return { offset: e.offset, message: SyntaxMessages.invalidCharacter };
    default:
      return { offset: e.offset, message: SyntaxMessages.generic };
  }
}

/** Comments are each their own problem; of the rest only the first is reported (later ones are mostly echoes). */
function selectProblems(text: string, errors: ParseError[]): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  let firstOther: SyntaxProblem | undefined;
  for (const e of errors) {
    if (e.error === 10 || e.error === 11) out.push(describeError(text, e));
    else if (!firstOther) firstOther = describeError(text, e);
  }
  if (firstOther) out.push(firstOther);
  return out.sort((a, b) => a.offset - b.offset);
}

/** Records every repeated key; JSON.parse (like ECS) keeps the last value. */
function findDuplicates(node: Node, out: ParsedText['duplicates']): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const [keyNode, valueNode] = prop.children ?? [];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      if (seen.has(key)) out.push({ node: keyNode, key });
      seen.add(key);
      if (valueNode) findDuplicates(valueNode, out);
    }
  } else if (node.type === 'array') {
    for (const c of node.children ?? []) findDuplicates(c, out);
  }
}

export function parseText(text: string): ParsedText {
  const deep = tooDeepAt(text);
  if (deep >= 0) return { problems: [{ offset: deep, message: SyntaxMessages.tooDeep(MAX_DEPTH) }], duplicates: [] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) return { root, problems: selectProblems(text, errors), duplicates: [] };
  if (!root) return { problems: [{ offset: 0, message: SyntaxMessages.empty }], duplicates: [] };
  const duplicates: ParsedText['duplicates'] = [];
  findDuplicates(root, duplicates);
  // the strict parse succeeded, so the text is RFC 8259 JSON and JSON.parse builds the same value, faster
  return { root, value: JSON.parse(text), problems: [], duplicates };
}
