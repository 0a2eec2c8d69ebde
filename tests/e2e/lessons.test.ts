import { describe, expect, inject, it } from 'vitest';
import { openApp, useBrowser } from './page';

const chrome = useBrowser();

describe('scenarios and exercises', () => {
  it('starts the first exercise in one click, checks its goals, and passes them with the solution', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await page.getByTestId('open-scenarios').click();
    await page.getByTestId('start-first-fargate-service').click();
    const goals = page.getByTestId('lesson-goals');
    await goals.waitFor();
    expect(await goals.textContent()).toContain('not yet');
    await w.screenshot('lesson-1-started');
    await page.getByTestId('lesson-solve').click();
    await page.getByRole('radio', { name: '600×' }).click();
    await page.getByTestId('play').click();
    await page.getByTestId('lesson-done').waitFor({ timeout: 30_000 });
    await page.getByTestId('play').click();
    await w.screenshot('lesson-2-done');
    expect(w.consoleErrors).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.escapedRequests).toEqual([]);
    await w.context.close();
  });
});
