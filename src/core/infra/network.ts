/**
 * The EC2 network the playground's instances live in: the region's Availability Zones and one
 * default VPC with a subnet per AZ, created on first use from the seeded PRNG.
 */
import { hex } from '../engine/rng';
import type { SimState } from '../engine/state';

/** AZ letters per region; regions not listed get a, b and c. us-east-1 has six AZs. */
const AZ_LETTERS: Record<string, string> = {
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-west-1': 'ac',
  'us-west-2': 'abcd',
  'eu-west-1': 'abc',
  'eu-central-1': 'abc',
  'ap-northeast-1': 'acd',
  'ap-northeast-2': 'abcd',
  'ap-southeast-1': 'abc',
  'ap-southeast-2': 'abc',
};

export function availabilityZonesOf(region: string): string[] {
  return [...(AZ_LETTERS[region] ?? 'abc')].map((l) => `${region}${l}`);
}

export interface DefaultNetwork {
  vpcId: string;
  subnets: Record<string, string>;
}

/** The default VPC and its subnet per AZ, created (once) on first call. */
export function defaultNetwork(state: SimState): DefaultNetwork {
  const book = state.infra;
  if (!book.vpcId || !book.subnets) {
    book.vpcId = `vpc-${hex(state.rng, 17)}`;
    book.subnets = {};
    for (const az of availabilityZonesOf(state.region)) book.subnets[az] = `subnet-${hex(state.rng, 17)}`;
  }
  return { vpcId: book.vpcId, subnets: book.subnets };
}

/** Next private IPv4 address in the default VPC's 172.31.0.0/16, like EC2 hands them out. */
export function nextPrivateIp(state: SimState): string {
  const n = state.infra.nextIp++;
  return `172.31.${(n >> 8) & 255}.${n & 255}`;
}

/** The AZ for the next instance when none is asked for: round-robin over the region's AZs. */
export function nextAvailabilityZone(state: SimState): string {
  const zones = availabilityZonesOf(state.region);
  const az = zones[state.infra.nextAzIndex % zones.length];
  state.infra.nextAzIndex = (state.infra.nextAzIndex + 1) % zones.length;
  return az;
}
