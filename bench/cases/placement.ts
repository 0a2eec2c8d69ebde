/**
 * The placement engine at scale: RunTask-sized requests (one task each) onto 1,000 container
 * instances with spread(attribute:ecs.availability-zone) + binpack(memory) and a memberOf constraint,
 * each placement reserved before the next, as RunTask does. The cluster is built once through the
 * real launch/boot/register path; every measured run starts from a copy of it.
 */
import { createSimulation } from '../../src/core/engine/simulation';
import type { SimState } from '../../src/core/engine/state';
import { reserveResources, type TaskNeeds } from '../../src/core/placement/fit';
import { placeTasks } from '../../src/core/placement/place';
import type { PlacementRequest } from '../../src/core/placement/types';
import type { BenchCase } from '../harness';

const INSTANCES = 1_000;

function baseCluster(): SimState {
  const sim = createSimulation({ seed: 11 });
  sim.ecs.createCluster({ clusterName: 'bench' });
  for (let left = INSTANCES; left > 0; left -= 1000) sim.infra.launchInstances({ cluster: 'bench', instanceType: 'm5.xlarge', count: Math.min(1000, left) });
  sim.advance(30 * 60_000);
  const registered = Object.values(sim.state.containerInstances).filter((ci) => ci.status === 'ACTIVE').length;
  if (registered !== INSTANCES) throw new Error(`only ${registered} of ${INSTANCES} instances registered`);
  return sim.snapshot().state as SimState;
}

const taskNeeds: TaskNeeds = { cpu: 256, memory: 1024, gpu: 0, ports: [], dynamicPorts: 0, needsEni: false };

const request: PlacementRequest = {
  clusterName: 'bench',
  count: 1,
  needs: taskNeeds,
  group: 'family:web',
  constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type in [m5.large, m5.xlarge] and attribute:ecs.os-type == linux' }],
  strategies: [
    { type: 'spread', field: 'attribute:ecs.availability-zone' },
    { type: 'binpack', field: 'memory' },
  ],
};

/** Places `tasks` tasks one request at a time; returns the wall time in ms (the copy is not timed). */
function run(base: SimState, tasks: number): number {
  const state = structuredClone(base);
  const t0 = performance.now();
  for (let i = 0; i < tasks; i++) {
    const r = placeTasks(state, request);
    const p = r.placements[0];
    if (!p) throw new Error(`task ${i} was not placed: ${r.failures[0]?.reason}`);
    const taskArn = `arn:aws:ecs:us-east-1:123456789012:task/bench/${i.toString(16).padStart(32, '0')}`;
    reserveResources(state, p.containerInstanceArn, taskArn, taskNeeds);
    state.tasks[taskArn] = { taskArn, group: 'family:web', desiredStatus: 'RUNNING', containerInstanceArn: p.containerInstanceArn } as never;
  }
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

let base: SimState | undefined;
let small = 0;
let large = 0;

export const cases: BenchCase[] = [
  {
    name: 'place 1,000 tasks one RunTask at a time on 1,000 instances (median)',
    unit: 'ms',
    budget: 100,
    run: () => {
      base ??= baseCluster();
      run(base, 200);
      small = median([run(base, 1_000), run(base, 1_000), run(base, 1_000), run(base, 1_000), run(base, 1_000)]);
      return small;
    },
  },
  {
    name: 'place 10,000 tasks one RunTask at a time on 1,000 instances (median)',
    unit: 'ms',
    budget: 1_000,
    run: () => {
      base ??= baseCluster();
      large = median([run(base, 10_000), run(base, 10_000), run(base, 10_000)]);
      return large;
    },
  },
  {
    name: 'growth 1,000 → 10,000 tasks (linear = 10)',
    unit: 'ratio',
    budget: 12,
    run: () => large / small,
  },
];
