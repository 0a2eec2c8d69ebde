/** The current UI language: from the saved choice, else the browser's language; English otherwise. */
import { catalogues, format, LOCALES, type Locale, type MessageKey } from './messages';
import { readPreference, writePreference } from './storage';

const STORAGE_KEY = 'ecs-playground.locale';

export function detectLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}

export class I18n {
  locale = $state<Locale>('en');

  constructor(initial?: Locale) {
    this.locale =
      initial ?? readPreference(STORAGE_KEY, LOCALES) ?? detectLocale(globalThis.navigator?.languages ?? ['en']);
  }

  set(locale: Locale): void {
    this.locale = locale;
    writePreference(STORAGE_KEY, locale);
    if (globalThis.document) document.documentElement.lang = locale;
  }

  t = (key: MessageKey, params?: Record<string, string | number>): string => format(catalogues[this.locale][key], params);
}
