import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../engine/simulation';
import type { SimState } from '../engine/state';
import { TASK_STATUS_ORDER } from './record';

type Cmd =
  | { kind: 'run'; family: 'web' | 'job' | 'spot' | 'deaf'; count: number }
  | { kind: 'stop'; pick: number }
  | { kind: 'crash'; pick: number; exitCode: number }
  | { kind: 'failHealth'; pick: number; forMs?: number }
  | { kind: 'spot'; pick: number }
  | { kind: 'unpullable'; image: string }
  | { kind: 'terminate'; pick: number }
  | { kind: 'advance'; ms: number };

const IMAGES = ['nginx:latest', 'busybox', 'redis:7'];

const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ kind: fc.constant('run' as const), family: fc.constantFrom('web' as const, 'job' as const, 'spot' as const, 'deaf' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('stop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('crash' as const), pick: fc.nat(), exitCode: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('failHealth' as const), pick: fc.nat(), forMs: fc.option(fc.integer({ min: 1, max: 120_000 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('spot' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('unpullable' as const), image: fc.constantFrom(...IMAGES) }),
  fc.record({ kind: fc.constant('terminate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 400_000 }) }),
);

const awsvpc = { awsvpcConfiguration: { subnets: ['subnet-00000000000000001', 'subnet-00000000000000002'] } };

function setup(seed: number): Simulation {
  const sim = createSimulation({ seed, timingProfile: 'fast' });
  sim.ecs.createCluster({});
  (sim.state as SimState).clusters.default.capacityProviders = ['FARGATE', 'FARGATE_SPOT'];
  sim.infra.launchInstances({ cluster: 'default', instanceType: 't3.medium', count: 3 });
  sim.advance(60_000);
  sim.ecs.registerTaskDefinition({
    family: 'web',
    containerDefinitions: [
      { name: 'web', image: 'nginx:latest', memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }], healthCheck: { command: ['CMD', 'true'], interval: 30, retries: 2 } },
      { name: 'log', image: 'busybox', memory: 32, essential: false, command: ['sleep', 'infinity'] },
    ],
  });
  sim.ecs.registerTaskDefinition({ family: 'job', containerDefinitions: [{ name: 'job', image: 'redis:7', memory: 128, command: ['sleep', '30'] }] });
  const fargate = { networkMode: 'awsvpc' as const, requiresCompatibilities: ['FARGATE' as const], cpu: '256', memory: '512' };
  sim.ecs.registerTaskDefinition({ family: 'spot', ...fargate, containerDefinitions: [{ name: 'app', image: 'nginx:latest', healthCheck: { command: ['CMD', 'true'] } }] });
  sim.ecs.registerTaskDefinition({ family: 'deaf', ...fargate, containerDefinitions: [{ name: 'sh', image: 'busybox', command: ['sleep', 'infinity'], stopTimeout: 20 }] });
  return sim;
}

/** Applies one command; refusals a learner could also get (bad target, nothing fits) are part of the game. */
function apply(sim: Simulation, cmd: Cmd, launched: string[]): void {
  const state = sim.state as SimState;
  const target = (pick: number) => (launched.length ? launched[pick % launched.length] : undefined);
  try {
    switch (cmd.kind) {
      case 'run': {
        const fargate = cmd.family === 'spot' || cmd.family === 'deaf';
        const out = fargate
          ? sim.ecs.runTask({ taskDefinition: cmd.family, count: cmd.count, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }, { capacityProvider: 'FARGATE', weight: 1 }], networkConfiguration: awsvpc })
          : sim.ecs.runTask({ taskDefinition: cmd.family, count: cmd.count });
        launched.push(...out.tasks!.map((t) => t.taskArn!));
        expect(out.tasks!.length + (out.failures!.length > 0 ? 1 : 0)).toBeGreaterThan(0);
        break;
      }
      case 'stop': {
        const arn = target(cmd.pick);
        if (arn && state.tasks[arn]) sim.ecs.stopTask({ task: arn });
        break;
      }
      case 'crash': {
        const arn = target(cmd.pick);
        if (arn) sim.faults.crashContainer(arn, state.tasks[arn]?.containers[0]?.name ?? 'x', cmd.exitCode);
        break;
      }
      case 'failHealth': {
        const arn = target(cmd.pick);
        if (arn) sim.faults.failHealthCheck(arn, state.tasks[arn]?.containers[0]?.name ?? 'x', cmd.forMs === undefined ? {} : { forMs: cmd.forMs });
        break;
      }
      case 'spot': {
        const arn = target(cmd.pick);
        if (arn) sim.faults.interruptSpot(arn);
        break;
      }
      case 'unpullable':
        sim.faults.makeImageUnpullable(cmd.image);
        break;
      case 'terminate': {
        const ids = Object.keys(state.ec2Instances).sort();
        if (ids.length) sim.infra.terminateInstance(ids[cmd.pick % ids.length]);
        break;
      }
      case 'advance':
        sim.advance(cmd.ms);
        break;
    }
  } catch (e) {
    const name = (e as Error).name;
    if (!['InvalidParameterValue', 'IncorrectInstanceState', 'InvalidParameterException', 'InvalidInstanceID.NotFound'].includes(name)) throw e;
  }
}

function checkInvariants(sim: Simulation, launched: string[], highest: Map<string, number>): void {
  const state = sim.state as SimState;
  for (const arn of launched) {
    const t = state.tasks[arn];
    if (!t) {
      // Only a task that reached STOPPED an hour ago may be gone.
      const stoppedEvent = sim.events.find((e) => e.type === 'task.stateChange' && e.resource === arn && e.data?.lastStatus === 'STOPPED');
      expect(stoppedEvent, `task ${arn} vanished`).toBeDefined();
      expect(sim.now() - stoppedEvent!.time).toBeGreaterThanOrEqual(60 * 60_000);
      continue;
    }
    const idx = TASK_STATUS_ORDER.indexOf(t.lastStatus);
    expect(idx).toBeGreaterThanOrEqual(highest.get(arn) ?? 0);
    highest.set(arn, idx);
    if (t.lastStatus === 'STOPPED') {
      expect(t.stopCode).toBeTruthy();
      expect(t.stoppedReason).toBeTruthy();
      expect(t.desiredStatus).toBe('STOPPED');
      expect(t.stoppedAt).toBeGreaterThanOrEqual(t.createdAt);
      expect(state.actors[arn]).toBeUndefined();
      if (t.containerInstanceArn) expect(state.containerInstances[t.containerInstanceArn].reservations[arn]).toBeUndefined();
    } else {
      expect(state.actors[arn]?.machine).toBe('task');
      if (t.containerInstanceArn) expect(state.containerInstances[t.containerInstanceArn].reservations[arn]).toBeDefined();
    }
    if (t.desiredStatus === 'STOPPED') expect(t.stoppingAt).toBeDefined();
  }
  // Every live task is one we launched: nothing appears from nowhere.
  for (const arn of Object.keys(state.tasks)) expect(launched).toContain(arn);
  // Instance books balance: what is reserved plus what remains is what was registered.
  for (const ci of Object.values(state.containerInstances)) {
    const held = Object.values(ci.reservations).reduce((sum, r) => sum + r.memory, 0);
    expect(ci.remaining.memory + held).toBe(ci.registered.memory);
  }
}

function play(seed: number, cmds: Cmd[]): { sim: Simulation; launched: string[] } {
  const sim = setup(seed);
  const launched: string[] = [];
  const highest = new Map<string, number>();
  for (const cmd of cmds) {
    apply(sim, cmd, launched);
    checkInvariants(sim, launched, highest);
  }
  sim.advance(2 * 60 * 60_000);
  checkInvariants(sim, launched, highest);
  return { sim, launched };
}

describe('task invariants over random runTask / stopTask / faults / advance', () => {
  it('every task accounted for, lastStatus only forward, STOPPED tasks carry stopCode and stoppedReason, books balance', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(cmdArb, { minLength: 1, maxLength: 40 }), (seed, cmds) => {
        play(seed, cmds);
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('same seed + same calls = identical event log, and a snapshot restored midway continues identically', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(cmdArb, { minLength: 2, maxLength: 30 }), (seed, cmds) => {
        const a = play(seed, cmds).sim;
        const b = play(seed, cmds).sim;
        expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));

        const half = Math.floor(cmds.length / 2);
        const first = setup(seed);
        const launched: string[] = [];
        for (const c of cmds.slice(0, half)) apply(first, c, launched);
        const resumed = createSimulation({ snapshot: JSON.parse(JSON.stringify(first.snapshot())) });
        for (const c of cmds.slice(half)) apply(resumed, c, launched);
        resumed.advance(2 * 60 * 60_000);
        expect(JSON.stringify(resumed.events)).toBe(JSON.stringify(a.events));
      }),
      { numRuns: 8 },
    );
  }, 120_000);
});
