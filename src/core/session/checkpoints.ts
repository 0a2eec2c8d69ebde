/**
 * Time travel that stays fast for long sessions: snapshots of the simulation taken every few
 * virtual minutes are kept (as JSON text, within a count and byte budget), and going back to time T
 * restores the nearest checkpoint before T and replays the journal from there. The result is the
 * same state `replay(recipe, { until: T })` builds from the start, byte for byte.
 */
import type { JournalEntry } from '../engine/journal';
import { replayEntry, type SimulationRecipe } from '../engine/replay';
import { Simulation, SimulationError, type SimulationSnapshot } from '../engine/simulation';

export interface Checkpoint {
  /** virtual ms, queue entries fired and journal length when it was taken: its place in the run */
  at: number;
  fired: number;
  journalLength: number;
  /** the snapshot as JSON text (compact, measurable, and parsed into a fresh state when used) */
  text: string;
}

export interface CheckpointStoreOptions {
  /** virtual ms between checkpoints; default 5 virtual minutes */
  intervalMs?: number;
  /** most checkpoints kept; default 40 */
  maxCount?: number;
  /** most snapshot text kept, in characters; default 40 million (about 40 MB) */
  maxChars?: number;
}

/** Where a simulation stands in its run. */
export interface RunPosition {
  at: number;
  fired: number;
  journalLength: number;
}

export const positionOf = (sim: Simulation): RunPosition => ({ at: sim.now(), fired: sim.state.firedCount, journalLength: sim.state.journal.length });

export class CheckpointStore {
  readonly intervalMs: number;
  readonly maxCount: number;
  readonly maxChars: number;
  #list: Checkpoint[] = [];
  #chars = 0;

  constructor(options: CheckpointStoreOptions = {}) {
    this.intervalMs = Math.max(1_000, options.intervalMs ?? 5 * 60_000);
    this.maxCount = Math.max(2, options.maxCount ?? 40);
    this.maxChars = Math.max(1, options.maxChars ?? 40_000_000);
  }

  get count(): number {
    return this.#list.length;
  }

  /** characters of snapshot text held */
  get chars(): number {
    return this.#chars;
  }

  /** Positions of the checkpoints held, oldest first. */
  positions(): RunPosition[] {
    return this.#list.map(({ at, fired, journalLength }) => ({ at, fired, journalLength }));
  }

  /** Takes a checkpoint unless one lies within an interval of the simulation's time. */
  maybeRecord(sim: Simulation): boolean {
    const now = sim.now();
    if (now === 0) return false;
    if (this.#list.some((c) => Math.abs(c.at - now) < this.intervalMs)) return false;
    this.record(sim);
    return true;
  }

  record(sim: Simulation): void {
    const text = JSON.stringify(sim.snapshot());
    const c: Checkpoint = { ...positionOf(sim), text };
    let i = this.#list.length;
    while (i > 0 && this.#list[i - 1].fired > c.fired) i--;
    this.#list.splice(i, 0, c);
    this.#chars += text.length;
    this.#trim();
  }

  /** The latest checkpoint strictly before virtual time `at` (always a point on the way to it). */
  before(at: number): Checkpoint | undefined {
    for (let i = this.#list.length - 1; i >= 0; i--) if (this.#list[i].at < at) return this.#list[i];
    return undefined;
  }

  /** After a branch: forgets checkpoints that lie past `position` (they belong to the dropped future). */
  truncate(position: RunPosition): void {
    this.#list = this.#list.filter((c) => {
      const keep = c.fired <= position.fired && c.journalLength <= position.journalLength && c.at <= position.at;
      if (!keep) this.#chars -= c.text.length;
      return keep;
    });
  }

  clear(): void {
    this.#list = [];
    this.#chars = 0;
  }

  /** Over budget: drop the checkpoint whose neighbours are closest, so the rest stay evenly spread. */
  #trim(): void {
    while (this.#list.length > 0 && (this.#list.length > this.maxCount || this.#chars > this.maxChars)) {
      let drop = 0;
      if (this.#list.length > 2) {
        let best = Number.POSITIVE_INFINITY;
        for (let i = 1; i < this.#list.length - 1; i++) {
          const gap = this.#list[i + 1].at - this.#list[i - 1].at;
          if (gap < best) {
            best = gap;
            drop = i;
          }
        }
      }
      this.#chars -= this.#list[drop].text.length;
      this.#list.splice(drop, 1);
    }
  }
}

/**
 * Fires queue entries until `fired` have fired, then sets the clock to `at`; unlike a bare
 * fastForward it never runs past `at`, so a journal that does not belong here fails quickly.
 */
function fastForwardWithin(sim: Simulation, fired: number, at: number): void {
  if (at < sim.now()) throw new SimulationError(`Replay: cannot go back from ${sim.now()} ms to ${at} ms`);
  sim.runUntil((s) => s.state.firedCount >= fired, { maxMs: at - sim.now() });
  if (sim.state.firedCount !== fired) throw new SimulationError('Replay: the journal does not match the events of this simulation');
  sim.fastForward(fired, at);
}

/** Advances to `target`, stopping at every checkpoint boundary before it to offer a checkpoint. */
function advanceRecording(sim: Simulation, target: number, store: CheckpointStore | undefined): void {
  if (store) {
    for (let b = (Math.floor(sim.now() / store.intervalMs) + 1) * store.intervalMs; b < target; b += store.intervalMs) {
      sim.advance(b - sim.now());
      store.maybeRecord(sim);
    }
  }
  if (target > sim.now()) sim.advance(target - sim.now());
}

/**
 * Carries a simulation forward along a recorded journal: the calls from index `from` made at or
 * before `until` are made again at their place in the event stream, then the clock runs to `until`.
 * With `end` (the recipe's end) and `until` at or past it, the run goes exactly to the end first.
 * Returns the index of the first call not yet made.
 */
export function followJournal(
  sim: Simulation,
  journal: readonly JournalEntry[],
  from: number,
  until: number,
  store?: CheckpointStore,
  end?: SimulationRecipe['end'],
): number {
  let i = from;
  for (; i < journal.length; i++) {
    const entry = journal[i];
    if (entry.at > until) break;
    if (store) advanceRecording(sim, entry.at - 1, store);
    fastForwardWithin(sim, entry.fired, entry.at);
    replayEntry(sim, entry);
  }
  if (end && i >= journal.length && until >= end.at) {
    if (store) advanceRecording(sim, end.at - 1, store);
    fastForwardWithin(sim, end.fired, end.at);
  }
  if (until > sim.now()) advanceRecording(sim, until, store);
  return i;
}

/** The simulation as it was at virtual time `until`, from the nearest checkpoint (or the start). */
export function rebuildAt(recipe: SimulationRecipe, until: number, store?: CheckpointStore): Simulation {
  const cp = store?.before(until);
  const sim = cp
    ? new Simulation({ snapshot: JSON.parse(cp.text) as SimulationSnapshot })
    : new Simulation({ ...recipe.options });
  followJournal(sim, recipe.journal, cp ? cp.journalLength : 0, until, store);
  return sim;
}

/** The whole recipe replayed, with every step bounded by the journal's own times (for recipes from outside). */
export function replayBounded(recipe: SimulationRecipe, store?: CheckpointStore): Simulation {
  const sim = new Simulation({ ...recipe.options });
  followJournal(sim, recipe.journal, 0, recipe.end.at, store, recipe.end);
  return sim;
}
