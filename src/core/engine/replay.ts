/**
 * Recipes: a simulation described by how it was made (creation options + journal + where the
 * clock stopped) instead of by its state. Much smaller than a snapshot for long sessions, and the
 * base of share links and time travel: replaying a recipe gives the same state byte for byte.
 */
import { isEcsError } from '../api/errors';
import type { JournalEntry } from './journal';
import { Simulation, SimulationError, type SimulationOptions } from './simulation';
import type { TimingProfileName } from '../timings';

export const RECIPE_FORMAT = 'ecs-playground/recipe';
export const RECIPE_VERSION = 1;

export interface RecipeOptions {
  seed: number;
  region: string;
  accountId: string;
  epochMs: number;
  timingProfile: TimingProfileName;
}

export interface SimulationRecipe {
  format: typeof RECIPE_FORMAT;
  version: number;
  options: RecipeOptions;
  journal: JournalEntry[];
  /** where the clock stood: virtual ms and queue entries fired */
  end: { at: number; fired: number };
}

export function recipeOf(sim: Simulation): SimulationRecipe {
  const s = sim.state;
  return {
    format: RECIPE_FORMAT,
    version: RECIPE_VERSION,
    options: { seed: s.seed, region: s.region, accountId: s.accountId, epochMs: s.epochMs, timingProfile: s.timingProfile },
    journal: structuredClone(s.journal),
    end: { at: s.now, fired: s.firedCount },
  };
}

type Callable = Record<string, (...args: unknown[]) => unknown>;

/** Makes one journaled call again. Calls that failed the first time fail again, the same way. */
export function replayEntry(sim: Simulation, entry: JournalEntry): void {
  const api = sim[entry.api] as unknown as Callable;
  const fn = api[entry.operation];
  if (typeof fn !== 'function') throw new SimulationError(`Replay: unknown operation ${entry.api}.${entry.operation}`);
  try {
    fn(...entry.args);
  } catch (e) {
    if (!isEcsError(e) && !(e instanceof Error)) throw e;
  }
}

export interface ReplayOptions {
  /** stop at this virtual ms instead of the recipe's end (time travel); calls after it are left out */
  until?: number;
}

/** Builds the simulation a recipe describes. */
export function replay(recipe: SimulationRecipe, options: ReplayOptions = {}, simulationOptions: Omit<SimulationOptions, 'snapshot'> = {}): Simulation {
  if (recipe?.format !== RECIPE_FORMAT) throw new SimulationError(`Not a simulation recipe (format should be "${RECIPE_FORMAT}")`);
  if (recipe.version !== RECIPE_VERSION) throw new SimulationError(`Recipe version ${recipe.version} is not supported`);
  const sim = new Simulation({ ...simulationOptions, ...recipe.options });
  const until = options.until;
  for (const entry of recipe.journal) {
    if (until !== undefined && entry.at > until) break;
    sim.fastForward(entry.fired, entry.at);
    replayEntry(sim, entry);
  }
  if (until === undefined) sim.fastForward(recipe.end.fired, recipe.end.at);
  else if (until > sim.now()) sim.advance(until - sim.now());
  return sim;
}
