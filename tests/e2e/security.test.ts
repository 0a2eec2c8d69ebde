/**
 * Security in the browser: the Content-Security-Policy (no unsafe-eval, no remote origins) lets
 * Monaco and its workers run without a single violation; and script payloads typed into every
 * user-controlled text field the UI offers never execute, wherever the text is shown afterwards.
 */
import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { openApp, type Watched } from './page';
import type {} from './hooks';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
});

afterAll(async () => {
  await browser?.close();
});

declare global {
  interface Window {
    __cspViolations?: string[];
    __xss?: string[];
  }
}

/** Runs before any page script: records CSP violations and gives payloads a flag to set. */
const WATCH = () => {
  window.__cspViolations = [];
  window.__xss = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI}`));
};

async function open(path = ''): Promise<Watched & { dialogs: string[] }> {
  const w = await openApp(browser, inject('baseUrl'), { path });
  const dialogs: string[] = [];
  w.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await w.page.addInitScript(WATCH);
  await w.page.reload({ waitUntil: 'load' });
  return Object.assign(w, { dialogs });
}

async function editorReady(page: Page) {
  await page.getByTestId('taskdef-editor').locator('.monaco-editor .view-lines').waitFor();
}

async function pasteIntoEditor(page: Page, text: string) {
  await page.getByTestId('taskdef-editor').locator('.view-lines').click();
  await page.keyboard.press('Control+a');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

describe('Content-Security-Policy', () => {
  it('has no unsafe-eval and no remote origin: only self, data:/blob: and loopback', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(csp, 'CSP meta tag in index.html').toBeDefined();
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    for (const origin of csp!.match(/\b[a-z][a-z0-9+.-]*:\/\/[^\s;]+/g) ?? []) {
      expect(origin, 'only loopback origins').toMatch(/^https?:\/\/(127\.0\.0\.1|localhost)(:\*|:\d+)?$/);
    }
  });

  it('Monaco loads, validates and completes in its worker with no violation reported', async () => {
    const w = await open();
    const { page } = w;
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    expect(csp).toBeTruthy();
    await editorReady(page);
    await pasteIntoEditor(page, JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 'lots' }] }, null, 2));
    await page.getByTestId('taskdef-summary').filter({ hasText: /Errors: [1-9]/ }).waitFor();
    // completion runs in the JSON worker
    await page.getByTestId('taskdef-editor').locator('.view-lines').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+Space');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /json\.worker/.test(e.name)), undefined, { timeout: 15_000 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(w.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.escapedRequests).toEqual([]);
    await w.context.close();
  });
});

const PAYLOADS = [
  `<img src=x onerror="window.__xss.push('img')">`,
  `"><script>window.__xss.push('script')</script>`,
  `javascript:window.__xss.push('js-url')`,
  `<svg onload="window.__xss.push('svg')"></svg>`,
  `'><iframe srcdoc="<script>parent.__xss.push('iframe')</script>">`,
  `{{constructor.constructor('window.__xss.push(1)')()}}`,
  `<a href="javascript:alert(1)">x</a>`,
];

describe('script payloads in user-controlled text never execute', () => {
  it('in the cluster name, the task definition, the service name and the console', async () => {
    const w = await open('?test');
    const { page } = w;

    // cluster name: a valid cluster first (so the other forms exist), then every payload
    await page.getByLabel('Cluster name').fill('demo');
    await page.getByTestId('create-cluster').click();
    await page.getByTestId('cluster-item').filter({ hasText: 'demo' }).waitFor();
    for (const p of PAYLOADS) {
      await page.getByLabel('Cluster name').fill(p);
      await page.getByTestId('create-cluster').click();
      await page.getByRole('alert').first().waitFor();
    }

    // task definition: family, container name, image, environment values, docker labels, tags
    await editorReady(page);
    const env = PAYLOADS.map((p, i) => ({ name: `V${i}`, value: p }));
    const withPayloads = {
      family: 'xss',
      containerDefinitions: [
        { name: 'app', image: `nginx:${'latest'}`, memory: 128, environment: env, dockerLabels: Object.fromEntries(PAYLOADS.map((p, i) => [`l${i}`, p])), command: PAYLOADS },
        { name: PAYLOADS[0], image: PAYLOADS[1], memory: 128 },
      ],
      tags: [{ key: 'note', value: PAYLOADS[2] }],
    };
    await pasteIntoEditor(page, JSON.stringify(withPayloads, null, 2));
    await page.getByTestId('taskdef-summary').waitFor();
    await page.getByTestId('taskdef-register').click();
    // and one that registers, so its revision (with payload values) is shown
    withPayloads.containerDefinitions.pop();
    await pasteIntoEditor(page, JSON.stringify(withPayloads, null, 2));
    await page.getByTestId('taskdef-summary').filter({ hasText: /^Errors: 0 / }).waitFor();
    await page.getByTestId('taskdef-register').click();
    await page.getByTestId('taskdef-registered').waitFor();
    const family = PAYLOADS[0];
    await pasteIntoEditor(page, JSON.stringify({ family, containerDefinitions: [{ name: 'a', image: 'busybox', memory: 64 }] }, null, 2));
    await page.getByTestId('taskdef-register').click();

    // service name
    await page.getByTestId('action-createService').click();
    for (const p of PAYLOADS.slice(0, 3)) {
      await page.getByTestId('service-name').fill(p);
      await page.getByTestId('create-service').click();
    }

    // console commands
    await page.getByTestId('tab-console').click();
    const input = page.getByTestId('console-input');
    for (const p of PAYLOADS) {
      for (const line of [`aws ecs create-cluster --cluster-name '${p.replace(/'/g, `'"'"'`)}'`, p, `aws ecs tag-resource --resource-arn arn:aws:ecs:us-east-1:123456789012:cluster/demo --tags key=x,value="${p.replace(/"/g, '\\"')}"`]) {
        await input.fill(line);
        await input.press('Enter');
      }
    }
    await page.getByTestId('console-entry').last().waitFor();

    // what the simulation holds with payloads is shown in the other views too
    for (const tab of ['services', 'details', 'events', 'taskdef']) await page.getByTestId(`tab-${tab}`).click();
    await page.waitForTimeout(500);

    expect(await page.evaluate(() => window.__xss)).toEqual([]);
    expect(w.dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], iframe[srcdoc], script:not([src])').length)).toBe(0);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.screenshot('security-payloads');
    await w.context.close();
  });
});
