/**
 * Every text the task-definition parser and validator produce, in one place.
 * [ECS] = quoted from real ECS ClientException responses (AWS docs or users' logs, see
 * docs/taskdef-validation.md); [CLI] = the AWS CLI's parameter validation wording; others are ours.
 */
import { FARGATE_CPU_VALUES, fargateMemoryOptions } from './fargate';

const list = (xs: readonly (string | number)[]) => xs.join(', ');

export const SyntaxMessages = {
  empty: 'The task definition is empty. Write a JSON object such as {"family": "web", "containerDefinitions": [...]}.',
  notObjectArray:
    'Expected a JSON object (a task definition) but found an array. A list of containers (like Terraform\'s container_definitions) goes inside {"family": "...", "containerDefinitions": [...]}.',
  notObjectScalar: (kind: string) => `Expected a JSON object (a task definition) but found ${kind}.`,
  tooLarge: (bytes: number) =>
    `The task definition is ${bytes} bytes; ECS accepts task definitions up to 64 KiB (65536 bytes).`,
  tooDeep: (max: number) => `The JSON is nested more than ${max} levels deep; a task definition never needs that.`,
  comment: 'Comments are not allowed in JSON. Remove this comment (ECS, the AWS CLI and JSON.parse all reject it).',
  trailingComma: 'Trailing comma: JSON does not allow a comma before a closing bracket or brace. Remove it.',
  missingComma: 'Missing comma: separate this member or element from the previous one with ",".',
  missingColon: 'Missing colon: write "name": value.',
  propertyName: 'Expected a property name in double quotes. Template tokens must be substituted before the file is valid JSON.',
  valueExpected: 'Expected a JSON value (a string in double quotes, a number, true, false, null, an object or an array).',
  unterminatedString: 'Unterminated string: add the closing double quote.',
  invalidSymbol: 'Unexpected character: this is not valid JSON. Unquoted template variables must be substituted first.',
  invalidEscape: 'Invalid escape sequence in a string. Use \\\\ for a backslash.',
  invalidUnicode: 'Invalid \\u escape: it needs four hexadecimal digits.',
  invalidCharacter: 'Control characters (such as a raw tab or newline) are not allowed inside a JSON string; escape them (\\t, \\n).',
  invalidNumber: 'Invalid number format.',
  closeBracket: 'Expected "]" to close the array.',
  closeBrace: 'Expected "}" to close the object.',
  endOfFile: 'Unexpected text after the end of the JSON object.',
  generic: 'This is not valid JSON.',
  duplicateKey: (key: string) => `Duplicate key "${key}": only the last value is used (as JSON.parse and ECS do). Remove one.`,
} as const;

export const TypeMessages = {
  // [CLI] botocore ParamValidationError wording
  wrongType: (param: string, value: string, got: string, expected: string) =>
    `Invalid type for parameter ${param}, value: ${value}, type: ${got}, valid types: ${expected}`,
  unknown: (parent: string, key: string, allowed: readonly string[]) =>
    `Unknown parameter in ${parent}: "${key}", must be one of: ${list(allowed)}`,
  missing: (parent: string, key: string) => `Missing required parameter in ${parent}: "${key}"`,
  // ours, in the spirit of the CLI's range messages
  range: (param: string, value: number, min?: number, max?: number) =>
    min !== undefined && max !== undefined
      ? `Invalid value for parameter ${param}, value: ${value}, valid range: ${min}-${max}`
      : min !== undefined
        ? `Invalid value for parameter ${param}, value: ${value}, valid min value: ${min}`
        : `Invalid value for parameter ${param}, value: ${value}, valid max value: ${max}`,
  enumValue: (param: string, value: string, allowed: readonly string[]) =>
    `Invalid value '${value}' for ${param}. Valid values: ${list(allowed)}.`,
  tooShort: (param: string, min: number) => `Invalid length for parameter ${param}, valid min length: ${min}`,
  tooLong: (param: string, max: number) => `Invalid length for parameter ${param}, valid max length: ${max}`,
  tooFew: (param: string, min: number) => `${param} must contain at least ${min} item${min === 1 ? '' : 's'}.`,
  tooMany: (param: string, max: number) => `${param} must contain at most ${max} items.`,
  pattern: (param: string) => `Invalid value for parameter ${param}: it does not match the allowed format.`,
} as const;

export const TaskMessages = {
  // [ECS] observed
  familyInvalid: 'Family contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.',
  tooManyContainers: 'Too many containers: a task definition can have at most 10 container definitions.',
  noContainers: 'A task definition needs at least one container definition.',
  // [ECS] task-cpu-memory-error troubleshooting page (current wording)
  invalidCpu: "Invalid 'cpu' setting for task.",
  invalidMemory: "Invalid 'memory' setting for task.",
  cpuUnparseable: (v: string) =>
    `Invalid 'cpu' setting for task. "${v}" is neither CPU units ("1024") nor vCPUs ("1 vCPU").`,
  memoryUnparseable: (v: string) =>
    `Invalid 'memory' setting for task. "${v}" is neither MiB ("2048") nor GB ("2 GB").`,
  cpuRange: "Invalid 'cpu' setting for task. Task CPU must be between 128 and 196608 CPU units (0.125 to 192 vCPU).",
  // [ECS] observed (Terraform users' logs, reference §4.7)
  fargateNeedsCpu: "Fargate requires that 'cpu' be defined at the task level.",
  fargateNeedsMemory: "Fargate requires that 'memory' be defined at the task level.",
  fargateBadCpu: (cpu: string) =>
    `Invalid 'cpu' setting for task. ${cpu} is not a Fargate CPU value; use one of ${list(FARGATE_CPU_VALUES)}.`,
  fargateBadPair: (cpu: string, memory: string) =>
    `No Fargate configuration exists for given values. With cpu ${cpu}, memory ${memory} is not allowed; valid memory values (MiB): ${list(fargateMemoryOptions(cpu))}.`,
  fargateWindowsCpu: (cpu: string) =>
    `Invalid 'cpu' setting for task. Windows containers on Fargate need one of 1024, 2048 or 4096 CPU units; ${cpu} is not available.`,
  fargateWindowsArm: 'Windows containers on Fargate run on X86_64 only; ARM64 is not supported.',
  fargateNetworkMode: "Fargate only supports network mode 'awsvpc'.",
  fargatePlacement: 'Fargate does not support task placement constraints.',
  fargateUnsupported: (param: string) => `Fargate does not support the '${param}' parameter.`,
  fargateHostVolume: (name: string) =>
    `Fargate does not support host volumes with a sourcePath (volume '${name}'). Omit sourcePath for a task-scoped volume, or use EFS.`,
  fargateDockerVolume: (name: string) => `Fargate does not support Docker volumes (volume '${name}'). Use a bind volume without sourcePath or EFS.`,
  fargateFsxVolume: (name: string) => `Fargate does not support FSx for Windows File Server volumes (volume '${name}').`,
  fargateLogDriver: (driver: string) => `Fargate does not support the log driver '${driver}'. Use awslogs, splunk or awsfirelens.`,
  fargateCapability: (cap: string) => `Fargate only allows adding the SYS_PTRACE capability; '${cap}' is not supported.`,
  fargateStartTimeout: (v: number) => `Invalid 'startTimeout' ${v}: on Fargate it must be between 2 and 120 seconds.`,
  fargateStopTimeout: (v: number) => `Invalid 'stopTimeout' ${v}: on Fargate the maximum is 120 seconds.`,
  fargatePidHost: "Fargate does not support pidMode 'host'.",
  externalAwsvpc: "The EXTERNAL launch type (ECS Anywhere) does not support network mode 'awsvpc'.",
  tagReserved: 'Tag keys and values may not begin with the reserved prefix "aws:".',
  // [ECS] observed (reference §4.7, SOURCES.md)
  fargateAwslogsRole: 'Fargate requires task definition to have execution role ARN to support log driver awslogs.',
  // [ECS] widely reported wording
  secretsNeedRole: "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.",
  repoCredsNeedRole:
    "When you are specifying private repository authentication, you must also specify a value for 'executionRoleArn'.",
  envFilesNeedRole: "When you are specifying environment files, you must also specify a value for 'executionRoleArn'.",
  proxyContainerMissing: (name: string) =>
    `The proxyConfiguration containerName '${name}' does not match any container in the task definition.`,
  volumeDuplicate: (name: string) => `Volume names must be unique within a task definition; '${name}' appears more than once.`,
  tooManyLaunchVolumes: 'Only one volume may be configured at launch (configuredAtLaunch) per task definition.',
  efsNeedsTransitEncryption: "EFS IAM authorization and access points require 'transitEncryption' to be ENABLED.",
  efsRootWithAccessPoint: "When an EFS access point is used, 'rootDirectory' must be omitted or set to '/'.",
} as const;

export const ContainerMessages = {
  // [ECS] observed
  nameEmpty: 'Container.name should not be null or empty.',
  nameInvalid: 'Container.name contains invalid characters.',
  namesUnique: 'Container names must be unique within a Task Definition.',
  imageEmpty: 'Container.image should not be null or empty.',
  imageTooLong: (name: string) => `Invalid image for container '${name}': the repository and tag may be at most 255 characters.`,
  imageBadDigest: (name: string) =>
    `Invalid image for container '${name}': a digest must be sha256: followed by exactly 64 hexadecimal characters.`,
  memoryRequired: (name: string) =>
    `Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
  reservationAboveMemory: (name: string) =>
    `Invalid setting for container '${name}'. 'memoryReservation' must be less than or equal to 'memory'.`,
  // [ECS] observed (reference §4.5)
  memoryAboveTask: "The 'memory' setting for container is greater than for the task.",
  // [ECS] observed in users' logs
  reservationSum: "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.",
  memorySum: "The sum of all container 'memory' values cannot be greater than the value of the task 'memory'.",
  cpuSum: "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.",
  noEssential: 'A task definition must have at least one essential container.',
  // [ECS] observed
  dependsOnEssential: 'A dependency container with SUCCESS or COMPLETE condition cannot be an essential container',
  dependsOnMissing: (target: string) => `dependsOn refers to container '${target}', which is not in the task definition.`,
  dependsOnHealthy: (target: string) =>
    `Container '${target}' has no healthCheck, so no container can depend on it with condition HEALTHY.`,
  dependsOnCycle: (cycle: readonly string[]) => `Container dependencies form a cycle: ${cycle.join(' -> ')}.`,
  linkMissing: (target: string) => `links refers to container '${target}', which is not in the task definition.`,
  linksNotBridge: (mode: string) => `links are only supported in the bridge network mode, not '${mode}'.`,
  volumesFromMissing: (target: string) => `volumesFrom refers to container '${target}', which is not in the task definition.`,
  mountMissingVolume: (volume: string) => `mountPoints refers to volume '${volume}', which is not in the task definition's volumes.`,
  hostnameAwsvpc: "The 'hostname' parameter is not supported in the awsvpc network mode.",
  extraHostsAwsvpc: "The 'extraHosts' parameter is not supported in the awsvpc network mode.",
  // [ECS] observed
  containerPortInvalid: (name: string) => `Invalid 'containerPort' setting for container '${name}'.`,
  hostPortMustMatch: (mode: string) =>
    `When networkMode=${mode}, the host ports and container ports in port mappings must match.`,
  portsWithNone: "Port mappings are not supported in network mode 'none'.",
  hostPortTaken: (port: number, protocol: string, other: string) =>
    `Host port ${port}/${protocol} is already used by container '${other}' in this task definition.`,
  portRangeInvalid: (range: string) =>
    `Invalid containerPortRange '${range}': write "first-last" with 1 <= first < last <= 65535.`,
  portRangeMode: (mode: string) => `containerPortRange needs the bridge or awsvpc network mode, not '${mode}'.`,
  // [ECS] observed (klotho issue #892 list of ClientExceptions)
  awslogsOptions: (missing: readonly string[]) => `Log driver awslogs requires options: ${list(missing)}`,
  firelensRouterMissing:
    "The awsfirelens log driver needs a log router: one container in the task must have a 'firelensConfiguration'.",
  firelensTwoRouters: 'Only one container in a task definition may have a firelensConfiguration.',
  healthCheckEmpty: 'healthCheck.command must not be empty.',
  gpuValue: (v: string) => `Invalid GPU value '${v}': give a whole number of GPUs such as "1".`,
  gpuValueAndSharing: "Give a GPU requirement either a 'value' or a 'sharingStrategy', not both.",
  inferenceMissing: (v: string) => `Resource requirement InferenceAccelerator '${v}' does not match any inferenceAccelerators deviceName.`,
} as const;

export const WarningMessages = {
  nullValue: 'null is treated as if the member were absent (the AWS CLI rejects null; remove the line).',
  outputOnly: (key: string) =>
    `"${key}" is a read-only field of describe-task-definition output; it was dropped (the AWS CLI rejects it as an unknown parameter).`,
  unwrapped: 'Unwrapped describe-task-definition output: the task definition inside "taskDefinition" was used.',
  wrapperExtra: (key: string) => `"${key}" beside "taskDefinition" is not part of a task definition and was ignored.`,
  wrapperTags: 'The "tags" beside "taskDefinition" were used as the task definition\'s tags.',
  placeholder: (text: string) =>
    `"${text}" looks like a template placeholder; substitute it before registering (ECS would take it literally).`,
  latestTag: (image: string) =>
    `Image "${image}" uses the latest tag (explicitly or by having no tag); pin a version so every task runs the same image.`,
  noLogging: (name: string) =>
    `Container '${name}' has no logConfiguration, so its output is not collected (on Fargate it is lost). Consider awslogs.`,
  healthCheckForm: 'healthCheck.command should start with "CMD" or "CMD-SHELL"; otherwise the check fails when the container runs.',
  emptyRole: (member: string) => `${member} is an empty string; it is treated as absent.`,
  ecrWithoutRole:
    'The image is in a private Amazon ECR repository but there is no executionRoleArn; Fargate tasks will fail to pull it.',
  fargateUlimit: (name: string) => `Fargate only lets you change the nofile ulimit; '${name}' keeps its default.`,
  fargateSysctl: (ns: string) => `Fargate supports only network (net.*) system controls; '${ns}' may be refused.`,
  windowsUnsupported: (param: string) => `'${param}' is not supported for Windows containers; ECS or Docker ignores or refuses it.`,
  ephemeralNotFargate: 'ephemeralStorage only has an effect on Fargate; EC2 tasks use the instance\'s storage.',
  imageMalformed: (image: string) =>
    `Image "${image}" is not a well-formed image reference (letters, digits, - _ . : / # @ only); the pull would fail.`,
  efsId: (id: string) => `"${id}" does not look like an EFS file system ID (fs- followed by 8 or 17 hexadecimal digits); the mount would fail.`,
} as const;
