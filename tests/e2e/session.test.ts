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

const clock = (page: Page) => page.getByTestId('clock').textContent();
const eventCount = (page: Page) => page.getByTestId('tab-events').click().then(() => page.locator('.events .count').textContent());

describe('sessions: time travel, autosave, share links', () => {
  it('scrubs back in time, returns, branches; a reload restores the session; the share link reproduces it', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await page.getByLabel('Cluster name').fill('demo');
    await page.getByTestId('create-cluster').click();
    await registerExample(page, 'fargate-web', 'web:1');
    await page.getByTestId('action-createService').click();
    await page.getByTestId('service-name').fill('web');
    await page.getByTestId('service-desired').fill('3');
    await page.getByTestId('create-service').click();
    await page.getByRole('radio', { name: '600×' }).click();
    await page.getByTestId('play').click();
    await page.waitForFunction(() => document.querySelectorAll('g.slot[data-phase="running"]').length === 3, undefined, { timeout: 30_000 });
    await page.waitForFunction(() => (document.querySelector('[data-testid="clock"]')?.textContent ?? '') >= '0:05:00', undefined, { timeout: 30_000 });
    await page.getByTestId('play').click();
    const present = await clock(page);
    await w.screenshot('session-1-present');

    // Back to 0:00:05: the service has just been created, no task is running yet.
    await page.getByTestId('timeline-scrubber').fill('5000');
    await page.getByTestId('timeline-past').waitFor();
    expect(await clock(page)).toBe('0:00:05');
    expect(await page.locator('g.slot[data-phase="running"]').count()).toBe(0);
    await w.screenshot('session-2-past');

    // Keyboard: the scrubber is a range input, arrow keys move it.
    await page.getByTestId('timeline-scrubber').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:00:06');

    await page.getByTestId('timeline-present').click();
    await page.getByTestId('timeline-past').waitFor({ state: 'detached' });
    expect(await clock(page)).toBe(present);
    expect(await page.locator('g.slot[data-phase="running"]').count()).toBe(3);

    // Branch: back to 0:03:00, then an action: the future after 0:03:00 is gone.
    await page.getByTestId('timeline-scrubber').fill('180000');
    await page.getByTestId('timeline-past').waitFor();
    await page.getByLabel('Cluster name').fill('branch');
    await page.getByTestId('create-cluster').click();
    await page.getByTestId('timeline-past').waitFor({ state: 'detached' });
    expect(await page.getByTestId('timeline-at').textContent()).toBe('0:03:00 / 0:03:00');
    await w.screenshot('session-3-branched');
    const events = await eventCount(page);

    // Reload: the autosaved session comes back, with a notice.
    await page.waitForTimeout(1_500);
    await page.reload({ waitUntil: 'load' });
    await page.getByTestId('session-notice').filter({ hasText: 'Restored your session' }).waitFor();
    expect(await clock(page)).toBe('0:03:00');
    expect(await eventCount(page)).toBe(events);
    await w.screenshot('session-4-restored');

    // The share link opens the same session in another browser.
    await page.getByTestId('session-menu').click();
    await page.getByTestId('share-link').filter({ hasNotText: 'x' }).waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="share-link"]') as HTMLInputElement | null)?.value.includes('#s=') ?? false);
    const link = await page.getByTestId('share-link').inputValue();
    await page.getByTestId('export-cloudformation').click();
    expect(await page.getByTestId('export-preview').inputValue()).toContain('"AWS::ECS::Service"');
    await w.screenshot('session-5-share-dialog');
    await page.getByTestId('session-close').click();

    const other = await openApp(chrome.browser, inject('baseUrl'), { path: link.slice(inject('baseUrl').length) });
    await other.page.getByTestId('session-notice').filter({ hasText: 'Opened a shared session' }).waitFor();
    expect(await clock(other.page)).toBe('0:03:00');
    expect(await eventCount(other.page)).toBe(events);
    const theirLog = await other.page.getByTestId('event-log').textContent();
    await page.getByTestId('tab-events').click();
    expect(theirLog).toBe(await page.getByTestId('event-log').textContent());
    expect(new URL(other.page.url()).hash).toBe('');
    await other.screenshot('session-6-opened-link');

    // Start fresh, then undo.
    await page.getByTestId('reset').click();
    await page.getByTestId('notice-undo').waitFor();
    expect(await clock(page)).toBe('0:00:00');
    await page.getByTestId('notice-undo').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="clock"]')?.textContent === '0:03:00');

    expectClean(w);
    expectClean(other);
    await w.context.close();
    await other.context.close();
  });

  it('a corrupted saved session is explained and the app starts empty', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    await w.page.evaluate(() => localStorage.setItem('ecs-playground.session', '{"format":"ecs-playground/session","version":1,"recipe":{}}'));
    await w.page.reload({ waitUntil: 'load' });
    await w.page.getByTestId('session-notice').filter({ hasText: 'could not be read' }).waitFor();
    expect(await clock(w.page)).toBe('0:00:00');
    await w.screenshot('session-7-corrupt');
    expectClean(w);
    await w.context.close();
  });
});
