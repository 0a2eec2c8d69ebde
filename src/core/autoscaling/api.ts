/**
 * `sim.applicationAutoScaling`: the Application Auto Scaling operations for ECS services, named and
 * shaped as that API (PascalCase members, Date timestamps). Describe* calls only read.
 */
import { describeScalingActivities } from './activities';
import { deleteScalingPolicy, describeScalingPolicies, putScalingPolicy } from './policies';
import { deregisterScalableTarget, describeScalableTargets, registerScalableTarget } from './targets';

export const applicationAutoScalingOperations = {
  registerScalableTarget,
  deregisterScalableTarget,
  describeScalableTargets,
  putScalingPolicy,
  deleteScalingPolicy,
  describeScalingPolicies,
  describeScalingActivities,
};

export const isAutoScalingRead = (name: string): boolean => /^describe[A-Z]/.test(name);
