/**
 * Task definition drafts kept across reloads. Each draft is one document the learner works on; the
 * family it defines is read from its text, so the UI lists drafts by family. Everything lives in
 * one localStorage entry, read and written through a store that tolerates storage that is
 * disabled, full or holds garbage: the drafts then live in memory and `save` reports false.
 */
import { readText, writePreference } from './storage';

export const DRAFTS_KEY = 'ecs-playground.taskdef.drafts';
const FORMAT = 1;

export interface TextStore {
  read(): string | undefined;
  write(value: string): boolean;
}

export const localTextStore = (key = DRAFTS_KEY): TextStore => ({
  read: () => readText(key),
  write: (value) => writePreference(key, value),
});

export interface Draft {
  id: string;
  text: string;
  /** write order: higher is more recent */
  seq: number;
}

interface Stored {
  v: number;
  active: string;
  drafts: [id: string, text: string, seq: number][];
}

function parseStored(raw: string | undefined): { active?: string; drafts: Draft[] } {
  if (!raw) return { drafts: [] };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { drafts: [] };
  }
  if (!data || typeof data !== 'object') return { drafts: [] };
  const { v, active, drafts } = data as Partial<Stored>;
  if (v !== FORMAT || !Array.isArray(drafts)) return { drafts: [] };
  const out: Draft[] = [];
  const seen = new Set<string>();
  for (const entry of drafts) {
    if (!Array.isArray(entry)) continue;
    const [id, text, seq] = entry as unknown[];
    if (typeof id !== 'string' || typeof text !== 'string' || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, text, seq: typeof seq === 'number' && Number.isFinite(seq) ? seq : 0 });
  }
  return { active: typeof active === 'string' ? active : undefined, drafts: out };
}

export class DraftBook {
  readonly #store: TextStore;
  readonly #limit: number;
  #drafts = new Map<string, Draft>();
  #active: string | undefined;
  #seq = 0;

  constructor(store: TextStore = localTextStore(), limit = 40) {
    this.#store = store;
    this.#limit = Math.max(1, limit);
    const loaded = parseStored(store.read());
    for (const d of loaded.drafts) {
      this.#drafts.set(d.id, d);
      this.#seq = Math.max(this.#seq, d.seq);
    }
    if (loaded.active !== undefined && this.#drafts.has(loaded.active)) this.#active = loaded.active;
  }

  /** The draft open in the editor when the page was left, if it is still there. */
  get active(): Draft | undefined {
    return this.#active === undefined ? undefined : this.#drafts.get(this.#active);
  }

  get(id: string): Draft | undefined {
    return this.#drafts.get(id);
  }

  /** Most recently saved first. */
  list(): Draft[] {
    return [...this.#drafts.values()].sort((a, b) => b.seq - a.seq);
  }

  findByText(text: string): Draft | undefined {
    for (const d of this.#drafts.values()) if (d.text === text) return d;
    return undefined;
  }

  /** A fresh id no draft uses. */
  newId(): string {
    let n = this.#drafts.size + 1;
    while (this.#drafts.has(`d${n}`)) n++;
    return `d${n}`;
  }

  /** Saves a draft and makes it the active one. False when storage refused; the draft is kept in memory. */
  save(id: string, text: string): boolean {
    this.#drafts.set(id, { id, text, seq: ++this.#seq });
    this.#active = id;
    this.#evict(this.#limit);
    return this.#persist();
  }

  remove(id: string): boolean {
    this.#drafts.delete(id);
    if (this.#active === id) this.#active = undefined;
    return this.#persist();
  }

  #evict(limit: number): boolean {
    let evicted = false;
    while (this.#drafts.size > limit) {
      const oldest = [...this.#drafts.values()].filter((d) => d.id !== this.#active).sort((a, b) => a.seq - b.seq)[0];
      if (!oldest) break;
      this.#drafts.delete(oldest.id);
      evicted = true;
    }
    return evicted;
  }

  #serialize(drafts: Draft[]): string {
    const data: Stored = { v: FORMAT, active: this.#active ?? '', drafts: drafts.map((d) => [d.id, d.text, d.seq]) };
    return JSON.stringify(data);
  }

  /**
   * Writes every draft. When storage is full, writes fewer: the oldest other drafts are left out of
   * storage (they stay in memory for this visit) so the active one still survives a reload.
   */
  #persist(): boolean {
    const all = this.list();
    for (let keep = all.length; keep >= 1; keep--) {
      const kept = all.slice(0, keep);
      const active = this.active;
      if (active && !kept.includes(active)) kept.push(active);
      if (this.#store.write(this.#serialize(kept))) return true;
      if (all.length === 0) break;
    }
    return all.length === 0 ? this.#store.write(this.#serialize([])) : false;
  }
}
