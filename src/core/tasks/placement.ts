/**
 * Where RunTask and StartTask put EC2 tasks. RunTask's default is random placement among the ACTIVE,
 * connected instances that fit (reference §5.3); the placement issue adds strategies and constraints
 * on top of the same fit check. Every instance that cannot take a task says why, so a request that
 * places nothing always answers with `failures`.
 */
import type { Failure } from '@aws-sdk/client-ecs';
import { nextInt } from '../engine/rng';
import type { SimState } from '../engine/state';
import { acceptsNewTasks } from '../infra/instances';
import { checkFit, reserveResources, type FitResult, type HostPortBinding, type TaskNeeds } from '../placement/fit';

export interface Placement {
  containerInstanceArn: string;
  hostPorts: HostPortBinding[];
}

function fitOn(state: SimState, arn: string, needs: TaskNeeds): FitResult {
  const fit = checkFit(state, arn, needs);
  if (fit.ok && !acceptsNewTasks(state, arn)) return { ok: false, failure: { reason: 'AGENT', detail: 'the instance does not accept new tasks' } };
  return fit;
}

/** How many random draws to try before scanning every instance. */
const RANDOM_TRIES = 16;

/**
 * Places one task uniformly at random among the `candidates` (container-instance ARNs, e.g. the
 * cluster's registered instances) that fit, reserving its resources, or returns each instance's
 * reason (one failure per instance). Random draws are tried first (each one uniform, so the pick is
 * uniform among the instances that fit); only when they all miss is every instance checked.
 */
export function placeRandomly(
  state: SimState,
  candidates: readonly string[],
  taskArn: string,
  needs: TaskNeeds,
): { placement: Placement } | { failures: Failure[] } {
  const reserve = (arn: string) => ({ placement: { containerInstanceArn: arn, hostPorts: reserveResources(state, arn, taskArn, needs).hostPorts } });
  if (candidates.length === 0) return { failures: [] };
  for (let i = 0; i < RANDOM_TRIES; i++) {
    const arn = candidates[nextInt(state.rng, 0, candidates.length - 1)];
    if (fitOn(state, arn, needs).ok) return reserve(arn);
  }
  const fits: string[] = [];
  const failures: Failure[] = [];
  for (const arn of candidates) {
    const fit = fitOn(state, arn, needs);
    if (fit.ok) fits.push(arn);
    else failures.push({ arn, reason: fit.failure.reason, detail: fit.failure.detail });
  }
  if (fits.length === 0) return { failures };
  return reserve(fits[nextInt(state.rng, 0, fits.length - 1)]);
}

/** StartTask: the given instance, or why not. */
export function placeOn(
  state: SimState,
  containerInstanceArn: string,
  taskArn: string,
  needs: TaskNeeds,
): { placement: Placement } | { failure: Failure } {
  const fit = fitOn(state, containerInstanceArn, needs);
  if (!fit.ok) return { failure: { arn: containerInstanceArn, reason: fit.failure.reason, detail: fit.failure.detail } };
  return { placement: { containerInstanceArn, hostPorts: reserveResources(state, containerInstanceArn, taskArn, needs).hostPorts } };
}
