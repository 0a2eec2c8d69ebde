/**
 * Splits a command line into words the way a POSIX shell does, for the subset a learner types:
 * single quotes (everything literal), double quotes (backslash escapes only $ ` " \ and newline),
 * backslash escapes outside quotes, backslash-newline line continuations, `#` comments at the start
 * of a word, and several commands separated by newlines or `;`. No expansions: `$HOME` stays as typed.
 * Pipes, redirections, `&` and command substitution are reported as errors with their column.
 */

export interface Word {
  text: string;
  /** offset in the input where the word starts */
  start: number;
}

export interface TokenizeError {
  message: string;
  /** 1-based line and column of the offending character in the input */
  line: number;
  column: number;
}

export type TokenizeResult = { ok: true; commands: Word[][] } | { ok: false; error: TokenizeError };

const SPACE = new Set([' ', '\t', '\r']);
const UNSUPPORTED: Record<string, string> = {
  '|': 'pipes (|) are not supported in the playground console',
  '>': 'redirections (>) are not supported in the playground console',
  '<': 'redirections (<) are not supported in the playground console',
  '&': 'background jobs and && are not supported in the playground console; run one command at a time',
  '`': 'command substitution (`...`) is not supported in the playground console',
};

/** Line and column (both 1-based) of an offset in `input`. */
export function positionOf(input: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < input.length; i++) {
    if (input[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function tokenize(input: string): TokenizeResult {
  const commands: Word[][] = [];
  let words: Word[] = [];
  let text = '';
  let start = -1;
  let i = 0;
  const fail = (message: string, at: number): TokenizeResult => ({
    ok: false,
    error: { message, ...positionOf(input, at) },
  });
  const endWord = () => {
    if (start >= 0) words.push({ text, start });
    text = '';
    start = -1;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };

  while (i < input.length) {
    const c = input[i];
    if (SPACE.has(c)) {
      endWord();
      i++;
    } else if (c === '\n' || c === ';') {
      endCommand();
      i++;
    } else if (c === '#' && start < 0) {
      while (i < input.length && input[i] !== '\n') i++;
    } else if (c === '\\') {
      if (i + 1 >= input.length) {
        // A trailing backslash continues the line; with nothing after it, it ends the word.
        i++;
      } else if (input[i + 1] === '\n') {
        i += 2;
      } else {
        if (start < 0) start = i;
        text += input[i + 1];
        i += 2;
      }
    } else if (c === "'") {
      if (start < 0) start = i;
      const close = input.indexOf("'", i + 1);
      if (close < 0) return fail(`unexpected end of input: the single quote opened here is never closed`, i);
      text += input.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      if (start < 0) start = i;
      const open = i;
      i++;
      let closed = false;
      while (i < input.length) {
        const d = input[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < input.length) {
          const e = input[i + 1];
          if (e === '\n') {
            i += 2;
            continue;
          }
          if (e === '$' || e === '`' || e === '"' || e === '\\') {
            text += e;
            i += 2;
            continue;
          }
        }
        if (d === '`' || (d === '$' && input[i + 1] === '(')) {
          return fail(UNSUPPORTED['`'], i);
        }
        text += d;
        i++;
      }
      if (!closed) return fail(`unexpected end of input: the double quote opened here is never closed`, open);
    } else if (c in UNSUPPORTED || (c === '$' && input[i + 1] === '(')) {
      return fail(UNSUPPORTED[c] ?? UNSUPPORTED['`'], i);
    } else {
      if (start < 0) start = i;
      text += c;
      i++;
    }
  }
  endCommand();
  return { ok: true, commands };
}

/** True when the text ends inside quotes or with a line-continuing backslash (more input expected). */
export function needsMoreInput(input: string): boolean {
  const trimmed = input.replace(/[ \t\r]+$/, '');
  if (/(^|[^\\])(\\\\)*\\$/.test(trimmed)) return true;
  const result = tokenize(input);
  return !result.ok && result.error.message.startsWith('unexpected end of input');
}
