import { describe, expect, it } from 'vitest';
import { formatElapsed, formatOffset, formatWallClock } from './format';

describe('virtual time formatting', () => {
  it('formats elapsed time as H:MM:SS, past 24 hours too', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(61_999)).toBe('0:01:01');
    expect(formatElapsed(26 * 3_600_000 + 5_000)).toBe('26:00:05');
  });

  it('formats the wall-clock moment in UTC', () => {
    expect(formatWallClock(Date.UTC(2026, 0, 5, 9, 0, 0), 90_000)).toBe('2026-01-05 09:01:30 UTC');
  });

  it('formats short offsets for event lists', () => {
    expect(formatOffset(4_200)).toBe('+4s');
    expect(formatOffset(65_000)).toBe('+1m 05s');
    expect(formatOffset(3_725_000)).toBe('+1h 02m');
  });
});
