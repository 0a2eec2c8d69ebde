/** The app's shared state objects, handed to every component through Svelte context. */
import { getContext, setContext } from 'svelte';
import { rememberApp } from './crash/crashKit';
import { installTestHooks } from './crash/testHooks';
import type { I18n } from './i18n.svelte';
import type { Playground } from './playground.svelte';
import type { Selection } from './selection.svelte';
import type { Panels } from './panels.svelte';
import type { Lessons } from './lessons.svelte';
import type { Theme } from './theme.svelte';

export interface AppContext {
  playground: Playground;
  i18n: I18n;
  theme: Theme;
  selection: Selection;
  panels: Panels;
  lessons: Lessons;
}

const KEY = Symbol('ecs-playground');

export function provideApp(ctx: AppContext): void {
  setContext(KEY, ctx);
  rememberApp(ctx); // for the shell-level error screen (export session)
  installTestHooks(ctx); // only with ?bench or ?test in the address
}

export function useApp(): AppContext {
  const ctx = getContext<AppContext | undefined>(KEY);
  if (!ctx) throw new Error('useApp() called outside <App>');
  return ctx;
}
