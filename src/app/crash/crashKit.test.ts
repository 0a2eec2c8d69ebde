import { describe, expect, it } from 'vitest';
import { describeError, sessionFileName } from './crashKit';
import { hooksEnabled } from './testHooks';
import { crashLocale } from './texts';

describe('error screens', () => {
  it('describeError names the error type, and copes with anything thrown', () => {
    expect(describeError(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError({ code: 42 })).toBe('{"code":42}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeError(cyclic)).toBe('[object Object]');
    expect(describeError(undefined)).toBe('undefined');
  });

  it('sessionFileName carries the virtual time as hours and minutes', () => {
    expect(sessionFileName(0)).toBe('ecs-playground-session-0h00m.json');
    expect(sessionFileName(2 * 3_600_000 + 5 * 60_000 + 59_000)).toBe('ecs-playground-session-2h05m.json');
  });

  it('test hooks exist only with ?bench or ?test in the address', () => {
    expect(hooksEnabled('')).toBe(false);
    expect(hooksEnabled('?embed=1&lang=ko')).toBe(false);
    expect(hooksEnabled('?bench')).toBe(true);
    expect(hooksEnabled('?x=1&test')).toBe(true);
  });

  it('speaks Korean when the page does', () => {
    expect(crashLocale('ko')).toBe('ko');
    expect(crashLocale('ko-KR')).toBe('ko');
    expect(crashLocale('en')).toBe('en');
    expect(crashLocale(undefined)).toBe('en');
  });
});
