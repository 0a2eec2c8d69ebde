/**
 * Loads the Monaco-based editor on first use. The dynamic import keeps Monaco, its CSS and its
 * workers out of the first paint: they are separate chunks fetched when an editor panel opens.
 * The fetch starts after the next painted frame, so Monaco's 4 MB chunk (about a quarter second
 * of evaluation) never lands between the app's first render and its paint.
 */
import type { EditorModule } from './types';

let loading: Promise<EditorModule> | undefined;

function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function loadEditor(): Promise<EditorModule> {
  loading ??= afterNextPaint()
    .then(() => import('./monacoEditors'))
    .catch((error: unknown) => {
      loading = undefined; // let a later attempt try again
      throw error;
    });
  return loading;
}
