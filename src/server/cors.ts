/**
 * Which web pages may call the local endpoint from a browser. Pages served from a loopback origin
 * (http://127.0.0.1:*, http://localhost:*, http://[::1]:*: `npm run dev`, `vite preview`, a local
 * copy of the build) always may; any other origin only when named with `--allow-origin` (a hosted
 * copy of the app). Other pages get no Access-Control-Allow-Origin, so a browser neither lets them
 * read the simulation nor sends their writes (an x-amz-json POST always needs a preflight first).
 * Clients that send no Origin (the AWS CLI, SDKs in Node) are not affected by CORS at all.
 */
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;

const DEFAULT_ALLOWED_HEADERS =
  'authorization, content-type, x-amz-target, x-amz-date, x-amz-security-token, x-amz-user-agent, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request';

/** True for an origin a browser may call the endpoint from. */
export function isAllowedOrigin(origin: string, allowOrigins: readonly string[] = []): boolean {
  return LOOPBACK_ORIGIN.test(origin) || allowOrigins.includes(origin);
}

/** An `--allow-origin` value as a browser sends it in Origin (scheme://host[:port]), or undefined. */
export function normaliseOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined;
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** CORS response headers for a request: none at all for an origin that is not allowed. */
export function corsHeaders(headers: IncomingHttpHeaders, allowOrigins: readonly string[] = []): Record<string, string> {
  const origin = first(headers.origin);
  if (!origin || !isAllowedOrigin(origin, allowOrigins)) return origin ? { vary: 'Origin' } : {};
  const out: Record<string, string> = {
    'access-control-allow-origin': origin,
    vary: 'Origin',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    // The SDK in a browser signs requests, so Authorization and the X-Amz-* headers must be allowed.
    'access-control-allow-headers': first(headers['access-control-request-headers']) ?? DEFAULT_ALLOWED_HEADERS,
    'access-control-expose-headers': 'x-amzn-requestid, x-amzn-errortype',
    'access-control-max-age': '600',
  };
  // Chrome's Private Network Access preflight: a page on a public origin asking for a loopback address.
  if (first(headers['access-control-request-private-network']) === 'true') out['access-control-allow-private-network'] = 'true';
  return out;
}
