/**
 * createEcsClient in Chromium: the AWS SDK's browser build, bundled by Vite as an app would bundle
 * it, drives the simulation in-process. No request may leave the page.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';

const ORIGIN = 'http://sdk-in-browser.test';
let browser: Browser;
/** the bundle's files (the entry is sdk.js; the SDK's lazy parts are split into chunks) */
const files = new Map<string, string>();

beforeAll(async () => {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: join(import.meta.dirname, 'sdk-browser-entry.ts'), formats: ['es'], fileName: 'sdk' },
    },
  })) as Rolldown.RolldownOutput[];
  for (const o of out[0].output) if ('code' in o) files.set(o.fileName, o.code);
  browser = await launchChromium(inject('chromiumPath'));
});

afterAll(async () => {
  await browser?.close();
});

describe('createEcsClient in the browser', () => {
  it('runs an SDK script with paginator, waiter and error class, without any network request', async () => {
    const context = await browser.newContext();
    const escaped: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/sdk.js"></script>' });
      const file = url.startsWith(`${ORIGIN}/`) ? files.get(url.slice(ORIGIN.length + 1)) : undefined;
      if (file !== undefined) return route.fulfill({ contentType: 'text/javascript', body: file });
      escaped.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'runSdkScript' in window);
    const result = await page.evaluate(() => (window as unknown as { runSdkScript: () => Promise<unknown> }).runSdkScript());
    expect(result).toMatchObject({
      pages: [2, 1],
      revision: 1,
      registeredAt: true,
      waiter: 'SUCCESS',
      error: ['ClusterNotFoundException', 'Cluster not found.', 400],
    });
    expect((result as { virtualSecondsWaited: number }).virtualSecondsWaited % 6).toBe(0);
    expect(escaped).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
