/**
 * Catalogue entries for ContainerDefinition and its nested shapes. Members, enums and limits follow
 * the ECS API model (RegisterTaskDefinition, API version 2014-11-13); descriptions are ours.
 */
import { arr, bool, int, keyValueList, NAME_PATTERN, obj, str, stringMap, type FieldSpec } from './fieldSpec';

export const secretSpec = obj(
  'A secret ECS reads at container start and exposes to the container.',
  {
    name: str('The environment variable (or log option) name the secret is exposed as.'),
    valueFrom: str(
      'The secret to read: an AWS Secrets Manager ARN (optionally with :json-key:version-stage:version-id), or an SSM Parameter Store ARN or, in the same Region, the parameter name.',
    ),
  },
  ['name', 'valueFrom'],
);

const portMapping = obj('Publishes one container port (or port range).', {
  containerPort: int('The port the application listens on inside the container (0-65535).', { minimum: 0, maximum: 65535 }),
  hostPort: int(
    'The port on the host. With awsvpc or host networking it must be omitted or equal containerPort; with bridge, 0 or omitted picks a free dynamic port.',
    { minimum: 0, maximum: 65535 },
  ),
  protocol: str('Transport protocol of the mapping. Default tcp.', { enum: ['tcp', 'udp'], default: 'tcp' }),
  name: str('A name for the port, used by Service Connect to refer to it. Lowercase letters, digits and hyphens, up to 64 characters.', {
    maxLength: 64,
  }),
  appProtocol: str('The application protocol Service Connect uses for metrics and routing on this port.', {
    enum: ['http', 'http2', 'grpc'],
  }),
  containerPortRange: str(
    'A range such as "8000-8100" instead of containerPort (bridge or awsvpc only, at most 100 ranges per container). The host port range is chosen by ECS.',
  ),
});

export const healthCheckSpec = obj(
  'A Docker health check ECS runs in the container. The task health is derived from essential containers only.',
  {
    command: arr(
      'The check to run: ["CMD", "exe", "arg"] (exec form) or ["CMD-SHELL", "cmd || exit 1"] (shell form). Exit code 0 means healthy.',
      str('One element of the health-check command.'),
    ),
    interval: int('Seconds between checks, 5-300. Default 30.', { minimum: 5, maximum: 300, default: 30 }),
    timeout: int('Seconds one check may take before it counts as failed, 2-60. Default 5.', { minimum: 2, maximum: 60, default: 5 }),
    retries: int('Consecutive failures before the container is UNHEALTHY, 1-10. Default 3.', { minimum: 1, maximum: 10, default: 3 }),
    startPeriod: int('Grace period in seconds (0-300) in which failures do not count; a success ends it early. Off by default.', {
      minimum: 0,
      maximum: 300,
    }),
  },
  ['command'],
);

const logConfiguration = obj(
  'Where the container logs go. Without it, logs stay with the Docker daemon (EC2) or are lost (Fargate).',
  {
    logDriver: str(
      'The log driver. Fargate supports awslogs, splunk and awsfirelens; EC2 supports all of them. awslogs on Fargate needs an executionRoleArn.',
      { enum: ['json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'awsfirelens'] },
    ),
    options: stringMap(
      'Options passed to the log driver, such as awslogs-group, awslogs-region and awslogs-stream-prefix for awslogs.',
      'The option value (always a string).',
    ),
    secretOptions: arr('Log driver options read from secrets; they need an executionRoleArn.', secretSpec),
  },
  ['logDriver'],
);

const linuxParameters = obj('Linux-specific settings: capabilities, devices, init process, shared memory, tmpfs and swap.', {
  capabilities: obj('Linux capabilities added to or dropped from Docker\'s default set. Fargate only allows adding SYS_PTRACE.', {
    add: arr('Capabilities to add, such as NET_ADMIN or SYS_PTRACE.', str('A capability name without the CAP_ prefix.')),
    drop: arr('Capabilities to drop, such as ALL or NET_RAW.', str('A capability name without the CAP_ prefix.')),
  }),
  devices: arr(
    'Host devices exposed to the container (EC2 only; not on Fargate).',
    obj(
      'One host device.',
      {
        hostPath: str('Path of the device on the host, such as /dev/fuse.'),
        containerPath: str('Path of the device inside the container. Defaults to hostPath.'),
        permissions: arr('Cgroup permissions on the device.', str('A permission.', { enum: ['read', 'write', 'mknod'] })),
      },
      ['hostPath'],
    ),
  ),
  initProcessEnabled: bool('Runs an init process as PID 1 that forwards signals and reaps zombies. Recommended for ECS Exec.'),
  sharedMemorySize: int('Size of /dev/shm in MiB (EC2 only).', { minimum: 0 }),
  tmpfs: arr(
    'In-memory tmpfs mounts (EC2 only; not on Fargate).',
    obj(
      'One tmpfs mount.',
      {
        containerPath: str('Where the tmpfs is mounted in the container.'),
        size: int('Maximum size of the tmpfs in MiB.', { minimum: 1 }),
        mountOptions: arr('Mount options such as rw, noexec or size-related flags.', str('A tmpfs mount option.')),
      },
      ['containerPath', 'size'],
    ),
  ),
  maxSwap: int('Swap the container may use, in MiB (EC2 only). 0 disables swap; omitted uses the instance default.', { minimum: 0 }),
  swappiness: int('How readily the kernel swaps this container\'s pages, 0-100 (EC2 only). Default 60 when maxSwap is set.', {
    minimum: 0,
    maximum: 100,
  }),
});

const ulimitNames = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'] as const;

const restartPolicy = obj(
  'Lets ECS restart this container in place when it exits, without replacing the task.',
  {
    enabled: bool('Turns the restart policy on or off.'),
    ignoredExitCodes: arr('Exit codes that do not trigger a restart (at most 50). None by default.', int('An exit code.'), 50),
    restartAttemptPeriod: int(
      'Seconds (60-1800, default 300) the container must run before a restart is attempted; ECS restarts it at most once per period.',
      { minimum: 60, maximum: 1800, default: 300 },
    ),
  },
  ['enabled'],
);

const sharingStrategy = obj('How this container shares a GPU with others. Give either value or sharingStrategy, not both.', {
  nvidiaMps: obj(
    'Shares one GPU through NVIDIA Multi-Process Service.',
    {
      memory: int('GPU memory in MiB reserved for the container.', { minimum: 1 }),
      maxComputePercent: int('Upper bound on the share of GPU compute the container may use, in percent.', { minimum: 1, maximum: 100 }),
    },
    ['memory'],
  ),
});

export const containerDefinitionFields = obj(
  'One container of the task: its image, resources, ports, environment, storage, logging and health check.',
  {
    name: str('The container name, unique in the task. Used by links, dependsOn and load balancers. Letters, digits, hyphens and underscores, up to 255.', {
      pattern: NAME_PATTERN,
      minLength: 1,
      maxLength: 255,
    }),
    image: str(
      'The image to run: "nginx:1.27", "public.ecr.aws/repo/app:tag", an ECR URI, or repo@sha256:<digest>. Without a tag, Docker pulls :latest.',
      { minLength: 1, examples: ['nginx:1.27', '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1'] },
    ),
    repositoryCredentials: obj(
      'Credentials for a private registry other than ECR. Needs an executionRoleArn that can read the secret.',
      { credentialsParameter: str('ARN of the Secrets Manager secret holding the registry username and password.', { minLength: 1 }) },
      ['credentialsParameter'],
    ),
    cpu: int(
      'CPU units reserved for the container (1024 = one vCPU). On Linux it is a relative weight; optional on Fargate, where the sum must stay within the task cpu.',
      { minimum: 0 },
    ),
    memory: int(
      'Hard memory limit in MiB; the container is killed if it goes above. Without task-level memory (EC2), set memory or memoryReservation. Must exceed memoryReservation.',
      { minimum: 6 },
    ),
    memoryReservation: int(
      'Soft memory limit in MiB that the scheduler reserves on the instance; the container may burst above it up to memory.',
      { minimum: 0 },
    ),
    links: arr(
      'Links to other containers ("name" or "name:alias") so they can reach each other by name. bridge network mode only; not on Windows.',
      str('A container name, optionally with ":alias".'),
    ),
    portMappings: arr('Ports the container publishes. Needed for load balancers and for reaching the container from outside.', portMapping),
    essential: bool('If an essential container stops, ECS stops the whole task. Default true; every task needs at least one essential container.', true),
    restartPolicy,
    entryPoint: arr('Overrides the image ENTRYPOINT. Each argument is a separate string.', str('One entry point argument.')),
    command: arr('Overrides the image CMD. Each argument is a separate string, e.g. ["npm", "start"].', str('One command argument.')),
    environment: keyValueList(
      'Plain environment variables. Do not put secrets here; use secrets instead.',
      'The variable name.',
      'The variable value.',
    ),
    environmentFiles: arr(
      'Up to 10 .env files in S3 loaded as environment variables (needs an execution role that can read them).',
      obj(
        'One environment file.',
        { value: str('The S3 object ARN of the .env file.'), type: str('The file type; only s3 exists.', { enum: ['s3'] }) },
        ['value', 'type'],
      ),
      10,
    ),
    mountPoints: arr(
      'Volumes from the task\'s volumes list mounted into this container.',
      obj('One mount.', {
        sourceVolume: str('The name of a volume in the task definition.'),
        containerPath: str('Where the volume appears inside the container.'),
        readOnly: bool('Mount read-only. Default false.', false),
      }),
    ),
    volumesFrom: arr(
      'Mounts every volume of another container in the same task.',
      obj('One source container.', {
        sourceContainer: str('The container to take volumes from.'),
        readOnly: bool('Mount read-only. Default false.', false),
      }),
    ),
    linuxParameters,
    secrets: arr('Secrets from Secrets Manager or SSM Parameter Store, injected as environment variables. Needs an executionRoleArn.', secretSpec),
    dependsOn: arr(
      'Containers that must reach a condition before this one starts; shutdown happens in reverse order.',
      obj(
        'One dependency.',
        {
          containerName: str('The container this one waits for.'),
          condition: str(
            'START: it started. COMPLETE: it exited (any code). SUCCESS: it exited with 0. HEALTHY: its health check passed (it needs a healthCheck).',
            { enum: ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'] },
          ),
        },
        ['containerName', 'condition'],
      ),
    ),
    startTimeout: int('Seconds to wait for this container\'s dependencies before giving up. On Fargate 2-120.', { minimum: 0 }),
    stopTimeout: int('Seconds between SIGTERM and SIGKILL when the container is stopped. Default 30; at most 120 on Fargate.', { minimum: 0 }),
    versionConsistency: str('enabled (default): ECS pins the image tag to the digest it resolved at deployment. disabled: every task pulls the tag again.', {
      enum: ['enabled', 'disabled'],
      default: 'enabled',
    }),
    hostname: str('The container hostname. Not allowed with awsvpc network mode.'),
    user: str('User to run as: "user", "uid", "user:group", "uid:gid" and similar. On Windows, not supported.'),
    workingDirectory: str('The working directory the command runs in.'),
    disableNetworking: bool('Turns networking off inside the container. Not on Fargate or Windows.'),
    privileged: bool('Gives the container root-like access to the host. Not on Fargate or Windows.'),
    readonlyRootFilesystem: bool('Makes the root filesystem read-only; write to volumes instead. Not on Windows.'),
    dnsServers: arr('DNS servers for the container. Not on Fargate or Windows.', str('An IP address.')),
    dnsSearchDomains: arr('DNS search domains for the container. Not on Fargate or Windows.', str('A search domain.')),
    extraHosts: arr(
      'Extra lines for /etc/hosts. Not with awsvpc (so not on Fargate) and not on Windows.',
      obj('One /etc/hosts entry.', { hostname: str('The hostname.'), ipAddress: str('The IP address.') }, ['hostname', 'ipAddress']),
    ),
    dockerSecurityOptions: arr(
      'Security labels for SELinux/AppArmor, or a Windows gMSA credential spec ("credentialspec:..."). Not on Fargate.',
      str('One security option, such as "no-new-privileges" or "label:...".'),
    ),
    interactive: bool('Keeps stdin open (docker run -i).'),
    pseudoTerminal: bool('Allocates a TTY (docker run -t).'),
    dockerLabels: stringMap('Docker labels added to the container.', 'The label value.'),
    ulimits: arr(
      'Resource limits (ulimits) for the container. On Fargate only nofile can be changed.',
      obj(
        'One ulimit.',
        {
          name: str('The limit to set.', { enum: ulimitNames }),
          softLimit: int('The soft limit.'),
          hardLimit: int('The hard limit.'),
        },
        ['name', 'softLimit', 'hardLimit'],
      ),
    ),
    logConfiguration,
    healthCheck: healthCheckSpec,
    systemControls: arr(
      'Kernel parameters (sysctls) set in the container, such as net.ipv4.tcp_keepalive_time.',
      obj('One sysctl.', { namespace: str('The sysctl name.'), value: str('The sysctl value.') }),
    ),
    resourceRequirements: arr(
      'Special resources for the container: GPUs (EC2), Neuron devices, or Elastic Inference accelerators (retired).',
      obj(
        'One resource requirement.',
        {
          value: str('Number of GPUs (as a string, e.g. "1"), "ALL" for Neuron devices, or the inference accelerator deviceName.'),
          type: str('The kind of resource.', { enum: ['GPU', 'InferenceAccelerator', 'NeuronDevice'] }),
          sharingStrategy,
        },
        ['type'],
      ),
    ),
    firelensConfiguration: obj(
      'Marks this container as the FireLens log router (Fluent Bit or Fluentd) for the other containers.',
      {
        type: str('The log router.', { enum: ['fluentbit', 'fluentd'] }),
        options: stringMap(
          'Router options, such as enable-ecs-log-metadata, config-file-type (s3 or file) and config-file-value.',
          'The option value.',
        ),
      },
      ['type'],
    ),
    credentialSpecs: arr(
      'One credential spec ("credentialspec:ARN" or "credentialspecdomainless:ARN") for Active Directory (gMSA) authentication.',
      str('A credential spec reference.'),
      1,
    ),
  },
);

export const containerDefinitionsSpec: FieldSpec = {
  kind: 'array',
  description: 'The containers of the task: 1 to 10. At least one must be essential.',
  items: containerDefinitionFields,
  minItems: 1,
  maxItems: 10,
};
