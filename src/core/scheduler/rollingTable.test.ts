/**
 * Reference §7.2, row by row: the bounds, what the scheduler does at the first reconcile after
 * UpdateService, and that the whole rolling update stays within the bounds to the end (or emits the
 * deadlock event where no move is possible).
 */
import { describe, expect, it } from 'vitest';
import { bounds } from './bounds';
import { ServiceEventMessages } from './eventMessages';
import { boundCounts, describe1, messages, runToSteady, serviceWorld, watch } from './testWorld';

interface Row {
  desired: number;
  min: number;
  max: number;
  lower: number;
  upper: number;
}

const ROWS: Row[] = [
  { desired: 4, min: 50, max: 200, lower: 2, upper: 8 },
  { desired: 4, min: 100, max: 200, lower: 4, upper: 8 },
  { desired: 2, min: 75, max: 100, lower: 2, upper: 2 },
  { desired: 3, min: 100, max: 125, lower: 3, upper: 3 },
  { desired: 4, min: 100, max: 100, lower: 4, upper: 4 },
  { desired: 1, min: 0, max: 100, lower: 0, upper: 1 },
  { desired: 1, min: 100, max: 200, lower: 1, upper: 2 },
  { desired: 10, min: 50, max: 150, lower: 5, upper: 15 },
  { desired: 3, min: 50, max: 200, lower: 2, upper: 6 },
];

/** A steady service at `row`, then a new task definition revision deployed; returns the world. */
function deployOnce(row: Row) {
  const w = serviceWorld({ instances: 3 });
  const { sim, cluster } = w;
  const created = sim.ecs.createService({
    cluster,
    serviceName: 'api',
    taskDefinition: 'web',
    desiredCount: row.desired,
    deploymentConfiguration: { minimumHealthyPercent: row.min, maximumPercent: row.max },
  });
  expect(runToSteady(sim, cluster, 'api')).toBe(true);
  sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128, cpu: 128 }] });
  const before = messages(sim, cluster, 'api').length;
  sim.ecs.updateService({ cluster, service: 'api', taskDefinition: 'web' });
  sim.advance(0); // the reconcile booked by UpdateService
  const first = messages(sim, cluster, 'api').slice(before);
  return { ...w, serviceArn: created.service!.serviceArn!, first };
}

const started = (ms: string[]) => ms.filter((m) => m.includes('has started')).reduce((n, m) => n + Number(/has started (\d+) tasks/.exec(m)![1]), 0);
const stopped = (ms: string[]) => ms.filter((m) => m.includes('has stopped')).reduce((n, m) => n + Number(/has stopped (\d+) running/.exec(m)![1]), 0);

describe('§7.2 worked examples', () => {
  for (const row of ROWS) {
    it(`desired ${row.desired}, min ${row.min}%, max ${row.max}%: lower ${row.lower}, upper ${row.upper}`, () => {
      expect(bounds(row.desired, row.min, row.max)).toEqual({ lower: row.lower, upper: row.upper });
    });
  }

  it('4 / 50 / 200: stops 2 old and starts 4 new at once, then completes', () => {
    const row = ROWS[0];
    const { sim, cluster, serviceArn, first } = deployOnce(row);
    expect(stopped(first)).toBe(2);
    expect(started(first)).toBe(4);
    let minHealthy = Infinity;
    let maxInFlight = 0;
    const done = watch(
      sim,
      () => {
        const c = boundCounts(sim, serviceArn);
        minHealthy = Math.min(minHealthy, c.healthy);
        maxInFlight = Math.max(maxInFlight, c.inFlight);
      },
      () => describe1(sim, cluster, 'api').deployments!.length === 1 && describe1(sim, cluster, 'api').deployments![0].rolloutState === 'COMPLETED',
      30 * 60_000,
    );
    expect(done).toBe(true);
    expect(minHealthy).toBeGreaterThanOrEqual(row.lower);
    expect(maxInFlight).toBeLessThanOrEqual(row.upper);
  });

  it('4 / 100 / 200: starts 4 new, stops old only as new ones become healthy', () => {
    const row = ROWS[1];
    const { sim, cluster, serviceArn, first } = deployOnce(row);
    expect(started(first)).toBe(4);
    expect(stopped(first)).toBe(0);
    let minHealthy = Infinity;
    let maxInFlight = 0;
    expect(
      watch(
        sim,
        () => {
          const c = boundCounts(sim, serviceArn);
          minHealthy = Math.min(minHealthy, c.healthy);
          maxInFlight = Math.max(maxInFlight, c.inFlight);
        },
        () => describe1(sim, cluster, 'api').deployments![0].rolloutState === 'COMPLETED' && describe1(sim, cluster, 'api').deployments!.length === 1,
        30 * 60_000,
      ),
    ).toBe(true);
    expect(minHealthy).toBe(4);
    expect(maxInFlight).toBe(8);
  });

  for (const row of [ROWS[2], ROWS[3], ROWS[4]]) {
    it(`${row.desired} / ${row.min} / ${row.max}: can neither stop nor start, so ECS reports the deadlock`, () => {
      const { sim, cluster, first } = deployOnce(row);
      expect(started(first)).toBe(0);
      expect(stopped(first)).toBe(0);
      expect(first).toContain(ServiceEventMessages.deploymentConfigurationDeadlock('api'));
      expect(first).toContain(
        '(service api) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
      );
      sim.advance(10 * 60_000);
      const s = describe1(sim, cluster, 'api');
      expect(s.deployments!.map((d) => [d.status, d.runningCount, d.rolloutState])).toEqual([
        ['PRIMARY', 0, 'IN_PROGRESS'],
        ['ACTIVE', row.desired, 'COMPLETED'],
      ]);
      // reported once while the cause lasts (the six-hour duplicate rule)
      expect(messages(sim, cluster, 'api').filter((m) => m.includes('unable to stop or start')).length).toBe(1);
    });
  }

  it('1 / 0 / 100: stops the old task first, starts the new one once the old has left RUNNING (downtime)', () => {
    const row = ROWS[5];
    const { sim, cluster, serviceArn, first } = deployOnce(row);
    expect(stopped(first)).toBe(1);
    expect(started(first)).toBe(0);
    let minRunning = Infinity;
    let maxInFlight = 0;
    expect(
      watch(
        sim,
        () => {
          const c = boundCounts(sim, serviceArn);
          minRunning = Math.min(minRunning, c.running);
          maxInFlight = Math.max(maxInFlight, c.inFlight);
        },
        () => describe1(sim, cluster, 'api').deployments![0].rolloutState === 'COMPLETED' && describe1(sim, cluster, 'api').deployments!.length === 1,
        30 * 60_000,
      ),
    ).toBe(true);
    expect(minRunning).toBe(0);
    expect(maxInFlight).toBe(1);
  });

  it('1 / 100 / 200: starts the new task, waits for it to be healthy, then stops the old one', () => {
    const row = ROWS[6];
    const { sim, cluster, serviceArn, first } = deployOnce(row);
    expect(started(first)).toBe(1);
    expect(stopped(first)).toBe(0);
    let minHealthy = Infinity;
    expect(
      watch(
        sim,
        () => (minHealthy = Math.min(minHealthy, boundCounts(sim, serviceArn).healthy)),
        () => describe1(sim, cluster, 'api').deployments![0].rolloutState === 'COMPLETED' && describe1(sim, cluster, 'api').deployments!.length === 1,
        30 * 60_000,
      ),
    ).toBe(true);
    expect(minHealthy).toBe(1);
  });

  it('10 / 50 / 150: stops 5 old and starts 5 extra at once, then completes within the bounds', () => {
    const row = ROWS[7];
    const { sim, cluster, serviceArn, first } = deployOnce(row);
    expect(stopped(first)).toBe(5);
    expect(started(first)).toBe(5);
    let minHealthy = Infinity;
    let maxInFlight = 0;
    expect(
      watch(
        sim,
        () => {
          const c = boundCounts(sim, serviceArn);
          minHealthy = Math.min(minHealthy, c.healthy);
          maxInFlight = Math.max(maxInFlight, c.inFlight);
        },
        () => describe1(sim, cluster, 'api').deployments![0].rolloutState === 'COMPLETED' && describe1(sim, cluster, 'api').deployments!.length === 1,
        30 * 60_000,
      ),
    ).toBe(true);
    expect(minHealthy).toBeGreaterThanOrEqual(5);
    expect(maxInFlight).toBeLessThanOrEqual(15);
  });

  it('3 / 50 / 200: stops 1 old at once and starts 3 new', () => {
    const row = ROWS[8];
    const { sim, cluster, first } = deployOnce(row);
    expect(stopped(first)).toBe(1);
    expect(started(first)).toBe(3);
    expect(runToSteady(sim, cluster, 'api')).toBe(true);
  });
});
