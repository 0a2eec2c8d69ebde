/**
 * ONE catalogue of task-definition fields: the validator reads types, enums, ranges and patterns from
 * it, and the editor's JSON Schema is generated from it. Members follow RegisterTaskDefinitionRequest
 * of the ECS API (2014-11-13, as in @aws-sdk/client-ecs 3.1162); descriptions are written for learners.
 */
import { containerDefinitionsSpec } from './containerFields';
import { arr, bool, int, keyValueList, NAME_PATTERN, obj, str, type ObjectSpec } from './fieldSpec';
import { volumesSpec } from './volumeFields';

export type { FieldSpec } from './fieldSpec';

export const NETWORK_MODES = ['bridge', 'host', 'awsvpc', 'none'] as const;
export const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'] as const;
export const OS_FAMILIES = [
  'LINUX',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2016_FULL',
  'WINDOWS_SERVER_2004_CORE',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2025_CORE',
  'WINDOWS_SERVER_2025_FULL',
  'WINDOWS_SERVER_20H2_CORE',
] as const;

const tagSpec = obj('A key/value label for cost allocation and access control.', {
  key: str('Tag key: 1-128 characters. Keys starting with "aws:" are reserved.', { minLength: 1, maxLength: 128 }),
  value: str('Tag value: 0-256 characters.', { maxLength: 256 }),
});

export const taskDefinitionFields: ObjectSpec = obj(
  'The body of a RegisterTaskDefinition request: a family name and the containers, plus task-wide settings.',
  {
    family: str(
      'The name shared by all revisions of this task definition. Each registration adds revision 1, 2, 3... Letters, digits, hyphens and underscores, up to 255.',
      { pattern: NAME_PATTERN, minLength: 1, maxLength: 255 },
    ),
    taskRoleArn: str('IAM role the application in the containers uses to call AWS APIs (S3, DynamoDB...).'),
    executionRoleArn: str(
      'IAM role the ECS agent uses on your behalf: pulling from private ECR, sending awslogs, reading secrets. Required on Fargate for those features.',
    ),
    networkMode: str(
      'How containers get networking. awsvpc: own network interface per task (required on Fargate). bridge: Docker bridge with port mapping (Linux EC2 default). host: the instance\'s network directly. none: no outside network.',
      { enum: NETWORK_MODES },
    ),
    containerDefinitions: containerDefinitionsSpec,
    volumes: volumesSpec,
    placementConstraints: arr(
      'Rules limiting which instances may run the task (EC2 only; not on Fargate). At most 10, counting run-time constraints.',
      obj('One placement constraint.', {
        type: str('Only memberOf is allowed in a task definition.', { enum: ['memberOf'] }),
        expression: str('A cluster query language expression, e.g. "attribute:ecs.instance-type =~ t3.*".'),
      }),
      10,
    ),
    requiresCompatibilities: arr(
      'The launch types this definition must be valid for. ECS checks the definition against each one (FARGATE brings the strictest rules). Omitted means EC2.',
      str('A launch type.', { enum: COMPATIBILITIES }),
    ),
    cpu: {
      kind: 'cpuOrMemory',
      description:
        'Task CPU as units ("1024") or vCPU ("1 vCPU"). Required on Fargate, where it pairs with memory from a fixed table (256 to 16384 units). Optional on EC2.',
    },
    memory: {
      kind: 'cpuOrMemory',
      description:
        'Task memory as MiB ("2048") or GB ("2 GB"). Required on Fargate and must fit the chosen cpu. On EC2 it is optional if every container sets memory or memoryReservation.',
    },
    tags: arr('Up to 50 tags on the task definition.', tagSpec, 50),
    pidMode: str('Process namespace: host shares the instance\'s, task shares one between the task\'s containers. Default: each container has its own. host is not on Fargate.', {
      enum: ['host', 'task'],
    }),
    ipcMode: str('IPC namespace: host, task (shared in the task) or none. Not on Fargate or Windows.', { enum: ['host', 'task', 'none'] }),
    proxyConfiguration: obj(
      'App Mesh proxy settings: ECS sets up traffic redirection to the named proxy container.',
      {
        type: str('The proxy type. Only APPMESH.', { enum: ['APPMESH'], default: 'APPMESH' }),
        containerName: str('The proxy container (e.g. envoy); it must be one of containerDefinitions.'),
        properties: keyValueList(
          'Proxy settings: IgnoredUID, IgnoredGID, AppPorts, ProxyIngressPort, ProxyEgressPort, EgressIgnoredPorts, EgressIgnoredIPs.',
          'The property name.',
          'The property value (a string; lists are comma-separated).',
        ),
      },
      ['containerName'],
    ),
    inferenceAccelerators: arr(
      'Elastic Inference accelerators for the task (a retired service; new use is not possible).',
      obj('One accelerator.', { deviceName: str('The name containers refer to.'), deviceType: str('The accelerator type, e.g. eia2.medium.') }, [
        'deviceName',
        'deviceType',
      ]),
    ),
    ephemeralStorage: obj(
      'Extra ephemeral storage for Fargate tasks: 21-200 GiB. Fargate gives 20 GiB when omitted.',
      { sizeInGiB: int('Total ephemeral storage in GiB, 21-200.', { minimum: 21, maximum: 200 }) },
      ['sizeInGiB'],
    ),
    runtimePlatform: obj('The operating system and CPU architecture the task needs. Required on Fargate for Windows or ARM64.', {
      cpuArchitecture: str('X86_64 (default) or ARM64 (Graviton).', { enum: ['X86_64', 'ARM64'] }),
      operatingSystemFamily: str('LINUX (default) or a Windows Server edition.', { enum: OS_FAMILIES }),
    }),
    enableFaultInjection: bool('Allows AWS Fault Injection Service experiments on tasks of this definition. Default false.', false),
  },
  ['family', 'containerDefinitions'],
);
