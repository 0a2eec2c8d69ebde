/**
 * The UI never goes blank: an unexpected core error (forced through the test hook that `?test`
 * installs) is caught by the nearest error boundary, which says what failed and offers "reset view"
 * and "export session"; a failure in the shell itself reaches the outermost boundary; and the
 * learner's task-definition text survives both.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium';
import { openApp } from './page';
import type {} from './hooks';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(inject('chromiumPath'));
});

afterAll(async () => {
  await browser?.close();
});

const MARKER = 'learner-text-that-must-survive';

async function typeIntoEditor(page: Page) {
  const lines = page.getByTestId('taskdef-editor').locator('.monaco-editor .view-lines');
  await lines.waitFor();
  await lines.click();
  // at the top, so it is among the lines Monaco renders
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(`// ${MARKER}\n`);
  // drafts are written to localStorage as the text changes (debounced)
  await page.waitForFunction((m) => (localStorage.getItem('ecs-playground.taskdef.drafts') ?? '').includes(m), MARKER, { timeout: 10_000 });
}

async function createCluster(page: Page, name: string) {
  await page.getByLabel('Cluster name').fill(name);
  await page.getByTestId('create-cluster').click();
  await page.getByTestId('cluster-item').filter({ hasText: name }).waitFor();
}

describe('error boundaries', () => {
  it('the test hook exists only with ?test or ?bench in the address', async () => {
    const w = await openApp(browser, inject('baseUrl'));
    await w.page.getByRole('heading', { name: 'ECS Playground' }).waitFor();
    expect(await w.page.evaluate(() => typeof window.__playground)).toBe('undefined');
    await w.context.close();
  });

  it('a view that fails shows what failed, exports the session and comes back with "reset view"', async () => {
    const w = await openApp(browser, inject('baseUrl'), { path: '?test' });
    const { page } = w;
    await createCluster(page, 'demo');
    await typeIntoEditor(page);

    // containerInstances is read by the views of the cluster, not by the shell
    await page.evaluate(() => window.__playground!.breakState('containerInstances'));
    const failed = page.getByTestId('view-error').first();
    await failed.waitFor();
    expect(await failed.textContent()).toContain('Forced failure: state.containerInstances');
    // the rest of the page is still there
    await page.getByRole('heading', { name: 'ECS Playground' }).waitFor();
    await w.screenshot('error-boundary-view');

    // exporting while the state is broken reports the problem instead of failing silently
    await failed.getByTestId('export-session').click();
    await failed.getByText('could not be exported').waitFor();

    await page.evaluate(() => window.__playground!.repairState());
    const download = page.waitForEvent('download');
    await failed.getByTestId('export-session').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^ecs-playground-session-\d+h\d\dm\.json$/);
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    const snapshot = JSON.parse(readFileSync(path, 'utf8'));
    expect(snapshot.format).toBe('ecs-playground/snapshot');
    expect(Object.keys(snapshot.state.clusters)).toContain('demo');

    for (const button of await page.getByTestId('view-error').getByTestId('reset-view').all()) await button.click();
    await page.getByTestId('view-error').first().waitFor({ state: 'detached' });
    await page.getByTestId('cluster-item').filter({ hasText: 'demo' }).waitFor();
    expect(await page.getByTestId('taskdef-editor').textContent()).toContain(MARKER);
    expect(w.pageErrors, 'uncaught exceptions').toEqual([]);
    await w.context.close();
  });

  it('a failure in the shell itself lands on the outermost boundary, and the editor text comes back after reset', async () => {
    const w = await openApp(browser, inject('baseUrl'), { path: '?test' });
    const { page } = w;
    await typeIntoEditor(page);

    await page.evaluate(() => window.__playground!.breakState('clusters'));
    const shell = page.getByTestId('shell-error');
    await shell.waitFor();
    expect(await shell.textContent()).toContain('Forced failure: state.clusters');
    expect(await page.evaluate(() => document.body.innerText.trim().length)).toBeGreaterThan(50);
    await w.screenshot('error-boundary-shell');

    await shell.getByTestId('reset-view').click();
    await page.getByRole('heading', { name: 'ECS Playground' }).waitFor();
    await page.getByTestId('taskdef-editor').locator('.monaco-editor .view-lines').waitFor();
    await page.waitForFunction((m) => document.querySelector('[data-testid="taskdef-editor"]')?.textContent?.includes(m), MARKER, { timeout: 10_000 });
    expect(w.pageErrors, 'uncaught exceptions').toEqual([]);
    await w.context.close();
  });
});
