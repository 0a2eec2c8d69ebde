import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectClean, openApp, useBrowser } from './page';

const chrome = useBrowser();

async function runFor(page: Page, predicate: () => boolean, timeout = 30_000) {
  await page.getByRole('radio', { name: '600×' }).click();
  await page.getByTestId('play').click();
  await page.waitForFunction(predicate, undefined, { timeout });
  await page.getByTestId('play').click();
}

/** An EC2 cluster whose capacity comes from an Auto Scaling group capacity provider (what a scenario would set up). */
async function setUpCluster(page: Page) {
  await page.waitForFunction(() => window.__playground !== undefined);
  await page.evaluate(() => {
    const pg = window.__playground!.playground;
    const sim = pg.sim;
    {
      sim.ecs.createCluster({ clusterName: 'demo' });
      const { autoScalingGroupArn } = sim.infra.createAutoScalingGroup({
        autoScalingGroupName: 'demo-asg',
        cluster: 'demo',
        instanceType: 'm5.large',
        minSize: 2,
        maxSize: 4,
        desiredCapacity: 2,
      });
      sim.ecs.createCapacityProvider({
        name: 'demo-cp',
        autoScalingGroupProvider: { autoScalingGroupArn, managedScaling: { status: 'ENABLED', targetCapacity: 100 }, managedTerminationProtection: 'DISABLED' },
      });
      sim.ecs.putClusterCapacityProviders({ cluster: 'demo', capacityProviders: ['demo-cp'], defaultCapacityProviderStrategy: [] });
      sim.ecs.registerTaskDefinition({ family: 'web', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 256, memory: 256 }] });
    }
    pg.revision++;
  });
}

describe('service forms and chart', () => {
  it('creates a service with a capacity provider strategy and placement strategies, deploys a new revision and charts the rollout', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { path: '?test' });
    const { page } = w;
    await setUpCluster(page);

    await page.getByTestId('action-createService').click();
    await page.getByTestId('service-name').fill('web');
    await page.getByTestId('service-desired').fill('4');
    await page.getByTestId('compute-capacity-providers').check();
    await page.getByTestId('capacity-add-provider').click();
    await page.getByTestId('capacity-provider-weight').fill('1');

    // spread across AZs, then binpack on memory
    await page.getByTestId('placement-add-strategy').click();
    await page.getByTestId('placement-add-strategy').click();
    await page.getByTestId('placement-strategy-type').nth(1).selectOption('binpack');
    await page.getByTestId('placement-strategy-field').nth(1).selectOption('memory');

    await page.getByTestId('service-compute-fields').scrollIntoViewIfNeeded();
    await w.screenshot('service-form-placement');

    // a memberOf expression with a syntax error: the parser's message, with its column, beside the field
    await page.getByTestId('placement-add-constraint').click();
    await page.getByTestId('placement-constraint-expression').fill('attribute:ecs.instance-type ==');
    const constraintError = page.getByTestId('placement-constraint-row').getByTestId('field-error');
    await constraintError.waitFor();
    expect(await constraintError.textContent()).toBe("Invalid placement constraint expression: Expected an argument for '==' at column 31, found end of expression.");
    await page.getByTestId('create-service').scrollIntoViewIfNeeded();
    await w.screenshot('service-form-cql-error');
    await page.getByTestId('placement-constraint-expression').fill('attribute:ecs.instance-type =~ m5.*');
    await constraintError.waitFor({ state: 'detached' });

    const cli = await page.locator('.cli-equivalent pre').last().textContent();
    expect(cli).toBe(
      'aws ecs create-service --cluster demo --service-name web --task-definition web:1 --desired-count 4 ' +
        '--capacity-provider-strategy capacityProvider=demo-cp,base=0,weight=1 ' +
        "--deployment-configuration 'strategy=ROLLING,minimumHealthyPercent=100,maximumPercent=200,deploymentCircuitBreaker={enable=true,rollback=true}' " +
        '--placement-constraints \'[{"type":"memberOf","expression":"attribute:ecs.instance-type =~ m5.*"}]\' ' +
        '--placement-strategy type=spread,field=attribute:ecs.availability-zone type=binpack,field=memory',
    );
    await page.getByTestId('create-service').click();
    await page.getByTestId('service-summary').waitFor();

    await runFor(page, () => document.querySelector('[data-testid="service-events"]')?.textContent?.includes('has reached a steady state.') ?? false, 60_000);
    expect(await page.getByTestId('service-summary').textContent()).toContain('desired 4 · running 4 · pending 0');

    // a new revision, deployed from the update form
    await page.evaluate(() => {
      const pg = window.__playground!.playground;
      pg.sim.ecs.registerTaskDefinition({ family: 'web', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'web', image: 'nginx:1.28', cpu: 256, memory: 256 }] });
      pg.revision++;
    });
    await page.getByTestId('service-revision').selectOption('web:2');
    expect(await page.locator('[data-testid="service-summary"] ~ form .cli-equivalent pre').textContent()).toBe(
      'aws ecs update-service --cluster demo --service web --task-definition web:2',
    );
    await page.getByTestId('service-deploy').click();
    await page.getByTestId('service-deployments').locator('li.deployment').nth(1).waitFor();
    await runFor(page, () => {
      const rows = document.querySelectorAll('[data-testid="service-deployments"] li.deployment');
      return rows.length === 1 && (rows[0].textContent ?? '').includes('COMPLETED');
    }, 60_000);

    // the chart drew both deployments: a running line each, the bounds band, and says so in words
    const chart = page.getByTestId('service-chart');
    expect(await chart.getAttribute('role')).toBe('img');
    expect(await chart.locator('path.count.m-running').count()).toBe(2);
    expect(await chart.locator('path.band').count()).toBe(1);
    expect(await chart.locator('g.panel[data-panel="breaker"]').count()).toBe(1);
    const summary = await page.getByTestId('service-chart-summary').textContent();
    expect(summary).toContain('Service web at');
    expect(summary).toContain('web:2 (PRIMARY): desired 4, running 4, pending 0');
    expect(await chart.getAttribute('aria-label')).toBe(summary);
    await chart.scrollIntoViewIfNeeded();
    await w.screenshot('service-chart-deployment');

    await page.setViewportSize({ width: 390, height: 844 });
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await w.screenshot('service-chart-phone');
    await page.getByRole('button', { name: 'Switch between light and dark theme' }).click();
    await chart.scrollIntoViewIfNeeded();
    await w.screenshot('service-chart-phone-dark');

    // in Korean: the chart, its summary and the update form speak Korean, ECS names stay as ECS spells them
    await page.getByLabel('Language').selectOption('ko');
    await page.getByText('시간에 따른 task 수').waitFor();
    expect(await page.getByTestId('service-chart-summary').textContent()).toMatch(/의 service web: desired 4, running 4, pending 0; 범위 4~8개 task\./);
    expect(await page.getByTestId('service-deploy').textContent()).toBe('Service 업데이트');
    await chart.scrollIntoViewIfNeeded();
    await w.screenshot('service-chart-phone-ko');
    expectClean(w);
    await w.context.close();
  });
});
