import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectClean, openApp, useBrowser } from './page';

const chrome = useBrowser();

async function registerExample(page: Page, id: string, revision: string) {
  await page.getByTestId('tab-taskdef').click();
  await page.getByTestId('taskdef-editor').locator('.monaco-editor .view-lines').waitFor();
  await page.getByText('Examples', { exact: true }).click();
  await page.getByTestId(`example-${id}`).click();
  await page.getByTestId('taskdef-summary').filter({ hasText: /^Errors: 0 / }).waitFor();
  await page.getByTestId('taskdef-register').click();
  await page.getByTestId('taskdef-registered').filter({ hasText: revision }).waitFor();
}

async function runFor(page: Page, predicate: () => boolean, timeout = 30_000) {
  await page.getByRole('radio', { name: '600×' }).click();
  await page.getByTestId('play').click();
  await page.waitForFunction(predicate, undefined, { timeout });
  await page.getByTestId('play').click();
}

describe('services', () => {
  it('creates a Fargate service of 3, reaches steady state, then rolls out a new revision', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await page.getByLabel('Cluster name').fill('demo');
    await page.getByTestId('create-cluster').click();
    await registerExample(page, 'fargate-web', 'web:1');

    await page.getByTestId('action-createService').click();
    await page.getByTestId('service-name').fill('web');
    await page.getByTestId('service-desired').fill('3');
    await page.getByTestId('create-service').click();
    await page.getByTestId('service-summary').waitFor();

    await runFor(page, () => document.querySelector('[data-testid="service-events"]')?.textContent?.includes('has reached a steady state.') ?? false);
    expect(await page.getByTestId('service-summary').textContent()).toContain('desired 3 · running 3 · pending 0');
    expect(await page.locator('g.slot[data-phase="running"]').count()).toBe(3);
    await w.screenshot('service-steady');

    // A new revision, deployed: the rolling update starts new tasks before it stops old ones.
    await registerExample(page, 'fargate-web', 'web:2');
    await page.getByTestId('tab-services').click();
    await page.getByTestId('service-revision').selectOption('web:2');
    await page.getByTestId('service-deploy').click();
    await page.getByTestId('service-deployments').locator('li.deployment').nth(1).waitFor();
    const rows = await page.getByTestId('service-deployments').locator('li.deployment').allTextContents();
    expect(rows[0]).toContain('PRIMARY');
    expect(rows[0]).toContain('web:2');
    expect(rows[1]).toContain('ACTIVE');
    await runFor(page, () => {
      const rows = document.querySelectorAll('[data-testid="service-deployments"] li.deployment');
      return rows.length === 1 && (rows[0].textContent ?? '').includes('COMPLETED');
    });
    expect(await page.getByTestId('service-events').textContent()).toContain('has reached a steady state.');
    await w.screenshot('service-rolled-out');
    expectClean(w);
    await w.context.close();
  });
});
