/**
 * Normalisation: turns a validated RegisterTaskDefinition request into the definition body that
 * DescribeTaskDefinition shows, with the defaults ECS fills, task cpu/memory in canonical form, and
 * the derived `compatibilities` and `requiresAttributes`. Every choice made where ECS is not
 * documented is listed in docs/taskdef-registry.md.
 *
 * Input must already have passed `validateRegisterRequest`; this module never rejects anything.
 */
import type { ContainerDefinition, PortMapping, RegisterTaskDefinitionRequest, Volume } from '@aws-sdk/client-ecs';
import { cloneJson } from '../engine/json';
import type { TaskDefinitionBody } from './record';
import { deriveCompatibilities } from './compatibilities';
import { deriveRequiresAttributes } from './requiresAttributes';
import { canonicalTaskCpu, canonicalTaskMemory } from './taskSize';

/** Member order of the SDK's ContainerDefinition, which is the order describe output uses. */
const CONTAINER_KEY_ORDER = [
  'name', 'image', 'repositoryCredentials', 'cpu', 'memory', 'memoryReservation', 'links', 'portMappings',
  'essential', 'restartPolicy', 'entryPoint', 'command', 'environment', 'environmentFiles', 'mountPoints',
  'volumesFrom', 'linuxParameters', 'secrets', 'dependsOn', 'startTimeout', 'stopTimeout', 'versionConsistency',
  'hostname', 'user', 'workingDirectory', 'disableNetworking', 'privileged', 'readonlyRootFilesystem', 'dnsServers',
  'dnsSearchDomains', 'extraHosts', 'dockerSecurityOptions', 'interactive', 'pseudoTerminal', 'dockerLabels',
  'ulimits', 'logConfiguration', 'healthCheck', 'systemControls', 'resourceRequirements', 'firelensConfiguration',
  'credentialSpecs',
] as const;

/** Order of the body's members in describe output (registry-owned members are placed by the registry). */
export const BODY_KEY_ORDER = [
  'containerDefinitions', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'volumes', 'requiresAttributes',
  'placementConstraints', 'compatibilities', 'runtimePlatform', 'requiresCompatibilities', 'cpu', 'memory',
  'inferenceAccelerators', 'pidMode', 'ipcMode', 'proxyConfiguration', 'ephemeralStorage', 'enableFaultInjection',
] as const;

const PORT_KEY_ORDER = ['containerPort', 'hostPort', 'protocol', 'name', 'appProtocol', 'containerPortRange'] as const;
const HEALTH_CHECK_KEY_ORDER = ['command', 'interval', 'timeout', 'retries', 'startPeriod'] as const;

/** Request members that are not part of the stored body (the registry keeps them elsewhere). */
const NOT_IN_BODY = new Set([
  'family', 'tags', 'taskDefinitionArn', 'revision', 'status', 'registeredAt', 'registeredBy', 'deregisteredAt',
  'deleteRequestedAt', 'requiresAttributes', 'compatibilities',
]);

/** Copies `obj` with the keys of `order` first (in that order), then any others in their original order. */
export function ordered<T extends object>(obj: T, order: readonly string[]): T {
  const src = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of order) if (src[k] !== undefined) out[k] = src[k];
  for (const k of Object.keys(src)) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return out as T;
}

function isWindows(req: RegisterTaskDefinitionRequest): boolean {
  return (req.runtimePlatform?.operatingSystemFamily ?? '').startsWith('WINDOWS');
}

/** The network mode describe shows: as given, else `bridge` on Linux; Windows keeps ECS's `<default>` (omitted). */
export function effectiveNetworkMode(req: RegisterTaskDefinitionRequest): string | undefined {
  if (req.networkMode !== undefined) return req.networkMode;
  return isWindows(req) ? undefined : 'bridge';
}

function normalizePortMapping(pm: PortMapping, networkMode: string | undefined): PortMapping {
  const out: PortMapping = { ...pm };
  if (out.protocol === undefined) out.protocol = 'tcp';
  if (out.hostPort === undefined && out.containerPort !== undefined) {
    // awsvpc and host: the host port is the container port. bridge: 0 means "dynamic".
    if (networkMode === 'awsvpc' || networkMode === 'host') out.hostPort = out.containerPort;
    else if (networkMode === 'bridge') out.hostPort = 0;
  }
  return ordered(out, PORT_KEY_ORDER);
}

function normalizeContainer(c: ContainerDefinition, networkMode: string | undefined): ContainerDefinition {
  const out: ContainerDefinition = { ...c };
  if (out.cpu === undefined) out.cpu = 0;
  out.portMappings = (out.portMappings ?? []).map((pm) => normalizePortMapping(pm, networkMode));
  if (out.essential === undefined) out.essential = true;
  if (out.environment === undefined) out.environment = [];
  if (out.mountPoints === undefined) out.mountPoints = [];
  if (out.volumesFrom === undefined) out.volumesFrom = [];
  if (out.systemControls === undefined) out.systemControls = [];
  if (out.healthCheck !== undefined) {
    out.healthCheck = ordered({ interval: 30, timeout: 5, retries: 3, ...out.healthCheck }, HEALTH_CHECK_KEY_ORDER);
  }
  return ordered(out, CONTAINER_KEY_ORDER);
}

function normalizeVolume(v: Volume): Volume {
  const out: Volume = { ...v };
  const hasSource =
    out.host !== undefined ||
    out.dockerVolumeConfiguration !== undefined ||
    out.efsVolumeConfiguration !== undefined ||
    out.fsxWindowsFileServerVolumeConfiguration !== undefined ||
    out.configuredAtLaunch === true;
  // A volume with no source is a Docker-managed bind volume; describe shows it with an empty host.
  if (!hasSource) out.host = {};
  return out;
}

/**
 * The stored body for a validated request. The request is not modified.
 * `family` and `tags` are left out: the registry stores them beside the body.
 */
export function normalizeTaskDefinition(request: RegisterTaskDefinitionRequest): TaskDefinitionBody {
  const req = cloneJson(request);
  const networkMode = effectiveNetworkMode(req);
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(req)) if (!NOT_IN_BODY.has(k) && v !== undefined) body[k] = v;

  body.containerDefinitions = (req.containerDefinitions ?? []).map((c) => normalizeContainer(c, networkMode));
  if (networkMode !== undefined) body.networkMode = networkMode;
  body.volumes = (req.volumes ?? []).map(normalizeVolume);
  body.placementConstraints = req.placementConstraints ?? [];
  if (req.cpu !== undefined) body.cpu = canonicalTaskCpu(req.cpu);
  if (req.memory !== undefined) body.memory = canonicalTaskMemory(req.memory);
  if (body.enableFaultInjection === undefined) body.enableFaultInjection = false;

  const draft = body as TaskDefinitionBody;
  draft.compatibilities = deriveCompatibilities({ ...req, cpu: draft.cpu, memory: draft.memory });
  draft.requiresAttributes = deriveRequiresAttributes(draft).map((name) => ({ name }));
  return ordered(draft, BODY_KEY_ORDER);
}
