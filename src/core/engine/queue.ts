/**
 * The event queue: a binary min-heap over plain entries ordered by (time, priority, sequence).
 * Entries are data only (a handler name and a JSON payload), so the queue serialises with the state.
 */
import type { JsonValue } from './json';

export interface QueueEntry {
  /** virtual time in integer ms when the entry fires */
  at: number;
  /** lower fires first among entries at the same time */
  priority: number;
  /** insertion sequence; breaks the remaining ties so order is total and stable */
  seq: number;
  /** name of the registered handler */
  kind: string;
  payload: JsonValue;
}

export function compareEntries(a: QueueEntry, b: QueueEntry): number {
  return a.at - b.at || a.priority - b.priority || a.seq - b.seq;
}

export function heapPush(heap: QueueEntry[], entry: QueueEntry): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compareEntries(heap[i], heap[parent]) >= 0) break;
    [heap[i], heap[parent]] = [heap[parent], heap[i]];
    i = parent;
  }
}

export function heapPeek(heap: readonly QueueEntry[]): QueueEntry | undefined {
  return heap[0];
}

export function heapPop(heap: QueueEntry[]): QueueEntry | undefined {
  if (heap.length === 0) return undefined;
  const top = heap[0];
  const last = heap.pop()!;
  if (heap.length > 0) {
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && compareEntries(heap[l], heap[m]) < 0) m = l;
      if (r < heap.length && compareEntries(heap[r], heap[m]) < 0) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  }
  return top;
}

/** Removes every entry matching `predicate`, keeping heap order. Returns how many were removed. */
export function heapRemoveWhere(heap: QueueEntry[], predicate: (e: QueueEntry) => boolean): number {
  const kept = heap.filter((e) => !predicate(e));
  const removed = heap.length - kept.length;
  if (removed > 0) {
    heap.length = 0;
    for (const e of kept.sort(compareEntries)) heap.push(e);
  }
  return removed;
}
