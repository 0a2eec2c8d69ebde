import { describe, expect, it } from 'vitest';
import { createSimulation, recipeOf, replay } from '../index';

const fargateDef = {
  family: 'web',
  requiresCompatibilities: ['FARGATE' as const],
  networkMode: 'awsvpc' as const,
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
};

function world() {
  const sim = createSimulation({ seed: 7 });
  sim.ecs.createCluster({ clusterName: 'demo' });
  sim.ecs.registerTaskDefinition(fargateDef);
  return sim;
}

describe('sim.script.scheduleSteps', () => {
  it('fires a step at exactly its virtual time, after everything else due then', () => {
    const sim = world();
    sim.script.scheduleSteps({
      steps: [
        {
          at: 30_000,
          api: 'ecs',
          operation: 'createService',
          args: [{ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: true } } } }],
          label: 'create web',
        },
      ],
    });
    sim.advance(29_999);
    expect(sim.ecs.listServices({ cluster: 'demo' }).serviceArns).toHaveLength(0);
    sim.advance(1);
    expect(sim.ecs.listServices({ cluster: 'demo' }).serviceArns).toHaveLength(1);
    const applied = sim.events.find((e) => e.type === 'script.stepApplied');
    expect(applied?.time).toBe(30_000);
    expect(applied?.message).toBe('create web: ecs.createService applied.');
  });

  it('resolves a $taskArn selector when the step fires, and logs a failing step instead of throwing', () => {
    const sim = world();
    const subnets = sim.infra.describeSubnets().subnets.map((s) => s.subnetId);
    sim.ecs.createService({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets } } });
    sim.script.scheduleSteps({
      steps: [
        { at: 120_000, api: 'ecs', operation: 'stopTask', args: [{ cluster: 'demo', task: { $taskArn: { cluster: 'demo', service: 'web', index: 1 } } }] },
        { at: 121_000, api: 'ecs', operation: 'stopTask', args: [{ cluster: 'demo', task: { $taskArn: { cluster: 'demo', service: 'nope' } } }] },
      ],
    });
    sim.advance(125_000);
    const stopped = Object.values(sim.state.tasks).filter((t) => t.stopCode === 'UserInitiated');
    expect(stopped).toHaveLength(1);
    const failed = sim.events.find((e) => e.type === 'script.stepFailed');
    expect(failed?.data?.error).toBe('InvalidScriptStep');
  });

  it('refuses steps in the past and operations a script cannot call, scheduling nothing', () => {
    const sim = world();
    sim.advance(10_000);
    expect(() => sim.script.scheduleSteps({ steps: [{ at: 5_000, api: 'ecs', operation: 'createCluster', args: [] }] })).toThrow(/not before now/);
    expect(() => sim.script.scheduleSteps({ steps: [{ at: 20_000, api: 'ecs', operation: 'describeClusters', args: [] }] })).toThrow(/not an operation/);
    expect(sim.nextEventAt()).toBeUndefined();
  });

  it('replays byte for byte from a recipe and survives a snapshot', () => {
    const sim = world();
    sim.infra.launchInstances({ cluster: 'demo', instanceType: 't3.medium', count: 2 });
    sim.script.scheduleSteps({
      steps: [
        { at: 90_000, api: 'ecs', operation: 'createService', args: [{ cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 3, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: { $subnets: ['us-east-1a'] } } } }] },
        { at: 300_000, api: 'ecs', operation: 'updateService', args: [{ cluster: 'demo', service: 'web', desiredCount: 1 }] },
      ],
    });
    sim.advance(100_000);
    const snap = sim.snapshot();
    sim.advance(400_000);
    const again = replay(recipeOf(sim));
    expect(JSON.stringify(again.state)).toBe(JSON.stringify(sim.state));
    const restored = createSimulation({ snapshot: snap });
    restored.advance(400_000);
    expect(JSON.stringify(restored.events)).toBe(JSON.stringify(sim.events));
  });
});
