/**
 * Where RunTask and StartTask put EC2 tasks. RunTask's default is random placement among the ACTIVE,
 * connected instances that fit (reference §5.3); the placement issue adds strategies and constraints
 * on top of the same fit check. Every instance that cannot take a task says why, so a request that
 * places nothing always answers with `failures`.
 */
import type { Failure } from '@aws-sdk/client-ecs';
import { nextInt } from '../engine/rng';
import type { SimState } from '../engine/state';
import { acceptsNewTasks, registeredInstancesOf } from '../infra/instances';
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

/**
 * Places one task at random among the cluster's instances that fit, reserving its resources, or
 * returns each registered instance's reason (one failure per instance).
 */
export function placeRandomly(
  state: SimState,
  clusterName: string,
  taskArn: string,
  needs: TaskNeeds,
): { placement: Placement } | { failures: Failure[] } {
  const candidates = registeredInstancesOf(state, clusterName);
  const fits: string[] = [];
  const failures: Failure[] = [];
  for (const ci of candidates) {
    const fit = fitOn(state, ci.containerInstanceArn, needs);
    if (fit.ok) fits.push(ci.containerInstanceArn);
    else failures.push({ arn: ci.containerInstanceArn, reason: fit.failure.reason, detail: fit.failure.detail });
  }
  if (fits.length === 0) return { failures };
  const chosen = fits[nextInt(state.rng, 0, fits.length - 1)];
  return { placement: { containerInstanceArn: chosen, hostPorts: reserveResources(state, chosen, taskArn, needs).hostPorts } };
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
