import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binsNeeded, reservationMetric } from './managedScaling';
import { asgWorld, registerWorker } from './testWorld';

const MIN = 60_000;

function scaleOuts(events: readonly { type: string; data?: unknown }[]): string[] {
  return events.filter((e) => e.type === 'capacityProvider.scaleOut').map((e) => {
    const d = e.data as { from: number; to: number };
    return `${d.from}→${d.to}`;
  });
}

describe('CapacityProviderReservation', () => {
  it('is M / N × 100, 100 with nothing needed and nothing there, 200 with tasks and no instances', () => {
    expect(reservationMetric(2, 3)).toBeCloseTo(66.667, 3);
    expect(reservationMetric(5, 4)).toBe(125);
    expect(reservationMetric(0, 0)).toBe(100);
    expect(reservationMetric(3, 0)).toBe(200);
  });

  it('binpacks waiting tasks on the group instance type and leaves out tasks no empty instance could hold', () => {
    const small = { cpu: 1024, memory: 1024, gpu: 0, ports: [], dynamicPorts: 0, needsEni: false };
    const huge = { ...small, memory: 64 * 1024 };
    // m5.large: 2048 CPU units → two 1-vCPU tasks per instance.
    expect(binsNeeded('m5.large', [small, small, small])).toEqual({ bins: 2, ignored: 0 });
    expect(binsNeeded('m5.large', [huge])).toEqual({ bins: 0, ignored: 1 });
    const port80 = { ...small, cpu: 10, memory: 10, ports: [{ hostPort: 80, protocol: 'tcp' as const }] };
    expect(binsNeeded('m5.large', [port80, port80, port80])).toEqual({ bins: 3, ignored: 0 });
  });
});

describe('managed scaling', () => {
  it('from zero instances: tasks wait in PROVISIONING, the group scales out to 2, then by steps to a steady 100 %', () => {
    const { sim, state } = asgWorld({ managedScaling: { maximumScalingStepSize: 3, instanceWarmupPeriod: 300 } });
    registerWorker(sim);
    const { tasks, failures } = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'worker', count: 10 });
    expect(failures).toEqual([]);
    expect(tasks!.map((t) => [t.lastStatus, t.capacityProviderName, t.launchType])).toEqual(Array(10).fill(['PROVISIONING', 'cp', 'EC2']));
    expect(tasks!.every((t) => t.containerInstanceArn === undefined)).toBe(true);
    sim.advance(2 * MIN);
    const arns = tasks!.map((t) => t.taskArn!);
    // The first two instances registered and took one task each; the others still wait.
    expect(arns.filter((a) => state.tasks[a].lastStatus === 'PROVISIONING').length).toBe(8);
    sim.advance(30 * MIN);
    expect(scaleOuts(sim.events)).toEqual(['0→2', '2→5', '5→8', '8→10']);
    expect(arns.every((a) => state.tasks[a].lastStatus === 'RUNNING')).toBe(true);
    const cp = sim.ecs.describeCapacityProviders({ capacityProviders: ['cp'] }).capacityProviders![0];
    expect(cp.autoScalingGroupProvider!.managedScaling!.status).toBe('ENABLED');
    const samples = state.capacity.providers.cp.scaling.samples;
    expect(samples[samples.length - 1]).toMatchObject({ m: 10, n: 10, metric: 100 });
    expect(sim.infra.describeAutoScalingGroups().autoScalingGroups[0]).toMatchObject({ desiredCapacity: 10, maxSize: 10 });
    expect(sim.ecs.describeClusters({ clusters: ['demo'] }).clusters![0].registeredContainerInstancesCount).toBe(10);
  });

  it('scales in only empty instances, after 15 minutes below target, with managed termination protection', () => {
    const { sim, state } = asgWorld({ managedScaling: { instanceWarmupPeriod: 60 } });
    registerWorker(sim);
    const arns = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'worker', count: 4 }).tasks!.map((t) => t.taskArn!);
    sim.advance(20 * MIN);
    expect(arns.every((a) => state.tasks[a].lastStatus === 'RUNNING')).toBe(true);
    expect(sim.infra.describeAutoScalingGroups().autoScalingGroups[0].instances.length).toBe(4);
    const keepers = arns.slice(2);
    const hosts = keepers.map((a) => state.containerInstances[state.tasks[a].containerInstanceArn!].ec2InstanceId);
    for (const a of arns.slice(0, 2)) sim.ecs.stopTask({ cluster: 'demo', task: a });
    sim.advance(14 * MIN);
    // 50 % for 14 minutes: not yet.
    expect(sim.events.filter((e) => e.type === 'capacityProvider.scaleIn')).toEqual([]);
    sim.advance(3 * MIN);
    expect(sim.events.filter((e) => e.type === 'capacityProvider.scaleIn').map((e) => e.data)).toEqual([{ capacityProvider: 'cp', from: 4, to: 2 }]);
    sim.advance(2 * MIN);
    const left = sim.infra.describeAutoScalingGroups().autoScalingGroups[0].instances;
    expect(left.map((i) => i.instanceId).sort()).toEqual([...hosts].sort());
    expect(left.every((i) => i.protectedFromScaleIn)).toBe(true);
    expect(keepers.every((a) => state.tasks[a].lastStatus === 'RUNNING')).toBe(true);
  });

  it('scale-in removes at most maximumScalingStepSize instances at a time', () => {
    const { sim } = asgWorld({ managedScaling: { maximumScalingStepSize: 2, instanceWarmupPeriod: 0 }, desiredCapacity: 5 });
    sim.advance(40 * MIN);
    const ins = sim.events.filter((e) => e.type === 'capacityProvider.scaleIn').map((e) => e.data);
    expect(ins).toEqual([
      { capacityProvider: 'cp', from: 5, to: 3 },
      { capacityProvider: 'cp', from: 3, to: 1 },
    ]);
  });

  it('targetCapacity 50 keeps one spare instance per used one', () => {
    const { sim, state } = asgWorld({ managedScaling: { targetCapacity: 50, instanceWarmupPeriod: 0 } });
    registerWorker(sim);
    sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'worker', count: 3 });
    sim.advance(20 * MIN);
    const s = state.capacity.providers.cp.scaling.samples.at(-1)!;
    expect([s.m, s.n, s.metric]).toEqual([3, 6, 50]);
  });

  it('a task bigger than the instance type is left out of M and keeps waiting', () => {
    const { sim, state } = asgWorld({ instanceType: 't3.small' });
    registerWorker(sim, 'big', 1024, 8192);
    const arn = sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'big' }).tasks![0].taskArn!;
    sim.advance(10 * MIN);
    expect(state.tasks[arn].lastStatus).toBe('PROVISIONING');
    expect(state.capacity.providers.cp.scaling.samples.at(-1)).toMatchObject({ m: 0, n: 0, metric: 100 });
  });

  it('property: managed scaling never takes the group above maxSize or below minSize', () => {
    fc.assert(
      fc.property(
        fc.record({
          maxSize: fc.integer({ min: 1, max: 6 }),
          minSize: fc.integer({ min: 0, max: 1 }),
          tasks: fc.integer({ min: 0, max: 10 }),
          step: fc.integer({ min: 1, max: 4 }),
          target: fc.integer({ min: 40, max: 100 }),
          stopAfter: fc.integer({ min: 0, max: 40 }),
        }),
        (c) => {
          const { sim, state } = asgWorld({
            minSize: c.minSize,
            maxSize: Math.max(c.minSize, c.maxSize),
            desiredCapacity: c.minSize,
            managedScaling: { maximumScalingStepSize: c.step, targetCapacity: c.target, instanceWarmupPeriod: 60 },
          });
          registerWorker(sim, 'w', 1024, 1024);
          const arns = c.tasks > 0 ? sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'w', count: c.tasks }).tasks!.map((t) => t.taskArn!) : [];
          const max = Math.max(c.minSize, c.maxSize);
          for (let m = 0; m < 60; m++) {
            if (m === c.stopAfter) for (const a of arns) sim.ecs.stopTask({ cluster: 'demo', task: a });
            sim.advance(MIN);
            const g = state.capacity.autoScalingGroups.asg;
            expect(g.desiredCapacity).toBeLessThanOrEqual(max);
            expect(g.desiredCapacity).toBeGreaterThanOrEqual(c.minSize);
            expect(g.instances.length).toBeLessThanOrEqual(max);
          }
        },
      ),
      { numRuns: 12, seed: 5 },
    );
  });
});

describe('determinism', () => {
  it('same seed + same calls = the same event log; a snapshot restored midway continues identically', async () => {
    const { createSimulation } = await import('../index');
    const run = () => {
      const w = asgWorld({ managedScaling: { maximumScalingStepSize: 2, instanceWarmupPeriod: 120 } });
      registerWorker(w.sim, 'w', 1024, 1024);
      w.sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'w', count: 7 });
      w.sim.advance(6 * MIN);
      return w.sim;
    };
    const a = run();
    const b = run();
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
    const restored = createSimulation({ snapshot: JSON.parse(JSON.stringify(a.snapshot())) });
    a.advance(30 * MIN);
    restored.advance(30 * MIN);
    expect(JSON.stringify(restored.events)).toBe(JSON.stringify(a.events));
    expect(restored.state.capacity).toEqual(a.state.capacity);
  });

  it('a recipe (the journal of calls) replays a managed-scaling run byte for byte', async () => {
    const { recipeOf, replay } = await import('../index');
    const w = asgWorld({ managedScaling: { maximumScalingStepSize: 2 } });
    registerWorker(w.sim, 'w', 1024, 1024);
    w.sim.ecs.runTask({ cluster: 'demo', taskDefinition: 'w', count: 5 });
    w.sim.advance(20 * MIN);
    const again = replay(JSON.parse(JSON.stringify(recipeOf(w.sim))));
    expect(JSON.stringify(again.events)).toBe(JSON.stringify(w.sim.events));
  });
});
