import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimState } from '../engine/state';
import { releaseResources, reserveResources } from './fit';
import { placeTasks } from './place';
import { addInstance, needs, testState } from './testCluster';
import type { PlacementRequest } from './types';

/*
 * The cluster index and the kept scan (clusterIndex.ts, place.ts) only save work: after any mix of
 * placements, reservations, releases, drains, agent losses, attribute changes and new instances,
 * placing on the live state must answer exactly what placing on a fresh copy (no memo, no index,
 * no kept scan) answers.
 */

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

type Op =
  | { kind: 'place'; count: number; memory: number; group: number; shape: number; reserve: boolean }
  | { kind: 'release'; pick: number }
  | { kind: 'drain'; pick: number }
  | { kind: 'agent'; pick: number }
  | { kind: 'attribute'; pick: number; rack: string }
  | { kind: 'add'; az: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('place' as const), count: fc.integer({ min: 1, max: 4 }), memory: fc.constantFrom(512, 1536), group: fc.nat(1), shape: fc.nat(2), reserve: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drain' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('agent' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('attribute' as const), pick: fc.nat(), rack: fc.constantFrom('r1', 'r2') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), az: fc.nat(2) }) },
);

function requestOf(op: Extract<Op, { kind: 'place' }>): PlacementRequest {
  const group = op.group === 0 ? 'family:web' : 'service:api';
  const shapes: Pick<PlacementRequest, 'constraints' | 'strategies'>[] = [
    { constraints: [], strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }] },
    { constraints: [{ type: 'memberOf', expression: 'attribute:rack != r2 and not(task:group == family:web)' }], strategies: [{ type: 'spread', field: 'attribute:rack' }, { type: 'spread', field: 'instanceId' }] },
    { constraints: [{ type: 'distinctInstance' }], strategies: [{ type: 'binpack', field: 'cpu' }] },
  ];
  return { clusterName: 'demo', count: op.count, group, needs: needs({ cpu: 128, memory: op.memory }), ...shapes[op.shape] };
}

describe('the cluster index and the kept scan', () => {
  it('answer every placement exactly as a fresh copy of the state does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 7 }), fc.array(opArb, { minLength: 1, maxLength: 40 }), (instances, ops) => {
        const s: SimState = testState();
        for (let i = 0; i < instances; i++) addInstance(s, { az: AZS[i % 3], memory: 4096, cpu: 2048 });
        const held: { ci: string; task: string }[] = [];
        let serial = 0;
        const arns = () => Object.keys(s.containerInstances);
        for (const op of ops) {
          if (op.kind === 'place') {
            const request = requestOf(op);
            const fresh = placeTasks(structuredClone(s), request);
            const live = placeTasks(s, request);
            expect(live).toEqual(fresh);
            // a caller may also drop the answer (nothing reserved)
            for (const p of op.reserve ? live.placements : []) {
              const task = `arn:aws:ecs:us-east-1:123456789012:task/demo/${(++serial).toString(16).padStart(32, '0')}`;
              reserveResources(s, p.containerInstanceArn, task, request.needs);
              s.tasks[task] = { taskArn: task, group: request.group, desiredStatus: 'RUNNING', containerInstanceArn: p.containerInstanceArn } as never;
              held.push({ ci: p.containerInstanceArn, task });
            }
          } else if (op.kind === 'release' && held.length > 0) {
            const [h] = held.splice(op.pick % held.length, 1);
            releaseResources(s, h.ci, h.task);
            s.tasks[h.task].desiredStatus = 'STOPPED';
          } else if (op.kind === 'drain') {
            const ci = s.containerInstances[arns()[op.pick % arns().length]];
            ci.status = 'DRAINING';
            ci.version++;
          } else if (op.kind === 'agent') {
            const ci = s.containerInstances[arns()[op.pick % arns().length]];
            ci.agentConnected = !ci.agentConnected;
          } else if (op.kind === 'attribute') {
            const ci = s.containerInstances[arns()[op.pick % arns().length]];
            ci.attributes = [...ci.attributes.filter((a) => a.name !== 'rack'), { name: 'rack', value: op.rack }];
          } else if (op.kind === 'add') {
            addInstance(s, { az: AZS[op.az], memory: 4096, cpu: 2048 });
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
