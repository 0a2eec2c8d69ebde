/** DescribeScalingActivities: newest first, not scaled activities only with IncludeNotScaledActivities. */
import { toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { autoscalingOf } from './records';
import { asRaw, optBool, optStr, page } from './request';
import { checkNamespace, DIMENSION, NAMESPACE } from './targets';

export function describeScalingActivities(state: SimState, input: unknown) {
  const r = asRaw(input);
  checkNamespace(r, false);
  const resourceId = optStr(r, 'ResourceId');
  const includeNotScaled = optBool(r, 'IncludeNotScaledActivities') ?? false;
  const all = autoscalingOf(state).activities.filter(
    (a) => (resourceId === undefined || a.resourceId === resourceId) && (includeNotScaled || a.notScaledReasons === undefined),
  );
  const { page: items, nextToken } = page(all, r);
  const ScalingActivities = items.map((a) => {
    const out: Record<string, unknown> = {
      ActivityId: a.activityId,
      ServiceNamespace: NAMESPACE,
      ResourceId: a.resourceId,
      ScalableDimension: DIMENSION,
      Description: a.description,
      Cause: a.cause,
      StartTime: toDate(state, a.startTime),
    };
    if (a.endTime !== undefined) out.EndTime = toDate(state, a.endTime);
    out.StatusCode = a.statusCode;
    if (a.statusMessage !== undefined) out.StatusMessage = a.statusMessage;
    if (a.notScaledReasons) out.NotScaledReasons = a.notScaledReasons.map((x) => ({ ...x }));
    return out;
  });
  return nextToken ? { ScalingActivities, NextToken: nextToken } : { ScalingActivities };
}
