import { describe, expect, it } from 'vitest';
import { detectLocale, I18n } from './i18n.svelte';
import { catalogues, format } from './messages';

describe('UI language', () => {
  it('picks Korean for ko and ko-KR browsers, English otherwise', () => {
    expect(detectLocale(['ko-KR', 'en-US'])).toBe('ko');
    expect(detectLocale(['fr-FR', 'ko'])).toBe('ko');
    expect(detectLocale(['de-DE'])).toBe('en');
  });

  it('has every English key translated to Korean, with the same placeholders', () => {
    for (const [key, english] of Object.entries(catalogues.en)) {
      const korean = catalogues.ko[key as keyof typeof catalogues.en];
      expect(korean, key).toBeTruthy();
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(korean), key).toEqual(names(english));
    }
  });

  it('fills placeholders as plain text', () => {
    expect(format('Delete cluster {name}', { name: '<b>x</b>' })).toBe('Delete cluster <b>x</b>');
    expect(format('{a} and {missing}', { a: 1 })).toBe('1 and {missing}');
  });

  it('switches language and remembers the choice', () => {
    const i18n = new I18n('en');
    expect(i18n.t('clusters.create')).toBe('Create cluster');
    i18n.set('ko');
    expect(i18n.t('clusters.create')).toBe('클러스터 생성');
    expect(new I18n().locale).toBe('ko');
  });
});
