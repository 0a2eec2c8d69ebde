import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectClean, openApp, useBrowser } from './page';

const chrome = useBrowser();

/** Scripts a cluster through the test hook: `instances` m5.xlarge, then services of `count` tasks each (128 CPU, 256 MiB). */
async function scene(page: Page, instances: number, services: Record<string, number>): Promise<void> {
  await page.waitForFunction(() => !!window.__playground);
  await page.evaluate(
    ({ instances, services }) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the app's Playground, typed in src/
      const p = window.__playground!.playground as any;
      const must = (r: { ok: boolean; error?: unknown }) => {
        if (!r.ok) throw new Error(JSON.stringify(r.error));
      };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      must(p.act((sim: any) => sim.ecs.createCluster({ clusterName: 'big' })));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      must(p.act((sim: any) => sim.infra.launchInstances({ cluster: 'big', instanceType: 'm5.xlarge', count: instances })));
      p.advance(180_000);
      for (const [name, count] of Object.entries(services)) {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        must(p.act((sim: any) => sim.ecs.registerTaskDefinition({ family: name, containerDefinitions: [{ name, image: 'nginx', cpu: 128, memory: 256 }] })));
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        must(p.act((sim: any) => sim.ecs.createService({ cluster: 'big', serviceName: name, taskDefinition: name, desiredCount: count })));
      }
      const total = Object.values(services).reduce((a, b) => a + b, 0);
      for (let i = 0; i < 120; i++) {
        p.advance(10_000);
        const running = p.sim.ecs.describeClusters({ clusters: ['big'] }).clusters[0].runningTasksCount;
        if (running === total) break;
      }
    },
    { instances, services },
  );
}

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

  it('filters by service and status, says what to change when nothing matches, and groups by service', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { path: '?test' });
    const { page } = w;
    await scene(page, 3, { web: 4, api: 2 });
    await page.locator('rect.segment').first().waitFor();
    expect(await page.locator('rect.segment').count()).toBe(12);

    await page.getByTestId('map-filter-group').selectOption('service:api');
    expect(await page.getByTestId('map-filter-group').locator('option:checked').textContent()).toBe('service:api (2)');
    await page.waitForFunction(() => document.querySelectorAll('rect.segment[data-dimmed="true"]').length === 8);
    expect(await page.getByTestId('map-toolbar').textContent()).toContain('2 of 6 tasks match');
    await w.screenshot('map-filter-service');

    await page.getByTestId('map-filter-status').selectOption('RUNNING');
    await page.getByTestId('map-filter-az').selectOption({ index: 2 });
    const az = await page.getByTestId('map-filter-az').inputValue();
    expect(await page.locator('g.zone').count()).toBe(1);
    expect(await page.locator('g.zone text').textContent()).toBe(az);

    await page.getByTestId('map-filter-clear').click();
    await page.getByTestId('map-filter-group').selectOption('service:web');
    await page.getByTestId('map-filter-status').selectOption({ label: 'RUNNING (6)' });
    expect(await page.getByTestId('map-no-match').count()).toBe(0);
    await page.getByTestId('map-filter-group').selectOption('service:api');
    await page.getByTestId('map-filter-status').selectOption({ label: 'RUNNING (6)' });
    await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const p = window.__playground!.playground as any;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      p.act((sim: any) => sim.ecs.updateService({ cluster: 'big', service: 'api', desiredCount: 0 }));
      p.advance(2_000);
    });
    await page.getByTestId('map-no-match').waitFor();
    expect(await page.getByTestId('map-no-match').textContent()).toContain('No task matches service:api, RUNNING.');
    await w.screenshot('map-filter-no-match');
    await page.getByTestId('map-filter-clear').click();
    expect(await page.getByTestId('map-no-match').count()).toBe(0);

    await page.getByTestId('map-group-by').selectOption('service');
    const boxes = await page.locator('g.zone text').allTextContents();
    expect(boxes).toContain('service:web');
    for (const b of boxes) expect(b).toMatch(/^service:(web|api)$|^Instances without tasks$/);
    expect(await page.locator('g.instance').count()).toBe(3);
    expectClean(w);
    await w.context.close();
  });

  for (const [name, options] of [
    ['map-200-light', { viewport: { width: 1280, height: 800 }, colorScheme: 'light' as const }],
    ['map-200-dark', { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' as const }],
    ['map-200-phone', { viewport: { width: 390, height: 844 }, colorScheme: 'light' as const }],
  ] as const) {
    it(`paints 200 instances and 2,000 tasks on a canvas; hover names a task, a click and the keyboard select (${name})`, async () => {
      const w = await openApp(chrome.browser, inject('baseUrl'), { path: '?test', ...options });
      const { page } = w;
      await scene(page, 200, { web: 1500, api: 500 });
      await page.getByTestId('map-canvas').waitFor();
      expect(await page.locator('g.instance').count()).toBe(200);
      expect(await page.locator('rect.segment').count()).toBe(0);
      expect(await page.getByTestId('map-canvas-note').textContent()).toContain('2000 tasks');

      const track = page.locator('g.instance rect.cpu-track').first();
      await track.scrollIntoViewIfNeeded();
      const box = (await track.boundingBox())!;
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      const tip = page.getByRole('tooltip');
      await tip.waitFor();
      expect(await tip.textContent()).toMatch(/^service:(web|api) · RUNNING \(desired RUNNING\) · 128 CPU units, 256 MiB/);
      await w.screenshot(name);

      await page.mouse.click(box.x + 2, box.y + box.height / 2);
      await page.getByTestId('selection-details').waitFor();
      expect(await page.getByTestId('selection-details').textContent()).toMatch(/^Task/);

      await page.locator('g.instance').nth(1).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('[data-testid="selection-details"]')?.textContent?.includes('containerInstanceArn'));
      expectClean(w);
      await w.context.close();
    });
  }
});
