/**
 * Embed options from the page's query string: `?embed&view=map&readonly&controls=0&autoplay&speed=60
 * &lang=ko&theme=dark&origin=https://docs.example.com`. Unknown or malformed values fall back to the
 * defaults; origins that are not plain `scheme://host[:port]` origins are ignored.
 */
import { SPEEDS, type Speed } from '../clock.svelte';
import { LOCALES, type Locale } from '../messages';

export const EMBED_VIEWS = ['map', 'editor', 'service', 'console'] as const;
export type EmbedView = (typeof EMBED_VIEWS)[number];

export interface EmbedOptions {
  view: EmbedView;
  readonly: boolean;
  /** show the clock controls (play, step, speed) */
  controls: boolean;
  autoplay: boolean;
  speed: Speed;
  lang?: Locale;
  theme?: 'light' | 'dark';
  /** host page origins allowed to drive the embed through postMessage; none means no messaging */
  origins: string[];
}

const FALSE = new Set(['0', 'false', 'no', 'off']);
const flag = (params: URLSearchParams, name: string, fallback: boolean): boolean => {
  if (!params.has(name)) return fallback;
  return !FALSE.has((params.get(name) ?? '').toLowerCase());
};

/** `https://docs.example.com` stays; `https://docs.example.com/path`, `*` and garbage do not. */
export function normaliseOrigin(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.origin === text.trim().replace(/\/$/, '') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** The embed options, or undefined when the page is not embedded (no `embed` parameter). */
export function parseEmbedOptions(search: string): EmbedOptions | undefined {
  const params = new URLSearchParams(search);
  if (!params.has('embed') || FALSE.has((params.get('embed') ?? '').toLowerCase())) return undefined;
  const view = params.get('view');
  const speed = Number(params.get('speed'));
  const lang = params.get('lang');
  const theme = params.get('theme');
  const origins = params
    .getAll('origin')
    .flatMap((o) => o.split(','))
    .map(normaliseOrigin)
    .filter((o): o is string => o !== undefined);
  return {
    view: (EMBED_VIEWS as readonly string[]).includes(view ?? '') ? (view as EmbedView) : 'map',
    readonly: flag(params, 'readonly', false),
    controls: flag(params, 'controls', true),
    autoplay: flag(params, 'autoplay', false),
    speed: (SPEEDS as readonly number[]).includes(speed) ? (speed as Speed) : 1,
    lang: (LOCALES as readonly string[]).includes(lang ?? '') ? (lang as Locale) : undefined,
    theme: theme === 'light' || theme === 'dark' ? theme : undefined,
    origins: [...new Set(origins)],
  };
}
