import { describe, expect, it } from 'vitest';
import { tokenEnd } from './markers';

describe('tokenEnd(lineText, column)', () => {
  it('spans a quoted string, escapes included', () => {
    const line = '  "memory": "3000",';
    expect(tokenEnd(line, 3)).toBe(11); // "memory"
    expect(tokenEnd(line, 13)).toBe(19); // "3000"
    expect(tokenEnd('"a\\"b" x', 1)).toBe(7);
  });

  it('spans a number or keyword', () => {
    expect(tokenEnd('  "cpu": 256,', 10)).toBe(13);
    expect(tokenEnd('true', 1)).toBe(5);
  });

  it('marks one character for punctuation, and past the end of the line', () => {
    expect(tokenEnd('{', 1)).toBe(2);
    expect(tokenEnd('abc', 10)).toBe(11);
    expect(tokenEnd('"unterminated', 1)).toBe(14);
  });
});
