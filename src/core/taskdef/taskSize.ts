/**
 * Task-level cpu/memory in the canonical form describe shows ("1 vCPU" → "1024", "2 GB" → "2048"),
 * Thin adapter over units.ts, which owns the forms ECS accepts.
 */
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
