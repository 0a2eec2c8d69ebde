/**
 * `compatibilities`: the launch types a registered definition validated against (an output-only
 * field). EC2 always; FARGATE when required or when the definition passes the Fargate rules anyway
 * (checked with the validator itself, so there is one set of rules); MANAGED_INSTANCES with FARGATE
 * on Linux, as 2026 describe output shows, or when required; EXTERNAL only when required.
 */
import type { Compatibility, RegisterTaskDefinitionRequest } from '@aws-sdk/client-ecs';
import { validateRegisterRequest } from './validate';

/** Whether a valid request would also be accepted with FARGATE in requiresCompatibilities. */
export function isFargateCompatible(req: RegisterTaskDefinitionRequest): boolean {
  if (req.networkMode !== 'awsvpc' || req.cpu === undefined || req.memory === undefined) return false;
  const required = req.requiresCompatibilities ?? [];
  if (required.includes('FARGATE')) return true;
  return validateRegisterRequest({ ...req, requiresCompatibilities: [...required, 'FARGATE'] }).errors.length === 0;
}

export function deriveCompatibilities(req: RegisterTaskDefinitionRequest): Compatibility[] {
  const required = req.requiresCompatibilities ?? [];
  const fargate = isFargateCompatible(req);
  const out: Compatibility[] = ['EC2'];
  if (required.includes('EXTERNAL')) out.push('EXTERNAL');
  if (fargate) out.push('FARGATE');
  // Managed Instances run Linux only, so a Windows definition does not gain it from FARGATE.
  const windows = (req.runtimePlatform?.operatingSystemFamily ?? '').startsWith('WINDOWS');
  if ((fargate && !windows) || required.includes('MANAGED_INSTANCES')) out.push('MANAGED_INSTANCES');
  return out;
}
