import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { expectClean, openApp, useBrowser, SCREENSHOT_DIR } from './page';

const chrome = useBrowser();

const ctrl = process.platform === 'darwin' ? 'Meta' : 'Control';

/** An EC2 task that reserves 1024 MiB: more than a t3.micro registers (993 MiB). */
const WEB = JSON.stringify(
  {
    family: 'web',
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: [
      {
        name: 'web',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        cpu: 256,
        memoryReservation: 1024,
        essential: true,
        portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
        healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 10, retries: 2 },
      },
    ],
  },
  null,
  2,
);

/** Pastes `text` over the editor's content and registers it. */
async function registerDefinition(page: Page, text: string, revision: string, noErrors = /^Errors: 0 /) {
  await page.getByTestId('tab-taskdef').click();
  await page.getByTestId('taskdef-editor').locator('.monaco-editor .view-lines').waitFor();
  await page.getByTestId('taskdef-editor').locator('.view-lines').click();
  await page.keyboard.press(`${ctrl}+a`);
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.getByTestId('taskdef-summary').filter({ hasText: noErrors }).waitFor();
  await page.getByTestId('taskdef-register').click();
  await page.getByTestId('taskdef-registered').filter({ hasText: revision }).waitFor();
}

async function launch(page: Page, instanceType: string, count: number) {
  await page.getByTestId('action-launch').click();
  await page.getByLabel('Instance type').selectOption(instanceType);
  await page.getByLabel('Count').fill(String(count));
  await page.getByTestId('launch-instances').click();
}

async function runFor(page: Page, predicate: () => boolean, timeout = 30_000) {
  await page.getByRole('radio', { name: '600×' }).click();
  await page.getByTestId('play').click();
  await page.waitForFunction(predicate, undefined, { timeout });
  await page.getByTestId('play').click();
}

async function taken(page: Page): Promise<string[]> {
  return page.locator('[data-testid="task-statechart"] g.chart-edge[data-state="taken"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge') ?? ''));
}

describe('the task panel', () => {
  it('shows an EC2 task’s statechart, placement explanation and stop after a crash', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await page.getByLabel('Cluster name').fill('demo');
    await page.getByTestId('create-cluster').click();
    // one instance too small for the task, two that fit
    await launch(page, 't3.micro', 1);
    await launch(page, 'm5.large', 2);
    await runFor(page, () => document.querySelectorAll('g.instance[data-state="active"]').length === 3);
    await registerDefinition(page, WEB, 'web:1');

    await page.getByTestId('action-runTask').click();
    await page.getByTestId('run-taskdef').selectOption('web:1');
    await page.getByTestId('run-task').click();
    await page.locator('rect.segment').first().waitFor();
    // Select the task from the map, as a learner would.
    await page.getByTestId('tab-events').click();
    await page.locator('rect.segment').first().click();
    await page.getByTestId('tab-details').click();
    const panel = page.getByTestId('task-panel');
    await panel.waitFor();
    await w.screenshot('task-panel-1-provisioning');

    await runFor(page, () => document.querySelector('[data-testid="task-panel"]')?.getAttribute('data-last-status') === 'RUNNING');
    const chart = page.getByTestId('task-statechart');
    expect(await chart.locator('g.chart-node.current').getAttribute('data-state')).toBe('RUNNING');
    expect(await chart.locator('g.chart-node.visited').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual([
      'PROVISIONING',
      'PENDING',
      'ACTIVATING',
      'RUNNING',
    ]);
    expect(await taken(page)).toEqual(['PROVISIONING->PENDING:after(provisioning)', 'PENDING->ACTIVATING:after(pending)', 'ACTIVATING->RUNNING:always']);
    expect(await page.getByTestId('task-last-status').textContent()).toBe('RUNNING');
    await chart.scrollIntoViewIfNeeded();
    await w.screenshot('task-panel-2-running-statechart');

    // Placement: three candidates, the t3.micro out on memory with the numbers, one chosen.
    const table = page.getByTestId('placement-table');
    await table.scrollIntoViewIfNeeded();
    expect(await table.locator('tbody tr').count()).toBe(3);
    const filtered = table.locator('tr[data-outcome="filtered"]');
    expect(await filtered.count()).toBe(1);
    expect(await filtered.textContent()).toContain('RESOURCE:MEMORY');
    expect(await filtered.textContent()).toMatch(/needs 1024 MiB, \d+ free/);
    expect(await table.locator('tr[data-outcome="chosen"]').count()).toBe(1);
    expect(await page.getByTestId('placement-why').textContent()).toMatch(/^Placed on i-\w+ in us-east-1\w: 2 of 3 instances passed every filter/);
    await w.screenshot('task-panel-3-placement');

    // Crash the essential container with exit code 3.
    await page.getByTestId('crash-exit-code').fill('3');
    await page.getByTestId('crash-container').click();
    await runFor(page, () => document.querySelector('[data-testid="task-panel"]')?.getAttribute('data-last-status') === 'STOPPED');
    expect(await page.getByTestId('task-stop-code').textContent()).toBe('EssentialContainerExited');
    expect(await page.getByTestId('task-stopped-reason').textContent()).toBe('Essential container in task exited');
    expect(await page.getByTestId('container-exit-code').first().textContent()).toBe('3');
    expect(await chart.locator('g.chart-node.current').getAttribute('data-state')).toBe('STOPPED');
    expect(await taken(page)).toEqual([
      'PROVISIONING->PENDING:after(provisioning)',
      'PENDING->ACTIVATING:after(pending)',
      'ACTIVATING->RUNNING:always',
      'RUNNING->DEACTIVATING:STOP_ACK',
      'DEACTIVATING->STOPPING:after(deactivating)',
      'STOPPING->DEPROVISIONING:always',
      'DEPROVISIONING->STOPPED:after(deprovisioning)',
    ]);
    await page.getByTestId('task-stop').scrollIntoViewIfNeeded();
    await w.screenshot('task-panel-4-stopped');

    // The DescribeTasks JSON on demand, and the same panel in the dark theme.
    await page.getByText('DescribeTasks JSON').click();
    await page.getByTestId('task-json').filter({ hasText: '"stopCode": "EssentialContainerExited"' }).waitFor();
    await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
    await chart.scrollIntoViewIfNeeded();
    await w.screenshot('task-panel-5-dark-statechart');
    await table.scrollIntoViewIfNeeded();
    await w.screenshot('task-panel-6-dark-placement');

    // From the task to its container instance: the instance view sums up what the JSON says.
    await page.getByTestId('task-panel').locator('button.link').click();
    const summary = page.getByTestId('instance-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/0 reserved of 7985 registered · 7985 remaining/);
    expect(await summary.textContent()).toContain('0 running · 0 pending');
    await summary.scrollIntoViewIfNeeded();
    await w.screenshot('task-panel-7-dark-instance-summary');
    expectClean(w);
    await w.context.close();
  });

  it('says a Fargate task needs no instance and names its AZ and subnet', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'));
    const { page } = w;
    await page.getByLabel('Cluster name').fill('demo');
    await page.getByTestId('create-cluster').click();
    await page.getByTestId('tab-taskdef').click();
    await page.getByTestId('taskdef-editor').locator('.monaco-editor .view-lines').waitFor();
    await page.getByText('Examples', { exact: true }).click();
    await page.getByTestId('example-fargate-web').click();
    await page.getByTestId('taskdef-summary').filter({ hasText: /^Errors: 0 / }).waitFor();
    await page.getByTestId('taskdef-register').click();
    await page.getByTestId('taskdef-registered').filter({ hasText: 'web:1' }).waitFor();
    await page.getByTestId('action-runTask').click();
    await page.getByTestId('run-task').click();
    await page.getByTestId('task-panel').waitFor();
    await runFor(page, () => document.querySelector('[data-testid="task-panel"]')?.getAttribute('data-last-status') === 'RUNNING');
    const why = page.getByTestId('placement-why');
    expect(await why.textContent()).toMatch(/^Fargate needs no container instance: AWS runs the task on its own capacity in us-east-1\w, the Availability Zone of subnet subnet-\w+\.$/);
    expect(await page.getByTestId('placement-table').count()).toBe(0);
    // a Fargate task goes through the ENI states too
    expect(await page.getByTestId('task-statechart').locator('g.chart-node.visited').count()).toBe(4);
    await page.getByTestId('stop-reason').fill('done with the demo');
    await page.getByTestId('stop-task').click();
    await runFor(page, () => document.querySelector('[data-testid="task-panel"]')?.getAttribute('data-last-status') === 'STOPPED');
    expect(await page.getByTestId('task-stop-code').textContent()).toBe('UserInitiated');
    expect(await page.getByTestId('task-stopped-reason').textContent()).toBe('done with the demo');
    await why.scrollIntoViewIfNeeded();
    await w.screenshot('task-panel-fargate-stopped');
    expectClean(w);
    await w.context.close();
  });

  it('fits a phone screen and reads in Korean', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { viewport: { width: 390, height: 844 }, locale: 'ko-KR' });
    const { page } = w;
    await page.getByLabel('클러스터 이름').fill('demo');
    await page.getByTestId('create-cluster').click();
    await page.getByTestId('action-launch').click();
    await page.getByTestId('launch-instances').click();
    await runFor(page, () => document.querySelectorAll('g.instance[data-state="active"]').length >= 1);
    await registerDefinition(page, WEB, 'web:1', /^오류 0개/);
    await page.getByTestId('action-runTask').click();
    await page.getByTestId('run-taskdef').selectOption('web:1');
    await page.getByTestId('run-task').click();
    await page.getByTestId('task-panel').waitFor();
    await runFor(page, () => document.querySelector('[data-testid="task-panel"]')?.getAttribute('data-last-status') === 'RUNNING');
    const chart = page.getByTestId('task-statechart');
    await chart.scrollIntoViewIfNeeded();
    await w.screenshot('task-panel-9-phone-statechart');
    // the chart scales down to the panel instead of overflowing it
    const box = await chart.boundingBox();
    const panel = await page.getByTestId('task-panel').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(panel!.x);
    expect(box!.x + box!.width).toBeLessThanOrEqual(panel!.x + panel!.width + 0.5);
    await page.getByTestId('task-panel').scrollIntoViewIfNeeded();
    await w.screenshot('task-panel-8-phone-header');
    await page.getByTestId('placement-table').scrollIntoViewIfNeeded();
    await w.screenshot('task-panel-10-phone-placement');
    await page.getByTestId('task-faults').scrollIntoViewIfNeeded();
    await w.screenshot('task-panel-11-phone-faults');

    // Whatever the page around it does, the panel itself fits a phone's 358 px of content width.
    const details = page.getByTestId('selection-details');
    await details.evaluate((el) => {
      (el as HTMLElement).style.width = '358px';
    });
    const panelWidth = await page.getByTestId('task-panel').evaluate((el) => el.scrollWidth);
    expect(panelWidth).toBeLessThanOrEqual(358);
    await details.screenshot({ path: join(SCREENSHOT_DIR, 'task-panel-12-phone-width-panel.png') });
    expectClean(w);
    await w.context.close();
  });
});
