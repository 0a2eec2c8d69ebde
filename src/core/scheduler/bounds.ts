/**
 * Rolling-update bounds (reference §7.1): the lower bound of healthy tasks is rounded up, the upper
 * bound of tasks in RUNNING or PENDING is rounded down. Defaults differ for REPLICA and DAEMON.
 */
import type { SchedulingStrategy } from './serviceRecord';

export const DEFAULT_PERCENTS: Record<SchedulingStrategy, { minimumHealthyPercent: number; maximumPercent: number }> = {
  REPLICA: { minimumHealthyPercent: 100, maximumPercent: 200 },
  DAEMON: { minimumHealthyPercent: 0, maximumPercent: 100 },
};

/** ceil(desired × min% / 100), in integer arithmetic (counts and percents are integers). */
export function lowerBound(desiredCount: number, minimumHealthyPercent: number): number {
  return Math.floor((desiredCount * minimumHealthyPercent + 99) / 100);
}

/** floor(desired × max% / 100). */
export function upperBound(desiredCount: number, maximumPercent: number): number {
  return Math.floor((desiredCount * maximumPercent) / 100);
}

export function bounds(desiredCount: number, minimumHealthyPercent: number, maximumPercent: number): { lower: number; upper: number } {
  return { lower: lowerBound(desiredCount, minimumHealthyPercent), upper: upperBound(desiredCount, maximumPercent) };
}
