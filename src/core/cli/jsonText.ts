/**
 * JSON given on the command line. Errors read like the CLI's (Python's json module):
 * "Expecting ',' delimiter: line 1 column 10 (char 9)".
 */
import { parse as parseLenient, type ParseError } from 'jsonc-parser';
import { positionOf } from './tokenize';

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

// jsonc-parser's ParseErrorCode values (a const enum, so spelled out here).
const DESCRIPTIONS: Record<number, string> = {
  1: 'Expecting value',
  2: 'Expecting value',
  3: 'Expecting property name enclosed in double quotes',
  4: 'Expecting value',
  5: "Expecting ':' delimiter",
  6: "Expecting ',' delimiter",
  7: "Expecting ',' delimiter",
  8: "Expecting ',' delimiter",
  9: 'Extra data',
  10: 'Expecting value',
  11: 'Expecting value',
  12: 'Unterminated string starting at',
  13: 'Expecting value',
  14: 'Invalid \\uXXXX escape',
  15: 'Invalid \\escape',
  16: 'Invalid control character at',
};

export function parseJsonText(text: string): JsonResult {
  const errors: ParseError[] = [];
  parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) {
    try {
      // JSON.parse for the value itself: keys such as __proto__ stay ordinary members.
      return { ok: true, value: JSON.parse(text) };
    } catch {
      // jsonc-parser accepted something JSON.parse does not; describe it at the start.
      errors.push({ error: 4, offset: 0, length: 0 });
    }
  }
  const first = errors[0];
  const { line, column } = positionOf(text, first.offset);
  return { ok: false, message: `${DESCRIPTIONS[first.error] ?? 'Expecting value'}: line ${line} column ${column} (char ${first.offset})` };
}
