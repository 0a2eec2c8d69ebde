/**
 * The local ECS endpoint: a Node HTTP server on 127.0.0.1 that answers the AWS JSON 1.1 protocol of
 * ECS for one simulation whose virtual clock follows the wall clock times `speed`. The AWS CLI and
 * SDKs reach it with `--endpoint-url`; any credentials and region are accepted (nothing is checked).
 *
 * Node-only, so it lives outside src/core. It imports the core's modules directly rather than
 * src/core/index.ts, so the AWS SDK is never loaded here.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimulation, type Simulation, type SimulationSnapshot } from '../core/engine/simulation';
import { handleAwsJsonRequest, serverErrorResponse } from '../core/api/wire/awsJson';
import { ENDPOINT_STATE_PATH, endpointStateOf } from '../core/api/wire/endpointState';
import { corsHeaders } from './cors';

export const LOOPBACK = '127.0.0.1';
/** ECS request bodies are small (a task definition is at most 64 KiB); anything far larger is refused. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How often the clock moves while nobody asks, so events fire even between requests (wall ms). */
const TICK_MS = 1000;

export interface EndpointOptions {
  /** 0 picks a free port */
  port: number;
  /** virtual ms per wall ms */
  speed: number;
  seed?: number;
  region?: string;
  /** start from this snapshot (its seed and region win); the clock goes on from its time */
  snapshot?: SimulationSnapshot;
  /** wall clock in ms; tests can drive it */
  clock?: () => number;
  /** page origins besides loopback ones that may call the endpoint from a browser (cors.ts) */
  allowOrigins?: readonly string[];
}

export interface Endpoint {
  url: string;
  port: number;
  sim: Simulation;
  /** moves the virtual clock up to the wall clock × speed (done before every request anyway) */
  catchUp(): void;
  close(): Promise<void>;
}

export async function startEndpoint(options: EndpointOptions): Promise<Endpoint> {
  const sim = options.snapshot
    ? createSimulation({ snapshot: options.snapshot })
    : createSimulation({ seed: options.seed ?? 1, region: options.region ?? 'us-east-1' });
  const clock = options.clock ?? (() => performance.now());
  const startedAt = clock();
  const startedAtVirtual = sim.now();
  const catchUp = () => {
    const target = startedAtVirtual + Math.floor((clock() - startedAt) * options.speed);
    if (target > sim.now()) sim.advance(target - sim.now());
  };

  const server = createServer((req, res) => {
    serve(req, res, { sim, catchUp, speed: options.speed, allowOrigins: options.allowOrigins ?? [] }).catch((e: unknown) => {
      if (res.headersSent) return void res.destroy();
      const out = serverErrorResponse(e);
      send(res, out.status, out.headers, out.body);
    });
  });
  await listen(server, options.port);
  const port = (server.address() as AddressInfo).port;
  const tick = setInterval(() => {
    try {
      catchUp();
    } catch {
      /* the next request reports the failure */
    }
  }, TICK_MS);
  tick.unref();

  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    sim,
    catchUp,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(tick);
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

interface Served {
  sim: Simulation;
  catchUp: () => void;
  speed: number;
  allowOrigins: readonly string[];
}

async function serve(req: IncomingMessage, res: ServerResponse, { sim, catchUp, speed, allowOrigins }: Served): Promise<void> {
  const cors = corsHeaders(req.headers, allowOrigins);
  if (!isLoopbackHost(req.headers.host)) {
    // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) is refused.
    return send(res, 403, { ...cors, 'content-type': 'text/plain; charset=utf-8' }, 'Only loopback host names are served.\n');
  }
  if (req.method === 'OPTIONS') return send(res, 204, cors, '');
  if (req.method === 'GET' && (req.url === '/' || req.url === '')) {
    catchUp();
    const info = { endpoint: 'ECS Playground', protocol: 'awsJson1_1', region: sim.state.region, virtualTimeMs: sim.now() };
    return send(res, 200, { ...cors, 'content-type': 'application/json' }, `${JSON.stringify(info)}\n`);
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'GET' && url.pathname === ENDPOINT_STATE_PATH) {
    catchUp();
    const state = endpointStateOf(sim, speed, url.searchParams.get('since') ?? undefined);
    return send(res, 200, { ...cors, 'content-type': 'application/json', 'cache-control': 'no-store' }, JSON.stringify(state));
  }
  if (req.method !== 'POST') return send(res, 405, { ...cors, allow: 'GET, POST, OPTIONS' }, '');

  const body = await readBody(req);
  const requestId = randomUUID();
  if (body === undefined) {
    const headers = { ...cors, ...jsonHeaders(), 'x-amzn-requestid': requestId, 'x-amzn-errortype': 'RequestEntityTooLargeException' };
    return send(res, 413, headers, JSON.stringify({ __type: 'RequestEntityTooLargeException', message: 'Request body too large.' }));
  }
  let out;
  try {
    catchUp();
    out = handleAwsJsonRequest(sim, { target: headerOf(req, 'x-amz-target'), body, requestId });
  } catch (e) {
    // Only the clock can throw here (handleAwsJsonRequest never does): a bug in a scheduled handler.
    out = serverErrorResponse(e, requestId);
  }
  send(res, out.status, { ...cors, ...out.headers }, out.body);
}

function jsonHeaders(): Record<string, string> {
  return { 'content-type': 'application/x-amz-json-1.1' };
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return true; // HTTP/1.0 clients send none; the socket is on loopback anyway
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
  return name === LOOPBACK || name === 'localhost' || name === '[::1]';
}

/** The body as text, or undefined when it is larger than MAX_BODY_BYTES. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { ...headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}
