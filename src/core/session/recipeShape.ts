/**
 * What is wrong with a recipe that came from outside, before anything replays it: the options a
 * simulation can be made with, a journal of known operations in time order, and an end after it.
 */
import { ecsOperations } from '../api/ecs';
import { RECIPE_FORMAT, RECIPE_VERSION, type SimulationRecipe } from '../engine/replay';
import { faultOperations } from '../faults/api';
import { infraOperations } from '../infra/api';
import { elbv2Operations } from '../elb/api';
import { applicationAutoScalingOperations } from '../autoscaling/api';
import { cloudWatchOperations } from '../autoscaling/cloudwatch';
import { codeDeployOperations } from '../codedeploy/api';
import { timingProfiles } from '../timings';
import { MAX_FIRED, MAX_JOURNAL_ENTRIES, MAX_VIRTUAL_MS } from './limits';

const OPERATIONS: Record<string, object> = {
  ecs: ecsOperations,
  infra: infraOperations,
  faults: faultOperations,
  applicationAutoScaling: applicationAutoScalingOperations,
  cloudwatch: cloudWatchOperations,
  elbv2: elbv2Operations,
  codedeploy: codeDeployOperations,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown, max: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;

/** A message naming the first problem, or undefined when the recipe can be replayed. */
export function recipeProblem(recipe: unknown): string | undefined {
  if (!isObject(recipe)) return 'the recipe is not an object';
  if (recipe.format !== RECIPE_FORMAT) return `recipe.format should be "${RECIPE_FORMAT}"`;
  if (recipe.version !== RECIPE_VERSION) return `recipe version ${String(recipe.version)} is not supported (expected ${RECIPE_VERSION})`;
  const o = recipe.options;
  if (!isObject(o)) return 'recipe.options is missing';
  if (!Number.isInteger(o.seed) || Math.abs(o.seed as number) > 2 ** 32) return 'recipe.options.seed should be a 32-bit integer';
  if (typeof o.region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(o.region)) return 'recipe.options.region is not a region name';
  if (typeof o.accountId !== 'string' || !/^\d{12}$/.test(o.accountId)) return 'recipe.options.accountId should be 12 digits';
  if (!Number.isInteger(o.epochMs) || Math.abs(o.epochMs as number) > 8.64e15) return 'recipe.options.epochMs should be an integer time';
  if (typeof o.timingProfile !== 'string' || !Object.hasOwn(timingProfiles, o.timingProfile)) return 'recipe.options.timingProfile is unknown';
  const end = recipe.end;
  if (!isObject(end) || !isCount(end.at, MAX_VIRTUAL_MS) || !isCount(end.fired, MAX_FIRED)) {
    return `recipe.end should hold at (0 to ${MAX_VIRTUAL_MS} ms) and fired (0 to ${MAX_FIRED})`;
  }
  const journal = recipe.journal;
  if (!Array.isArray(journal)) return 'recipe.journal should be an array';
  if (journal.length > MAX_JOURNAL_ENTRIES) return `recipe.journal has more than ${MAX_JOURNAL_ENTRIES} entries`;
  let at = 0;
  let fired = 0;
  for (let i = 0; i < journal.length; i++) {
    const e = journal[i] as unknown;
    const where = `recipe.journal[${i}]`;
    if (!isObject(e)) return `${where} is not an object`;
    if (!isCount(e.at, end.at as number) || (e.at as number) < at) return `${where}.at should not go back in time or pass the end`;
    if (!isCount(e.fired, end.fired as number) || (e.fired as number) < fired) return `${where}.fired should not go back or pass the end`;
    if (typeof e.api !== 'string' || !Object.hasOwn(OPERATIONS, e.api)) return `${where}.api should be ecs, infra or faults`;
    if (typeof e.operation !== 'string' || !Object.hasOwn(OPERATIONS[e.api], e.operation)) return `${where}.operation "${String(e.operation)}" is unknown`;
    if (!Array.isArray(e.args)) return `${where}.args should be an array`;
    at = e.at as number;
    fired = e.fired as number;
  }
  return undefined;
}

export function isRecipe(value: unknown): value is SimulationRecipe {
  return recipeProblem(value) === undefined;
}
