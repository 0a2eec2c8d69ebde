/**
 * How long things take, in virtual ms: ONE table per profile. `realistic` follows what the docs give
 * and what users commonly observe (sources and choices in docs/timings.md); `fast` shortens the waits
 * that carry no lesson so docs demos reach the interesting part quickly.
 *
 * Each entry is a mean and a jitter (fraction of the mean); draws go through the seeded PRNG
 * (`drawDuration`), so the same seed gives the same durations.
 */
import { jittered } from './engine/rng';
import type { SimState } from './engine/state';

export type TimingProfileName = 'realistic' | 'fast';

export interface Duration {
  meanMs: number;
  jitter: number;
}

export interface TimingTable {
  /** EC2 instance from RunInstances until the OS is up and the ECS agent starts */
  ec2Boot: Duration;
  /** ECS agent start until RegisterContainerInstance completes */
  agentRegister: Duration;
  [key: string]: Duration;
}

const d = (meanMs: number, jitter = 0.2): Duration => ({ meanMs, jitter });

export const timingProfiles: Record<TimingProfileName, TimingTable> = {
  realistic: {
    ec2Boot: d(45_000),
    agentRegister: d(5_000),
    ec2ShuttingDown: d(40_000),
    // Tasks (docs/task-lifecycle.md explains each figure).
    taskProvisioning: d(1_000),
    eniAttach: d(6_000),
    fargateProvisioning: d(20_000, 0.3),
    taskPending: d(1_500),
    fargatePending: d(3_000),
    imagePullLatency: d(1_500),
    imagePullPerMb: d(20, 0.3),
    imagePullFailure: d(9_000),
    containerCreate: d(400),
    containerStart: d(600),
    containerGracefulStop: d(1_200),
    stopNotice: d(500),
    taskDeactivating: d(1_000),
    taskDeprovisioning: d(1_000),
    eniDetach: d(5_000),
    fargateDeprovisioning: d(8_000, 0.3),
  },
  fast: {
    ec2Boot: d(5_000),
    agentRegister: d(1_000),
    ec2ShuttingDown: d(3_000),
    taskProvisioning: d(200),
    eniAttach: d(1_000),
    fargateProvisioning: d(3_000),
    taskPending: d(300),
    fargatePending: d(500),
    imagePullLatency: d(300),
    imagePullPerMb: d(2, 0.3),
    imagePullFailure: d(1_500),
    containerCreate: d(100),
    containerStart: d(150),
    containerGracefulStop: d(300),
    stopNotice: d(100),
    taskDeactivating: d(200),
    taskDeprovisioning: d(200),
    eniDetach: d(1_000),
    fargateDeprovisioning: d(1_500),
  },
};

/** A seeded draw of the named duration from the simulation's current profile. */
export function drawDuration(state: SimState, name: keyof TimingTable & string): number {
  const entry = timingProfiles[state.timingProfile][name];
  if (!entry) throw new Error(`No timing "${name}" in profile ${state.timingProfile}`);
  return jittered(state.rng, entry.meanMs, entry.jitter);
}
