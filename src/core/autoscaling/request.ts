/** Reading Application Auto Scaling and CloudWatch requests (PascalCase members, as those APIs name them). */
import { AutoScalingError } from './errors';
import { AutoScalingMessages } from './messages';

export type Raw = Record<string, unknown>;

export function asRaw(input: unknown): Raw {
  return input && typeof input === 'object' && !Array.isArray(input) ? (input as Raw) : {};
}

export function reqStr(r: Raw, member: string): string {
  const v = r[member];
  if (typeof v !== 'string' || v === '') throw new AutoScalingError('ValidationException', AutoScalingMessages.missing(member));
  return v;
}

export function optStr(r: Raw, member: string): string | undefined {
  const v = r[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new AutoScalingError('ValidationException', AutoScalingMessages.missing(member));
  return v;
}

export function optInt(r: Raw, member: string, message: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const v = r[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new AutoScalingError('ValidationException', message);
  return v;
}

export function optBool(r: Raw, member: string): boolean | undefined {
  const v = r[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new AutoScalingError('ValidationException', `${member} must be a boolean.`);
  return v;
}

/** Offset tokens over a list (the simulation's own NextToken form). */
export function page<T>(items: readonly T[], r: Raw): { page: T[]; nextToken?: string } {
  const max = optInt(r, 'MaxResults', AutoScalingMessages.maxResults, 1, 50) ?? 50;
  const token = optStr(r, 'NextToken');
  let start = 0;
  if (token !== undefined) {
    start = Number(token);
    if (!Number.isInteger(start) || start < 0 || start > items.length) throw new AutoScalingError('ValidationException', AutoScalingMessages.nextToken);
  }
  const slice = items.slice(start, start + max);
  return start + max < items.length ? { page: slice, nextToken: String(start + max) } : { page: slice };
}
