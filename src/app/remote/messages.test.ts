import { describe, expect, it } from 'vitest';
import { remoteCatalogues, remoteText } from './messages';

describe('local endpoint UI text', () => {
  it('has every English key in Korean, with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(remoteCatalogues.en)) {
      const korean = remoteCatalogues.ko[key as keyof typeof remoteCatalogues.en];
      expect(korean, key).toBeTruthy();
      expect(names(korean), key).toEqual(names(english));
    }
  });

  it('names the command that starts the endpoint', () => {
    const rt = remoteText(() => 'en');
    expect(rt('remote.unreachable', { url: 'http://127.0.0.1:4566' })).toBe(
      'Nothing answered at http://127.0.0.1:4566. Start the endpoint with npm run serve (add --port N for another port), then connect again.',
    );
  });
});
