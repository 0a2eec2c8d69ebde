/**
 * Task-level cpu and memory as ECS accepts them (RegisterTaskDefinitionRequest.cpu / .memory, reference
 * §4.7): cpu as CPU units ("1024", 1024) or vCPUs ("1 vCPU", "0.25 vcpu", ".25 vcpu"); memory as MiB
 * ("2048", 2048) or GB ("2 GB", "2GB", ".5 gb"). ECS stores both as integer strings: "1024", "2048".
 * Other suffixes (MB, MiB, GiB) are not documented forms and are refused.
 */

export type UnitResult = { ok: true; value: string } | { ok: false };

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const INTEGER_RE = /^\d+$/;
const VCPU_RE = new RegExp(`^${NUMBER}\\s*vcpu$`, 'i');
const GB_RE = new RegExp(`^${NUMBER}\\s*gb$`, 'i');

function fromNumber(n: number): UnitResult {
  return Number.isSafeInteger(n) && n >= 0 ? { ok: true, value: String(n) } : { ok: false };
}

function scaled(text: string, factor: number): UnitResult {
  const n = Number(text) * factor;
  return fromNumber(n);
}

function parse(input: unknown, unitRe: RegExp): UnitResult {
  if (typeof input === 'number') return fromNumber(input);
  if (typeof input !== 'string') return { ok: false };
  const s = input.trim();
  if (s.length > 32) return { ok: false };
  if (INTEGER_RE.test(s)) return fromNumber(Number(s));
  const m = unitRe.exec(s);
  return m ? scaled(m[1], 1024) : { ok: false };
}

/** "1 vCPU" -> "1024", "512" -> "512", 256 -> "256". */
export function parseTaskCpu(input: unknown): UnitResult {
  return parse(input, VCPU_RE);
}

/** "2 GB" -> "2048", "512" -> "512", 1024 -> "1024". */
export function parseTaskMemory(input: unknown): UnitResult {
  return parse(input, GB_RE);
}
