/**
 * "Connect to local endpoint": the endpoint runs in this test process on a free port; the app, served
 * from another loopback port, connects to it and follows what the AWS SDK does to the server's
 * simulation: the cluster, its instances and tasks on the map, the service and its events. Stopping
 * the server puts the app back on its own simulation with an explanation.
 */
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { describe, expect, inject, it } from 'vitest';
import { startEndpoint } from '../../src/server/endpoint';
import { openApp, useBrowser } from './page';

const chrome = useBrowser();

describe('connect to a local endpoint', () => {
  it('shows the server simulation live as the SDK builds a service on it, and carries on locally when the server stops', async () => {
    const endpoint = await startEndpoint({ port: 0, speed: 60 });
    const client = new ECSClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, maxAttempts: 1 });
    const w = await openApp(chrome.browser, inject('baseUrl'), { path: '?test' });
    const { page } = w;
    // the endpoint is the one other address this page may reach
    await w.context.route(`${endpoint.url}/**`, (route) => route.continue());
    try {
      // the learner's own work, which must come back after disconnecting
      await page.getByLabel('Cluster name').fill('mine');
      await page.getByTestId('create-cluster').click();

      await page.getByTestId('session-menu').click();
      await page.getByTestId('remote-open').click();
      await page.getByTestId('remote-url').fill(endpoint.url);
      await page.getByTestId('remote-connect').click();
      await page.locator('[data-testid="remote-banner"][data-status="live"]').waitFor();
      expect(await page.getByTestId('remote-banner').textContent()).toContain(`aws --endpoint-url ${endpoint.url} ecs`);

      await client.send(new CreateClusterCommand({ clusterName: 'workshop' }));
      await client.send(
        new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256, essential: true }] }),
      );
      // No EC2 API on the wire: instances are launched in the server's process (docs/local-endpoint.md).
      endpoint.sim.infra.launchInstances({ cluster: 'workshop', instanceType: 't3.medium', count: 2 });
      await page.waitForFunction(() => document.querySelectorAll('g.instance').length === 2, undefined, { timeout: 10_000 });
      await page.waitForFunction(() => document.querySelectorAll('g.instance[data-state="active"]').length === 2, undefined, { timeout: 15_000 });

      await client.send(new CreateServiceCommand({ cluster: 'workshop', serviceName: 'web', taskDefinition: 'web', desiredCount: 3 }));
      // the page's own copy of the server's simulation: three RUNNING tasks of the service
      await page.waitForFunction(
        () => {
          const services = window.__playground!.playground.sim.ecs.describeServices({ cluster: 'workshop', services: ['web'] }).services;
          return services[0]?.runningCount === 3;
        },
        undefined,
        { timeout: 20_000 },
      );
      await page.getByTestId('tab-events').click();
      await page.getByTestId('event-log').filter({ hasText: '(service web) has reached a steady state.' }).waitFor({ timeout: 20_000 });
      await page.getByTestId('tab-services').click();
      await w.screenshot('local-endpoint-live');

      // buttons that would change the simulation explain themselves instead
      const hooks = await page.evaluate(() => {
        const p = window.__playground!.playground as unknown as { act(fn: (sim: unknown) => unknown): { ok: boolean; error?: { code: string } } };
        return p.act(() => 1);
      });
      expect(hooks).toEqual({ ok: false, error: expect.objectContaining({ code: 'RemoteEndpoint' }) });

      await endpoint.close();
      await page.locator('[data-testid="remote-banner"][data-status="lost"]').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('remote-banner').textContent()).toContain('stopped answering');
      await page.waitForFunction(() => document.querySelectorAll('g.instance').length === 0);
      expect(await page.evaluate(() => Object.keys(window.__playground!.playground.sim.state.clusters))).toEqual(['mine']);
      await w.screenshot('local-endpoint-lost');
      // the browser itself logs the refused polls after the server stopped; nothing else may be logged
      expect(w.consoleErrors.filter((e) => e !== 'Failed to load resource: net::ERR_CONNECTION_REFUSED')).toEqual([]);
      expect(w.pageErrors).toEqual([]);
      expect(w.escapedRequests).toEqual([]);
    } finally {
      await endpoint.close().catch(() => undefined);
      await w.context.close();
    }
  });

  it('explains how to start the endpoint when nothing answers', async () => {
    const endpoint = await startEndpoint({ port: 0, speed: 1 });
    const url = endpoint.url;
    await endpoint.close(); // a port where nothing listens now
    const w = await openApp(chrome.browser, inject('baseUrl'), { locale: 'ko-KR' });
    const { page } = w;
    await w.context.route(`${url}/**`, (route) => route.continue());
    await page.getByTestId('session-menu').click();
    await page.getByTestId('remote-open').click();
    await page.getByTestId('remote-url').fill(url);
    await page.getByTestId('remote-connect').click();
    await page.getByTestId('remote-dialog-status').filter({ hasText: 'npm run serve' }).waitFor();
    expect(await page.getByTestId('remote-dialog-status').getAttribute('role')).toBe('alert');
    await w.screenshot('local-endpoint-unreachable-ko');
    // a refused connection is logged by the browser itself; nothing else may be
    expect(w.consoleErrors.filter((e) => e !== 'Failed to load resource: net::ERR_CONNECTION_REFUSED')).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
