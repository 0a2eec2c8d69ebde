/**
 * The task's timestamps as a mini timeline: each one that is set, its virtual time, how long after
 * createdAt it came and how long after the previous one. Pure; tested in taskTimeline.test.ts.
 */

export const TIMELINE_FIELDS = ['createdAt', 'pullStartedAt', 'pullStoppedAt', 'startedAt', 'stoppingAt', 'stoppedAt'] as const;
export type TimelineField = (typeof TIMELINE_FIELDS)[number];

export type TaskTimes = Partial<Record<TimelineField, number>> & { createdAt: number };

export interface TimelineMark {
  field: TimelineField;
  /** virtual ms */
  at: number;
  /** ms after createdAt */
  offset: number;
  /** ms after the previous mark (0 for the first) */
  sincePrevious: number;
  /** 0..1 along the track */
  position: number;
}

export interface Timeline {
  marks: TimelineMark[];
  /** ms the track covers: createdAt to the last timestamp set */
  span: number;
  /** while the task has not stopped: ms from createdAt to now */
  nowOffset?: number;
}

/**
 * Marks in field order. Timestamps ECS sets out of field order (a task stopped before it pulled has
 * stoppingAt but no startedAt) keep field order; offsets are still from createdAt.
 */
export function taskTimeline(times: TaskTimes, now: number): Timeline {
  const start = times.createdAt;
  const present = TIMELINE_FIELDS.filter((f) => typeof times[f] === 'number');
  const end = Math.max(start, ...present.map((f) => times[f]!));
  const span = end - start;
  let previous = start;
  const marks = present.map((field): TimelineMark => {
    const at = times[field]!;
    const mark = { field, at, offset: at - start, sincePrevious: Math.max(0, at - previous), position: span > 0 ? Math.min(1, Math.max(0, (at - start) / span)) : 0 };
    previous = Math.max(previous, at);
    return mark;
  });
  const timeline: Timeline = { marks, span };
  if (times.stoppedAt === undefined) timeline.nowOffset = Math.max(0, now - start);
  return timeline;
}

/** A short duration: `850 ms`, `1.2 s`, `42 s`, `3 min 05 s`, `2 h 07 min`. */
export function formatDuration(ms: number): string {
  const v = Math.max(0, Math.round(ms));
  if (v < 1000) return `${v} ms`;
  if (v < 10_000) return `${(Math.floor(v / 100) / 10).toFixed(1)} s`;
  const s = Math.floor(v / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
