import { describe, expect, inject, it } from 'vitest';
import { expectClean, openApp, useBrowser } from './page';

const chrome = useBrowser();

describe('console', () => {
  it('runs aws ecs commands, shows CLI output and errors, keeps history, echoes UI actions', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await page.getByTestId('tab-console').click();
    const input = page.getByTestId('console-input');
    const entries = page.getByTestId('console-entry');
    await w.screenshot('console-empty');

    // A command: JSON output as the CLI prints it, and the cluster shows up in the explorer.
    await input.fill('aws ecs create-cluster --cluster-name demo');
    await input.press('Enter');
    await entries.first().waitFor();
    const output = await entries.first().locator('pre').first().textContent();
    expect(output).toContain('{\n    "cluster": {\n        "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/demo",');
    await page.getByTestId('cluster-item').filter({ hasText: 'demo' }).waitFor();
    expect(await input.inputValue()).toBe('');
    await w.screenshot('console-create-cluster');

    // An error prints as the CLI prints it, in the error colour.
    await input.fill('aws ecs delete-cluster --cluster nope');
    await input.press('Enter');
    const error = page.getByTestId('console-error').last();
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'An error occurred (ClusterNotFoundException) when calling the DeleteCluster operation: Cluster not found.',
    );
    const colours = await error.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.previousElementSibling ?? el.parentElement!).color]);
    expect(colours[0]).not.toBe(colours[1]);
    await w.screenshot('console-error');

    // History: Up brings back the previous commands, Down returns to the empty line.
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('aws ecs delete-cluster --cluster nope');
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('aws ecs create-cluster --cluster-name demo');
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    expect(await input.inputValue()).toBe('');

    // A trailing backslash continues the command on the next line.
    await input.fill('aws ecs list-clusters \\');
    await input.press('Enter');
    await input.type('--output text');
    expect(await input.inputValue()).toBe('aws ecs list-clusters \\\n--output text');
    await input.press('Enter');
    await page.getByTestId('console-log').getByText('CLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/demo').waitFor();
    await w.screenshot('console-history-continuation');

    // A UI action is echoed as its CLI command.
    await page.getByLabel('Cluster name').fill('shop');
    await page.getByTestId('create-cluster').click();
    await page.getByTestId('console-log').getByText('aws ecs create-cluster --cluster-name shop').waitFor();
    expect(await entries.last().textContent()).toContain('from the UI');
    await w.screenshot('console-echo');

    // help is built in; Ctrl+L clears; the history is kept in localStorage.
    await input.fill('help');
    await input.press('Enter');
    await page.getByTestId('console-log').getByText('Built in: help (this list), clear (empties the screen).').waitFor();
    await w.screenshot('console-help');
    await input.press('Control+l');
    expect(await entries.count()).toBe(0);

    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('ecs-playground.consoleHistory') ?? '[]'))).toEqual([
      'aws ecs create-cluster --cluster-name demo',
      'aws ecs delete-cluster --cluster nope',
      'aws ecs list-clusters \\\n--output text',
      'help',
    ]);
    expectClean(w);
    await w.context.close();
  });

  it('shows the console in Korean', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { locale: 'ko-KR' });
    const { page } = w;
    await page.getByTestId('tab-console').click();
    await page.getByTestId('console-input').fill('aws ecs run-task --cluster demo');
    await page.getByTestId('console-input').press('Enter');
    await page.getByTestId('console-error').waitFor();
    expect(await page.getByTestId('console-error').textContent()).toContain('aws: error: the following arguments are required: --task-definition');
    await w.screenshot('console-korean');
    expectClean(w);
    await w.context.close();
  });
});
