/**
 * `sim.infra.describeSubnets()`: the default VPC's subnets, one per Availability Zone, as a learner
 * would pick them for awsvpc tasks and services. Like an AWS account, the simulation has a default
 * VPC; it is materialised on first use (from the seeded PRNG), so call this inside an action, not
 * while rendering, to keep runs reproducible.
 */
import type { SimState } from '../engine/state';
import { availabilityZonesOf, defaultNetwork } from './network';

export interface DescribedSubnet {
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  defaultForAz: boolean;
}

export function describeSubnets(state: SimState): { subnets: DescribedSubnet[] } {
  const { vpcId, subnets } = defaultNetwork(state);
  return {
    subnets: availabilityZonesOf(state.region)
      .filter((az) => subnets[az])
      .map((az) => ({ subnetId: subnets[az], vpcId, availabilityZone: az, defaultForAz: true })),
  };
}
