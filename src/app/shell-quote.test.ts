import { describe, expect, it } from 'vitest';
import { shellQuote } from './shell-quote';

describe('shellQuote', () => {
  it('leaves plain words alone', () => {
    expect(shellQuote('demo-cluster_1')).toBe('demo-cluster_1');
    expect(shellQuote('arn:aws:ecs:us-east-1:123456789012:cluster/demo')).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/demo');
  });
  it('single-quotes anything with spaces or shell characters', () => {
    expect(shellQuote('bad name!')).toBe("'bad name!'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(rm -rf /)')).toBe("'$(rm -rf /)'");
  });
});
