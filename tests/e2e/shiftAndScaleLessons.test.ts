/**
 * The blue/green (canary + failing hook) and auto scaling lessons in the app: each starts from the
 * picker, is solved with the solution, and reaches "done" when played fast.
 */
import { describe, expect, inject, it } from 'vitest';
import { openApp, useBrowser } from './page';

const chrome = useBrowser();

describe('blue/green and auto scaling lessons', () => {
  it.each([['blue-green-canary-hook'], ['auto-scaling-traffic-spike']])('%s passes its goals with the solution', async (id) => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await page.getByTestId('open-scenarios').click();
    await page.getByTestId(`start-${id}`).click();
    const goals = page.getByTestId('lesson-goals');
    await goals.waitFor();
    expect(await goals.textContent()).toContain('not yet');
    await page.getByTestId('lesson-solve').click();
    await page.getByRole('radio', { name: '600×' }).click();
    await page.getByTestId('play').click();
    await page.getByTestId('lesson-done').waitFor({ timeout: 60_000 });
    await page.getByTestId('play').click();
    await w.screenshot(`lesson-${id}-done`);
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.escapedRequests).toEqual([]);
    await w.context.close();
  });
});
