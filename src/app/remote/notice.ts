/** What the endpoint banner says for a connection's status and problem: a message key and its values. */
import type { EndpointProblem } from './endpointClient';
import type { RemoteMessageKey } from './messages';
import type { RemoteStatus } from './remote.svelte';

export interface RemoteNotice {
  key: RemoteMessageKey;
  params: Record<string, string>;
  /** a problem (shown as an alert) rather than a status */
  problem: boolean;
}

/** pages the endpoint always allows (server/cors.ts); others need --allow-origin */
const LOOPBACK_PAGE = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

/** `origin` is the page's own origin, for the --allow-origin advice. */
export function remoteNotice(status: RemoteStatus, problem: EndpointProblem | undefined, url: string, origin: string): RemoteNotice | undefined {
  if (status === 'off') return undefined;
  if (status === 'connecting') return { key: 'remote.connecting', params: { url }, problem: false };
  if (status === 'live') return { key: 'remote.live', params: { url }, problem: false };
  if (status === 'lost' && problem?.reason === 'unreachable') return { key: 'remote.lost', params: { url }, problem: true };
  switch (problem?.reason) {
    case 'badUrl':
      return { key: 'remote.badUrl', params: {}, problem: true };
    case 'notEndpoint':
      return { key: 'remote.notEndpoint', params: { url, detail: problem.detail }, problem: true };
    case 'version':
      return { key: 'remote.version', params: { url, detail: problem.detail }, problem: true };
    default:
      return LOOPBACK_PAGE.test(origin)
        ? { key: 'remote.unreachable', params: { url }, problem: true }
        : { key: 'remote.unreachableOrigin', params: { url, origin }, problem: true };
  }
}
