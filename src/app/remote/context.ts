/** The local endpoint connection, handed to its components through Svelte context. */
import { getContext, setContext } from 'svelte';
import type { RemoteEndpoint } from './remote.svelte';

const KEY = Symbol('ecs-playground.remote');

export function provideRemote(remote: RemoteEndpoint): void {
  setContext(KEY, remote);
}

export function useRemote(): RemoteEndpoint {
  const r = getContext<RemoteEndpoint | undefined>(KEY);
  if (!r) throw new Error('useRemote() called outside <App>');
  return r;
}
