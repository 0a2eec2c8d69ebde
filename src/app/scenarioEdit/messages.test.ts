import { describe, expect, it } from 'vitest';
import { scenarioEditCatalogues, scenarioEditText } from './messages';

describe('scenario editor UI text', () => {
  it('has every English key in Korean, with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(scenarioEditCatalogues.en)) {
      const korean = scenarioEditCatalogues.ko[key as keyof typeof scenarioEditCatalogues.en];
      expect(korean, key).toBeTruthy();
      expect(names(korean), key).toEqual(names(english));
    }
  });

  it('places a problem by line and column in either language', () => {
    expect(scenarioEditText(() => 'en')('scenarioEdit.at', { line: 3, column: 7 })).toBe('line 3, column 7');
    expect(scenarioEditText(() => 'ko')('scenarioEdit.at', { line: 3, column: 7 })).toBe('3행 7열');
  });
});
