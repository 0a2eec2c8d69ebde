/**
 * Time travel. While the learner looks at an earlier virtual time, the live simulation (the
 * "present") is kept aside and the Playground shows one rebuilt from checkpoints + the journal.
 * Playing on from there follows the recorded future; any action drops that future and the past
 * becomes the present (a branch). Checkpoints are taken as time passes, within a memory budget.
 */
import { recipeOf, type Simulation, type SimulationRecipe } from '../../core';
import { CheckpointStore, followJournal, positionOf, rebuildAt, type CheckpointStoreOptions } from '../../core/session';
import type { Playground, PlaygroundTimeline } from '../playground.svelte';

export class History implements PlaygroundTimeline {
  readonly store: CheckpointStore;
  readonly #playground: Playground;
  /** the live simulation while the past is shown */
  #present: Simulation | undefined;
  /** its recipe (the recorded future), read once when time travel starts */
  #recipe: SimulationRecipe | undefined;
  /** bumps whenever `inPast`, `endAt` or the recorded calls change */
  version = $state(0);

  constructor(playground: Playground, options: CheckpointStoreOptions = {}) {
    this.#playground = playground;
    this.store = new CheckpointStore(options);
    playground.attachTimeline(this);
  }

  get inPast(): boolean {
    void this.version;
    return this.#present !== undefined;
  }

  /** The recipe of the whole session (present included), for saving and sharing. */
  recipe(): SimulationRecipe {
    return this.#recipe ?? recipeOf(this.#playground.sim);
  }

  /** The simulation to save or share: the present, even while the past is shown. */
  get presentSim(): Simulation {
    return this.#present ?? this.#playground.sim;
  }

  /** Latest virtual time the scrubber can reach. */
  get endAt(): number {
    void this.version;
    return this.#recipe ? this.#recipe.end.at : this.#playground.now;
  }

  /** Virtual times of the learner's calls, for marks on the scrubber. */
  callTimes(): number[] {
    void this.version;
    const journal = this.#recipe ? this.#recipe.journal : this.#playground.sim.state.journal;
    return journal.map((e) => e.at);
  }

  /** Shows the simulation as it was at virtual time `at` (clamped to the session). */
  goTo(at: number): void {
    const present = this.presentSim;
    const end = this.#recipe?.end.at ?? present.now();
    const t = Math.max(0, Math.min(Math.round(at), end));
    if (t >= end) {
      this.backToPresent();
      return;
    }
    if (!this.#present) {
      this.#present = present;
      this.#recipe = recipeOf(present);
      this.store.maybeRecord(present);
    }
    this.#playground.replace(rebuildAt(this.#recipe as SimulationRecipe, t, this.store), { fromTimeline: true });
    this.version++;
  }

  backToPresent(): void {
    if (!this.#present) return;
    const present = this.#present;
    this.#present = undefined;
    this.#recipe = undefined;
    this.#playground.replace(present, { fromTimeline: true });
    this.version++;
  }

  advance(sim: Simulation, ms: number): Simulation {
    if (!this.#present || !this.#recipe) {
      sim.advance(ms);
      this.store.maybeRecord(sim);
      return sim;
    }
    const recipe = this.#recipe;
    const until = sim.now() + Math.round(ms);
    if (until >= recipe.end.at) {
      // Caught up with the present: carry on from the live simulation itself.
      const present = this.#present;
      this.#present = undefined;
      this.#recipe = undefined;
      this.version++;
      present.advance(until - present.now());
      return present;
    }
    followJournal(sim, recipe.journal, sim.state.journal.length, until, this.store, recipe.end);
    return sim;
  }

  beforeAct(sim: Simulation): void {
    if (!this.#present) return;
    // Branch: what came after this moment is dropped, and this moment becomes the present.
    this.store.truncate(positionOf(sim));
    this.#present = undefined;
    this.#recipe = undefined;
    this.version++;
  }

  replaced(): void {
    this.#present = undefined;
    this.#recipe = undefined;
    this.store.clear();
    this.version++;
  }
}
