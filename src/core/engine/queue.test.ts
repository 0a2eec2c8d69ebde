import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEntries, heapPop, heapPush, heapRemoveWhere, type QueueEntry } from './queue';

const entry = (at: number, priority: number, seq: number): QueueEntry => ({ at, priority, seq, kind: 'k', payload: seq });

function drain(heap: QueueEntry[]): QueueEntry[] {
  const out: QueueEntry[] = [];
  for (let e = heapPop(heap); e; e = heapPop(heap)) out.push(e);
  return out;
}

describe('event queue', () => {
  it('orders by time, then priority, then insertion sequence', () => {
    const heap: QueueEntry[] = [];
    heapPush(heap, entry(10, 20, 0));
    heapPush(heap, entry(5, 30, 1));
    heapPush(heap, entry(10, 10, 2));
    heapPush(heap, entry(10, 20, 3));
    heapPush(heap, entry(5, 30, 4));
    expect(drain(heap).map((e) => e.seq)).toEqual([1, 4, 2, 0, 3]);
  });

  it('breaks ties at the same time and priority by sequence, whatever the push order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 })), { maxLength: 200 }), (specs) => {
        const heap: QueueEntry[] = [];
        const entries = specs.map(([at, p], i) => entry(at, p, i));
        for (const e of entries) heapPush(heap, e);
        expect(drain(heap)).toEqual([...entries].sort(compareEntries));
      }),
    );
  });

  it('removes matching entries and keeps the rest in order', () => {
    const heap: QueueEntry[] = [];
    for (let i = 0; i < 20; i++) heapPush(heap, entry(20 - i, 0, i));
    expect(heapRemoveWhere(heap, (e) => e.seq % 2 === 0)).toBe(10);
    expect(drain(heap).map((e) => e.at)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
  });
});
