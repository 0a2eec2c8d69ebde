/**
 * The core's share of the browser's 60× frame, in Node: the browser case (bench/cases/browser.ts)
 * rolls a 2,000-task service on 200 instances while the clock advances one virtual second per frame.
 * This case does the same core work per frame without the page: `advance(1000)` plus what the views
 * read after every tick (src/app: MapPanel's cluster map model, ClusterPanel's DescribeClusters,
 * ServicePanel's DescribeServices, EventLog's last events). The budgets leave the core at most half
 * of a 60 Hz frame (8.3 ms), so the browser's 57 virtual s per wall s is reachable once rendering
 * fits in the other half. Also: one snapshot of the state at the end (share links, crash reports).
 */
import { createSimulation, type Simulation } from '../../src/core/engine/simulation';
import { extractClusterMap } from '../../src/views/clusterMap/model';
import type { BenchCase } from '../harness';

const FRAMES = 240;

interface FrameRun {
  /** wall ms per frame, in order */
  frames: number[];
  snapshotMs: number;
}

function steadyRollingWorld(): Simulation {
  const sim = createSimulation({ seed: 5 });
  sim.ecs.createCluster({ clusterName: 'bench' });
  sim.infra.launchInstances({ cluster: 'bench', instanceType: 'm5.xlarge', count: 200 });
  sim.advance(180_000);
  const td = (image: string) => ({ family: 'web', containerDefinitions: [{ name: 'web', image, cpu: 128, memory: 256 }] });
  sim.ecs.registerTaskDefinition(td('nginx:1.26'));
  sim.ecs.createService({ cluster: 'bench', serviceName: 'web', taskDefinition: 'web', desiredCount: 2000 });
  const steady = sim.runUntil(
    (s) => {
      const svc = Object.values(s.state.services)[0];
      return svc.deployments.length === 1 && svc.deployments[0].rolloutState === 'COMPLETED' && svc.steadyEventAt !== undefined;
    },
    { maxMs: 60 * 60_000 },
  );
  if (!steady) throw new Error('the 2,000-task service did not reach steady state');
  sim.ecs.registerTaskDefinition(td('nginx:1.27'));
  sim.ecs.updateService({ cluster: 'bench', service: 'web', taskDefinition: 'web' });
  return sim;
}

/** What the views read after a tick (see the file comment); returns something so nothing is optimised away. */
function uiReads(sim: Simulation): number {
  const model = extractClusterMap(sim.state, 'bench');
  const clusters = Object.values(sim.state.clusters).map((c) => sim.ecs.describeClusters({ clusters: [c.clusterArn] }).clusters?.[0]);
  const service = sim.ecs.describeServices({ cluster: 'bench', services: ['web'] }).services?.[0];
  const events = sim.events.slice(-50).reverse();
  return model.instances.length + clusters.length + (service?.runningCount ?? 0) + events.length;
}

function run(): FrameRun {
  const sim = steadyRollingWorld();
  const frames: number[] = [];
  let sink = 0;
  for (let f = 0; f < FRAMES; f++) {
    const t0 = performance.now();
    sim.advance(1000);
    sink += uiReads(sim);
    frames.push(performance.now() - t0);
  }
  const svc = sim.ecs.describeServices({ cluster: 'bench', services: ['web'] }).services![0];
  if (sink <= 0 || svc.runningCount !== 2000 || !svc.taskDefinition!.endsWith(':2')) {
    throw new Error(`the rolling deployment did not finish in ${FRAMES} frames: ${svc.runningCount} running of ${svc.taskDefinition}`);
  }
  const t0 = performance.now();
  sim.snapshot();
  return { frames, snapshotMs: performance.now() - t0 };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

let result: FrameRun | undefined;
const measured = () => (result ??= run());

export const cases: BenchCase[] = [
  {
    name: 'core per 60× frame, 200 instances and 2,000 tasks rolling: advance(1 s) + UI reads, median',
    unit: 'ms',
    budget: 8.3,
    run: () => percentile(measured().frames, 0.5),
  },
  {
    name: 'core per 60× frame at that size, p95',
    unit: 'ms',
    budget: 16.7,
    run: () => percentile(measured().frames, 0.95),
  },
  {
    name: 'core-only simulation speed at that size (virtual s per wall s)',
    unit: 'x',
    budget: 114,
    higherIsBetter: true,
    run: () => (FRAMES * 1000) / measured().frames.reduce((a, b) => a + b, 0),
  },
  {
    name: 'snapshot after the 2,000-task rolling deployment',
    unit: 'ms',
    budget: 100,
    run: () => measured().snapshotMs,
  },
];
