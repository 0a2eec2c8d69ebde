/** The session controller, handed to the session components through Svelte context. */
import { getContext, setContext } from 'svelte';
import type { SessionController } from './session.svelte';

const KEY = Symbol('ecs-playground.session');

export function provideSession(session: SessionController): void {
  setContext(KEY, session);
}

export function useSession(): SessionController {
  const s = getContext<SessionController | undefined>(KEY);
  if (!s) throw new Error('useSession() called outside <App>');
  return s;
}
