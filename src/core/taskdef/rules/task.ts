/** Task-level ECS rules: task size, Fargate sizing and restrictions, network mode, tags, volumes, proxy. */
import { isFargateCpu, isFargateWindowsCpu, isValidFargateSize } from '../fargate';
import { TaskMessages, WarningMessages } from '../messages';
import type { RuleInput } from './context';
import { looksLikePlaceholder } from './placeholders';
import { validateCql } from '../../placement/cql';
import { ValidationMessages } from '../../placement/messages';

const EFS_ID = /^fs-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

const MIN_TASK_CPU = 128;
const MAX_TASK_CPU = 196608; // 192 vCPU, current API model (reference §4.7, conflict resolved to the 2026 model)
const MIN_TASK_MEMORY = 6;

export function checkTaskSize(r: RuleInput): void {
  const { req } = r;
  if (req.cpu !== undefined) {
    const cpu = Number(req.cpu);
    if (!r.fargate && (cpu < MIN_TASK_CPU || cpu > MAX_TASK_CPU)) r.error(['cpu'], TaskMessages.cpuRange);
  }
  if (req.memory !== undefined && Number(req.memory) < MIN_TASK_MEMORY) r.error(['memory'], TaskMessages.invalidMemory);
  if (!r.fargate) return;

  if (req.cpu === undefined && !r.isBad(['cpu'])) r.error(r.fargateSegs, TaskMessages.fargateNeedsCpu);
  if (req.memory === undefined && !r.isBad(['memory'])) r.error(r.fargateSegs, TaskMessages.fargateNeedsMemory);
  if (req.cpu === undefined) return;
  if (!isFargateCpu(req.cpu)) {
    r.error(['cpu'], TaskMessages.fargateBadCpu(req.cpu));
    return;
  }
  if (req.memory !== undefined && !isValidFargateSize(req.cpu, req.memory)) {
    r.error(['memory'], TaskMessages.fargateBadPair(req.cpu, req.memory));
    return;
  }
  if (r.windows && !isFargateWindowsCpu(req.cpu)) r.error(['cpu'], TaskMessages.fargateWindowsCpu(req.cpu));
  if (r.windows && req.runtimePlatform?.cpuArchitecture === 'ARM64') {
    r.error(['runtimePlatform', 'cpuArchitecture'], TaskMessages.fargateWindowsArm);
  }
}

export function checkTaskNetworkAndLaunchType(r: RuleInput): void {
  const { req } = r;
  if (r.fargate && req.networkMode !== 'awsvpc' && !r.isBad(['networkMode'])) {
    r.error(r.networkModeGiven ? ['networkMode'] : r.fargateSegs, TaskMessages.fargateNetworkMode);
  }
  if (r.external && req.networkMode === 'awsvpc') r.error(['networkMode'], TaskMessages.externalAwsvpc);
  if (r.fargate && (req.placementConstraints?.length ?? 0) > 0) r.error(['placementConstraints'], TaskMessages.fargatePlacement);
  // memberOf expressions are parsed with the placement engine's cluster query language parser
  (req.placementConstraints ?? []).forEach((c, i) => {
    const syntax = c?.type === 'memberOf' && typeof c.expression === 'string' ? validateCql(c.expression) : undefined;
    if (syntax) r.error(['placementConstraints', i, 'expression'], ValidationMessages.expressionInvalid(syntax.message), 'InvalidParameterException');
  });
  if (r.fargate && req.ipcMode !== undefined) r.error(['ipcMode'], TaskMessages.fargateUnsupported('ipcMode'));
  if (r.fargate && req.pidMode === 'host') r.error(['pidMode'], TaskMessages.fargatePidHost);
  if (r.fargate && (req.inferenceAccelerators?.length ?? 0) > 0) {
    r.error(['inferenceAccelerators'], TaskMessages.fargateUnsupported('inferenceAccelerators'));
  }
  if (!r.fargate && req.ephemeralStorage !== undefined) r.warn(['ephemeralStorage'], WarningMessages.ephemeralNotFargate);
}

export function checkTags(r: RuleInput): void {
  (r.req.tags ?? []).forEach((t, i) => {
    if (t?.key?.toLowerCase().startsWith('aws:')) r.error(['tags', i, 'key'], TaskMessages.tagReserved, 'InvalidParameterException');
  });
}

export function checkRoles(r: RuleInput): void {
  for (const member of ['taskRoleArn', 'executionRoleArn'] as const) {
    if (r.req[member] === '') {
      r.warn([member], WarningMessages.emptyRole(member));
      delete r.req[member];
    }
  }
}

export function checkVolumes(r: RuleInput): void {
  const seen = new Set<string>();
  let launchVolumes = 0;
  (r.req.volumes ?? []).forEach((v, i) => {
    if (!v) return;
    const name = v.name ?? '';
    if (v.name !== undefined) {
      if (seen.has(v.name)) r.error(['volumes', i, 'name'], TaskMessages.volumeDuplicate(v.name));
      seen.add(v.name);
    }
    if (v.configuredAtLaunch === true && ++launchVolumes > 1) r.error(['volumes', i, 'configuredAtLaunch'], TaskMessages.tooManyLaunchVolumes);
    const efs = v.efsVolumeConfiguration;
    if (efs?.fileSystemId !== undefined && !EFS_ID.test(efs.fileSystemId) && !looksLikePlaceholder(efs.fileSystemId)) {
      r.warn(['volumes', i, 'efsVolumeConfiguration', 'fileSystemId'], WarningMessages.efsId(efs.fileSystemId));
    }
    if (efs) {
      const needsTls = efs.authorizationConfig?.iam === 'ENABLED' || efs.authorizationConfig?.accessPointId !== undefined;
      if (needsTls && efs.transitEncryption !== 'ENABLED') {
        r.error(['volumes', i, 'efsVolumeConfiguration', 'transitEncryption'], TaskMessages.efsNeedsTransitEncryption);
      }
      if (efs.authorizationConfig?.accessPointId !== undefined && efs.rootDirectory !== undefined && efs.rootDirectory !== '/') {
        r.error(['volumes', i, 'efsVolumeConfiguration', 'rootDirectory'], TaskMessages.efsRootWithAccessPoint);
      }
    }
    if (!r.fargate) return;
    if (v.host?.sourcePath !== undefined) r.error(['volumes', i, 'host', 'sourcePath'], TaskMessages.fargateHostVolume(name));
    if (v.dockerVolumeConfiguration) r.error(['volumes', i, 'dockerVolumeConfiguration'], TaskMessages.fargateDockerVolume(name));
    if (v.fsxWindowsFileServerVolumeConfiguration) {
      r.error(['volumes', i, 'fsxWindowsFileServerVolumeConfiguration'], TaskMessages.fargateFsxVolume(name));
    }
  });
}

export function checkProxy(r: RuleInput): void {
  const name = r.req.proxyConfiguration?.containerName;
  if (name !== undefined && !r.byName.has(name)) r.error(['proxyConfiguration', 'containerName'], TaskMessages.proxyContainerMissing(name));
}
