/**
 * The AWS JSON 1.1 protocol of Amazon ECS over the simulation: one request in (the `X-Amz-Target`
 * header and the body), one response out (status, headers, body). Every operation of the facade
 * table is served; nothing here knows about individual operations except their timestamp members.
 *
 * Pure: it runs in the browser (through `createEcsClient`) and in Node (the local endpoint).
 */
import type { Simulation } from '../../engine/simulation';
import { isEcsError, type EcsError } from '../errors';
import { Messages } from '../messages';
import { WireMessages } from './messages';
import { facadeName, isWireName } from './operationNames';
import { decodeRequestTimestamps, encodeResponse } from './timestamps';
import { isCodeDeployError } from '../../codedeploy/errors';

export const TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113';
export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';
/** CodeDeploy speaks the same protocol with this target prefix; its operations go to `sim.codedeploy`. */
export const CODEDEPLOY_TARGET_PREFIX = 'CodeDeploy_20141006';

export interface AwsJsonRequest {
  /** the `X-Amz-Target` header, e.g. `AmazonEC2ContainerServiceV20141113.ListClusters` */
  target: string | undefined;
  /** the request body as sent (JSON text; empty means `{}`) */
  body: string;
  /** echoed as `x-amzn-requestid`; the caller picks it (the core has no randomness to spare) */
  requestId?: string;
}

export interface AwsJsonResponse {
  status: number;
  /** lowercase header names */
  headers: Record<string, string>;
  body: string;
}

/** Answers one AWS JSON 1.1 request against `sim`. Never throws. */
export function handleAwsJsonRequest(sim: Simulation, request: AwsJsonRequest): AwsJsonResponse {
  const baseHeaders: Record<string, string> = { 'content-type': AWS_JSON_CONTENT_TYPE };
  if (request.requestId) baseHeaders['x-amzn-requestid'] = request.requestId;

  const codeDeploy = request.target?.startsWith(`${CODEDEPLOY_TARGET_PREFIX}.`) === true;
  const operation = operationOf(request.target);
  const method = operation === undefined ? undefined : operationMethod(sim, operation, codeDeploy);
  if (operation === undefined || method === undefined) {
    return errorResponse(baseHeaders, 400, 'UnknownOperationException', undefined);
  }

  const parsed = parseBody(request.body);
  if (typeof parsed === 'string') return errorResponse(baseHeaders, 400, 'SerializationException', parsed);

  try {
    decodeRequestTimestamps(operation, parsed);
    const result = method(parsed);
    return { status: 200, headers: baseHeaders, body: encodeResponse(result ?? {}) };
  } catch (e) {
    if (isEcsError(e)) return errorResponse(baseHeaders, e.httpStatus, wireCode(e), e.message);
    if (isCodeDeployError(e)) return errorResponse(baseHeaders, e.httpStatus, e.name, e.message);
    return serverErrorResponse(e, request.requestId);
  }
}

/**
 * The 500 ServerException for a failure of the simulation itself, for callers that run simulation
 * code around `handleAwsJsonRequest` (advancing the clock before a request).
 */
export function serverErrorResponse(error: unknown, requestId?: string): AwsJsonResponse {
  const headers: Record<string, string> = { 'content-type': AWS_JSON_CONTENT_TYPE };
  if (requestId) headers['x-amzn-requestid'] = requestId;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return errorResponse(headers, 500, 'ServerException', WireMessages.internal(detail));
}

/**
 * A member of the wrong JSON type: the facade answers direct calls with InvalidParameterException
 * (Messages.wrongType), but on the wire the service rejects such a body while deserialising it, as a
 * SerializationException. The text stays the facade's.
 */
const WRONG_TYPE = new RegExp(
  `^${Messages.wrongType('\u0000', '\u0001').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\u0000', '.+').replace('\u0001', '.+')}$`,
);

function wireCode(e: EcsError): string {
  return e.name === 'InvalidParameterException' && WRONG_TYPE.test(e.message) ? 'SerializationException' : e.name;
}

/** `AmazonEC2ContainerServiceV20141113.ListClusters` → `ListClusters`; anything else → undefined. */
function operationOf(target: string | undefined): string | undefined {
  if (typeof target !== 'string') return undefined;
  const dot = target.indexOf('.');
  if (dot < 0 || (target.slice(0, dot) !== TARGET_PREFIX && target.slice(0, dot) !== CODEDEPLOY_TARGET_PREFIX)) return undefined;
  const name = target.slice(dot + 1);
  return isWireName(name) ? name : undefined;
}

type Method = (request: Record<string, unknown>) => unknown;

function operationMethod(sim: Simulation, operation: string, codeDeploy = false): Method | undefined {
  const api = (codeDeploy ? sim.codedeploy : sim.ecs) as unknown as Record<string, unknown>;
  const name = facadeName(operation);
  const method = Object.hasOwn(api, name) ? api[name] : undefined;
  return typeof method === 'function' ? (method as Method) : undefined;
}

/** The request object, or the SerializationException message when the body is not one. */
function parseBody(body: string): Record<string, unknown> | string {
  if (body.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return WireMessages.malformedJson;
  }
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return WireMessages.notAnObject;
  return value as Record<string, unknown>;
}

function errorResponse(
  headers: Record<string, string>,
  status: number,
  code: string,
  message: string | undefined,
): AwsJsonResponse {
  const body = message === undefined ? { __type: code } : { __type: code, message };
  return { status, headers: { ...headers, 'x-amzn-errortype': code }, body: JSON.stringify(body) };
}
