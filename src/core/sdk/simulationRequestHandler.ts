/**
 * A request handler for the AWS SDK for JavaScript v3 that answers in-process from a simulation
 * instead of sending the request over the network. Works in the browser and in Node.
 */
import type { Simulation } from '../engine/simulation';
import { handleAwsJsonRequest, serverErrorResponse } from '../api/wire/awsJson';

/** The part of the SDK's HttpRequest this handler reads. */
export interface SdkHttpRequest {
  headers: Record<string, string | undefined>;
  body?: unknown;
}

/** Shaped like the SDK's HttpResponse (the SDK checks responses by shape). */
export interface SdkHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface SimulationRequestHandlerOptions {
  /**
   * Virtual seconds to advance the simulation when a read (Describe*, List*, Get*) repeats a read
   * already sent since the last advance, with no write in between, as waiters and polling loops do
   * (several waiters at once included). 0 turns it off.
   */
  advanceOnRepeatSeconds?: number;
}

const READ_OPERATION = /\.(Describe|List|Get)[A-Z]/;

export class SimulationRequestHandler {
  readonly #sim: Simulation;
  readonly #advanceMs: number;
  /** reads sent since the last advance or write */
  readonly #polled = new Set<string>();
  #count = 0;

  constructor(sim: Simulation, options: SimulationRequestHandlerOptions = {}) {
    this.#sim = sim;
    this.#advanceMs = Math.max(0, Math.round((options.advanceOnRepeatSeconds ?? 0) * 1000));
  }

  async handle(request: SdkHttpRequest): Promise<{ response: SdkHttpResponse }> {
    const target = headerValue(request.headers, 'x-amz-target');
    const body = bodyText(request.body);
    const isRead = READ_OPERATION.test(target ?? '');
    const key = `${target}\n${body}`;
    const repeated = isRead && this.#polled.has(key);
    if (repeated || !isRead) this.#polled.clear();
    if (isRead) this.#polled.add(key);
    this.#count += 1;
    const requestId = `00000000-0000-4000-8000-${this.#count.toString(16).padStart(12, '0')}`;
    let out;
    try {
      if (this.#advanceMs > 0 && repeated) this.#sim.advance(this.#advanceMs);
      out = handleAwsJsonRequest(this.#sim, { target, body, requestId });
    } catch (e) {
      // Only advancing can throw (a bug in a scheduled handler); answer it as the service would.
      out = serverErrorResponse(e, requestId);
    }
    return {
      response: { statusCode: out.status, headers: out.headers, body: new TextEncoder().encode(out.body) },
    };
  }

  updateHttpClientConfig(): void {
    /* nothing to configure: no connections */
  }

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {
    /* nothing to release */
  }
}

function headerValue(headers: Record<string, string | undefined>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name) return v;
  return undefined;
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return String(body);
}
