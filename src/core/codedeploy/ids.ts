/** CodeDeploy identifiers: deployment ids `d-` + 9 characters [A-Z0-9], application/group ids as UUIDs. */
import { nextInt } from '../engine/rng';
import type { SimState } from '../engine/state';

const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function newCodeDeployDeploymentId(state: SimState): string {
  let out = 'd-';
  for (let i = 0; i < 9; i++) out += CHARS[nextInt(state.rng, 0, CHARS.length - 1)];
  return out;
}

export const DEPLOYMENT_ID = /^d-[A-Z0-9]{9}$/;
