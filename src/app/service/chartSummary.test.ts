import { describe, expect, it } from 'vitest';
import { chartSummary } from './chartSummary';
import { serviceText } from './messages';
import type { ServiceSample } from './serviceSample';

const sample: ServiceSample = {
  t: 90_000,
  desired: 3,
  running: 5,
  pending: 1,
  lower: 3,
  upper: 6,
  failed: 1,
  threshold: 3,
  revisions: [
    { id: 'd2', label: 'web:2', status: 'PRIMARY', rolloutState: 'IN_PROGRESS', desired: 3, running: 2, pending: 1, healthy: 1, traffic: 40 },
    { id: 'd1', label: 'web:1', status: 'ACTIVE', rolloutState: 'COMPLETED', desired: 3, running: 3, pending: 0, healthy: 3, traffic: 60 },
  ],
};

describe('chartSummary', () => {
  it('says the counts, bounds, per-revision counts, traffic and breaker state in words', () => {
    const text = chartSummary(sample, 'web', serviceText(() => 'en'), (ms) => `+${ms / 1000}s`);
    expect(text).toBe(
      'Service web at +90s: desired 3, running 5, pending 1; bounds 3 to 6 tasks. ' +
        'web:2 (PRIMARY): desired 3, running 2, pending 1, healthy 1, 40% of traffic; ' +
        'web:1 (ACTIVE): desired 3, running 3, pending 0, healthy 3, 60% of traffic. ' +
        'Circuit breaker: 1 of 3 failed tasks.',
    );
  });

  it('speaks Korean with the same figures', () => {
    const text = chartSummary({ ...sample, threshold: undefined }, 'web', serviceText(() => 'ko'), (ms) => `+${ms / 1000}s`);
    expect(text.startsWith('+90s의 service web: desired 3')).toBe(true);
    expect(text).toContain('트래픽 40%');
    expect(text).not.toContain('Circuit breaker');
  });
});
