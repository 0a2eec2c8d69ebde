/**
 * Editing the open scenario's JSON in the Monaco editor: completion from the scenario schema, load
 * errors placed by line and column, the typed text surviving a reload, and an edited scenario loaded
 * as the lesson (and kept by the session).
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { getScenario } from '../../src/scenarios';
import { expectClean, openApp, useBrowser } from './page';

const chrome = useBrowser();
const ctrl = process.platform === 'darwin' ? 'Meta' : 'Control';

async function replaceText(page: Page, text: string) {
  await page.getByTestId('scenario-editor').locator('.view-lines').click();
  await page.keyboard.press(`${ctrl}+a`);
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function openScenarioEditor(page: Page) {
  await page.getByTestId('tab-lesson').click();
  await page.getByTestId('lesson-edit-json').click();
  await page.getByTestId('scenario-editor').locator('.monaco-editor .view-lines').waitFor();
}

describe('editing the scenario JSON', () => {
  it('completes from the scenario schema, places load errors, keeps the text across a reload, and loads an edited exercise', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await page.getByTestId('open-scenarios').click();
    await page.getByTestId('start-first-fargate-service').click();
    await page.getByTestId('lesson-goals').waitFor();
    await openScenarioEditor(page);
    const editor = page.getByTestId('scenario-editor');

    // completion offers the scenario format's members
    await editor.locator('.view-line').first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"timingP');
    await page.keyboard.press('Control+Space');
    await editor.locator('.suggest-widget .monaco-list-row', { hasText: 'timingProfile' }).first().waitFor();
    await page.keyboard.press('Escape');

    // a wrong type: the error names its pointer, line and column, and loading is off
    const base = structuredClone(getScenario('first-fargate-service')!);
    const broken = JSON.stringify({ ...base, durationSeconds: 'long' }, null, 2);
    await replaceText(page, broken);
    const errors = page.getByTestId('scenario-editor-errors');
    await errors.filter({ hasText: '/durationSeconds' }).waitFor();
    const line = broken.split('\n').findIndex((l) => l.includes('"long"')) + 1;
    expect(await errors.textContent()).toContain(`line ${line}, column ${broken.split('\n')[line - 1].indexOf('"long"') + 1}`);
    expect(await page.getByTestId('scenario-editor-load').isDisabled()).toBe(true);
    await w.screenshot('scenario-editor-errors');

    // the typed text is a draft: a reload brings the lesson (session) and the text (draft) back
    await page.reload({ waitUntil: 'load' });
    await openScenarioEditor(page);
    await page.getByTestId('scenario-editor-errors').filter({ hasText: '/durationSeconds' }).waitFor();

    // a valid edit with a goal of its own loads as the lesson
    const edited = {
      ...base,
      title: { en: 'My own first service' },
      goals: [{ ...base.goals![0], title: { en: 'Service web has 3 RUNNING Fargate tasks' }, check: { ...base.goals![0].check, equals: 3 } }],
    };
    await replaceText(page, JSON.stringify(edited, null, 2));
    await page.getByTestId('scenario-editor-status').filter({ hasText: 'No problems' }).waitFor();
    await page.getByTestId('scenario-editor-load').click();
    await page.getByTestId('scenario-editor-status').filter({ hasText: 'Your version is running' }).waitFor();
    await page.getByTestId('scenario-editor-back').click();
    await page.getByTestId('lesson-edited').waitFor();
    expect(await page.getByTestId('lesson-goals').textContent()).toContain('Service web has 3 RUNNING Fargate tasks');
    expect(await page.getByTestId('lesson-panel-title').textContent()).toContain('My own first service');
    await w.screenshot('scenario-editor-loaded');
    expectClean(w);
    await w.context.close();
  });
});
