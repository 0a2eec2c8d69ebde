/**
 * Task-level cpu/memory in the canonical form describe shows ("1 vCPU" → "1024", "2 GB" → "2048"),
 * and whether a pair is a Fargate size. Thin adapter over units.ts and fargate.ts, which own the facts.
 */
import { isValidFargateSize } from './fargate';
import { parseTaskCpu, parseTaskMemory } from './units';

/** Canonical cpu units; a value units.ts cannot read (the validator refuses those) is kept as given. */
export function canonicalTaskCpu(value: unknown): string {
  const r = parseTaskCpu(value);
  return r.ok ? r.value : String(value);
}

/** Canonical memory MiB; a value units.ts cannot read is kept as given. */
export function canonicalTaskMemory(value: unknown): string {
  const r = parseTaskMemory(value);
  return r.ok ? r.value : String(value);
}

export function isFargateTaskSize(cpu: string | undefined, memory: string | undefined): boolean {
  return cpu !== undefined && memory !== undefined && isValidFargateSize(cpu, memory);
}
