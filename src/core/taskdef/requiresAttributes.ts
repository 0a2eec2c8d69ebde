/**
 * `requiresAttributes`: the container-instance attributes ECS infers a definition needs
 * (an output-only field; placement on EC2 only considers instances that have them; Fargate ignores it).
 * The mapping from parameters to attributes follows the ECS developer guide's table of task-definition
 * parameters and the Docker Remote API / agent capability each needs; the names are ECS's own.
 * ECS treats the list as a set; we emit it in first-seen order, containers first, then task-level.
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { TaskDefinitionBody } from './record';

const LEGACY = 'com.amazonaws.ecs.capability.';
const CAP = 'ecs.capability.';
export const dockerApi = (version: string) => `${LEGACY}docker-remote-api.${version}`;

const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

function nonEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function isSecretsManagerArn(valueFrom: string): boolean {
  return valueFrom.includes(':secretsmanager:');
}

function containerAttributes(c: ContainerDefinition, body: TaskDefinitionBody, add: (name: string) => void): void {
  const hasExecutionRole = body.executionRoleArn !== undefined;
  const log = c.logConfiguration;
  if (log?.logDriver) {
    add(`${LEGACY}logging-driver.${log.logDriver}`);
    if (log.logDriver === 'awslogs') {
      if (hasExecutionRole) add(`${CAP}execution-role-awslogs`);
      add(dockerApi('1.19'));
    }
    add(dockerApi('1.18'));
    for (const s of log.secretOptions ?? []) {
      add(isSecretsManagerArn(s.valueFrom ?? '') ? `${CAP}secrets.asm.bootstrap.log-driver` : `${CAP}secrets.ssm.bootstrap.log-driver`);
    }
  }
  if (c.image && ECR_IMAGE.test(c.image)) {
    add(`${LEGACY}ecr-auth`);
    if (hasExecutionRole) add(`${CAP}execution-role-ecr-pull`);
  }
  if (c.repositoryCredentials) add(`${LEGACY}private-registry-authentication.secretsmanager`);
  for (const s of c.secrets ?? []) {
    add(isSecretsManagerArn(s.valueFrom ?? '') ? `${CAP}secrets.asm.environment-variables` : `${CAP}secrets.ssm.environment-variables`);
  }
  if (nonEmpty(c.environmentFiles)) add(`${CAP}env-files.s3`);
  if (c.healthCheck) {
    add(`${CAP}container-health-check`);
    add(dockerApi('1.24'));
  }
  if (nonEmpty(c.dependsOn) || c.startTimeout !== undefined) add(`${CAP}container-ordering`);
  if (c.memoryReservation !== undefined) add(dockerApi('1.21'));
  if (nonEmpty(c.dockerLabels) || nonEmpty(c.ulimits)) add(dockerApi('1.18'));
  if (c.readonlyRootFilesystem !== undefined) add(dockerApi('1.17'));
  if (c.linuxParameters?.initProcessEnabled !== undefined) add(dockerApi('1.25'));
  if (c.firelensConfiguration?.type) add(`${CAP}firelens.${c.firelensConfiguration.type}`);
}

/** The attribute names a normalised body requires, deduplicated, in first-seen order. */
export function deriveRequiresAttributes(body: TaskDefinitionBody): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (!names.includes(name)) names.push(name);
  };
  for (const c of body.containerDefinitions ?? []) containerAttributes(c, body, add);
  if (body.taskRoleArn !== undefined) {
    add(`${LEGACY}task-iam-role`);
    if (body.networkMode === 'host') add(`${LEGACY}task-iam-role-network-host`);
  }
  for (const v of body.volumes ?? []) {
    if (v.efsVolumeConfiguration) {
      add(`${CAP}efs`);
      if (v.efsVolumeConfiguration.authorizationConfig?.iam === 'ENABLED') add(`${CAP}efsAuth`);
    }
    if (v.dockerVolumeConfiguration) add(dockerApi('1.25'));
    if (v.fsxWindowsFileServerVolumeConfiguration) add(`${CAP}fsxWindowsFileServer`);
  }
  if (body.proxyConfiguration) add(`${CAP}aws-appmesh`);
  if (body.networkMode === 'awsvpc') add(`${CAP}task-eni`);
  return names;
}
