/**
 * The price table of the playground: ONE place for what compute costs (the UI reads it from here).
 *
 * Fargate On-Demand, Linux, us-east-1 (N. Virginia), from the AWS Fargate pricing page as quoted in
 * March 2026: x86 $0.04048 per vCPU-hour and $0.004445 per GB-hour; ARM (Graviton) $0.03238 and
 * $0.00356; ephemeral storage above the included 20 GB $0.000111 per GB-hour. Billed per second from
 * the start of the image pull until the task stops, with a one-minute minimum.
 *
 * Fargate Spot's price moves with spare capacity; the playground uses a fixed 70 % discount on the
 * On-Demand rates (AWS advertises "up to 70 %"), so the figures are stable for lessons.
 *
 * EC2 On-Demand per instance type comes from the instance-type catalogue (infra/instanceTypes.ts,
 * Linux, us-east-1, transcribed 2026-11-22), billed per second while the instance runs, one-minute
 * minimum. Every region uses the us-east-1 figures. See docs/capacity.md.
 */
import { findInstanceType } from '../infra/instanceTypes';

export const PRICE_REGION = 'us-east-1';
export const PRICES_AS_OF = 'Fargate: March 2026; EC2: 2026-11-22 (infra/instanceTypes.ts)';

export interface FargateRates {
  usdPerVcpuHour: number;
  usdPerGbHour: number;
}

export const FARGATE_PRICES: Readonly<Record<'x86_64' | 'arm64', FargateRates>> = {
  x86_64: { usdPerVcpuHour: 0.04048, usdPerGbHour: 0.004445 },
  arm64: { usdPerVcpuHour: 0.03238, usdPerGbHour: 0.00356 },
};

/** Fargate Spot: the On-Demand rate times this factor. */
export const FARGATE_SPOT_FACTOR = 0.3;
export const EPHEMERAL_STORAGE_USD_PER_GB_HOUR = 0.000111;
export const EPHEMERAL_STORAGE_INCLUDED_GB = 20;
/** Fargate and EC2 Linux: per second, at least one minute. */
export const MINIMUM_BILLED_SECONDS = 60;

export interface FargateTaskSize {
  /** CPU units (1024 = 1 vCPU) */
  cpu: number;
  /** MiB */
  memory: number;
  architecture: 'x86_64' | 'arm64';
  spot: boolean;
  ephemeralStorageGiB?: number;
}

/** USD per hour of one Fargate task of that size. */
export function fargateUsdPerHour(size: FargateTaskSize): number {
  const r = FARGATE_PRICES[size.architecture];
  const factor = size.spot ? FARGATE_SPOT_FACTOR : 1;
  const compute = (size.cpu / 1024) * r.usdPerVcpuHour + (size.memory / 1024) * r.usdPerGbHour;
  const storage = Math.max(0, (size.ephemeralStorageGiB ?? EPHEMERAL_STORAGE_INCLUDED_GB) - EPHEMERAL_STORAGE_INCLUDED_GB) * EPHEMERAL_STORAGE_USD_PER_GB_HOUR;
  return compute * factor + storage;
}

/** USD per hour of one EC2 On-Demand instance of the type (0 for an unknown type). */
export function ec2UsdPerHour(instanceType: string): number {
  return findInstanceType(instanceType)?.onDemandUsdPerHour ?? 0;
}

/** Seconds billed for a usage of `ms` milliseconds: rounded up to the second, at least a minute. */
export function billedSeconds(ms: number): number {
  if (ms <= 0) return 0;
  return Math.max(MINIMUM_BILLED_SECONDS, Math.ceil(ms / 1000));
}
