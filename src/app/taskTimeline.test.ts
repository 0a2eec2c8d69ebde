import { describe, expect, it } from 'vitest';
import { formatDuration, taskTimeline } from './taskTimeline';

describe('taskTimeline', () => {
  it('lists the timestamps that are set, with offsets from createdAt and steps between them', () => {
    const tl = taskTimeline({ createdAt: 1000, pullStartedAt: 3000, pullStoppedAt: 6000, startedAt: 7000, stoppingAt: 9000, stoppedAt: 11000 }, 50_000);
    expect(tl.marks.map((m) => [m.field, m.offset, m.sincePrevious])).toEqual([
      ['createdAt', 0, 0],
      ['pullStartedAt', 2000, 2000],
      ['pullStoppedAt', 5000, 3000],
      ['startedAt', 6000, 1000],
      ['stoppingAt', 8000, 2000],
      ['stoppedAt', 10000, 2000],
    ]);
    expect(tl.span).toBe(10_000);
    expect(tl.marks.map((m) => m.position)).toEqual([0, 0.2, 0.5, 0.6, 0.8, 1]);
    expect(tl.nowOffset).toBeUndefined();
  });

  it('runs the track to the last timestamp and tells how long ago createdAt was while the task lives', () => {
    const tl = taskTimeline({ createdAt: 0, pullStartedAt: 1000, pullStoppedAt: 4000 }, 60_000);
    expect(tl.span).toBe(4000);
    expect(tl.marks[1].position).toBe(0.25);
    expect(tl.nowOffset).toBe(60_000);
  });

  it('keeps field order when a task stopped before it started', () => {
    const tl = taskTimeline({ createdAt: 0, stoppingAt: 500, stoppedAt: 1500 }, 9000);
    expect(tl.marks.map((m) => m.field)).toEqual(['createdAt', 'stoppingAt', 'stoppedAt']);
    expect(tl.marks[2].sincePrevious).toBe(1000);
  });

  it('puts everything at 0 when no time has passed', () => {
    const tl = taskTimeline({ createdAt: 5 }, 5);
    expect(tl.marks).toEqual([{ field: 'createdAt', at: 5, offset: 0, sincePrevious: 0, position: 0 }]);
    expect(tl.nowOffset).toBe(0);
  });
});

describe('formatDuration', () => {
  it('picks a unit that keeps the number short', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(1135)).toBe('1.1 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(7_620_000)).toBe('2 h 07 min');
    expect(formatDuration(-5)).toBe('0 ms');
  });
});
