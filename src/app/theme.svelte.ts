/** Light or dark: the saved choice, else the system preference. Applied as data-theme on <html>. */
import { readPreference, writePreference } from './storage';

export type ThemeMode = 'light' | 'dark';
const STORAGE_KEY = 'ecs-playground.theme';

export class Theme {
  mode = $state<ThemeMode>('light');

  constructor() {
    const prefersDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
    this.mode = readPreference(STORAGE_KEY, ['light', 'dark'] as const) ?? (prefersDark ? 'dark' : 'light');
    this.#apply();
  }

  toggle(): void {
    this.mode = this.mode === 'dark' ? 'light' : 'dark';
    writePreference(STORAGE_KEY, this.mode);
    this.#apply();
  }

  #apply(): void {
    if (globalThis.document) document.documentElement.dataset.theme = this.mode;
  }
}
