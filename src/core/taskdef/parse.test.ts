import { describe, expect, it } from 'vitest';
import { SyntaxMessages } from './messages';
import { MAX_DEPTH } from './parse';
import { validateTaskDefinition } from './validate';

const first = (text: string) => {
  const r = validateTaskDefinition(text);
  expect(r.ok).toBe(false);
  return r.errors[0];
};

describe('validateTaskDefinition: syntax errors get one clear message at the right place', () => {
  it('empty and whitespace-only input', () => {
    expect(first('')).toEqual({ path: '', message: SyntaxMessages.empty, line: 1, column: 1, code: 'ClientException' });
    expect(first('  \n\t ')).toMatchObject({ message: SyntaxMessages.empty, line: 1, column: 1 });
  });

  it('trailing comma in an object points at the comma', () => {
    const text = '{\n  "family": "web",\n}';
    expect(first(text)).toMatchObject({ message: SyntaxMessages.trailingComma, line: 2, column: 18 });
    expect(validateTaskDefinition(text).errors).toHaveLength(1);
  });

  it('trailing comma in an array points at the comma', () => {
    expect(first('{"requiresCompatibilities": ["FARGATE",]}')).toMatchObject({ message: SyntaxMessages.trailingComma, line: 1, column: 39 });
  });

  it('missing comma points at the member after the gap', () => {
    const text = '{\n  "family": "web"\n  "cpu": "256"\n}';
    expect(first(text)).toMatchObject({ message: SyntaxMessages.missingComma, line: 3, column: 3 });
  });

  it('every comment is reported, line and block', () => {
    const text = '{\n  // a comment\n  "family": "web" /* another */\n}';
    const r = validateTaskDefinition(text);
    expect(r.errors.map((e) => [e.message, e.line, e.column])).toEqual([
      [SyntaxMessages.comment, 2, 3],
      [SyntaxMessages.comment, 3, 19],
    ]);
  });

  it('unterminated string points at its opening quote', () => {
    expect(first('{\n  "family": "web\n}')).toMatchObject({ message: SyntaxMessages.unterminatedString, line: 2, column: 13 });
  });

  it('unquoted template variable is an unexpected character', () => {
    expect(first('{\n  "family": $NAME\n}')).toMatchObject({ message: SyntaxMessages.invalidSymbol, line: 2, column: 13 });
  });

  it('missing colon', () => {
    expect(first('{"family" "web"}')).toMatchObject({ message: SyntaxMessages.missingColon, line: 1, column: 11 });
  });

  it('unclosed object', () => {
    expect(first('{"family": "web"')).toMatchObject({ message: SyntaxMessages.closeBrace, line: 1, column: 17 });
  });

  it('text after the object', () => {
    expect(first('{"family": "web"} {}')).toMatchObject({ message: SyntaxMessages.endOfFile, line: 1, column: 19 });
  });

  it('a top-level array is explained as container definitions without a task', () => {
    expect(first('\n[{"name": "web"}]')).toEqual({ path: '', message: SyntaxMessages.notObjectArray, line: 2, column: 1, code: 'ClientException' });
  });

  it('a top-level scalar is refused', () => {
    expect(first('42')).toMatchObject({ message: SyntaxMessages.notObjectScalar('a number'), line: 1, column: 1 });
    expect(first(' "web"')).toMatchObject({ message: SyntaxMessages.notObjectScalar('a string'), line: 1, column: 2 });
    expect(first('null')).toMatchObject({ message: SyntaxMessages.notObjectScalar('null') });
    expect(first('true')).toMatchObject({ message: SyntaxMessages.notObjectScalar('a boolean') });
  });

  it('raw control characters inside strings are refused', () => {
    expect(first('{"family": "a\tb"}')).toMatchObject({ message: SyntaxMessages.invalidCharacter, line: 1, column: 12 });
  });

  it('CRLF line endings count as one line break', () => {
    expect(first('{\r\n  "family": "web",\r\n}')).toMatchObject({ message: SyntaxMessages.trailingComma, line: 2, column: 18 });
  });

  it('a byte order mark is ignored', () => {
    const r = validateTaskDefinition('\uFEFF{"family": "web", "containerDefinitions": [{"name": "a", "image": "nginx:1.27", "memory": 128}]}');
    expect(r.errors).toEqual([]);
  });

  it('duplicate keys are a warning at the second key; the last value wins', () => {
    const text = '{\n  "family": "a",\n  "family": "web",\n  "containerDefinitions": [{"name": "a", "image": "nginx:1.27", "memory": 128}]\n}';
    const r = validateTaskDefinition(text);
    expect(r.ok).toBe(true);
    expect(r.value?.family).toBe('web');
    expect(r.warnings).toContainEqual({ path: '/family', message: SyntaxMessages.duplicateKey('family'), line: 3, column: 3 });
  });
});

describe('validateTaskDefinition: hostile input stays bounded and never throws', () => {
  it(`nesting deeper than ${MAX_DEPTH} levels is refused where it happens`, () => {
    const e = first('['.repeat(10_000) + ']'.repeat(10_000));
    expect(e).toMatchObject({ message: SyntaxMessages.tooDeep(MAX_DEPTH), line: 1, column: MAX_DEPTH + 1 });
    expect(first('{"a":'.repeat(10_000))).toMatchObject({ message: SyntaxMessages.tooDeep(MAX_DEPTH) });
  });

  it('brackets inside strings do not count as nesting', () => {
    const r = validateTaskDefinition(`{"family": "web", "containerDefinitions": [{"name": "a", "image": "nginx:1.27", "memory": 128, "command": ["${'['.repeat(500)}"]}]}`);
    expect(r.errors).toEqual([]);
  });

  it('a 2 MB file is refused for its size', () => {
    const text = '{"family":"x","containerDefinitions":[' + Array(50_000).fill('{"name":"a","image":"nginx:1"}').join(',') + ']}';
    expect(first(text).message).toBe(SyntaxMessages.tooLarge(text.length));
  });

  it('a 1 MB string is refused for its size', () => {
    const text = `{"family": "${'a'.repeat(1024 * 1024)}"}`;
    expect(first(text).message).toBe(SyntaxMessages.tooLarge(text.length));
  });

  it('a definition just over 64 KiB is refused, counting compact UTF-8 bytes', () => {
    const def = { family: 'web', containerDefinitions: [{ name: 'a', image: 'nginx:1.27', memory: 128, command: ['é'.repeat(33_000)] }] };
    const compact = JSON.stringify(def);
    const bytes = new TextEncoder().encode(compact).length;
    expect(bytes).toBeGreaterThan(65_536);
    expect(first(JSON.stringify(def, null, 2)).message).toBe(SyntaxMessages.tooLarge(bytes));
  });

  it('a pretty-printed definition whose compact form fits is accepted', () => {
    const def = { family: 'web', containerDefinitions: [{ name: 'a', image: 'nginx:1.27', memory: 128, command: ['x'.repeat(60_000)] }] };
    const r = validateTaskDefinition(JSON.stringify(def, null, 40));
    expect(r.errors).toEqual([]);
  });

  it('a "__proto__" key is an unknown parameter, not a prototype change', () => {
    const r = validateTaskDefinition('{"__proto__": {"x": 1}, "family": "web", "containerDefinitions": [{"name": "a", "image": "nginx:1.27", "memory": 128}]}');
    expect(r.errors.map((e) => [e.path, e.line, e.column])).toEqual([['/__proto__', 1, 2]]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
