import { describe, expect, it } from 'vitest';
import { taskSetCatalogues, taskSetText } from './taskSetMessages';

describe('task set and CodeDeploy UI text', () => {
  it('has every English key in Korean, with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(taskSetCatalogues.en)) {
      const korean = taskSetCatalogues.ko[key as keyof typeof taskSetCatalogues.en];
      expect(korean, key).toBeTruthy();
      expect(names(korean), key).toEqual(names(english));
    }
  });

  it('fills placeholders in the chosen locale', () => {
    expect(taskSetText(() => 'en')('cd.production', { replacement: 10, original: 90 })).toBe('Production listener: 10% replacement (green), 90% original (blue)');
    expect(taskSetText(() => 'ko')('ts.scale', { scale: 50 })).toBe('scale 50%');
  });
});
