/**
 * What the error screens need when a view or the whole shell fails: the app's objects (remembered
 * when <App> provides them), a way to save the simulation as a file, and a readable message.
 */
import type { AppContext } from '../context';

let current: AppContext | undefined;

/** Called by provideApp: the error screens and the test hooks find the app's objects here. */
export function rememberApp(ctx: AppContext): void {
  current = ctx;
}

export function currentApp(): AppContext | undefined {
  return current;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** File name for an exported session, e.g. ecs-playground-session-0h12m.json (virtual time). */
export function sessionFileName(nowMs: number): string {
  const minutes = Math.floor(nowMs / 60_000);
  return `ecs-playground-session-${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m.json`;
}

/**
 * Downloads sim.snapshot() as JSON. Returns an error message instead of throwing: this runs when
 * something is already broken.
 */
export function exportSession(): { ok: true } | { ok: false; message: string } {
  try {
    const sim = current?.playground.sim;
    if (!sim) return { ok: false, message: 'no simulation is running' };
    const text = JSON.stringify(sim.snapshot(), null, 1);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = sessionFileName(sim.now());
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
    return { ok: true };
  } catch (e) {
    return { ok: false, message: describeError(e) };
  }
}
