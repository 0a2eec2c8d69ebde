import { describe, expect, it } from 'vitest';
import { readSafeJson, toSafeJson } from './safeJson';

describe('readSafeJson', () => {
  it('parses ordinary JSON into plain data', () => {
    expect(readSafeJson('{"a":[1,"x",true,null,{"b":2.5}]}')).toEqual({ ok: true, value: { a: [1, 'x', true, null, { b: 2.5 }] } });
  });

  it('returns a SyntaxError value for text that is not JSON, never throws', () => {
    for (const text of ['', '{', '{"a":}', 'undefined', "{'a':1}", '[1,]', '\u0000']) {
      const r = readSafeJson(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('SyntaxError');
    }
  });

  it('refuses text over the byte limit, counting UTF-8 bytes', () => {
    expect(readSafeJson('"' + 'a'.repeat(100) + '"', { maxBytes: 50 })).toMatchObject({ ok: false, error: { code: 'TooLarge' } });
    // 20 Hangul syllables are 60 bytes in UTF-8 though only 22 characters
    expect(readSafeJson('"' + '가'.repeat(20) + '"', { maxBytes: 50 })).toMatchObject({ ok: false, error: { code: 'TooLarge' } });
    expect(readSafeJson('"' + '가'.repeat(10) + '"', { maxBytes: 50 }).ok).toBe(true);
  });

  it('refuses nesting deeper than the limit before parsing, whatever the brackets inside strings', () => {
    expect(readSafeJson('['.repeat(5) + ']'.repeat(5), { maxDepth: 4 })).toMatchObject({ ok: false, error: { code: 'TooDeep' } });
    expect(readSafeJson('['.repeat(4) + ']'.repeat(4), { maxDepth: 4 }).ok).toBe(true);
    expect(readSafeJson('[["[[[[[[\\"[[[["]]', { maxDepth: 2 }).ok).toBe(true);
    // a million open brackets: no stack overflow, just an error value
    expect(readSafeJson('['.repeat(1_000_000))).toMatchObject({ ok: false, error: { code: 'TooDeep' } });
  });

  it('rejects __proto__, constructor and prototype keys by default, naming where they are', () => {
    expect(readSafeJson('{"a":{"__proto__":{"polluted":true}}}')).toEqual({
      ok: false,
      error: { code: 'ForbiddenKey', message: 'the key "__proto__" is not accepted', path: '/a/__proto__' },
    });
    expect(readSafeJson('[{"constructor":{"prototype":{}}}]')).toMatchObject({ ok: false, error: { code: 'ForbiddenKey', path: '/0/constructor' } });
    expect(readSafeJson('{"prototype":1}')).toMatchObject({ ok: false, error: { code: 'ForbiddenKey' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('strips those keys when asked and keeps the rest', () => {
    const r = readSafeJson('{"__proto__":{"polluted":true},"a":{"constructor":1,"b":2}}', { forbiddenKeys: 'strip' });
    expect(r).toEqual({ ok: true, value: { a: { b: 2 } } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps them as own data properties when asked, so spreading or assigning the result pollutes nothing', () => {
    const r = readSafeJson('{"__proto__":{"polluted":true},"x":1}', { forbiddenKeys: 'keep' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const value = r.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'x']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    Object.assign({}, value);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('toSafeJson', () => {
  it('copies plain data and drops object members that are undefined', () => {
    const input = { a: 1, b: undefined, c: [{ d: 'x' }] };
    const r = toSafeJson(input);
    expect(r).toEqual({ ok: true, value: { a: 1, c: [{ d: 'x' }] } });
    if (r.ok) expect(r.value).not.toBe(input);
  });

  it('refuses what is not plain JSON data: functions, dates, class instances, NaN, undefined in arrays', () => {
    const cases: [unknown, string][] = [
      [{ f: () => 1 }, '/f'],
      [{ d: new Date(0) }, '/d'],
      [{ m: new Map() }, '/m'],
      [[Number.NaN], '/0'],
      [{ x: [1, undefined] }, '/x/1'],
      [{ n: 10n }, '/n'],
      [{ s: Symbol('s') }, '/s'],
    ];
    for (const [value, path] of cases) expect(toSafeJson(value)).toMatchObject({ ok: false, error: { code: 'NotPlainData', path } });
  });

  it('refuses cycles as too deep instead of looping', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(toSafeJson(a, { maxDepth: 10 })).toMatchObject({ ok: false, error: { code: 'TooDeep' } });
  });

  it('finds a __proto__ key an object literal cannot create but JSON.parse can', () => {
    const parsed = JSON.parse('{"ok":1,"__proto__":{"isAdmin":true}}');
    expect(toSafeJson(parsed)).toMatchObject({ ok: false, error: { code: 'ForbiddenKey', path: '/__proto__' } });
  });
});
