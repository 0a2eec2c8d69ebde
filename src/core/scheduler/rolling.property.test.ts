/**
 * Properties of rolling deployments (reference §7.1): for any desired count and bounds, from a steady
 * service, a deployment never has fewer healthy tasks than the lower bound nor more tasks in RUNNING
 * or earlier than the upper bound; it either completes or reports the documented deadlock; and the
 * service and deployment counts always agree with the task records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bounds } from './bounds';
import { ServiceEventMessages } from './eventMessages';
import { boundCounts, describe1, messages, runToSteady, serviceWorld } from './testWorld';
import type { Simulation } from '../engine/simulation';

function countsAgree(sim: Simulation, cluster: string): void {
  const s = describe1(sim, cluster, 'api');
  const mine = Object.values(sim.state.tasks).filter((t) => t.group === 'service:api');
  expect(s.runningCount).toBe(mine.filter((t) => t.lastStatus === 'RUNNING').length);
  expect(s.pendingCount).toBe(mine.filter((t) => ['PROVISIONING', 'PENDING', 'ACTIVATING'].includes(t.lastStatus)).length);
  expect(s.deployments!.reduce((n, d) => n + d.runningCount!, 0)).toBe(s.runningCount);
  expect(s.deployments!.reduce((n, d) => n + d.pendingCount!, 0)).toBe(s.pendingCount);
  for (const d of s.deployments!) {
    expect(d.runningCount).toBe(mine.filter((t) => t.startedBy === d.id && t.lastStatus === 'RUNNING').length);
  }
}

describe('rolling deployment invariants', () => {
  it('stays within [lower, upper], completes or reports the deadlock, and keeps counts consistent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(0, 25, 50, 75, 100),
        fc.constantFrom(100, 125, 150, 200),
        fc.integer({ min: 1, max: 1000 }),
        (desired, min, max, seed) => {
          const { sim, cluster } = serviceWorld({ instances: 3, seed });
          const serviceArn = sim.ecs.createService({
            cluster,
            serviceName: 'api',
            taskDefinition: 'web',
            desiredCount: desired,
            deploymentConfiguration: { minimumHealthyPercent: min, maximumPercent: max },
          }).service!.serviceArn!;
          expect(runToSteady(sim, cluster, 'api')).toBe(true);
          sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:2', memory: 128, cpu: 128 }] });
          sim.ecs.updateService({ cluster, service: 'api', taskDefinition: 'web' });
          const { lower, upper } = bounds(desired, min, max);
          const deadlock = ServiceEventMessages.deploymentConfigurationDeadlock('api');
          const finished = sim.runUntil(
            () => {
              const c = boundCounts(sim, serviceArn);
              expect(c.healthy).toBeGreaterThanOrEqual(lower);
              expect(c.inFlight).toBeLessThanOrEqual(upper);
              countsAgree(sim, cluster);
              const s = describe1(sim, cluster, 'api');
              const done = s.deployments!.length === 1 && s.deployments![0].rolloutState === 'COMPLETED';
              return done || messages(sim, cluster, 'api').includes(deadlock);
            },
            { maxMs: 60 * 60_000 },
          );
          expect(finished).toBe(true);
          if (messages(sim, cluster, 'api').includes(deadlock)) {
            // Deadlock only when neither a stop (healthy − 1 < lower) nor a start (desired ≥ upper) is possible.
            expect(desired - 1 < lower && desired >= upper).toBe(true);
          }
        },
      ),
      { numRuns: 40, seed: 20260105 },
    );
  });
});
