/**
 * `compatibilities`: the launch types a registered definition validated against (an output-only
 * field). EC2 always; FARGATE (with MANAGED_INSTANCES, as 2026 describe output shows) when the
 * definition meets Fargate's rules; EXTERNAL and MANAGED_INSTANCES also when required explicitly.
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { TaskDefinitionBody } from './record';
import { isFargateTaskSize } from './taskSize';

/** Container parameters Fargate does not support (reference §4.5). */
const FARGATE_INVALID_CONTAINER: readonly (keyof ContainerDefinition)[] = [
  'disableNetworking',
  'dnsSearchDomains',
  'dnsServers',
  'dockerSecurityOptions',
  'extraHosts',
  'links',
  'privileged',
];

function present(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return false;
  return !Array.isArray(v) || v.length > 0;
}

/** Whether a normalised body meets Fargate's rules, so FARGATE is in its compatibilities. */
export function isFargateCompatible(body: TaskDefinitionBody): boolean {
  if (body.networkMode !== 'awsvpc') return false;
  if (!isFargateTaskSize(body.cpu, body.memory)) return false;
  if (present(body.placementConstraints) || body.ipcMode !== undefined || body.pidMode === 'host') return false;
  if ((body.volumes ?? []).some((v) => v.host?.sourcePath !== undefined || v.dockerVolumeConfiguration !== undefined)) return false;
  for (const c of body.containerDefinitions ?? []) {
    if (FARGATE_INVALID_CONTAINER.some((k) => present(c[k]))) return false;
    if (c.linuxParameters?.maxSwap !== undefined || c.linuxParameters?.swappiness !== undefined) return false;
    if ((c.resourceRequirements ?? []).some((r) => r.type === 'GPU')) return false;
  }
  return true;
}

export function deriveCompatibilities(body: TaskDefinitionBody): NonNullable<TaskDefinitionBody['compatibilities']> {
  const required = body.requiresCompatibilities ?? [];
  const fargate = required.includes('FARGATE') || isFargateCompatible(body);
  const out: NonNullable<TaskDefinitionBody['compatibilities']> = ['EC2'];
  if (required.includes('EXTERNAL')) out.push('EXTERNAL');
  if (fargate) out.push('FARGATE');
  if (fargate || required.includes('MANAGED_INSTANCES')) out.push('MANAGED_INSTANCES');
  return out;
}
