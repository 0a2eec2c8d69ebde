/**
 * What the ECS agent of a playground instance reports when it registers: version, the ports it
 * reserves, and the attributes (built-in and capability) that placement constraints and the task
 * definition's requiresAttributes are matched against (reference §3.4, §3.5).
 */
import type { Ec2InstanceRecord, AgentVersionInfo, InstanceAttribute } from './records';
import type { InstanceType } from './instanceTypes';

/**
 * The agent build every playground instance runs. The shape is what DescribeContainerInstances shows
 * (`dockerVersion` is prefixed with "DockerVersion: " by the agent); the numbers are representative,
 * not a claim about the newest release.
 */
export const AGENT_VERSION_INFO: AgentVersionInfo = {
  agentVersion: '1.101.0',
  agentHash: '8d30b2e5',
  dockerVersion: 'DockerVersion: 25.0.8',
};

/** ECS-optimized Amazon Linux 2023 AMI ids of the playground (one per architecture, made up). */
export const ECS_OPTIMIZED_AMI: Record<InstanceType['architecture'], string> = {
  x86_64: 'ami-0e3f7a5d9b2c41e68',
  arm64: 'ami-07b1c94d2fa6e3850',
};

/** Agent default ECS_RESERVED_PORTS (agent README; the API text's 51678-51680 variant is not used). */
export const RESERVED_TCP_PORTS = ['22', '2375', '2376', '51678', '51679'];
/** Agent default ECS_RESERVED_PORTS_UDP. */
export const RESERVED_UDP_PORTS: string[] = [];

/** Docker remote API versions the agent announces. */
const DOCKER_API_VERSIONS = [
  '1.17', '1.18', '1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29',
  '1.30', '1.31', '1.32',
];

const LOGGING_DRIVERS = ['json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'logentries', 'none'];

/** Capability attributes of a Linux agent with task networking and execution roles enabled. */
const CAPABILITIES = [
  ...DOCKER_API_VERSIONS.map((v) => `com.amazonaws.ecs.capability.docker-remote-api.${v}`),
  ...LOGGING_DRIVERS.map((d) => `com.amazonaws.ecs.capability.logging-driver.${d}`),
  'com.amazonaws.ecs.capability.privileged-container',
  'com.amazonaws.ecs.capability.ecr-auth',
  'com.amazonaws.ecs.capability.task-iam-role',
  'com.amazonaws.ecs.capability.task-iam-role-network-host',
  'ecs.capability.execution-role-ecr-pull',
  'ecs.capability.execution-role-awslogs',
  'ecs.capability.task-eni',
  'ecs.capability.task-cpu-mem-limit',
  'ecs.capability.container-health-check',
  'ecs.capability.container-ordering',
  'ecs.capability.full-sync',
  'ecs.capability.secrets.asm.environment-variables',
  'ecs.capability.secrets.ssm.environment-variables',
  'ecs.capability.private-registry-authentication.secretsmanager',
  'ecs.capability.efsAuth',
  'ecs.capability.efs',
  'ecs.capability.env-files.s3',
  'ecs.capability.firelens.fluentd',
  'ecs.capability.firelens.fluentbit',
  'ecs.capability.aws-appmesh',
  'ecs.capability.increased-task-cpu-limit',
  'ecs.capability.docker-plugin.local',
];

/** Every attribute the agent registers for this instance, built-ins first. */
export function builtInAttributes(ec2: Ec2InstanceRecord, it: InstanceType): InstanceAttribute[] {
  const attrs: InstanceAttribute[] = [
    { name: 'ecs.availability-zone', value: ec2.availabilityZone },
    { name: 'ecs.instance-type', value: ec2.instanceType },
    { name: 'ecs.os-type', value: 'linux' },
    { name: 'ecs.os-family', value: 'LINUX' },
    { name: 'ecs.cpu-architecture', value: it.architecture },
    { name: 'ecs.ami-id', value: ec2.imageId },
    { name: 'ecs.vpc-id', value: ec2.vpcId },
    { name: 'ecs.subnet-id', value: ec2.subnetId },
    ...CAPABILITIES.map((name) => ({ name })),
  ];
  if (it.gpus > 0) attrs.push({ name: 'ecs.capability.gpu-driver-version', value: '535.183.01' });
  return attrs;
}
