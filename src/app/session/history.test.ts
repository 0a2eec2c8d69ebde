import { describe, expect, it } from 'vitest';
import { recipeOf, replay } from '../../core';
import { webDef } from '../../core/session/learnerSession.fixture';
import { Playground } from '../playground.svelte';
import { History } from './history.svelte';

const text = (sim: { snapshot(): unknown }) => JSON.stringify(sim.snapshot());

function session() {
  const p = new Playground({ seed: 3 });
  const h = new History(p, { intervalMs: 60_000 });
  p.act((sim) => sim.ecs.createCluster({ clusterName: 'demo' }));
  p.act((sim) => sim.ecs.registerTaskDefinition(webDef));
  p.advance(30_000);
  const subnets = p.sim.infra.describeSubnets().subnets.map((s) => s.subnetId);
  p.act((sim) =>
    sim.ecs.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets } } }),
  );
  for (let i = 0; i < 10; i++) p.advance(60_000);
  p.act((sim) => sim.ecs.updateService({ cluster: 'demo', service: 'web', desiredCount: 4 }));
  for (let i = 0; i < 5; i++) p.advance(60_000);
  return { p, h };
}

describe('History (time travel)', () => {
  it('goes back to an earlier time, shows that state, and returns to the present unchanged', () => {
    const { p, h } = session();
    const present = text(p.sim);
    const recipe = recipeOf(p.sim);
    expect(h.store.count).toBeGreaterThan(5);
    h.goTo(4 * 60_000);
    expect(h.inPast).toBe(true);
    expect(p.now).toBe(4 * 60_000);
    expect(text(p.sim)).toBe(text(replay(recipe, { until: 4 * 60_000 })));
    expect(h.endAt).toBe(recipe.end.at);
    expect(text(h.presentSim)).toBe(present);
    h.backToPresent();
    expect(h.inPast).toBe(false);
    expect(text(p.sim)).toBe(present);
  });

  it('playing on from the past follows the recorded future, and catches up with the present', () => {
    const { p, h } = session();
    const recipe = recipeOf(p.sim);
    h.goTo(5_000);
    p.advance(11 * 60_000);
    expect(text(p.sim)).toBe(text(replay(recipe, { until: 11 * 60_000 + 5_000 })));
    expect(h.inPast).toBe(true);
    p.advance(20 * 60_000);
    expect(h.inPast).toBe(false);
    expect(p.now).toBe(31 * 60_000 + 5_000);
    expect(p.sim.state.journal.length).toBe(recipe.journal.length);
  });

  it('an action in the past drops the future (a branch) and keeps only earlier checkpoints', () => {
    const { p, h } = session();
    h.goTo(3 * 60_000);
    const r = p.act((sim) => sim.ecs.updateService({ cluster: 'demo', service: 'web', desiredCount: 1 }));
    expect(r.ok).toBe(true);
    expect(h.inPast).toBe(false);
    expect(h.endAt).toBe(3 * 60_000);
    expect(p.sim.state.journal.at(-1)?.args).toEqual([{ cluster: 'demo', service: 'web', desiredCount: 1 }]);
    expect(h.store.positions().every((c) => c.at <= 3 * 60_000)).toBe(true);
    p.advance(60_000);
    expect(text(p.sim)).toBe(text(replay(recipeOf(p.sim))));
  });

  it('reset forgets the checkpoints', () => {
    const { p, h } = session();
    p.reset();
    expect(h.store.count).toBe(0);
    expect(h.endAt).toBe(0);
  });
});
