import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRequestTimestamps, encodeResponse } from './timestamps';

describe('timestamps on the wire (properties)', () => {
  it('a response Date survives epoch seconds and back to the millisecond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const seconds = JSON.parse(encodeResponse({ at: new Date(ms) })).at as number;
        const req: Record<string, unknown> = { pullStartedAt: seconds };
        decodeRequestTimestamps('SubmitTaskStateChange', req);
        expect(req.pullStartedAt).toEqual(new Date(ms));
      }),
    );
  });

  it('encodes any JSON value without Dates exactly as JSON.stringify does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(encodeResponse(value)).toBe(JSON.stringify(value));
      }),
    );
  });

  it('keeps a member named __proto__ as a member (found by the property above, seed 294242222)', () => {
    const value = JSON.parse('{"":{"__proto__":""}}');
    expect(encodeResponse(value)).toBe('{"":{"__proto__":""}}');
  });
});
