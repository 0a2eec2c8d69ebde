/**
 * The one table of valid Fargate task sizes (cpu units -> memory MiB).
 * Source: ECS API model, TaskDefinition.memory / RegisterTaskDefinitionRequest.cpu, and the Developer
 * Guide page "Troubleshoot Amazon ECS task definition invalid CPU or memory errors" (reference §4.7).
 * 74 pairs in all. 8 and 16 vCPU need Linux platform version 1.4.0 or later; Windows needs >= 1 vCPU.
 */

function steps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m += step) out.push(m);
  return out;
}

export interface FargateSize {
  cpu: number;
  memory: readonly number[];
  /** Windows containers on Fargate can use this cpu value */
  windows: boolean;
}

export const FARGATE_SIZES: readonly FargateSize[] = [
  { cpu: 256, memory: [512, 1024, 2048], windows: false },
  { cpu: 512, memory: steps(1024, 4096, 1024), windows: false },
  { cpu: 1024, memory: steps(2048, 8192, 1024), windows: true },
  { cpu: 2048, memory: steps(4096, 16384, 1024), windows: true },
  { cpu: 4096, memory: steps(8192, 30720, 1024), windows: true },
  { cpu: 8192, memory: steps(16384, 61440, 4096), windows: false },
  { cpu: 16384, memory: steps(32768, 122880, 8192), windows: false },
];

export const FARGATE_CPU_VALUES: readonly number[] = FARGATE_SIZES.map((s) => s.cpu);

/** Valid memory values (MiB) for a Fargate cpu value; empty when the cpu value is not a Fargate size. */
export function fargateMemoryOptions(cpu: number | string): readonly number[] {
  const n = typeof cpu === 'string' ? Number(cpu) : cpu;
  return FARGATE_SIZES.find((s) => s.cpu === n)?.memory ?? [];
}

/** True when (cpu units, memory MiB) is one of the 74 Fargate combinations. Accepts canonical strings. */
export function isValidFargateSize(cpu: number | string, memory: number | string): boolean {
  const m = typeof memory === 'string' ? Number(memory) : memory;
  return fargateMemoryOptions(cpu).includes(m);
}

export function isFargateCpu(cpu: number | string): boolean {
  return fargateMemoryOptions(cpu).length > 0;
}

/** Whether a Fargate cpu value is available to Windows tasks. */
export function isFargateWindowsCpu(cpu: number | string): boolean {
  const n = typeof cpu === 'string' ? Number(cpu) : cpu;
  return FARGATE_SIZES.some((s) => s.cpu === n && s.windows);
}
