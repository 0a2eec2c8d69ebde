/**
 * One browser session for the browser benchmarks: builds the app and the empty Vite + Svelte page
 * (bench/fixtures/empty-svelte) into a temporary folder, serves both from 127.0.0.1 and launches
 * Debian's Chromium off the network. Created once, shared by every browser case, closed at exit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { findChromium, launchChromium } from '../../tests/e2e/chromium';
import { serveStatic, type StaticServer } from '../../tests/e2e/static-server';

export interface BrowserSession {
  appDist: string;
  appUrl: string;
  emptyUrl: string;
  browser: Browser;
  /** a fresh context and page with nothing cached, network kept local */
  newPage(): Promise<Page>;
}

const root = join(import.meta.dirname, '..', '..');
let session: Promise<BrowserSession> | undefined;
const cleanups: (() => Promise<void> | void)[] = [];

async function start(): Promise<BrowserSession> {
  const tmp = mkdtempSync(join(tmpdir(), 'ecs-bench-'));
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const appDist = join(tmp, 'app');
  const emptyDist = join(tmp, 'empty');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', build: { outDir: appDist, emptyOutDir: true } });
  await build({
    root: join(root, 'bench', 'fixtures', 'empty-svelte'),
    configFile: false,
    base: './',
    logLevel: 'error',
    plugins: [svelte({ configFile: false })],
    build: { outDir: emptyDist, emptyOutDir: true, target: 'es2022' },
  });
  const servers: StaticServer[] = [await serveStatic(appDist, '/learn/ecs/playground/'), await serveStatic(emptyDist, '/empty/')];
  cleanups.push(() => Promise.all(servers.map((s) => s.close())).then(() => undefined));
  const browser = await launchChromium(findChromium());
  cleanups.push(() => browser.close());
  const origins = servers.map((s) => new URL(s.url).origin);
  return {
    appDist,
    appUrl: servers[0].url,
    emptyUrl: servers[1].url,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        return origins.some((o) => url.startsWith(o)) || url.startsWith('data:') || url.startsWith('blob:') ? route.continue() : route.abort();
      });
      // tsx (esbuild, keepNames) wraps functions in __name(); functions handed to page.evaluate
      // carry those calls into the page, so the page gets a no-op __name.
      await context.addInitScript('window.__name = (f) => f;');
      return context.newPage();
    },
  };
}

export function browserSession(): Promise<BrowserSession> {
  session ??= start();
  return session;
}

export async function closeBrowserSession(): Promise<void> {
  for (const c of cleanups.reverse()) await c();
  cleanups.length = 0;
  session = undefined;
}

/**
 * Init script: records (in window.__ready) the page's time, in ms since navigation start, when an
 * element matching `selector` exists and two animation frames have passed (it is painted and the
 * main thread is free to take input).
 */
export function readyWhen(selector: string): string {
  return `(() => {
    const done = () => requestAnimationFrame(() => requestAnimationFrame(() => { window.__ready = performance.now(); }));
    const check = () => { if (document.querySelector(${JSON.stringify(selector)})) { observer.disconnect(); done(); return true; } return false; };
    const observer = new MutationObserver(check);
    document.addEventListener('DOMContentLoaded', () => { if (!check()) observer.observe(document.documentElement, { childList: true, subtree: true }); });
  })();`;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
