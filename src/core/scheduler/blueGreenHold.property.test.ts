/**
 * Whatever old (blue) tasks a learner crashes while a blue/green, linear or canary deployment runs,
 * ECS keeps blue at the desired count until CLEAN_UP, the new revision's circuit breaker never counts
 * blue's failures, and the deployment still completes on the new revision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lbWorld, webService, type LbWorld } from '../elb/testWorld';

const STRATEGIES = [
  { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 4 },
  { strategy: 'LINEAR', linearConfiguration: { stepPercent: 34, stepBakeTimeInMinutes: 1 }, bakeTimeInMinutes: 1 },
  { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 }, bakeTimeInMinutes: 1 },
];

const svcOf = (w: LbWorld) => Object.values(w.sim.state.services)[0];
const liveOf = (w: LbWorld, id: string) => Object.values(w.sim.state.tasks).filter((t) => t.startedBy === id && t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED');
const done = (w: LbWorld) => svcOf(w).deployments.length === 1 && svcOf(w).deployments[0].rolloutState === 'COMPLETED' && svcOf(w).deployments[0].sd.status !== 'IN_PROGRESS';

describe('blue is held at its count during a blue/green deployment', () => {
  it('crashing blue tasks at random moments never leaves blue short for more than a moment, nor fails the new revision', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGIES),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 5, max: 240 }), { minLength: 1, maxLength: 4 }),
        (config, desired, gaps) => {
          const w = lbWorld(9);
          webService(w, {
            desiredCount: desired,
            deploymentConfiguration: { ...config, deploymentCircuitBreaker: { enable: true, rollback: true } },
            loadBalancers: [
              {
                targetGroupArn: w.blueTg,
                containerName: 'web',
                containerPort: 80,
                advancedConfiguration: { alternateTargetGroupArn: w.greenTg, productionListenerRule: w.prodRule, testListenerRule: w.testRule },
              },
            ],
          });
          expect(w.sim.runUntil(() => done(w), { maxMs: 60 * 60_000 })).toBe(true);
          const blueId = svcOf(w).deployments[0].id;
          w.sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
          const green = svcOf(w).deployments[0];
          for (const gap of gaps) {
            w.sim.advance(gap * 1000);
            const stage = () => green.bg?.lifecycleStage;
            if (stage() === 'CLEAN_UP' || green.rolloutState !== 'IN_PROGRESS') break;
            const victim = liveOf(w, blueId).find((t) => t.lastStatus === 'RUNNING');
            if (!victim) continue;
            w.sim.faults.crashContainer(victim.taskArn, 'web', 1);
            // the crash stops the task; the next reconcile starts its replacement at once
            w.sim.advance(1_000);
            if (stage() !== 'CLEAN_UP') expect(liveOf(w, blueId).length).toBe(desired);
          }
          expect(w.sim.runUntil(() => done(w), { maxMs: 2 * 60 * 60_000 })).toBe(true);
          expect(svcOf(w).deployments[0].id).toBe(green.id);
          expect(green.failedTasks).toBe(0);
          expect(liveOf(w, blueId)).toHaveLength(0);
          expect(liveOf(w, green.id)).toHaveLength(desired);
        },
      ),
      { numRuns: 15, seed: 4242 },
    );
  }, 120_000);
});
