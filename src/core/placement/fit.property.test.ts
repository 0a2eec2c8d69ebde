import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine/simulation';
import type { SimState } from '../engine/state';
import type { ContainerInstanceRecord } from '../infra/records';
import { checkFit, releaseResources, reserveResources, type TaskNeeds } from './fit';

const needsArb: fc.Arbitrary<TaskNeeds> = fc.record({
  cpu: fc.integer({ min: 0, max: 3000 }),
  memory: fc.integer({ min: 0, max: 9000 }),
  gpu: fc.integer({ min: 0, max: 1 }),
  ports: fc.uniqueArray(
    fc.record({ hostPort: fc.constantFrom(22, 80, 443, 8080, 53, 32768, 32769), protocol: fc.constantFrom('tcp' as const, 'udp' as const) }),
    { maxLength: 3, selector: (p) => `${p.protocol}/${p.hostPort}` },
  ),
  dynamicPorts: fc.integer({ min: 0, max: 3 }),
  needsEni: fc.boolean(),
});

type Op =
  | { op: 'reserve'; instance: number; task: number; needs: TaskNeeds }
  | { op: 'release'; instance: number; task: number }
  | { op: 'terminate'; instance: number }
  | { op: 'disconnect'; instance: number }
  | { op: 'reconnect'; instance: number }
  | { op: 'advance'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('reserve' as const), instance: fc.nat(2), task: fc.nat(11), needs: needsArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('release' as const), instance: fc.nat(2), task: fc.nat(11) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('terminate' as const), instance: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('disconnect' as const), instance: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('reconnect' as const), instance: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 120_000 }) }) },
);

function sorted(xs: readonly (string | number)[]): string[] {
  return xs.map(String).sort();
}

function checkBooks(ci: ContainerInstanceRecord): void {
  const rs = Object.values(ci.reservations);
  const sum = (f: (r: (typeof rs)[number]) => number) => rs.reduce((a, r) => a + f(r), 0);
  // remaining = registered − sum of reservations
  expect(ci.remaining.cpu).toBe(ci.registered.cpu - sum((r) => r.cpu));
  expect(ci.remaining.memory).toBe(ci.registered.memory - sum((r) => r.memory));
  expect(ci.remaining.enis).toBe(ci.registered.enis - sum((r) => r.enis));
  expect(sorted(ci.remaining.ports)).toEqual(sorted([...ci.registered.ports, ...rs.flatMap((r) => r.ports)]));
  expect(sorted(ci.remaining.portsUdp)).toEqual(sorted([...ci.registered.portsUdp, ...rs.flatMap((r) => r.portsUdp)]));
  expect(sorted([...ci.remaining.gpuIds, ...rs.flatMap((r) => r.gpuIds)])).toEqual(sorted(ci.registered.gpuIds));
  // never over-committed
  expect(ci.remaining.cpu).toBeGreaterThanOrEqual(0);
  expect(ci.remaining.memory).toBeGreaterThanOrEqual(0);
  expect(ci.remaining.enis).toBeGreaterThanOrEqual(0);
  const tcpInUse = [...ci.remaining.ports, ...rs.flatMap((r) => r.dynamicPorts.map(String))];
  expect(new Set(tcpInUse).size).toBe(tcpInUse.length);
  expect(new Set(ci.remaining.portsUdp).size).toBe(ci.remaining.portsUdp.length);
}

describe('resource accounting (property)', () => {
  it('keeps remaining = registered − reservations and never over-commits, over random reserve/release/terminate/disconnect', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const sim = createSimulation({ seed: 5, timingProfile: 'fast' });
        sim.ecs.createCluster({ clusterName: 'demo' });
        const ids = [
          ...sim.infra.launchInstances({ cluster: 'demo', instanceType: 'm5.large' }).instanceIds,
          ...sim.infra.launchInstances({ cluster: 'demo', instanceType: 'c5.large' }).instanceIds,
          ...sim.infra.launchInstances({ cluster: 'demo', instanceType: 'g4dn.xlarge' }).instanceIds,
        ];
        sim.advance(60_000);
        const state = sim.state as SimState;
        const arnOf = (i: number) => state.ec2Instances[ids[i]].containerInstanceArn!;
        for (const o of ops) {
          if (o.op === 'reserve') {
            const task = `task-${o.task}`;
            // a task is placed on one instance at most
            if (Object.values(state.containerInstances).some((ci) => ci.reservations[task])) continue;
            if (checkFit(state, arnOf(o.instance), o.needs).ok) reserveResources(state, arnOf(o.instance), task, o.needs);
          } else if (o.op === 'release') {
            releaseResources(state, arnOf(o.instance), `task-${o.task}`);
          } else if (o.op === 'terminate') {
            const wasConnected = state.containerInstances[arnOf(o.instance)].agentConnected;
            sim.infra.terminateInstance(ids[o.instance]);
            // the host is gone: nothing it held stays reserved
            if (wasConnected) expect(state.containerInstances[arnOf(o.instance)].reservations).toEqual({});
          } else if (o.op === 'disconnect' || o.op === 'reconnect') {
            const ci = state.containerInstances[arnOf(o.instance)];
            if (!state.actors[ci.containerInstanceArn] || state.actors[ci.containerInstanceArn].status === 'done') continue;
            const before = JSON.stringify(ci.reservations);
            if (o.op === 'disconnect') sim.faults.disconnectAgent(ids[o.instance], { forMs: 30_000 });
            else sim.faults.reconnectAgent(ids[o.instance]);
            // tasks keep running: reservations untouched
            expect(JSON.stringify(ci.reservations)).toBe(before);
          } else {
            sim.advance(o.ms);
          }
          for (const ci of Object.values(state.containerInstances)) checkBooks(ci);
        }
      }),
      { numRuns: 150 },
    );
  });
});
