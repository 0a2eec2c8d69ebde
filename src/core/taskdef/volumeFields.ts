/** Catalogue entries for task-definition volumes (ECS API model `Volume` and its configurations). */
import { arr, bool, int, NAME_PATTERN, obj, str, stringMap } from './fieldSpec';

const efs = obj(
  'Mounts an Amazon EFS file system (Linux, EC2 and Fargate).',
  {
    fileSystemId: str('The EFS file system ID, such as fs-0123456789abcdef0.'),
    rootDirectory: str('Directory inside the file system to mount as the root. Default "/". Must be omitted or "/" when an access point with IAM is used.'),
    transitEncryption: str('Encrypts data between the host and EFS. Default DISABLED; required ENABLED when IAM authorization or an access point is used.', {
      enum: ['ENABLED', 'DISABLED'],
      default: 'DISABLED',
    }),
    transitEncryptionPort: int('Port for encrypted EFS traffic; the mount helper picks one when omitted.', { minimum: 0, maximum: 65535 }),
    authorizationConfig: obj('Access point and IAM settings for the mount.', {
      accessPointId: str('The EFS access point ID (fsap-...). Needs transitEncryption ENABLED.'),
      iam: str('Whether to use the task role for EFS authorization. Default DISABLED; ENABLED needs transitEncryption ENABLED.', {
        enum: ['ENABLED', 'DISABLED'],
        default: 'DISABLED',
      }),
    }),
  },
  ['fileSystemId'],
);

const fsx = obj(
  'Mounts an Amazon FSx for Windows File Server share (Windows containers).',
  {
    fileSystemId: str('The FSx for Windows File Server file system ID.'),
    rootDirectory: str('The share directory to mount as the root.'),
    authorizationConfig: obj(
      'How the container authenticates to the share.',
      {
        credentialsParameter: str('Secrets Manager or SSM ARN holding the domain user\'s credentials.'),
        domain: str('The fully qualified Active Directory domain name.'),
      },
      ['credentialsParameter', 'domain'],
    ),
  },
  ['fileSystemId', 'rootDirectory', 'authorizationConfig'],
);

const s3files = obj(
  'Mounts an Amazon S3 Files file system.',
  {
    fileSystemArn: str('The ARN of the S3 Files file system.'),
    rootDirectory: str('Directory to mount as the root. Default "/".'),
    transitEncryptionPort: int('Port for encrypted traffic; chosen by the mount helper when omitted.', { minimum: 0, maximum: 65535 }),
    accessPointArn: str('ARN of an S3 Files access point; rootDirectory must then be omitted or "/".'),
  },
  ['fileSystemArn'],
);

export const volumeSpec = obj('One data volume that containers can mount through mountPoints.', {
  name: str('The volume name that mountPoints.sourceVolume refers to. Letters, digits, hyphens and underscores, up to 255.', {
    pattern: NAME_PATTERN,
    maxLength: 255,
  }),
  host: obj(
    'A bind mount. With sourcePath, a directory on the host (EC2 only); without it, an empty directory that lives as long as the task (works on Fargate).',
    { sourcePath: str('Path on the host to mount. Not supported on Fargate.') },
  ),
  dockerVolumeConfiguration: obj('A Docker-managed volume, optionally through a volume driver plugin (EC2 only).', {
    scope: str('task: created with the task and removed when it stops. shared: outlives the task. Default task.', {
      enum: ['task', 'shared'],
      default: 'task',
    }),
    autoprovision: bool('For shared scope: create the volume if it does not exist yet. Default false.', false),
    driver: str('The Docker volume driver, such as local or rexray/ebs.'),
    driverOpts: stringMap('Options passed to the volume driver.', 'The option value.'),
    labels: stringMap('Labels added to the Docker volume.', 'The label value.'),
  }),
  efsVolumeConfiguration: efs,
  s3filesVolumeConfiguration: s3files,
  fsxWindowsFileServerVolumeConfiguration: fsx,
  configuredAtLaunch: bool('The volume (Amazon EBS) is configured when the task runs or the service is created, not here. At most one per task definition.'),
});

export const volumesSpec = arr('Data volumes the containers can mount.', volumeSpec);
