import { describe, expect, it } from 'vitest';
import { serviceCatalogues } from './messages';

describe('service panel UI text', () => {
  it('has every English key in Korean, with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(serviceCatalogues.en)) {
      const korean = serviceCatalogues.ko[key as keyof typeof serviceCatalogues.en];
      expect(korean, key).toBeTruthy();
      expect(names(korean), key).toEqual(names(english));
    }
  });
});
