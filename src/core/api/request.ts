/**
 * Small checks for request members. The SDK and CLI check types before sending, but scripts in the
 * playground call the facade directly, so it checks too and answers like the service would.
 */
import { EcsError } from './errors';
import { Messages } from './messages';

export type Req = Record<string, unknown>;

export function asRequest(input: unknown): Req {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new EcsError('SerializationException', 'The request body must be a JSON object.');
  }
  return input as Req;
}

export function optString(req: Req, member: string): string | undefined {
  const v = req[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new EcsError('InvalidParameterException', Messages.wrongType(member, 'string'));
  return v;
}

export function reqString(req: Req, member: string): string {
  const v = optString(req, member);
  if (v === undefined || v === '') throw new EcsError('InvalidParameterException', Messages.missingMember(member));
  return v;
}

export function optBoolean(req: Req, member: string): boolean | undefined {
  const v = req[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new EcsError('InvalidParameterException', Messages.wrongType(member, 'boolean'));
  return v;
}

export function optInteger(req: Req, member: string): number | undefined {
  const v = req[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new EcsError('InvalidParameterException', Messages.wrongType(member, 'integer'));
  }
  return v;
}

export function optStringList(req: Req, member: string, max?: number): string[] | undefined {
  const v = req[member];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new EcsError('InvalidParameterException', Messages.wrongType(member, 'list of strings'));
  }
  if (max !== undefined && v.length > max) {
    throw new EcsError('InvalidParameterException', Messages.tooManyIdentifiers(member, max));
  }
  return v as string[];
}

export function optEnum<T extends string>(req: Req, member: string, allowed: readonly T[]): T | undefined {
  const v = optString(req, member);
  if (v === undefined) return undefined;
  if (!allowed.includes(v as T)) throw new EcsError('InvalidParameterException', Messages.invalidEnum(member, v, allowed));
  return v as T;
}

/** Pagination shared by the List* operations: an opaque token that is the offset, base64-encoded. */
export function paginate<T>(
  items: readonly T[],
  req: Req,
  limits: { defaultMax: number; max: number },
): { page: T[]; nextToken?: string } {
  const maxResults = optInteger(req, 'maxResults') ?? limits.defaultMax;
  if (maxResults < 1 || maxResults > limits.max) {
    throw new EcsError('InvalidParameterException', Messages.maxResultsRange(limits.max));
  }
  const token = optString(req, 'nextToken');
  let start = 0;
  if (token !== undefined) {
    const decoded = decodeToken(token);
    if (decoded === undefined || decoded > items.length) throw new EcsError('InvalidParameterException', Messages.invalidNextToken);
    start = decoded;
  }
  const page = items.slice(start, start + maxResults);
  const end = start + page.length;
  return end < items.length ? { page, nextToken: encodeToken(end) } : { page };
}

function encodeToken(offset: number): string {
  return btoa(JSON.stringify({ o: offset }));
}

function decodeToken(token: string): number | undefined {
  try {
    const parsed: unknown = JSON.parse(atob(token));
    if (parsed && typeof parsed === 'object' && Number.isInteger((parsed as { o: unknown }).o)) {
      const o = (parsed as { o: number }).o;
      return o >= 0 ? o : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
