import { describe, expect, inject, it } from 'vitest';
import { expectClean, openApp, useBrowser } from './page';
import { populateDemo } from './fixtures';

const chrome = useBrowser();

describe('explorer tree and cost tab', () => {
  it('the explorer lists clusters → services → tasks, instances with their states, task definitions; keyboard and clicks select in the app', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { path: '?test' });
    const { page } = w;
    const tree = page.getByRole('tree');
    await tree.waitFor();
    // empty state that teaches, and the create form
    await page.getByText('No clusters yet.', { exact: false }).waitFor();
    await populateDemo(page);

    const cluster = tree.getByRole('treeitem', { name: /^demo/ });
    await cluster.waitFor();
    expect(await cluster.getAttribute('aria-expanded')).toBe('true');
    const services = cluster.getByRole('treeitem', { name: /^Services/ });
    expect(await services.getAttribute('aria-expanded')).toBe('true');
    const web = services.getByRole('treeitem', { name: /^web\s*3\/3 running/ });
    await web.waitFor();
    // three tasks: a service this small starts expanded
    expect(await web.getAttribute('aria-expanded')).toBe('true');
    expect(await web.getByRole('group').getByRole('treeitem').count()).toBe(3);

    const instances = cluster.getByRole('treeitem', { name: /^Container instances/ });
    expect(await instances.textContent()).toContain('DRAINING: 1 · agent disconnected: 1');
    expect(await instances.getByText('DRAINING', { exact: true }).count()).toBe(1);
    expect(await instances.getByText('agent disconnected', { exact: true }).count()).toBe(1);
    expect(await cluster.getByRole('treeitem', { name: /^Capacity providers/ }).textContent()).toContain('FARGATE_SPOT');

    // keyboard: one tab stop; arrows move; Right on a closed family opens it
    expect(await tree.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);
    await cluster.focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-id'));
    await page.keyboard.press('End');
    // the last visible row: the task definition group is open (two families), the families are closed
    expect(await focused()).toBe('family:web');
    const webFamily = tree.locator('[data-id="family:web"]');
    expect(await webFamily.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    expect(await webFamily.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatch(/^revision:arn:aws:ecs:us-east-1:123456789012:task-definition\/web:2$/);
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('family:web');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('family:api');
    await page.keyboard.press('Home');
    expect(await focused()).toBe(await cluster.getAttribute('data-id'));
    expect(await tree.locator('[role="treeitem"][tabindex="0"]').count()).toBe(1);

    // Enter on a task opens it in the Details tab
    const task = web.getByRole('group').getByRole('treeitem').first();
    await task.click();
    expect(await task.getAttribute('aria-selected')).toBe('true');
    expect(await page.getByTestId('tab-details').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('selection-details').waitFor();
    await w.screenshot('explorer-1280');

    // a revision opens in the task definition editor
    await webFamily.getByRole('treeitem', { name: /^web:1/ }).click();
    expect(await page.getByTestId('tab-taskdef').getAttribute('aria-selected')).toBe('true');

    // a capacity provider opens the Cost tab
    await cluster.getByRole('treeitem', { name: /^FARGATE_SPOT/ }).click();
    expect(await page.getByTestId('tab-cost').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('cost-plot').waitFor();
    expectClean(w);
    await w.context.close();
  });

  it('the Cost tab teaches when nothing is billed, then shows per hour, so far, the split plot and per-provider figures', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { path: '?test' });
    const { page } = w;
    await page.getByTestId('tab-cost').click();
    await page.getByTestId('cost-empty').waitFor();
    expect(await page.getByTestId('cost-prices').textContent()).toContain('us-east-1');
    await populateDemo(page);
    await page.getByTestId('cost-plot').waitFor();
    const perHour = Number((await page.getByTestId('cost-per-hour').textContent())!.replace('$', ''));
    // 1 × t3.medium still running (DRAINING and disconnected both run) ... both instances bill; 4 api tasks of 0.5 vCPU / 1 GB
    const expected = await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sim = (window.__playground!.playground as any).sim;
      return Object.values(sim.state.ec2Instances).length;
    });
    expect(expected).toBe(2);
    expect(perHour).toBeGreaterThan(0);
    const providers = await page.getByTestId('cost-by-provider').locator('tbody th').allTextContents();
    expect(providers.sort()).toEqual(['EC2', 'FARGATE', 'FARGATE_SPOT']);
    expect(await page.getByTestId('cost-by-service').locator('tbody th').allTextContents()).toEqual(['demo/api']);
    expect(await page.locator('[data-testid="cost-plot"] path.area-spot').count()).toBe(1);
    await w.screenshot('cost-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('cost-panel').scrollIntoViewIfNeeded();
    await w.screenshot('cost-390');
    await page.getByRole('tree').scrollIntoViewIfNeeded();
    await w.screenshot('explorer-390');
    // Korean: ECS terms and statuses stay as ECS names them
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByLabel('Language').selectOption('ko');
    await page.getByRole('tree', { name: '클러스터, task definition, 그리고 그 안에서 실행되는 것' }).waitFor();
    expect(await page.getByTestId('tab-cost').textContent()).toContain('비용');
    expect(await page.getByTestId('cost-panel').textContent()).toContain('현재 시간당 비용');
    await w.screenshot('explorer-cost-ko');
    expectClean(w);
    await w.context.close();
  });
});
