import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, recipeOf, replay, type Simulation } from '../index';

const fargateDef = {
  family: 'web',
  requiresCompatibilities: ['FARGATE' as const],
  networkMode: 'awsvpc' as const,
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
};
const bridgeDef = {
  family: 'api',
  containerDefinitions: [{ name: 'api', image: 'httpd:2.4', memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
};

/** One learner action; each may fail as ECS would, which the journal must replay too. */
type Step =
  | { kind: 'advance'; ms: number }
  | { kind: 'step' }
  | { kind: 'runUntilEvents'; n: number }
  | { kind: 'launch'; count: number }
  | { kind: 'runFargate'; count: number }
  | { kind: 'runEc2'; count: number }
  | { kind: 'stopOne'; pick: number }
  | { kind: 'terminateOne'; pick: number }
  | { kind: 'disconnectOne'; pick: number }
  | { kind: 'badCall' }
  | { kind: 'register' }
  | { kind: 'service'; desired: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 120_000 }) }),
  fc.constant({ kind: 'step' as const }),
  fc.record({ kind: fc.constant('runUntilEvents' as const), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('launch' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('runFargate' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('runEc2' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('stopOne' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('terminateOne' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('disconnectOne' as const), pick: fc.nat() }),
  fc.constant({ kind: 'badCall' as const }),
  fc.constant({ kind: 'register' as const }),
  fc.record({ kind: fc.constant('service' as const), desired: fc.integer({ min: 0, max: 4 }) }),
);

function attempt(fn: () => unknown) {
  try {
    fn();
  } catch {
    /* ECS said no; the journal keeps the call anyway */
  }
}

function play(sim: Simulation, steps: Step[]) {
  sim.ecs.createCluster({ clusterName: 'demo' });
  sim.ecs.registerTaskDefinition(fargateDef);
  sim.ecs.registerTaskDefinition(bridgeDef);
  const subnets = () => sim.infra.describeSubnets().subnets.map((s) => s.subnetId);
  let services = 0;
  for (const st of steps) {
    const tasks = Object.keys(sim.state.tasks);
    const instances = Object.keys(sim.state.ec2Instances);
    switch (st.kind) {
      case 'advance':
        sim.advance(st.ms);
        break;
      case 'step':
        sim.step();
        break;
      case 'runUntilEvents': {
        const target = sim.events.length + st.n;
        sim.runUntil((s) => s.events.length >= target, { maxMs: 60_000 });
        break;
      }
      case 'launch':
        sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.medium', count: st.count });
        break;
      case 'runFargate':
        attempt(() =>
          sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'web', launchType: 'FARGATE', count: st.count, networkConfiguration: { awsvpcConfiguration: { subnets: subnets() } } }),
        );
        break;
      case 'runEc2':
        attempt(() => sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'api', launchType: 'EC2', count: st.count }));
        break;
      case 'stopOne':
        if (tasks.length) attempt(() => sim.ecs.stopTask({ cluster: 'demo', task: tasks[st.pick % tasks.length], reason: 'replay test' }));
        break;
      case 'terminateOne':
        if (instances.length) attempt(() => sim.infra.terminateInstance(instances[st.pick % instances.length]));
        break;
      case 'disconnectOne':
        if (instances.length) attempt(() => sim.faults.disconnectAgent(instances[st.pick % instances.length], { forMs: 30_000 }));
        break;
      case 'badCall':
        attempt(() => sim.ecs.deleteCluster({ cluster: 'nope' }));
        break;
      case 'register':
        sim.ecs.registerTaskDefinition({ ...fargateDef, containerDefinitions: [{ name: 'web', image: `nginx:1.${sim.now() % 30}` }] });
        break;
      case 'service':
        attempt(() =>
          sim.ecs.createService({
            cluster: 'demo',
            serviceName: `svc${services++}`,
            taskDefinition: 'web',
            desiredCount: st.desired,
            launchType: 'FARGATE',
            networkConfiguration: { awsvpcConfiguration: { subnets: subnets() } },
          }),
        );
        break;
    }
  }
}

describe('replaying a recipe', () => {
  it('rebuilds the same simulation byte for byte, failed calls and all', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(stepArb, { maxLength: 25 }), (seed, steps) => {
        const original = createSimulation({ seed, timingProfile: 'fast' });
        play(original, steps);
        const recipe = JSON.parse(JSON.stringify(recipeOf(original)));
        const again = replay(recipe);
        expect(JSON.stringify(again.snapshot())).toBe(JSON.stringify(original.snapshot()));
      }),
      { numRuns: 40 },
    );
  });

  it('journals writes with where they happened, and leaves reads out', () => {
    const sim = createSimulation({ seed: 1 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.ecs.describeClusters({ clusters: ['demo'] });
    sim.ecs.listClusters();
    sim.advance(5_000);
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.small', count: 1 });
    sim.infra.describeInstances();
    expect(sim.state.journal.map((e) => [e.api, e.operation, e.at])).toEqual([
      ['ecs', 'createCluster', 0],
      ['infra', 'launchInstances', 5_000],
    ]);
  });

  it('goes back in time: replaying until T gives the state the clock showed at T', () => {
    const sim = createSimulation({ seed: 9 });
    sim.ecs.createCluster({ clusterName: 'demo' });
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.small', count: 2 });
    sim.advance(20_000);
    const atTwenty = JSON.stringify(sim.snapshot());
    sim.advance(40_000);
    sim.ecs.createCluster({ clusterName: 'later' });
    sim.advance(60_000);
    const back = replay(recipeOf(sim), { until: 20_000 });
    expect(JSON.stringify(back.snapshot())).toBe(atTwenty);
    expect(back.state.clusters.later).toBeUndefined();
  });

  it('refuses what is not a recipe', () => {
    expect(() => replay({ format: 'nope' } as never)).toThrow(/Not a simulation recipe/);
  });
});
