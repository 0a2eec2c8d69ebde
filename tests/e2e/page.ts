/**
 * Opens the app in a fresh browser context and records what a test must check on every page:
 * console errors, uncaught exceptions, and any request that tries to leave the local server.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from './chromium';

export interface Watched {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  pageErrors: string[];
  /** requests to anywhere but the local test server (all are blocked) */
  escapedRequests: string[];
  screenshot(name: string): Promise<string>;
}

export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

export async function openApp(
  browser: Browser,
  baseUrl: string,
  options: {
    path?: string;
    viewport?: { width: number; height: number };
    locale?: string;
    colorScheme?: 'light' | 'dark';
    /** only for tests that inject their own script (axe.ts): the page's CSP forbids inline scripts */
    bypassCSP?: boolean;
  } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl).origin;
  const watched: Watched = {
    page,
    context,
    consoleErrors: [],
    pageErrors: [],
    escapedRequests: [],
    async screenshot(name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    watched.escapedRequests.push(url);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') watched.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => watched.pageErrors.push(String(err)));
  await page.goto(baseUrl + (options.path ?? ''), { waitUntil: 'load' });
  return watched;
}

/** What every journey ends with: no console errors, no uncaught exceptions, no request leaving the page. */
export function expectClean(w: Watched): void {
  expect(w.consoleErrors, 'console errors').toEqual([]);
  expect(w.pageErrors, 'uncaught exceptions').toEqual([]);
  expect(w.escapedRequests, 'requests leaving the page').toEqual([]);
}

/** Launches Chromium once for the file's tests and closes it after them. Use `chrome.browser` in tests. */
export function useBrowser(): { readonly browser: Browser } {
  const holder = {} as { browser: Browser };
  beforeAll(async () => {
    holder.browser = await launchChromium(inject('chromiumPath'));
  });
  afterAll(async () => {
    await holder.browser?.close();
  });
  return holder;
}
