import { describe, expect, it } from 'vitest';
import { sessionCatalogues, sessionText } from './messages';

describe('session UI text', () => {
  it('has every English key in Korean, with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(sessionCatalogues.en)) {
      const korean = sessionCatalogues.ko[key as keyof typeof sessionCatalogues.en];
      expect(korean, key).toBeTruthy();
      expect(names(korean), key).toEqual(names(english));
    }
  });

  it('fills placeholders as text in the current locale', () => {
    let locale: 'en' | 'ko' = 'en';
    const st = sessionText(() => locale);
    expect(st('notice.linkError', { message: '<b>x</b>' })).toBe('This share link could not be opened: <b>x</b>');
    locale = 'ko';
    expect(st('timeline.present')).toBe('현재로 돌아가기');
  });
});
