import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from './cql';
import { cqlFacts, groupCounts } from './facts';
import { checkFit } from './fit';
import { placeTasks } from './place';
import { addInstance, addTask, needs, testState } from './testCluster';
import type { PlacementConstraint, PlacementStrategy } from './types';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const TYPES = ['t3.small', 'm5.large', 'c5.xlarge'];
const GROUPS = ['family:web', 'family:db', 'service:api'];

const instanceArb = fc.record({
  az: fc.constantFrom(...AZS),
  instanceType: fc.constantFrom(...TYPES),
  cpu: fc.integer({ min: 0, max: 4096 }),
  memory: fc.integer({ min: 0, max: 8192 }),
  enis: fc.integer({ min: 0, max: 3 }),
  agentConnected: fc.boolean(),
  draining: fc.boolean(),
  rack: fc.option(fc.constantFrom('r1', 'r2'), { nil: undefined }),
});

const needsArb = fc.record({
  cpu: fc.integer({ min: 0, max: 2048 }),
  memory: fc.integer({ min: 1, max: 4096 }),
  port: fc.option(fc.constantFrom(80, 443, 8080), { nil: undefined }),
  needsEni: fc.boolean(),
});

const expressions = [
  'attribute:ecs.instance-type =~ (m5|c5)\\..*',
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
  'not(task:group == family:db)',
  'runningTasksCount < 3',
  'attribute:rack exists or attribute:ecs.instance-type != t3.small',
  'task:group == family:web',
];

const constraintArb: fc.Arbitrary<PlacementConstraint> = fc.oneof(
  fc.constant({ type: 'distinctInstance' as const }),
  fc.constantFrom(...expressions).map((expression) => ({ type: 'memberOf' as const, expression })),
);

const strategyArb: fc.Arbitrary<PlacementStrategy> = fc.oneof(
  fc.constantFrom<PlacementStrategy>(
    { type: 'binpack', field: 'cpu' },
    { type: 'binpack', field: 'memory' },
    { type: 'spread', field: 'instanceId' },
    { type: 'spread', field: 'attribute:ecs.availability-zone' },
    { type: 'spread', field: 'attribute:rack' },
    { type: 'random' },
  ),
);

const scenarioArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  instances: fc.array(instanceArb, { minLength: 1, maxLength: 8 }),
  existing: fc.array(fc.record({ on: fc.nat(), group: fc.constantFrom(...GROUPS), memory: fc.integer({ min: 0, max: 2048 }) }), { maxLength: 10 }),
  needs: needsArb,
  group: fc.constantFrom(...GROUPS),
  count: fc.integer({ min: 1, max: 10 }),
  constraints: fc.array(constraintArb, { maxLength: 3 }),
  strategies: fc.array(strategyArb, { maxLength: 5 }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(sc: Scenario) {
  const s = testState(sc.seed);
  const arns = sc.instances.map((i) =>
    addInstance(s, {
      az: i.az,
      instanceType: i.instanceType,
      cpu: i.cpu,
      memory: i.memory,
      enis: i.enis,
      agentConnected: i.agentConnected,
      status: i.draining ? 'DRAINING' : 'ACTIVE',
      attributes: i.rack ? [{ name: 'rack', value: i.rack }] : [],
    }),
  );
  for (const e of sc.existing) {
    const arn = arns[e.on % arns.length];
    if (s.containerInstances[arn].remaining.memory >= e.memory) addTask(s, arn, e.group, needs({ memory: e.memory }));
  }
  const taskNeeds = needs({ cpu: sc.needs.cpu, memory: sc.needs.memory, needsEni: sc.needs.needsEni, ports: sc.needs.port ? [{ hostPort: sc.needs.port, protocol: 'tcp' }] : [] });
  return { s, arns, taskNeeds };
}

/** Does the instance satisfy every constraint right now? (independent of the engine's own code path) */
function satisfies(s: ReturnType<typeof build>['s'], arn: string, group: string, constraints: PlacementConstraint[]): boolean {
  const ci = s.containerInstances[arn];
  return constraints.every((c) => {
    if (c.type === 'distinctInstance') return (groupCounts(s, ci).get(group) ?? 0) === 0;
    const compiled = compileExpression(c.expression!);
    return compiled.ok && compiled.compiled.test(cqlFacts(s, ci));
  });
}

describe('placement properties (fast-check)', () => {
  it('placements never violate a constraint and never over-commit an instance', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { s, taskNeeds } = build(sc);
        const r = placeTasks(s, { clusterName: 'demo', count: sc.count, needs: taskNeeds, group: sc.group, constraints: sc.constraints, strategies: sc.strategies });
        expect(r.error).toBeUndefined();
        expect(r.placements.length === sc.count || r.failures.length > 0).toBe(true);
        for (const p of r.placements) {
          // as the caller does: check, then reserve in order
          expect(checkFit(s, p.containerInstanceArn, taskNeeds)).toEqual({ ok: true });
          expect(satisfies(s, p.containerInstanceArn, sc.group, sc.constraints)).toBe(true);
          addTask(s, p.containerInstanceArn, sc.group, taskNeeds);
        }
        for (const ci of Object.values(s.containerInstances)) {
          expect(ci.remaining.cpu).toBeGreaterThanOrEqual(0);
          expect(ci.remaining.memory).toBeGreaterThanOrEqual(0);
          expect(ci.remaining.enis).toBeGreaterThanOrEqual(0);
          expect(new Set(ci.remaining.ports).size).toBe(ci.remaining.ports.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a request fails only when no instance could take the next task', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { s, arns, taskNeeds } = build(sc);
        const r = placeTasks(s, { clusterName: 'demo', count: sc.count, needs: taskNeeds, group: sc.group, constraints: sc.constraints, strategies: sc.strategies });
        for (const p of r.placements) addTask(s, p.containerInstanceArn, sc.group, taskNeeds);
        if (r.failures.length === 0) {
          expect(r.placements).toHaveLength(sc.count);
          return;
        }
        expect(r.failures.map((f) => f.arn)).toEqual(arns);
        for (const arn of arns) {
          const fits = checkFit(s, arn, taskNeeds).ok;
          expect(fits && satisfies(s, arn, sc.group, sc.constraints)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the same seed and state give the same placements', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const place = () => {
          const { s, taskNeeds } = build(sc);
          return placeTasks(s, { clusterName: 'demo', count: sc.count, needs: taskNeeds, group: sc.group, constraints: sc.constraints, strategies: sc.strategies }).placements.map((p) => p.containerInstanceArn);
        };
        expect(place()).toEqual(place());
      }),
      { numRuns: 100 },
    );
  });
});
