/**
 * The service restart throttle (reference §6.4). ECS documents only that the delay between launch
 * attempts grows "incrementally" to at most 15 minutes, that retries never stop, and that an update
 * resets it. Our curve (UNVERIFIED, docs/services.md): the first THROTTLE_FREE_FAILURES consecutive
 * failed starts cost nothing; from then on the delay doubles from 15 s up to the 15-minute cap.
 */
export const THROTTLE_FREE_FAILURES = 3;
export const THROTTLE_BASE_MS = 15_000;
export const THROTTLE_MAX_MS = 15 * 60_000;

/** Delay before the next launch after `failures` consecutive tasks failed to reach RUNNING. */
export function throttleDelayMs(failures: number): number {
  if (failures < THROTTLE_FREE_FAILURES) return 0;
  const exp = failures - THROTTLE_FREE_FAILURES;
  return Math.min(THROTTLE_MAX_MS, THROTTLE_BASE_MS * 2 ** Math.min(exp, 20));
}
