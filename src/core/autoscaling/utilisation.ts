/**
 * Per-task CPU and memory utilisation from the requests a task serves (a deliberately simple model,
 * docs/service-auto-scaling.md):
 *
 *   CPU    = idle + requests/s × CPU_MS_PER_REQUEST ms of one vCPU (1,024 units), over the task's CPU units,
 *            capped at 100 %
 *   memory = baseline share of the task's memory + in-flight requests × MIB_PER_REQUEST, over the task's
 *            memory, capped at 100 %; in-flight requests = requests/s × RESPONSE_TIME_MS (Little's law)
 *
 * The task's size is its task-level cpu/memory, else the sum of its containers' (memory: hard limit,
 * else the reservation), else 1,024 CPU units / 512 MiB.
 */
import type { TaskRecord } from '../tasks/record';

export const CPU_MS_PER_REQUEST = 10;
export const IDLE_CPU_PERCENT = 2;
export const MEMORY_BASELINE_SHARE = 0.25;
export const MIB_PER_REQUEST = 4;
export const RESPONSE_TIME_MS = 200;
const DEFAULT_CPU_UNITS = 1024;
const DEFAULT_MEMORY_MIB = 512;

export function taskCpuUnits(t: TaskRecord): number {
  const own = Number(t.cpu ?? 0);
  if (own > 0) return own;
  const sum = t.containers.reduce((s, c) => s + Number(c.cpu ?? 0), 0);
  return sum > 0 ? sum : DEFAULT_CPU_UNITS;
}

export function taskMemoryMiB(t: TaskRecord): number {
  const own = Number(t.memory ?? 0);
  if (own > 0) return own;
  const sum = t.containers.reduce((s, c) => s + Number(c.memory ?? c.memoryReservation ?? 0), 0);
  return sum > 0 ? sum : DEFAULT_MEMORY_MIB;
}

/** CPU units a task uses serving `rps` requests per second. */
export function cpuUsed(rps: number, cpuUnits: number): number {
  const used = (IDLE_CPU_PERCENT / 100) * cpuUnits + ((rps * CPU_MS_PER_REQUEST) / 1000) * 1024;
  return Math.min(used, cpuUnits);
}

/** MiB a task uses serving `rps` requests per second. */
export function memoryUsed(rps: number, memoryMiB: number): number {
  const used = MEMORY_BASELINE_SHARE * memoryMiB + ((rps * RESPONSE_TIME_MS) / 1000) * MIB_PER_REQUEST;
  return Math.min(used, memoryMiB);
}
