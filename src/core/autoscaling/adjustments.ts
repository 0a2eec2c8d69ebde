/**
 * The arithmetic of scaling policies, as the Application Auto Scaling user guide documents it:
 * target tracking's proportional capacity, step selection relative to the breach threshold, the three
 * adjustment types with PercentChangeInCapacity's rounding and MinAdjustmentMagnitude.
 */
import type { StepAdjustmentRecord, StepScalingConfigRecord } from './records';

/** Capacity that brings the metric back to the target: ⌈capacity × metric ÷ target⌉ (rounded up, the conservative side). */
export function trackingCapacity(capacity: number, metric: number, target: number): number {
  return Math.max(0, Math.ceil((capacity * metric) / target - 1e-9));
}

/**
 * The step adjustment for a metric `diff` away from the threshold. Above the threshold the lower bound
 * is inclusive and the upper exclusive; below it, the lower bound is exclusive and the upper inclusive.
 */
export function pickStep(steps: readonly StepAdjustmentRecord[], diff: number): StepAdjustmentRecord | undefined {
  for (const s of steps) {
    const lo = s.MetricIntervalLowerBound ?? Number.NEGATIVE_INFINITY;
    const hi = s.MetricIntervalUpperBound ?? Number.POSITIVE_INFINITY;
    if (diff >= 0 ? lo <= diff && diff < hi : lo < diff && diff <= hi) return s;
  }
  return undefined;
}

/** PercentChangeInCapacity rounding: above 1 down, between 0 and 1 to 1, between −1 and 0 to −1, below −1 up. */
export function roundPercentChange(x: number): number {
  if (x === 0) return 0;
  if (x >= 1) return Math.floor(x);
  if (x > 0) return 1;
  if (x > -1) return -1;
  return Math.ceil(x);
}

/** The capacity a step adjustment asks for, from `capacity`. */
export function applyStep(config: StepScalingConfigRecord, step: StepAdjustmentRecord, capacity: number): number {
  const adj = step.ScalingAdjustment;
  switch (config.AdjustmentType) {
    case 'ExactCapacity':
      return adj;
    case 'ChangeInCapacity':
      return capacity + adj;
    case 'PercentChangeInCapacity': {
      let change = roundPercentChange((capacity * adj) / 100);
      const min = config.MinAdjustmentMagnitude;
      if (min !== undefined && change !== 0 && Math.abs(change) < min) change = Math.sign(change) * min;
      return capacity + change;
    }
  }
}

/** Metric aggregation over the datapoints a step policy looks at. */
export function aggregate(values: readonly number[], how: StepScalingConfigRecord['MetricAggregationType']): number {
  if (how === 'Minimum') return Math.min(...values);
  if (how === 'Maximum') return Math.max(...values);
  return values.reduce((a, b) => a + b, 0) / values.length;
}
