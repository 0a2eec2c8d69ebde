/**
 * The deployment circuit breaker's failure threshold (reference §7.4): BOUNDED_PERCENT (the default,
 * value 50) is ceil(value% × desired) clamped to [3, 200]; UNBOUNDED_PERCENT is the same without the
 * clamp (at least 1); COUNT is the value itself. Always computed from the latest desired count.
 */
import type { CircuitBreakerConfig } from './serviceRecord';

export const CB_MIN_THRESHOLD = 3;
export const CB_MAX_THRESHOLD = 200;
export const CB_DEFAULT_PERCENT = 50;

export function circuitBreakerThreshold(config: CircuitBreakerConfig, desiredCount: number): number {
  const type = config.thresholdConfiguration?.type ?? 'BOUNDED_PERCENT';
  const value = config.thresholdConfiguration?.value ?? CB_DEFAULT_PERCENT;
  if (type === 'COUNT') return Math.max(1, value);
  const raw = Math.floor((value * desiredCount + 99) / 100);
  if (type === 'UNBOUNDED_PERCENT') return Math.max(1, raw);
  return Math.min(CB_MAX_THRESHOLD, Math.max(CB_MIN_THRESHOLD, raw));
}
