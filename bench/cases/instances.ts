/** Instances at scale: launching and registering a big fleet, and scanning it with the fit check. */
import { createSimulation, type Simulation } from '../../src/core/engine/simulation';
import type { SimState } from '../../src/core/engine/state';
import { checkFit, reserveResources, type TaskNeeds } from '../../src/core/placement/fit';
import { medianMs, type BenchCase } from '../harness';

function fleet(count: number): Simulation {
  const sim = createSimulation({ seed: 1, timingProfile: 'fast' });
  sim.ecs.createCluster({ clusterName: 'big' });
  sim.infra.launchInstances({ cluster: 'big', instanceType: 'm5.large', count });
  sim.advance(120_000);
  return sim;
}

const needs: TaskNeeds = { cpu: 128, memory: 256, gpu: 0, ports: [], dynamicPorts: 1, needsEni: false };

/** One placement: the fit check on every instance (as a strategy scores all candidates), then a reservation. */
function placeOnce(state: SimState, arns: string[], taskArn: string): void {
  let chosen: string | undefined;
  for (const arn of arns) if (checkFit(state, arn, needs).ok && chosen === undefined) chosen = arn;
  if (chosen) reserveResources(state, chosen, taskArn, needs);
}

export const cases: BenchCase[] = [
  {
    name: 'launch and register 1,000 instances (median)',
    unit: 'ms',
    budget: 300,
    run: () =>
      medianMs(
        () => {
          const sim = fleet(1_000);
          if (Object.keys(sim.state.containerInstances).length !== 1_000) throw new Error('not all registered');
        },
        5,
        1,
      ),
  },
  {
    name: '1,000 placements, each fit-checking 1,000 instances (median)',
    unit: 'ms',
    budget: 400,
    run: () => {
      const sim = fleet(1_000);
      const state = sim.state as SimState;
      const arns = Object.keys(state.containerInstances);
      let n = 0;
      // 5 × 1,000 placements stay well inside the fleet's capacity (16 such tasks per m5.large)
      return medianMs(() => {
        for (let i = 0; i < 1_000; i++) placeOnce(state, arns, `task-${n++}`);
      }, 4, 1);
    },
  },
];
