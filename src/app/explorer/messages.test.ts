import { describe, expect, it } from 'vitest';
import { costCatalogues, costText } from '../cost/messages';
import { explorerCatalogues, explorerText } from './messages';

const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('explorer and cost UI text', () => {
  for (const [area, catalogues] of [
    ['explorer', explorerCatalogues],
    ['cost', costCatalogues],
  ] as const) {
    it(`${area}: every English key has Korean text with the same placeholders`, () => {
      for (const [key, english] of Object.entries(catalogues.en)) {
        const korean = (catalogues.ko as Record<string, string>)[key];
        expect(korean, key).toBeTruthy();
        expect(names(korean), key).toEqual(names(english));
      }
    });
  }

  it('fills placeholders as text in the current locale', () => {
    let locale: 'en' | 'ko' = 'en';
    const et = explorerText(() => locale);
    const ct = costText(() => locale);
    expect(et('explorer.serviceFacts', { running: 2, desired: 3 })).toBe('2/3 running');
    expect(et('explorer.more', { count: '<b>5</b>' })).toBe('Show <b>5</b> more');
    locale = 'ko';
    expect(et('explorer.serviceFacts', { running: 2, desired: 3 })).toBe('2/3 실행 중');
    expect(ct('cost.tab')).toBe('비용');
  });
});
