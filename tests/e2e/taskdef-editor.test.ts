import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectClean, openApp, useBrowser } from './page';

const chrome = useBrowser();

const fargate = (memory: string) =>
  JSON.stringify(
    {
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory,
      containerDefinitions: [{ name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', essential: true }],
    },
    null,
    2,
  );

const ctrl = process.platform === 'darwin' ? 'Meta' : 'Control';

async function editorReady(page: Page) {
  await page.getByTestId('taskdef-editor').locator('.monaco-editor .view-lines').waitFor();
}

/** Selects everything in the editor and pastes `text` over it, as a learner pasting from elsewhere. */
async function replaceText(page: Page, text: string) {
  await page.getByTestId('taskdef-editor').locator('.view-lines').click();
  await page.keyboard.press(`${ctrl}+a`);
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** What the editor shows, with Monaco's non-breaking spaces made plain. */
async function visibleText(page: Page) {
  return page.getByTestId('taskdef-editor').locator('.view-lines').evaluate((el) => {
    const lines = [...el.querySelectorAll('.view-line')] as HTMLElement[];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
  });
}

describe('task definition editor', () => {
  it('loads Monaco lazily, shows a marker and a problem, registers with Ctrl+S and keeps the draft', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await page.getByRole('heading', { name: 'Task definition editor' }).waitFor();
    await editorReady(page);
    await w.screenshot('taskdef-1-loaded');

    // A Fargate definition with a size Fargate does not offer: 0.25 vCPU with 3000 MiB.
    await replaceText(page, fargate('3000'));
    const problem = page.getByTestId('taskdef-problems').getByRole('button', { name: /memory/ }).first();
    await problem.waitFor();
    const label = (await problem.textContent()) ?? '';
    expect(label).toMatch(/Error\s*8:\d+/);
    await page.getByTestId('taskdef-editor').locator('.squiggly-error').first().waitFor();
    await problem.scrollIntoViewIfNeeded();
    await w.screenshot('taskdef-2-error');

    // Clicking the problem puts the cursor on its line, in the editor.
    await problem.click();
    expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(true);
    const tops = await page.getByTestId('taskdef-editor').evaluate((root) => {
      const line = [...root.querySelectorAll<HTMLElement>('.view-line')].find((l) => l.textContent?.includes('"memory"'));
      const current = root.querySelector<HTMLElement>('.view-overlays .current-line')?.parentElement;
      return { line: line?.style.top, current: current?.style.top };
    });
    expect(tops.current).toBe(tops.line);

    // Register while it is wrong: the ECS error shows, the text stays.
    await page.keyboard.press(`${ctrl}+s`);
    await page.getByTestId('taskdef-register-error').filter({ hasText: 'ClientException' }).waitFor();
    expect(await visibleText(page)).toContain('"memory": "3000"');

    // Fix it and register with Ctrl+S.
    await replaceText(page, fargate('512'));
    await page.getByTestId('taskdef-summary').filter({ hasText: /^Errors: 0 / }).waitFor();
    expect(await page.getByTestId('taskdef-editor').locator('.squiggly-error').count()).toBe(0);
    await page.keyboard.press(`${ctrl}+s`);
    const registered = page.getByTestId('taskdef-registered');
    await registered.waitFor();
    await registered.scrollIntoViewIfNeeded();
    expect(await registered.textContent()).toContain('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1');
    await w.screenshot('taskdef-3-registered');

    // Reload: the draft is still there.
    await page.reload({ waitUntil: 'load' });
    await editorReady(page);
    expect(await visibleText(page)).toContain('"memory": "512"');
    expect(await page.getByTestId('taskdef-drafts').locator('option:checked').textContent()).toBe('web');
    await w.screenshot('taskdef-4-reloaded');
    expectClean(w);
    await w.context.close();
  });

  it('cleans up pasted describe-task-definition output and diffs two revisions', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await editorReady(page);
    await replaceText(page, fargate('512'));
    await page.getByTestId('taskdef-register').click();
    await page.getByTestId('taskdef-registered').filter({ hasText: 'web:1' }).waitFor();

    const described = {
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
        ...JSON.parse(fargate('1024')),
        revision: 1,
        status: 'ACTIVE',
        registeredAt: '2026-01-01T00:00:00.000Z',
      },
    };
    await replaceText(page, JSON.stringify(described, null, 2));
    await page.getByTestId('taskdef-cleanup').waitFor();
    await w.screenshot('taskdef-5-describe-output');
    await page.getByTestId('taskdef-cleanup').click();
    await page.getByTestId('taskdef-cleanup').waitFor({ state: 'detached' });
    const text = await visibleText(page);
    expect(text).not.toContain('taskDefinitionArn');
    expect(text).toContain('"memory": "1024"');

    await page.getByTestId('taskdef-register').click();
    await page.getByTestId('taskdef-registered').filter({ hasText: 'web:2' }).waitFor();
    await page.getByTestId('taskdef-revision').selectOption('1');
    await page.getByTestId('taskdef-diff-toggle').click();
    await page.getByTestId('taskdef-diff').locator('.monaco-diff-editor').waitFor();
    await page.getByTestId('taskdef-diff').locator('.line-insert, .char-insert').first().waitFor();
    await page.getByTestId('taskdef-diff').scrollIntoViewIfNeeded();
    await w.screenshot('taskdef-6-diff');
    expectClean(w);
    await w.context.close();
  });

  it('follows the dark theme and loads an example in one click', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await editorReady(page);
    await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
    await page.getByText('Examples', { exact: true }).click();
    await page.getByTestId('example-sidecar-depends-on').click();
    await page.getByTestId('taskdef-summary').filter({ hasText: /^Errors: 0 / }).waitFor();
    expect(await visibleText(page)).toContain('"family": "app-with-sidecar"');
    expect(await page.locator('.monaco-editor').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(22, 29, 39)');
    await w.screenshot('taskdef-7-dark-example');
    expectClean(w);
    await w.context.close();
  });

  it('keeps ECS terms in English in the Korean UI', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { locale: 'ko-KR' });
    const { page } = w;
    await page.getByRole('heading', { name: 'Task definition 편집기' }).waitFor();
    await editorReady(page);
    await replaceText(page, fargate('3000'));
    await page.getByTestId('taskdef-problems').getByRole('button', { name: /오류\s*8:\d+/ }).first().waitFor();
    expect(await page.getByTestId('taskdef-register').textContent()).toContain('등록');
    await page.getByTestId('taskdef-problems').scrollIntoViewIfNeeded();
    await w.screenshot('taskdef-8-korean');
    expectClean(w);
    await w.context.close();
  });

  it('completes members and shows hover docs from the task definition schema', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await editorReady(page);
    const editor = page.getByTestId('taskdef-editor');
    await editor.locator('.view-line').first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('"taskR');
    await page.keyboard.press('Control+Space');
    const suggestion = editor.locator('.suggest-widget .monaco-list-row', { hasText: 'taskRoleArn' });
    await suggestion.first().waitFor();
    await w.screenshot('taskdef-9-completion');
    await page.keyboard.press('Escape');

    const cpu = editor.locator('.view-line', { hasText: '"cpu"' }).first();
    const box = (await cpu.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    await page.locator('.monaco-hover').filter({ hasText: 'Fargate' }).first().waitFor();
    expectClean(w);
    await w.context.close();
  });

  it('falls back to a plain text box, still validating and registering, when Monaco cannot load', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page, context } = w;
    await context.route(/monacoEditors-[^/]*\.js$/, (route) => route.abort());
    await page.reload({ waitUntil: 'load' });
    const box = page.getByRole('textbox', { name: 'Task definition JSON' });
    await box.waitFor();
    await box.fill(fargate('3000'));
    await page.getByTestId('taskdef-problems').getByRole('button', { name: /Error\s*8:\d+/ }).first().waitFor();
    await box.fill(fargate('512'));
    await page.getByTestId('taskdef-summary').filter({ hasText: /^Errors: 0 / }).waitFor();
    await box.press(`${ctrl}+s`);
    await page.getByTestId('taskdef-registered').filter({ hasText: 'task-definition/web:1' }).waitFor();
    await w.screenshot('taskdef-10-fallback');
    // The only errors are the blocked chunk itself.
    expect(w.consoleErrors.every((e) => /Failed to load|net::ERR_FAILED|monacoEditors/.test(e)), w.consoleErrors.join('\n')).toBe(true);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
