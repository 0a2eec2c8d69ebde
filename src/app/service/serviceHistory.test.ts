import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../core';
import { serviceWorld } from '../../core/scheduler/testWorld';
import { downsample, FIRST_INTERVAL_MS, MAX_POINTS, ServiceHistory } from './serviceHistory.svelte';
import type { ServiceSample } from './serviceSample';

function world() {
  const { sim, cluster } = serviceWorld();
  const arn = sim.ecs.createService({ cluster, serviceName: 'web', taskDefinition: 'web', desiredCount: 2 }).service!.serviceArn!;
  return { sim, arn };
}

describe('ServiceHistory', () => {
  it('samples when the clock passes the next sample time, not on every tick', () => {
    const { sim, arn } = world();
    const h = new ServiceHistory();
    h.observe(sim);
    expect(h.series(arn)).toHaveLength(1);
    sim.advance(1_000);
    h.observe(sim);
    expect(h.series(arn)).toHaveLength(1);
    const before = h.series(arn);
    sim.advance(FIRST_INTERVAL_MS);
    h.observe(sim);
    expect(h.series(arn).map((p) => p.t)).toEqual([sim.now() - FIRST_INTERVAL_MS - 1_000, sim.now()]);
    // a new array, so views that compare by identity see the change
    expect(h.series(arn)).not.toBe(before);
  });

  it('stays within MAX_POINTS however long the clock runs, keeping the first and the newest point', () => {
    const { sim, arn } = world();
    const h = new ServiceHistory();
    const first = sim.now();
    for (let i = 0; i < 2_000; i++) {
      h.observe(sim);
      sim.advance(10_000);
    }
    h.observe(sim);
    const points = h.series(arn);
    expect(points.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(points.length).toBeGreaterThan(MAX_POINTS / 4);
    expect(points[0].t).toBe(first);
    expect(points[points.length - 1].t).toBe(sim.now());
    for (let i = 1; i < points.length; i++) expect(points[i].t).toBeGreaterThan(points[i - 1].t);
  });

  it('drops the points after the present when time goes back (time travel), and starts over for another simulation', () => {
    const { sim, arn } = world();
    const h = new ServiceHistory();
    let snapshot = sim.snapshot();
    for (let i = 0; i < 10; i++) {
      if (i === 6) snapshot = sim.snapshot();
      h.observe(sim);
      sim.advance(FIRST_INTERVAL_MS);
    }
    h.observe(sim);
    expect(h.series(arn).length).toBe(11);
    // the same simulation as it was earlier (what time travel shows)
    const earlier = createSimulation({ snapshot });
    h.observe(earlier);
    expect(h.series(arn).map((p) => p.t)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => h.series(arn)[0].t + i * FIRST_INTERVAL_MS));
    const other = createSimulation({ seed: 99 });
    h.observe(other);
    expect(h.series(arn)).toEqual([]);
  });

  it('forced observation replaces the point of the same instant (after an action)', () => {
    const { sim, arn } = world();
    const h = new ServiceHistory();
    h.observe(sim);
    sim.ecs.updateService({ cluster: 'demo', service: 'web', desiredCount: 5 });
    h.observe(sim, { force: true });
    expect(h.series(arn)).toHaveLength(1);
    expect(h.series(arn)[0].desired).toBe(5);
  });
});

describe('downsample', () => {
  it('keeps every other point and always the newest', () => {
    const pts = [0, 1, 2, 3, 4, 5].map((t) => ({ t }) as ServiceSample);
    expect(downsample(pts).map((p) => p.t)).toEqual([0, 2, 4, 5]);
    expect(downsample(pts.slice(0, 5)).map((p) => p.t)).toEqual([0, 2, 4]);
  });
});

describe('serviceHistoryFor', () => {
  it('follows a playground: samples as the clock moves and after actions, without feeding back into itself', async () => {
    const { Playground } = await import('../playground.svelte');
    const { serviceHistoryFor } = await import('./serviceHistory.svelte');
    // effects run after a microtask (this project's tests resolve 'svelte' to its server build, so no flushSync)
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    const playground = new Playground();
    const history = serviceHistoryFor(playground);
    expect(serviceHistoryFor(playground)).toBe(history);
    playground.act((sim) => {
      sim.ecs.createCluster({ clusterName: 'demo' });
      sim.ecs.registerTaskDefinition({ family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }] });
      const subnets = sim.infra.describeSubnets().subnets.map((s) => s.subnetId);
      sim.ecs.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets } } });
    });
    await settle();
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service/demo/web';
    expect(history.series(arn)).toHaveLength(1);
    for (let i = 0; i < 4; i++) {
      playground.advance(FIRST_INTERVAL_MS);
      await settle();
    }
    expect(history.series(arn)).toHaveLength(5);
    playground.act((sim) => sim.ecs.updateService({ cluster: 'demo', service: 'web', desiredCount: 3 }));
    await settle();
    expect(history.series(arn)).toHaveLength(5);
    expect(history.series(arn)[4].desired).toBe(3);
  });
});
