/**
 * Property-based tests over random sequences of API calls, faults and clock advances, through the
 * public API only (src/core/index.ts). After every step:
 *   - no container instance is over-committed (remaining CPU and memory never below zero, never
 *     above what was registered, and registered − remaining = what its live tasks reserve);
 *   - every task is accounted for (a task RunTask returned is still described, or stopped over an
 *     hour ago; every live task sits on a registered instance or on Fargate; per-instance running
 *     and pending counts match the tasks on it, as ECS defines them);
 *   - service counts agree with the tasks (runningCount, pendingCount, per-deployment counts);
 *   - deployments stay within their bounds (tasks that should run never grow while above
 *     floor(desired × maximumPercent / 100); exactly one PRIMARY deployment);
 * and the whole run is deterministic: the same seed and calls give the same snapshot, a replayed
 * recipe equals the original, and a snapshot restored from JSON midway continues identically.
 *
 * Seeds are random on every run; fast-check prints the seed and the shrunk command list of a
 * failure (ROBUSTNESS_SEED=<n> replays it). numRuns is fixed to keep CI time bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, EcsError, InfraError, recipeOf, replay, type Simulation } from '../../../src/core/index';

const CLUSTER = 'prop';
const FAMILIES = ['web', 'worker'] as const;

type Cmd =
  | { kind: 'launch'; count: number; type: 't3.small' | 't3.medium' }
  | { kind: 'terminate'; pick: number }
  | { kind: 'runTask'; family: (typeof FAMILIES)[number]; count: number }
  | { kind: 'stopTask'; pick: number }
  | { kind: 'createService'; name: 'api' | 'jobs'; desired: number; min: number; max: number }
  | { kind: 'scale'; name: 'api' | 'jobs'; desired: number }
  | { kind: 'deploy'; name: 'api' | 'jobs'; image: string }
  | { kind: 'crash'; pick: number }
  | { kind: 'failHealth'; pick: number }
  | { kind: 'disconnect'; pick: number; forMs: number }
  | { kind: 'unpullable'; image: string }
  | { kind: 'drain'; pick: number }
  | { kind: 'advance'; ms: number };

const IMAGES = ['nginx:1.26', 'nginx:1.27', 'busybox', 'redis:7'];
const SERVICE_NAMES = ['api', 'jobs'] as const;

const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('launch' as const), count: fc.integer({ min: 1, max: 3 }), type: fc.constantFrom('t3.small' as const, 't3.medium' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('terminate' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('runTask' as const), family: fc.constantFrom(...FAMILIES), count: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stopTask' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('createService' as const),
      name: fc.constantFrom(...SERVICE_NAMES),
      desired: fc.integer({ min: 0, max: 6 }),
      min: fc.constantFrom(0, 50, 100),
      max: fc.constantFrom(100, 150, 200),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('scale' as const), name: fc.constantFrom(...SERVICE_NAMES), desired: fc.integer({ min: 0, max: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deploy' as const), name: fc.constantFrom(...SERVICE_NAMES), image: fc.constantFrom(...IMAGES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('failHealth' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('disconnect' as const), pick: fc.nat(), forMs: fc.integer({ min: 1_000, max: 600_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unpullable' as const), image: fc.constantFrom(...IMAGES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drain' as const), pick: fc.nat() }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 300_000 }) }) },
);

function setup(seed: number): Simulation {
  const sim = createSimulation({ seed, timingProfile: 'fast' });
  sim.ecs.createCluster({ clusterName: CLUSTER });
  sim.infra.launchInstances({ cluster: CLUSTER, instanceType: 't3.medium', count: 2 });
  sim.advance(60_000);
  sim.ecs.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx:1.26',
        cpu: 256,
        memory: 256,
        portMappings: [{ containerPort: 80, hostPort: 0 }],
        healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 10, retries: 2 },
      },
    ],
  });
  sim.ecs.registerTaskDefinition({ family: 'worker', containerDefinitions: [{ name: 'job', image: 'busybox', cpu: 128, memory: 128, command: ['sleep', '120'] }] });
  return sim;
}

interface World {
  sim: Simulation;
  /** every task ARN RunTask returned */
  launched: string[];
  /** per service: tasks that should run after the previous step */
  lastInFlight: Map<string, number>;
}

/** Errors a learner could also get for a call that makes no sense at that moment. */
function expected(e: unknown): boolean {
  return e instanceof EcsError || e instanceof InfraError;
}

function liveTaskArns(sim: Simulation): string[] {
  return Object.values(sim.state.tasks)
    .filter((t) => t.lastStatus !== 'STOPPED')
    .map((t) => t.taskArn)
    .sort();
}

function apply(w: World, cmd: Cmd): void {
  const { sim } = w;
  const pickOf = <T>(xs: readonly T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);
  const instanceIds = () => Object.keys(sim.state.ec2Instances).sort();
  try {
    switch (cmd.kind) {
      case 'launch':
        sim.infra.launchInstances({ cluster: CLUSTER, instanceType: cmd.type, count: cmd.count });
        break;
      case 'terminate': {
        const id = pickOf(instanceIds(), cmd.pick);
        if (id) sim.infra.terminateInstance(id);
        break;
      }
      case 'runTask': {
        const out = sim.ecs.runTask({ cluster: CLUSTER, taskDefinition: cmd.family, count: cmd.count });
        w.launched.push(...(out.tasks ?? []).map((t) => t.taskArn!));
        break;
      }
      case 'stopTask': {
        const arn = pickOf(liveTaskArns(sim), cmd.pick);
        if (arn) sim.ecs.stopTask({ cluster: CLUSTER, task: arn });
        break;
      }
      case 'createService':
        sim.ecs.createService({
          cluster: CLUSTER,
          serviceName: cmd.name,
          taskDefinition: 'web',
          desiredCount: cmd.desired,
          deploymentConfiguration: { minimumHealthyPercent: cmd.min, maximumPercent: cmd.max },
        });
        break;
      case 'scale':
        sim.ecs.updateService({ cluster: CLUSTER, service: cmd.name, desiredCount: cmd.desired });
        break;
      case 'deploy': {
        const td = sim.ecs.registerTaskDefinition({
          family: 'web',
          containerDefinitions: [{ name: 'web', image: cmd.image, cpu: 256, memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
        }).taskDefinition!;
        sim.ecs.updateService({ cluster: CLUSTER, service: cmd.name, taskDefinition: td.taskDefinitionArn });
        break;
      }
      case 'crash': {
        const arn = pickOf(liveTaskArns(sim), cmd.pick);
        if (arn) sim.faults.crashContainer(arn, sim.state.tasks[arn].containers[0].name, 1);
        break;
      }
      case 'failHealth': {
        const arn = pickOf(liveTaskArns(sim), cmd.pick);
        if (arn) sim.faults.failHealthCheck(arn, sim.state.tasks[arn].containers[0].name, {});
        break;
      }
      case 'disconnect': {
        const id = pickOf(instanceIds(), cmd.pick);
        if (id) sim.faults.disconnectAgent(id, { forMs: cmd.forMs });
        break;
      }
      case 'unpullable':
        sim.faults.makeImageUnpullable(cmd.image);
        break;
      case 'drain': {
        const arn = pickOf(Object.keys(sim.state.containerInstances).sort(), cmd.pick);
        if (arn) sim.ecs.updateContainerInstancesState({ cluster: CLUSTER, containerInstances: [arn], status: 'DRAINING' });
        break;
      }
      case 'advance':
        sim.advance(cmd.ms);
        break;
    }
  } catch (e) {
    if (process.env.ROBUSTNESS_DEBUG) console.log(cmd.kind, (e as Error).name, (e as Error).message.slice(0, 80));
    if (!expected(e)) throw e;
  }
}

const HOUR = 60 * 60_000;

function check(w: World): void {
  const { sim } = w;
  const state = sim.state;
  const tasks = Object.values(state.tasks);

  // -- no over-committed instance, and the books balance
  for (const ci of Object.values(state.containerInstances)) {
    const live = tasks.filter((t) => t.containerInstanceArn === ci.containerInstanceArn && t.lastStatus !== 'STOPPED');
    for (const r of ['cpu', 'memory'] as const) {
      expect(ci.remaining[r], `${ci.ec2InstanceId} remaining ${r}`).toBeGreaterThanOrEqual(0);
      expect(ci.remaining[r]).toBeLessThanOrEqual(ci.registered[r]);
    }
    const reserved = Object.values(ci.reservations).reduce((n, r) => n + r.memory, 0);
    expect(ci.remaining.memory + reserved, `${ci.ec2InstanceId} memory books`).toBe(ci.registered.memory);
    for (const t of live) expect(ci.reservations[t.taskArn], `live task ${t.taskArn} holds a reservation`).toBeDefined();
  }
  if (Object.keys(state.containerInstances).length > 0) {
    const described = sim.ecs.describeContainerInstances({ cluster: CLUSTER, containerInstances: Object.keys(state.containerInstances) }).containerInstances ?? [];
    for (const d of described) {
      const on = tasks.filter((t) => t.containerInstanceArn === d.containerInstanceArn);
      // as ECS defines them: runningTasksCount = desiredStatus RUNNING, pendingTasksCount = lastStatus PENDING
      expect(d.runningTasksCount, 'runningTasksCount').toBe(on.filter((t) => t.desiredStatus === 'RUNNING').length);
      expect(d.pendingTasksCount, 'pendingTasksCount').toBe(on.filter((t) => t.lastStatus === 'PENDING').length);
      for (const r of d.remainingResources ?? []) if (r.type === 'INTEGER') expect(r.integerValue!).toBeGreaterThanOrEqual(0);
    }
  }

  // -- every task accounted for
  for (const arn of w.launched) {
    if (state.tasks[arn]) continue;
    const stopped = sim.events.find((e) => e.resource === arn && e.type === 'task.stateChange' && (e.data as { lastStatus?: string } | undefined)?.lastStatus === 'STOPPED');
    expect(stopped, `task ${arn} vanished without stopping`).toBeDefined();
    expect(sim.now() - stopped!.time, `task ${arn} dropped before an hour`).toBeGreaterThanOrEqual(HOUR);
  }
  for (const t of tasks) {
    if (t.lastStatus === 'STOPPED' || !t.containerInstanceArn) continue;
    expect(state.containerInstances[t.containerInstanceArn], `task ${t.taskArn} on an unknown instance`).toBeDefined();
  }

  // -- service counts consistent with tasks; deployments within their bounds
  const serviceNames = Object.values(state.services)
    .filter((s) => s.status !== 'INACTIVE')
    .map((s) => s.serviceName);
  if (serviceNames.length === 0) return;
  const described = sim.ecs.describeServices({ cluster: CLUSTER, services: serviceNames }).services ?? [];
  for (const s of described) {
    const mine = tasks.filter((t) => t.group === `service:${s.serviceName}`);
    expect(s.runningCount, `${s.serviceName} runningCount`).toBe(mine.filter((t) => t.lastStatus === 'RUNNING').length);
    expect(s.pendingCount, `${s.serviceName} pendingCount`).toBe(mine.filter((t) => ['PROVISIONING', 'PENDING', 'ACTIVATING'].includes(t.lastStatus!)).length);
    const deployments = s.deployments ?? [];
    expect(deployments.filter((d) => d.status === 'PRIMARY'), `${s.serviceName} has one PRIMARY deployment`).toHaveLength(1);
    expect(deployments.reduce((n, d) => n + (d.runningCount ?? 0), 0)).toBe(s.runningCount);
    const upper = Math.floor((s.desiredCount! * s.deploymentConfiguration!.maximumPercent!) / 100);
    const inFlight = mine.filter((t) => t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED').length;
    const before = w.lastInFlight.get(s.serviceName!) ?? 0;
    if (inFlight > upper) expect(inFlight, `${s.serviceName} grew above floor(desired × max%) = ${upper}`).toBeLessThanOrEqual(before);
    w.lastInFlight.set(s.serviceName!, inFlight);
  }
}

function play(seed: number, cmds: readonly Cmd[], checkEachStep = true): World {
  const w: World = { sim: setup(seed), launched: [], lastInFlight: new Map() };
  for (const cmd of cmds) {
    apply(w, cmd);
    if (checkEachStep) check(w);
  }
  w.sim.advance(30 * 60_000);
  if (checkEachStep) check(w);
  return w;
}

const seedEnv = process.env.ROBUSTNESS_SEED ? { seed: Number(process.env.ROBUSTNESS_SEED) } : {};
const seedArb = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe('the simulation under random calls, faults and clock advances', () => {
  it('never over-commits an instance, accounts for every task, keeps service counts and deployment bounds', () => {
    fc.assert(
      fc.property(seedArb, fc.array(cmdArb, { minLength: 1, maxLength: 45 }), (seed, cmds) => {
        play(seed, cmds);
      }),
      { numRuns: 60, ...seedEnv },
    );
  }, 180_000);

  it('is deterministic: same seed and calls give the same snapshot; a recipe replays and a midway JSON snapshot continues identically', () => {
    fc.assert(
      fc.property(seedArb, fc.array(cmdArb, { minLength: 2, maxLength: 25 }), (seed, cmds) => {
        const a = play(seed, cmds, false).sim;
        const b = play(seed, cmds, false).sim;
        const original = JSON.stringify(a.snapshot());
        expect(JSON.stringify(b.snapshot())).toBe(original);

        expect(JSON.stringify(replay(JSON.parse(JSON.stringify(recipeOf(a)))).snapshot())).toBe(original);

        const half = Math.floor(cmds.length / 2);
        const first: World = { sim: setup(seed), launched: [], lastInFlight: new Map() };
        for (const c of cmds.slice(0, half)) apply(first, c);
        const resumed: World = { sim: createSimulation({ snapshot: JSON.parse(JSON.stringify(first.sim.snapshot())) }), launched: [], lastInFlight: new Map() };
        for (const c of cmds.slice(half)) apply(resumed, c);
        resumed.sim.advance(30 * 60_000);
        expect(JSON.stringify(resumed.sim.events)).toBe(JSON.stringify(a.events));
      }),
      { numRuns: 20, ...seedEnv },
    );
  }, 180_000);
});
