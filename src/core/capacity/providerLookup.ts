/** Finding a capacity provider's Auto Scaling group and an instance's provider. */
import type { SimState } from '../engine/state';
import { findGroup } from './autoScalingGroups';
import { capacityOf, type AutoScalingGroupRecord, type CapacityProviderRecord } from './records';

export function groupOfProvider(state: SimState, provider: string): AutoScalingGroupRecord | undefined {
  const p = capacityOf(state).providers[provider];
  return p && p.status === 'ACTIVE' ? findGroup(state, p.autoScalingGroupArn) : undefined;
}

/** The ACTIVE capacity provider backed by the group, if any. */
export function providerOfGroup(state: SimState, g: AutoScalingGroupRecord): CapacityProviderRecord | undefined {
  for (const p of Object.values(capacityOf(state).providers)) {
    if (p.status === 'ACTIVE' && p.autoScalingGroupArn === g.autoScalingGroupArn) return p;
  }
  return undefined;
}
