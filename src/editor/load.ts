/**
 * Loads the Monaco-based editor on first use. The dynamic import keeps Monaco, its CSS and its
 * workers out of the first paint: they are separate chunks fetched when an editor panel opens.
 */
import type { EditorModule } from './types';

let loading: Promise<EditorModule> | undefined;

export function loadEditor(): Promise<EditorModule> {
  loading ??= import('./monacoEditors').catch((error: unknown) => {
    loading = undefined; // let a later attempt try again
    throw error;
  });
  return loading;
}
