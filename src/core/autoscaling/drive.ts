/**
 * One traffic source (docs/service-auto-scaling.md): a service's load profile drives the request
 * stream of the load balancer model. Every 10 seconds (the step) each service with a profile puts the
 * profile's rate at the middle of the step on its production listeners (shared evenly when it has
 * several, summed when services share a listener); its test listeners get 0 unless the learner set their rate with setRequestRate. The load
 * balancer then routes, weighs and counts the requests per target (elb/traffic.ts), and the metrics
 * read those counters (elbRequests.ts). Services without a load balancer keep the profile as their
 * request rate directly (metrics.ts).
 */
import { Priority, schedule } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { setDrivenRates } from '../elb/traffic';
import { rpsAt } from './load';
import { autoscalingOf } from './records';
import { serviceListeners } from './serviceTargets';

export const LOAD_STEP = 'autoscaling.loadStep';
export const STEP_MS = 10_000;

/** The rates the profiles put on listeners for the step that begins now. */
export function drivenRates(state: SimState): Record<string, number> {
  const book = autoscalingOf(state);
  const next = Math.floor(state.now / STEP_MS) * STEP_MS + STEP_MS;
  const mid = (state.now + next) / 2;
  const explicit = state.elb?.traffic.ratePerListener ?? {};
  const rates: Record<string, number> = {};
  for (const serviceArn of Object.keys(book.loads).sort()) {
    const svc = state.services?.[serviceArn];
    if (!svc || svc.status !== 'ACTIVE') continue;
    const load = book.loads[serviceArn];
    const rps = rpsAt(load.profile, Math.max(0, mid - load.since));
    const { production, test } = serviceListeners(state, svc);
    // The profile is what the service receives in all: shared evenly by its production listeners.
    for (const l of production) rates[l] = (rates[l] ?? 0) + rps / production.length;
    for (const l of test) if (explicit[l] === undefined) rates[l] ??= 0;
  }
  return rates;
}

/** Puts the profiles' rates on the listeners and books the next step while any listener is driven. */
export function driveLoads(state: SimState): void {
  const rates = drivenRates(state);
  if (Object.keys(rates).length > 0 || state.elb?.traffic.drivenRatePerListener) setDrivenRates(state, rates);
  const book = autoscalingOf(state);
  if (Object.keys(rates).length === 0 || book.driving) return;
  book.driving = true;
  const at = Math.floor(state.now / STEP_MS) * STEP_MS + STEP_MS;
  schedule(state, at - state.now, LOAD_STEP, null, Priority.periodic);
}

/** The queue handler of the step. */
export function loadStep(state: SimState): void {
  autoscalingOf(state).driving = false;
  driveLoads(state);
}
