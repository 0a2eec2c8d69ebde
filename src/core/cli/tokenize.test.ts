import { describe, expect, it } from 'vitest';
import { needsMoreInput, tokenize } from './tokenize';

const words = (input: string) => {
  const r = tokenize(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.commands.map((c) => c.map((w) => w.text));
};

describe('tokenize', () => {
  it('splits on unquoted spaces and tabs', () => {
    expect(words('aws  ecs\tlist-clusters')).toEqual([['aws', 'ecs', 'list-clusters']]);
  });

  it('keeps single-quoted text literal, backslashes and double quotes included', () => {
    expect(words(`aws ecs x --a '{"k": "v \\n"}'`)).toEqual([['aws', 'ecs', 'x', '--a', '{"k": "v \\n"}']]);
  });

  it('double quotes: backslash escapes only $ ` " \\ and newline', () => {
    expect(words('echo "a\\"b\\\\c\\d $HOME"')).toEqual([['echo', 'a"b\\c\\d $HOME']]);
  });

  it('joins adjacent quoted and bare parts into one word', () => {
    expect(words(`--x=a'b c'"d"`)).toEqual([['--x=ab cd']]);
  });

  it('a backslash outside quotes escapes the next character', () => {
    expect(words('a\\ b c\\"d')).toEqual([['a b', 'c"d']]);
  });

  it('a backslash before a newline continues the line', () => {
    expect(words('aws ecs \\\n  list-clusters')).toEqual([['aws', 'ecs', 'list-clusters']]);
  });

  it('newlines and ; separate commands; # starts a comment at a word start', () => {
    expect(words('aws a # note\naws b; aws c#d')).toEqual([['aws', 'a'], ['aws', 'b'], ['aws', 'c#d']]);
  });

  it('an empty quoted string is a word of its own', () => {
    expect(words(`--x ''`)).toEqual([['--x', '']]);
  });

  it('records where each word starts', () => {
    const r = tokenize(`aws  'ecs'`);
    expect(r.ok && r.commands[0].map((w) => w.start)).toEqual([0, 5]);
  });

  it('reports an unclosed single quote at the column where it opens', () => {
    expect(tokenize(`aws ecs x --a 'abc`)).toEqual({
      ok: false,
      error: { message: 'unexpected end of input: the single quote opened here is never closed', line: 1, column: 15 },
    });
  });

  it('reports an unclosed double quote with its line and column', () => {
    expect(tokenize(`aws ecs\n  --a "abc`)).toEqual({
      ok: false,
      error: { message: 'unexpected end of input: the double quote opened here is never closed', line: 2, column: 7 },
    });
  });

  it('reports pipes, redirections and command substitution with their column', () => {
    expect(tokenize('aws ecs list-clusters | jq')).toEqual({
      ok: false,
      error: { message: 'pipes (|) are not supported in the playground console', line: 1, column: 23 },
    });
    expect(tokenize('aws > out')).toMatchObject({ ok: false, error: { column: 5 } });
    expect(tokenize('aws $(echo x)')).toMatchObject({ ok: false, error: { column: 5 } });
    expect(tokenize('aws "`x`"')).toMatchObject({ ok: false, error: { column: 6 } });
    expect(tokenize("aws '|'")).toMatchObject({ ok: true });
  });

  it('needsMoreInput: open quotes and trailing backslashes ask for another line', () => {
    expect(needsMoreInput(`aws ecs x --a '{`)).toBe(true);
    expect(needsMoreInput('aws ecs \\')).toBe(true);
    expect(needsMoreInput('aws ecs \\\\')).toBe(false);
    expect(needsMoreInput('aws ecs list-clusters')).toBe(false);
    expect(needsMoreInput('aws | x')).toBe(false);
  });
});
