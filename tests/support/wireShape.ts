/**
 * Checks JSON on the wire against the ECS API model as the AWS SDK for JavaScript carries it (the
 * operation schemas of @aws-sdk/client-ecs): every member must exist in the output shape and have
 * the model's type; timestamps must be epoch-second numbers. Used by the protocol tests so that every
 * response the playground sends is known to fit the real API.
 */
import * as sdk from '@aws-sdk/client-ecs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { NormalizedSchema } from '@smithy/core/schema';

type OperationSchema = readonly [number, string, string, unknown, unknown, unknown];

/** Every ECS operation of the SDK, PascalCase, from its command classes. */
export function sdkOperationNames(): string[] {
  return Object.keys(sdk)
    .filter((k) => k.endsWith('Command') && k !== '$Command')
    .map((k) => k.slice(0, -'Command'.length))
    .sort();
}

function operationSchema(operation: string): OperationSchema {
  const schema = (sdk as unknown as Record<string, unknown>)[`${operation}$`];
  if (!Array.isArray(schema) || schema[0] !== 9) throw new Error(`No operation schema for ${operation}`);
  return schema as unknown as OperationSchema;
}

/** Members (as paths) of the operation's input that are timestamps; `a[]` is each element of list a. */
export function requestTimestampPaths(operation: string): string[] {
  const out: string[] = [];
  const walk = (ns: NormalizedSchema, path: string, seen: string[]) => {
    if (ns.isTimestampSchema()) out.push(path);
    else if (ns.isListSchema()) walk(ns.getValueSchema(), `${path}[]`, seen);
    else if (ns.isMapSchema()) walk(ns.getValueSchema(), `${path}{}`, seen);
    else if (ns.isStructSchema()) {
      const name = ns.getName(true) ?? '';
      if (seen.includes(name)) return;
      for (const [k, m] of ns.structIterator()) walk(m, path ? `${path}.${k}` : k, [...seen, name]);
    }
  };
  walk(NormalizedSchema.of(operationSchema(operation)[4] as never), '', []);
  return out.sort();
}

/** Where `json` (a parsed 200 response body) does not fit the operation's output shape. */
export function outputViolations(operation: string, json: unknown): string[] {
  const out: string[] = [];
  check(NormalizedSchema.of(operationSchema(operation)[5] as never), json, '$', out);
  return out;
}

/** Where a parsed error body is not `{"__type": code, "message"?: text}`. */
export function errorViolations(json: unknown): string[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return ['error body is not an object'];
  const out: string[] = [];
  const body = json as Record<string, unknown>;
  if (typeof body.__type !== 'string' || !/^[A-Z][A-Za-z]+$/.test(body.__type)) out.push('__type is not an error code');
  if (body.message !== undefined && typeof body.message !== 'string') out.push('message is not a string');
  for (const k of Object.keys(body)) if (k !== '__type' && k !== 'message') out.push(`unexpected member ${k}`);
  return out;
}

function check(ns: NormalizedSchema, value: unknown, path: string, out: string[]): void {
  if (value === null || value === undefined) return;
  const fail = (what: string) => out.push(`${path}: expected ${what}, got ${JSON.stringify(value)}`);
  if (ns.isTimestampSchema()) {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail('epoch seconds');
  } else if (ns.isBooleanSchema()) {
    if (typeof value !== 'boolean') fail('boolean');
  } else if (ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) {
    if (typeof value !== 'number') fail('number');
  } else if (ns.isStringSchema() || ns.isBlobSchema()) {
    if (typeof value !== 'string') fail('string');
  } else if (ns.isListSchema()) {
    if (!Array.isArray(value)) fail('list');
    else value.forEach((v, i) => check(ns.getValueSchema(), v, `${path}[${i}]`, out));
  } else if (ns.isMapSchema()) {
    if (typeof value !== 'object' || Array.isArray(value)) fail('map');
    else for (const [k, v] of Object.entries(value)) check(ns.getValueSchema(), v, `${path}{${k}}`, out);
  } else if (ns.isStructSchema() || ns.isUnionSchema()) {
    if (typeof value !== 'object' || Array.isArray(value)) return void fail(`structure ${ns.getName()}`);
    const members = new Map(ns.structIterator());
    for (const [k, v] of Object.entries(value)) {
      const member = members.get(k);
      if (!member) out.push(`${path}.${k}: not a member of ${ns.getName()}`);
      else check(member, v, `${path}.${k}`, out);
    }
  }
}

/**
 * Makes `client` check every response it receives: 200 bodies against the operation's output shape,
 * error bodies against the AWS JSON error form. Returns the list the problems are collected in, and
 * the operations seen.
 */
export function checkEveryResponse(client: ECSClient): { violations: string[]; operations: Set<string> } {
  const record = { violations: [] as string[], operations: new Set<string>() };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      const inspect = (response: unknown) => {
        const r = response as { statusCode?: number; body?: unknown } | undefined;
        if (!r || !(r.body instanceof Uint8Array)) return;
        let json: unknown;
        try {
          json = JSON.parse(new TextDecoder().decode(r.body));
        } catch {
          record.violations.push(`${operation}: body is not JSON`);
          return;
        }
        record.operations.add(operation);
        const found = r.statusCode === 200 ? outputViolations(operation, json) : errorViolations(json);
        for (const v of found) record.violations.push(`${operation} ${v}`);
      };
      try {
        const result = await next(args);
        inspect(result.response);
        return result;
      } catch (e) {
        inspect((e as { $response?: unknown }).$response);
        throw e;
      }
    },
    { step: 'deserialize', name: 'checkWireShape', priority: 'high' },
  );
  return record;
}
