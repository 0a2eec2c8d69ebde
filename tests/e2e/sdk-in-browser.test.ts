/**
 * createEcsClient in Chromium: the AWS SDK's browser build, bundled by Vite as an app would bundle
 * it, drives the simulation in-process. No request may leave the page.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEndpoint } from '../../src/server/endpoint';
import { launchChromium } from './chromium';

const ORIGIN = 'http://sdk-in-browser.test';
let browser: Browser;
/** the bundles' files (entries sdk.js and http.js; the SDK's lazy parts are split into chunks) */
const files = new Map<string, string>();

async function bundle(entry: string, fileName: string): Promise<void> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: join(import.meta.dirname, entry), formats: ['es'], fileName },
    },
  })) as Rolldown.RolldownOutput[];
  for (const o of out[0].output) if ('code' in o) files.set(o.fileName, o.code);
}

beforeAll(async () => {
  await bundle('sdk-browser-entry.ts', 'sdk');
  await bundle('sdk-over-http-entry.ts', 'http');
  browser = await launchChromium(inject('chromiumPath'));
});

afterAll(async () => {
  await browser?.close();
});

const html = (script: string) => `<!doctype html><script type="module" src="/${script}"></script>`;

describe('createEcsClient in the browser', () => {
  it('runs an SDK script with paginator, waiter and error class, without any network request', async () => {
    const context = await browser.newContext();
    const escaped: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: html('sdk.js') });
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

/**
 * Serves the page and the bundle from its own port on 127.0.0.1: a page on another port is another
 * origin (so CORS applies, with preflights for the SDK's signed headers) in the same loopback address
 * space, as the app run by `npm run dev` or `npm run preview` is. (A page from a public origin also
 * meets Chrome's local-network-access permission prompt; see docs/wire-protocol.md.)
 */
async function serveApp(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    const body = name === '' ? html('http.js') : files.get(name);
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': name === '' ? 'text/html' : 'text/javascript' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the local endpoint from a page on another origin', () => {
  it('answers the browser SDK through CORS preflights, errors included', async () => {
    const endpoint = await startEndpoint({ port: 0, speed: 1 });
    const app = await serveApp();
    const context = await browser.newContext();
    const escaped: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${app.url}/`) || url.startsWith(`${endpoint.url}/`)) return route.continue();
      escaped.push(url);
      return route.abort();
    });
    try {
      const tab = await context.newPage();
      tab.on('pageerror', (e) => errors.push(String(e)));
      tab.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await tab.goto(`${app.url}/`);
      await tab.waitForFunction(() => 'runOverHttp' in window);
      const result = await tab.evaluate(
        (url) => (window as unknown as { runOverHttp: (u: string) => Promise<unknown> }).runOverHttp(url),
        endpoint.url,
      );
      expect(result).toEqual({
        clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/from-browser',
        clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/from-browser'],
        requestId: true,
        error: ['ClusterNotFoundException', 'Cluster not found.', 400, 'string'],
      });
      expect(escaped).toEqual([]);
      // The 400 of the ClusterNotFoundException is logged by Chromium as a failed resource load.
      expect(errors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
    } finally {
      await context.close();
      await app.close();
      await endpoint.close();
    }
  });
});
