import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectClean, openApp, useBrowser } from './page';

const chrome = useBrowser();

/** A CODE_DEPLOY service behind an ALB, a CodeDeploy group, and a canary deployment whose AfterAllowTraffic hook fails. */
async function codeDeployScene(page: Page): Promise<void> {
  await page.waitForFunction(() => !!window.__playground);
  await page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the app's Playground, typed in src/
    const p = window.__playground!.playground as any;
    const must = (r: { ok: boolean; error?: unknown }) => {
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    must(p.act((sim: any) => {
      sim.ecs.createCluster({ clusterName: 'shop' });
      const td = (image: string) => ({
        family: 'shop',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image, essential: true, portMappings: [{ containerPort: 80 }] }],
      });
      sim.ecs.registerTaskDefinition(td('nginx:1.27'));
      sim.ecs.registerTaskDefinition(td('nginx:1.28'));
      const lb = sim.elbv2.createLoadBalancer({ Name: 'shop-alb' }).LoadBalancers[0].LoadBalancerArn;
      const tg = (Name: string) => sim.elbv2.createTargetGroup({ Name, Protocol: 'HTTP', Port: 80, TargetType: 'ip' }).TargetGroups[0].TargetGroupArn;
      const blue = tg('shop-blue');
      const green = tg('shop-green');
      const forward = [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: blue, Weight: 100 }, { TargetGroupArn: green, Weight: 0 }] } }];
      const prod = sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP', DefaultActions: forward }).Listeners[0].ListenerArn;
      const test = sim.elbv2.createListener({ LoadBalancerArn: lb, Port: 8080, Protocol: 'HTTP', DefaultActions: forward }).Listeners[0].ListenerArn;
      const subnets = sim.infra.describeSubnets().subnets.map((s: { subnetId: string }) => s.subnetId);
      sim.ecs.createService({
        cluster: 'shop',
        serviceName: 'web',
        taskDefinition: 'shop:1',
        desiredCount: 2,
        launchType: 'FARGATE',
        deploymentController: { type: 'CODE_DEPLOY' },
        networkConfiguration: { awsvpcConfiguration: { subnets } },
        loadBalancers: [{ targetGroupArn: blue, containerName: 'web', containerPort: 80 }],
      });
      sim.codedeploy.createApplication({ applicationName: 'shop', computePlatform: 'ECS' });
      sim.codedeploy.createDeploymentGroup({
        applicationName: 'shop',
        deploymentGroupName: 'shop-web',
        deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
        ecsServices: [{ serviceName: 'web', clusterName: 'shop' }],
        loadBalancerInfo: { targetGroupPairInfoList: [{ targetGroups: [{ name: 'shop-blue' }, { name: 'shop-green' }], prodTrafficRoute: { listenerArns: [prod] }, testTrafficRoute: { listenerArns: [test] } }] },
        blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 10 } },
        autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
      });
    }));
    p.advance(10 * 60_000);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    must(p.act((sim: any) => {
      sim.faults.setHookAnswer('arn:aws:lambda:us-east-1:123456789012:function:CheckCanary', 'FAILED');
      const appSpec = {
        version: 0.0,
        Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'shop:2', LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } } } }],
        Hooks: [{ AfterAllowTraffic: 'CheckCanary' }],
      };
      sim.codedeploy.createDeployment({ applicationName: 'shop', deploymentGroupName: 'shop-web', revision: { revisionType: 'AppSpecContent', appSpecContent: { content: JSON.stringify(appSpec) } } });
    }));
    p.advance(4 * 60_000);
  });
}

describe('CodeDeploy in the service panel', () => {
  it('shows the task sets, the canary’s traffic and lifecycle events, then the failed hook and the rollback', async () => {
    const w = await openApp(chrome.browser, inject('baseUrl'), { path: '?test', viewport: { width: 1280, height: 2400 } });
    const { page } = w;
    await codeDeployScene(page);
    await page.getByTestId('tab-services').click();
    const panel = page.getByTestId('service-task-sets');
    await panel.waitFor();
    expect(await panel.locator('li.task-set').count()).toBe(2);
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain('CODE_DEPLOY');
    expect(text).toContain('PRIMARY');
    expect(text).toContain('STEADY_STATE');
    expect(await page.getByTestId('codedeploy-traffic').textContent()).toContain('10% replacement (green), 90% original (blue)');
    const events = await page.getByTestId('codedeploy-events').locator('li').allTextContents();
    expect(events).toHaveLength(8);
    expect(events[0]).toContain('BeforeInstall');
    expect(events[6]).toContain('AllowTraffic');
    await panel.scrollIntoViewIfNeeded();
    await w.screenshot('codedeploy-canary');

    await page.evaluate(() => window.__playground!.playground.advance(5 * 60_000));
    await page.getByTestId('service-task-sets').filter({ hasText: 'HOOK_EXECUTION_FAILURE' }).waitFor();
    expect(await page.getByTestId('codedeploy-traffic').textContent()).toContain('0% replacement (green), 100% original (blue)');
    const after = await page.getByTestId('codedeploy-events').locator('li[data-status="Failed"]').allTextContents();
    expect(after.join()).toContain('AfterAllowTraffic');
    await page.getByTestId('service-task-sets').scrollIntoViewIfNeeded();
    await w.screenshot('codedeploy-rolled-back');
    expectClean(w);
    await w.context.close();
  });
});
