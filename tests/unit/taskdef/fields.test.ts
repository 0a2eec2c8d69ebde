import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FieldSpec, ObjectSpec } from '../../../src/core/taskdef/fieldSpec';
import { taskDefinitionFields } from '../../../src/core/taskdef/fields';

// The SDK's own type declarations are the list of members the current ECS API has.
const sdkDir = join(dirname(createRequire(import.meta.url).resolve('@aws-sdk/client-ecs')), '..', 'dist-types', 'models');
const models = ['models_0.d.ts', 'models_1.d.ts'].map((f) => readFileSync(join(sdkDir, f), 'utf8')).join('\n');

function sdkMembers(name: string): string[] {
  const m = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(models);
  if (!m) throw new Error(`no interface ${name}`);
  return [...m[1].matchAll(/^ {4}(\w+)\??:/gm)].map((x) => x[1]);
}

function at(spec: FieldSpec, path: string): ObjectSpec {
  let s: FieldSpec = spec;
  for (const seg of path ? path.split('.') : []) {
    if (s.kind === 'array') s = s.items;
    if (s.kind !== 'object') throw new Error(path);
    s = s.properties[seg];
    if (s.kind === 'array') s = s.items;
  }
  if (s.kind !== 'object') throw new Error(path);
  return s;
}

const SHAPES: [string, string][] = [
  ['', 'RegisterTaskDefinitionRequest'],
  ['containerDefinitions', 'ContainerDefinition'],
  ['containerDefinitions.portMappings', 'PortMapping'],
  ['containerDefinitions.healthCheck', 'HealthCheck'],
  ['containerDefinitions.logConfiguration', 'LogConfiguration'],
  ['containerDefinitions.secrets', 'Secret'],
  ['containerDefinitions.environment', 'KeyValuePair'],
  ['containerDefinitions.environmentFiles', 'EnvironmentFile'],
  ['containerDefinitions.mountPoints', 'MountPoint'],
  ['containerDefinitions.volumesFrom', 'VolumeFrom'],
  ['containerDefinitions.linuxParameters', 'LinuxParameters'],
  ['containerDefinitions.linuxParameters.capabilities', 'KernelCapabilities'],
  ['containerDefinitions.linuxParameters.devices', 'Device'],
  ['containerDefinitions.linuxParameters.tmpfs', 'Tmpfs'],
  ['containerDefinitions.extraHosts', 'HostEntry'],
  ['containerDefinitions.ulimits', 'Ulimit'],
  ['containerDefinitions.dependsOn', 'ContainerDependency'],
  ['containerDefinitions.resourceRequirements', 'ResourceRequirement'],
  ['containerDefinitions.firelensConfiguration', 'FirelensConfiguration'],
  ['containerDefinitions.repositoryCredentials', 'RepositoryCredentials'],
  ['containerDefinitions.systemControls', 'SystemControl'],
  ['containerDefinitions.restartPolicy', 'ContainerRestartPolicy'],
  ['volumes', 'Volume'],
  ['volumes.host', 'HostVolumeProperties'],
  ['volumes.dockerVolumeConfiguration', 'DockerVolumeConfiguration'],
  ['volumes.efsVolumeConfiguration', 'EFSVolumeConfiguration'],
  ['volumes.efsVolumeConfiguration.authorizationConfig', 'EFSAuthorizationConfig'],
  ['volumes.s3filesVolumeConfiguration', 'S3FilesVolumeConfiguration'],
  ['volumes.fsxWindowsFileServerVolumeConfiguration', 'FSxWindowsFileServerVolumeConfiguration'],
  ['volumes.fsxWindowsFileServerVolumeConfiguration.authorizationConfig', 'FSxWindowsFileServerAuthorizationConfig'],
  ['placementConstraints', 'TaskDefinitionPlacementConstraint'],
  ['proxyConfiguration', 'ProxyConfiguration'],
  ['inferenceAccelerators', 'InferenceAccelerator'],
  ['ephemeralStorage', 'EphemeralStorage'],
  ['runtimePlatform', 'RuntimePlatform'],
  ['tags', 'Tag'],
];

describe('the field catalogue covers the current ECS API', () => {
  it.each(SHAPES)('%s has every member of %s, in the same order', (path, shape) => {
    expect(Object.keys(at(taskDefinitionFields, path).properties)).toEqual(sdkMembers(shape));
  });

  it('marks the members the API requires as required', () => {
    expect(taskDefinitionFields.required).toEqual(['family', 'containerDefinitions']);
    expect(at(taskDefinitionFields, 'containerDefinitions.healthCheck').required).toEqual(['command']);
    expect(at(taskDefinitionFields, 'containerDefinitions.dependsOn').required).toEqual(['containerName', 'condition']);
  });

  it('gives every field a short learner description', () => {
    const walk = (s: FieldSpec, path: string): void => {
      expect(s.description.length, path).toBeGreaterThan(5);
      expect(s.description.length, path).toBeLessThan(320);
      if (s.kind === 'object') for (const [k, v] of Object.entries(s.properties)) walk(v, `${path}.${k}`);
      if (s.kind === 'array') walk(s.items, `${path}[]`);
    };
    walk(taskDefinitionFields, 'request');
  });
});
