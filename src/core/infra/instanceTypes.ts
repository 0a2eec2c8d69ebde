/**
 * The EC2 instance types the playground can launch: ONE table, read by the simulation and the UI.
 *
 * Figures: vCPU, memory (GiB), architecture, GPUs and max network interfaces from the AWS "Amazon EC2
 * instance types" specification pages; hourly On-Demand price for Linux in us-east-1 (N. Virginia)
 * from the AWS "Amazon EC2 On-Demand Pricing" page. Transcribed 2026-11-22; prices change rarely but
 * do change, so treat them as teaching figures, not a quote. See docs/instances.md.
 */

export type CpuArchitecture = 'x86_64' | 'arm64';

export interface InstanceType {
  instanceType: string;
  vcpu: number;
  /** physical memory in MiB (GiB × 1024) */
  memoryMiB: number;
  architecture: CpuArchitecture;
  /** NVIDIA GPUs the ECS agent can hand to tasks */
  gpus: number;
  /** accelerator that is not a GPU (Inferentia), for display only */
  accelerator?: string;
  /** maximum network interfaces (primary included) */
  maxEnis: number;
  /** USD per hour, On-Demand, Linux, us-east-1 */
  onDemandUsdPerHour: number;
}

const t = (
  instanceType: string,
  vcpu: number,
  memoryGiB: number,
  architecture: CpuArchitecture,
  maxEnis: number,
  onDemandUsdPerHour: number,
  extra: { gpus?: number; accelerator?: string } = {},
): InstanceType => ({
  instanceType,
  vcpu,
  memoryMiB: memoryGiB * 1024,
  architecture,
  gpus: extra.gpus ?? 0,
  ...(extra.accelerator ? { accelerator: extra.accelerator } : {}),
  maxEnis,
  onDemandUsdPerHour,
});

export const FIGURES_SOURCE =
  'AWS EC2 instance type specifications and EC2 On-Demand Pricing (Linux, us-east-1), transcribed 2026-11-22';

export const INSTANCE_TYPES: readonly InstanceType[] = [
  // burstable, Intel
  t('t3.nano', 2, 0.5, 'x86_64', 2, 0.0052),
  t('t3.micro', 2, 1, 'x86_64', 2, 0.0104),
  t('t3.small', 2, 2, 'x86_64', 3, 0.0208),
  t('t3.medium', 2, 4, 'x86_64', 3, 0.0416),
  t('t3.large', 2, 8, 'x86_64', 3, 0.0832),
  t('t3.xlarge', 4, 16, 'x86_64', 4, 0.1664),
  t('t3.2xlarge', 8, 32, 'x86_64', 4, 0.3328),
  // burstable, Graviton2
  t('t4g.micro', 2, 1, 'arm64', 2, 0.0084),
  t('t4g.small', 2, 2, 'arm64', 3, 0.0168),
  t('t4g.medium', 2, 4, 'arm64', 3, 0.0336),
  t('t4g.large', 2, 8, 'arm64', 3, 0.0672),
  // general purpose
  t('m5.large', 2, 8, 'x86_64', 3, 0.096),
  t('m5.xlarge', 4, 16, 'x86_64', 4, 0.192),
  t('m5.2xlarge', 8, 32, 'x86_64', 4, 0.384),
  t('m5.4xlarge', 16, 64, 'x86_64', 8, 0.768),
  t('m6i.large', 2, 8, 'x86_64', 3, 0.096),
  t('m6i.xlarge', 4, 16, 'x86_64', 4, 0.192),
  t('m6i.2xlarge', 8, 32, 'x86_64', 4, 0.384),
  t('m7g.large', 2, 8, 'arm64', 3, 0.0816),
  t('m7g.xlarge', 4, 16, 'arm64', 4, 0.1632),
  // compute optimised
  t('c5.large', 2, 4, 'x86_64', 3, 0.085),
  t('c5.xlarge', 4, 8, 'x86_64', 4, 0.17),
  t('c5.2xlarge', 8, 16, 'x86_64', 4, 0.34),
  t('c6g.large', 2, 4, 'arm64', 3, 0.068),
  t('c6g.xlarge', 4, 8, 'arm64', 4, 0.136),
  // memory optimised
  t('r5.large', 2, 16, 'x86_64', 3, 0.126),
  t('r5.xlarge', 4, 32, 'x86_64', 4, 0.252),
  // accelerated
  t('g4dn.xlarge', 4, 16, 'x86_64', 3, 0.526, { gpus: 1 }),
  t('g4dn.2xlarge', 8, 32, 'x86_64', 3, 0.752, { gpus: 1 }),
  t('inf1.xlarge', 4, 8, 'x86_64', 4, 0.228, { accelerator: '1 AWS Inferentia chip' }),
  t('inf1.2xlarge', 8, 16, 'x86_64', 4, 0.362, { accelerator: '1 AWS Inferentia chip' }),
];

const BY_NAME: ReadonlyMap<string, InstanceType> = new Map(INSTANCE_TYPES.map((it) => [it.instanceType, it]));

export function findInstanceType(name: string): InstanceType | undefined {
  return BY_NAME.get(name);
}

/** CPU units the agent registers: vCPU × 1024 (reference §3.4). */
export function registeredCpu(it: InstanceType): number {
  return it.vcpu * 1024;
}

/**
 * MiB the agent registers. The agent reports the memory the OS sees, which is below the installed
 * amount (kernel and platform overhead). Rule used here, fitted to two published figures — 1 GiB →
 * 993 MiB (t2.micro) and 8 GiB → 7985 MiB (the AWS memory-management page's m4.large example):
 * registered = installed − round(installed × 0.0245) − 6. That is 97-98 % of installed memory.
 */
export function registeredMemory(it: InstanceType): number {
  return it.memoryMiB - Math.round(it.memoryMiB * 0.0245) - 6;
}
