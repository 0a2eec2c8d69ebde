import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium } from 'playwright-core';
import { SCREENSHOT_DIR } from './page';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

let browser: Browser;

beforeAll(async () => {
  // The stand-in host pages are served by the test itself (route.fulfill), which Chromium counts as
  // public pages; its local-network protection would then refuse to frame the local test server.
  browser = await chromium.launch({
    executablePath: inject('chromiumPath'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
      '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessForNavigations',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

const DOCS = 'http://docs.test';
const EVIL = 'http://evil.test';

/**
 * A browser context in which DOCS serves the built files (the example host page) and EVIL serves a
 * page that frames the playground without being on its allow-list.
 * Everything else but the local server is blocked.
 */
async function hostContext(): Promise<{ context: BrowserContext; errors: string[]; warnings: string[]; open(url: string): Promise<Page> }> {
  const base = inject('baseUrl');
  const local = new URL(base).origin;
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
  const errors: string[] = [];
  const warnings: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === local) return route.continue();
    if (url.origin === DOCS) return route.fulfill({ response: await route.fetch({ url: local + url.pathname + url.search }) });
    if (url.origin === EVIL) {
      const frameSrc = `${base}?embed&view=map&origin=${encodeURIComponent(DOCS)}`;
      return route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>evil</title><iframe id="f" src="${frameSrc}" width="800" height="500"></iframe>` });
    }
    errors.push(`escaped request: ${url.href}`);
    return route.abort();
  });
  return {
    context,
    errors,
    warnings,
    async open(url: string) {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
        if (m.type() === 'warning') warnings.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
  };
}

async function shot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

function playgroundFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(inject('baseUrl')));
  if (!frame) throw new Error('the playground frame is missing');
  return frame;
}

describe('embedding', () => {
  it('the example host page drives the embed through postMessage across origins', async () => {
    const host = await hostContext();
    const examplePath = new URL(inject('baseUrl')).pathname + 'embed-example.html';
    const page = await host.open(`${DOCS}${examplePath}?playground=${encodeURIComponent(inject('baseUrl'))}`);
    await page.waitForSelector('body[data-ready="true"]');
    for (const action of ['cluster', 'register', 'service']) {
      await page.click(`[data-action="${action}"]`);
      await page.waitForFunction((n) => document.querySelectorAll('#log li').length >= n, 2);
    }
    await page.waitForFunction(() => [...document.querySelectorAll('#log li')].filter((li) => li.textContent?.includes(': ok')).length >= 4);
    await page.click('[data-action="advance"]');
    await page.waitForSelector('body[data-running="2"]');
    const frame = playgroundFrame(page);
    await frame.waitForSelector('[data-testid="embed"][data-view="map"]');
    expect(await frame.locator('g.slot[data-phase="running"]').count()).toBe(2);
    expect(await frame.getByTestId('clock').textContent()).toBe('0:02:00');
    const log = await page.locator('#log').textContent();
    expect(log).not.toMatch(/Invalid|Error/);
    await shot(page, 'embed-1-host-page');

    // A message of a shape the API does not document is refused with a reason.
    const reply = await page.evaluate(
      (origin) =>
        new Promise<unknown>((resolve) => {
          const frame = document.getElementById('ecs-playground') as HTMLIFrameElement;
          window.addEventListener('message', (e) => e.data?.type === 'ecs-playground:result' && e.data.id === 'x' && resolve(e.data));
          frame.contentWindow?.postMessage({ type: 'ecs-playground:command', id: 'x', api: 'ecs', operation: 'deleteCluster', request: { cluster: 'demo' }, sneaky: 1 }, origin);
        }),
      new URL(inject('baseUrl')).origin,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'InvalidMessage', message: 'unexpected member "sneaky"' } });
    expect(host.errors).toEqual([]);
    await host.context.close();
  });

  it('the example host page starts an exercise and hears its goals pass (the goal-completion event)', async () => {
    const host = await hostContext();
    const examplePath = new URL(inject('baseUrl')).pathname + 'embed-example.html';
    const page = await host.open(`${DOCS}${examplePath}?playground=${encodeURIComponent(inject('baseUrl'))}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('[data-action="exercise"]');
    await page.waitForSelector('body[data-goals-complete="false"]');
    expect(await page.locator('#goals').textContent()).toBe('Exercise “first-fargate-service”: 0 of 2 goals pass.');
    await page.click('[data-action="service"]');
    await page.waitForFunction(() => [...document.querySelectorAll('#log li')].some((li) => li.textContent?.startsWith('result') && li.textContent.includes(': ok')));
    await page.click('[data-action="advance"]');
    await page.waitForSelector('body[data-goals-complete="true"]');
    expect(await page.locator('#goals').textContent()).toBe('Exercise “first-fargate-service” done: all 2 goals pass.');
    expect(await page.locator('#log').textContent()).toContain('goals: two-running pass, deployment-completed pass');
    await shot(page, 'embed-3-exercise-goals');
    expect(host.errors).toEqual([]);
    await host.context.close();
  });

  it('ignores a page whose origin is not on the allow-list', async () => {
    const host = await hostContext();
    const page = await host.open(`${EVIL}/`);
    const frame = await (await page.waitForSelector('#f')).contentFrame();
    await frame!.waitForSelector('[data-testid="embed"]');
    await page.evaluate(() => {
      const f = document.getElementById('f') as HTMLIFrameElement;
      f.contentWindow?.postMessage({ type: 'ecs-playground:command', api: 'ecs', operation: 'createCluster', request: { clusterName: 'evil' } }, '*');
    });
    await page.waitForFunction(() => true);
    await expect.poll(() => host.warnings.some((w) => w.includes(`ignored a message from ${EVIL}`))).toBe(true);
    expect(await frame!.getByText('evil').count()).toBe(0);
    expect(await frame!.locator('text=Create a cluster first').count()).toBe(1);
    expect(host.errors).toEqual([]);
    await host.context.close();
  });

  it('honours view, readonly, controls, lang and theme', async () => {
    const host = await hostContext();
    const page = await host.open(`${inject('baseUrl')}?embed&view=service&readonly&controls=0&lang=ko&theme=dark`);
    await page.getByTestId('embed').waitFor();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    expect(await page.getByTestId('play').count()).toBe(0);
    expect(await page.getByTestId('embed-readonly').textContent()).toBe('읽기 전용');
    expect(await page.getByTestId('timeline').count()).toBe(0);
    await shot(page, 'embed-2-readonly-ko-dark');

    const map = await host.open(`${inject('baseUrl')}?embed&view=map&readonly`);
    await map.getByTestId('embed').waitFor();
    expect(await map.getByTestId('play').count()).toBe(1);
    expect(await map.locator('form:visible').count()).toBe(0);
    // the storage of the full app is untouched by embeds
    expect(await map.evaluate(() => localStorage.getItem('ecs-playground.session'))).toBeNull();
    await shot(map, 'embed-3-readonly-map');
    expect(host.errors).toEqual([]);
    await host.context.close();
  });
});
