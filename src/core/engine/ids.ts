/** Identifiers in the shapes real AWS uses (reference §1.2), drawn from the simulation's PRNG. */
import { digits, hex, type RngState } from './rng';

/** Task and container-instance id: 32 lowercase hex characters. */
export const newTaskId = (rng: RngState) => hex(rng, 32);
export const newContainerInstanceId = (rng: RngState) => hex(rng, 32);

/** Service deployment id: `ecs-svc/` + 19 decimal digits. */
export const newDeploymentId = (rng: RngState) => `ecs-svc/${digits(rng, 19)}`;

/** EC2 instance id: `i-` + 17 hex characters. */
export const newEc2InstanceId = (rng: RngState) => `i-${hex(rng, 17)}`;

/** ENI id: `eni-` + 17 hex characters. */
export const newEniId = (rng: RngState) => `eni-${hex(rng, 17)}`;

/** A version-4 style UUID (service event ids, container runtime ids). */
export function newUuid(rng: RngState): string {
  const h = hex(rng, 32);
  const variant = '89ab'[parseInt(h[16], 16) & 3];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
