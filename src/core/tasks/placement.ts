/**
 * StartTask's placement: the named container instance, if the task fits there and it accepts new
 * tasks, else the reason. (RunTask places through the placement engine, placement/runTask.ts.)
 */
import type { Failure } from '@aws-sdk/client-ecs';
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
