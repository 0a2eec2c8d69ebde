/** Request member checks of the ELBv2 facade (ValidationError with the service's wording). */
import { ElbError, ElbMessages } from './messages';

export type ElbReq = Record<string, unknown>;

export function asElbRequest(input: unknown): ElbReq {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) throw new ElbError('ValidationError', 'The request must be an object.');
  return input as ElbReq;
}

export function reqStr(req: ElbReq, member: string): string {
  const v = req[member];
  if (typeof v !== 'string' || v === '') throw new ElbError('ValidationError', ElbMessages.missing(member));
  return v;
}

export function optStr(req: ElbReq, member: string): string | undefined {
  const v = req[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ElbError('ValidationError', `${member} must be a string`);
  return v;
}

export function optInt(req: ElbReq, member: string, min: number, max: number): number | undefined {
  const v = req[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw new ElbError('ValidationError', ElbMessages.range(member, min, max));
  return v;
}

export function optStrList(req: ElbReq, member: string): string[] | undefined {
  const v = req[member];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ElbError('ValidationError', `${member} must be a list of strings`);
  return v as string[];
}

const NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;
export function checkName(name: string, kind: string): void {
  if (!NAME.test(name)) throw new ElbError('ValidationError', ElbMessages.badName(kind));
}
