/**
 * RunTask's use of the engine: check the request's placementConstraints/placementStrategy (with the
 * task definition's constraints), then place one task at a time, reserving each before the next,
 * and keep the explanation for the task record ("why here?").
 */
import type { Failure } from '@aws-sdk/client-ecs';
import type { SimState } from '../engine/state';
import { reserveResources, type HostPortBinding, type TaskNeeds } from './fit';
import { placeTasks } from './place';
import type { PlacementConstraint, PlacementExplanation, PlacementStrategy } from './types';
import { checkConstraints, checkStrategies } from './validate';

/** Rows an explanation stored on a task keeps (every instance of a playground-sized cluster). */
export const STORED_EXPLANATION_ROWS = 50;

export interface RunTaskPlacementInput {
  placementConstraints?: unknown;
  placementStrategy?: unknown;
  taskDefinitionConstraints?: unknown[];
}

/** undefined when valid, else the InvalidParameterException message. */
export function checkRunTaskPlacement(input: RunTaskPlacementInput, wrongType: (member: string) => string): string | undefined {
  const c = input.placementConstraints;
  const s = input.placementStrategy;
  if (c !== undefined && c !== null && !Array.isArray(c)) return wrongType('placementConstraints');
  if (s !== undefined && s !== null && !Array.isArray(s)) return wrongType('placementStrategy');
  const constraints = checkConstraints((c ?? []) as unknown[], input.taskDefinitionConstraints ?? []);
  if (!constraints.ok) return constraints.message;
  const strategies = checkStrategies((s ?? []) as unknown[]);
  if (!strategies.ok) return strategies.message;
  return undefined;
}

export interface PlaceOneInput {
  clusterName: string;
  candidates: string[];
  taskArn: string;
  needs: TaskNeeds;
  group: string;
  /** task definition's constraints first, then the request's */
  constraints: PlacementConstraint[];
  strategies: PlacementStrategy[];
  subnetAvailabilityZones?: string[];
}

/** Places and reserves one task, or answers with one failure per candidate instance. */
export function placeOneTask(
  state: SimState,
  input: PlaceOneInput,
): { placement: { containerInstanceArn: string; hostPorts: HostPortBinding[]; explanation: PlacementExplanation } } | { failures: Failure[] } {
  const r = placeTasks(state, {
    clusterName: input.clusterName,
    count: 1,
    needs: input.needs,
    group: input.group,
    constraints: input.constraints,
    strategies: input.strategies,
    defaults: 'runTask',
    candidates: input.candidates,
    subnetAvailabilityZones: input.subnetAvailabilityZones,
    maxExplanationRows: STORED_EXPLANATION_ROWS,
  });
  const p = r.placements[0];
  if (!p) return { failures: r.failures.map((f) => ({ arn: f.arn, reason: f.reason, detail: f.detail })) };
  const { hostPorts } = reserveResources(state, p.containerInstanceArn, input.taskArn, input.needs);
  return { placement: { containerInstanceArn: p.containerInstanceArn, hostPorts, explanation: p.explanation } };
}
