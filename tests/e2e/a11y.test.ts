/**
 * axe-core over the app's main screens: no serious or critical violations (issue #10). Each page is
 * opened with bypassCSP so the engine can be injected (see axe.ts).
 */
import { describe, inject, it } from 'vitest';
import { expectNoSeriousA11yViolations } from './axe';
import { populateDemo } from './fixtures';
import { expectClean, openApp, useBrowser } from './page';

const chrome = useBrowser();

describe('accessibility (axe-core)', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`main app at 1280×800, ${colorScheme}, with a cluster, services and tasks: explorer, map, Services, Details, Cost, Events`, async () => {
      const w = await openApp(chrome.browser, inject('baseUrl'), { path: '?test', bypassCSP: true, colorScheme });
      const { page } = w;
      await page.getByRole('tree').waitFor();
      await expectNoSeriousA11yViolations(page, `empty app (${colorScheme})`);
      await populateDemo(page);
      await page.getByRole('tree').getByRole('treeitem', { name: /^demo/ }).waitFor();
      await page.getByTestId('tab-services').click();
      await page.getByTestId('service-summary').waitFor();
      await expectNoSeriousA11yViolations(page, `main app with the Services tab (${colorScheme})`);
      await page.locator('[data-kind="task"]').first().click();
      await page.getByTestId('selection-details').waitFor();
      await expectNoSeriousA11yViolations(page, `Details tab of a task (${colorScheme})`);
      await page.getByTestId('tab-cost').click();
      await page.getByTestId('cost-plot').waitFor();
      await expectNoSeriousA11yViolations(page, `Cost tab (${colorScheme})`);
      await w.screenshot(`explorer-cost-${colorScheme}`);
      await page.getByTestId('tab-events').click();
      await expectNoSeriousA11yViolations(page, `Events tab (${colorScheme})`);
      expectClean(w);
      await w.context.close();
    });
  }

  it('task definition editor tab (Monaco loaded), light and dark', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { bypassCSP: true });
    const { page } = w;
    await page.getByTestId('tab-taskdef').click();
    await page.getByTestId('taskdef-editor').locator('.monaco-editor .view-lines').waitFor();
    await expectNoSeriousA11yViolations(page, 'task definition editor (light)');
    await page.getByRole('button', { name: 'Dark' }).click();
    await expectNoSeriousA11yViolations(page, 'task definition editor (dark)');
    expectClean(w);
    await w.context.close();
  });

  it('console tab after a command', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { bypassCSP: true });
    const { page } = w;
    await page.getByTestId('tab-console').click();
    const input = page.getByTestId('console-input');
    await input.fill('aws ecs create-cluster --cluster-name demo');
    await input.press('Enter');
    await page.getByTestId('console-log').getByText('"clusterName": "demo"').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'console tab');
    expectClean(w);
    await w.context.close();
  });

  it('session dialog', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { bypassCSP: true });
    const { page } = w;
    await page.getByTestId('session-menu').click();
    await page.getByTestId('session-dialog').waitFor({ state: 'visible' });
    await expectNoSeriousA11yViolations(page, 'session dialog');
    expectClean(w);
    await w.context.close();
  });

  it('embed views (map, editor, service, console)', async () => {
    for (const view of ['map', 'editor', 'service', 'console'] as const) {
      const w = await openApp(chrome.browser, inject('baseUrl'), { path: `?embed&view=${view}`, bypassCSP: true, viewport: { width: 900, height: 600 } });
      await w.page.locator('body').waitFor();
      await w.page.waitForTimeout(500);
      await expectNoSeriousA11yViolations(w.page, `embed view ${view}`);
      expectClean(w);
      await w.context.close();
    }
  });
});
