import { describe, expect, inject, it } from 'vitest';
import { expectClean, openApp, useBrowser } from './page';

const chrome = useBrowser();

describe('the cluster map', () => {
  it('shows launched instances booting, then registered in their AZs; a disconnected agent stays marked', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await page.getByLabel('Cluster name').fill('demo');
    await page.getByTestId('create-cluster').click();
    await page.getByLabel('Instance type').selectOption('m5.large');
    await page.getByLabel('Count').fill('3');
    await page.getByTestId('launch-instances').click();

    await page.locator('g.instance[data-state="booting"]').first().waitFor();
    expect(await page.locator('g.instance').count()).toBe(3);
    await w.screenshot('map-booting');

    await page.getByRole('radio', { name: '600×' }).click();
    await page.getByTestId('play').click();
    await page.waitForFunction(() => document.querySelectorAll('g.instance[data-state="active"]').length === 3, undefined, { timeout: 20_000 });
    await page.getByTestId('play').click();
    expect(await page.locator('g.zone').count()).toBe(3);

    await page.locator('g.instance').first().click();
    await page.getByTestId('selection-details').waitFor();
    expect(await page.getByTestId('selection-details').textContent()).toContain('"agentConnected": true');
    await page.getByTestId('disconnect-agent').click();
    await page.locator('g.instance[data-state="disconnected"]').waitFor();
    expect(await page.locator('g.instance[data-state="disconnected"] .instance-state').textContent()).toBe('agent disconnected');
    await w.screenshot('map-disconnected');
    expectClean(w);
    await w.context.close();
  });
});
