/**
 * With the circuit breaker and rollback on, any sequence of good and broken deployments (each given
 * time to finish) leaves the service on the last good revision, at its desired count, with one
 * COMPLETED deployment; every broken one is FAILED and rolled back (reference §7.4).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describe1, messages, runToSteady, serviceWorld } from './testWorld';

describe('circuit breaker rollback', () => {
  it('always ends on the last good revision', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 300 }), (good, desired, seed) => {
        const { sim, cluster } = serviceWorld({ instances: 3, seed });
        sim.faults.makeImageUnpullable('nginx:broken');
        sim.ecs.createService({
          cluster,
          serviceName: 'api',
          taskDefinition: 'web:1',
          desiredCount: desired,
          deploymentConfiguration: { minimumHealthyPercent: 50, deploymentCircuitBreaker: { enable: true, rollback: true } },
        });
        expect(runToSteady(sim, cluster, 'api')).toBe(true);
        let lastGood = 'web:1';
        let broken = 0;
        good.forEach((ok, i) => {
          const image = ok ? `nginx:1.${i}` : 'nginx:broken';
          const rev = sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image, memory: 128 }] }).taskDefinition!.revision!;
          sim.ecs.updateService({ cluster, service: 'api', taskDefinition: `web:${rev}` });
          if (ok) lastGood = `web:${rev}`;
          else broken++;
          expect(runToSteady(sim, cluster, 'api', 2 * 60 * 60_000)).toBe(true);
        });
        const s = describe1(sim, cluster, 'api');
        expect(s.taskDefinition).toMatch(new RegExp(`${lastGood}$`));
        expect(s.deployments!.map((d) => d.rolloutState)).toEqual(['COMPLETED']);
        expect(s.runningCount).toBe(desired);
        expect(messages(sim, cluster, 'api').filter((m) => m.includes('deployment failed: tasks failed to start.')).length).toBe(broken);
        expect(messages(sim, cluster, 'api').filter((m) => m.startsWith('(service api) rolling back to deployment')).length).toBe(broken);
      }),
      { numRuns: 25, seed: 777 },
    );
  }, 120_000);
});
