import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentRates } from './traffic';
import { lbWorld, webService } from './testWorld';

describe('simulated request stream', () => {
  it('splits a listener’s requests by rule weights, then evenly over the healthy targets of each group', () => {
    const w = lbWorld();
    const { sim } = w;
    sim.elbv2.registerTargets({ TargetGroupArn: w.blueTg, Targets: [{ Id: '10.0.1.1' }, { Id: '10.0.1.2' }] });
    sim.elbv2.registerTargets({ TargetGroupArn: w.greenTg, Targets: [{ Id: '10.0.2.1' }] });
    sim.elbv2.setRequestRate({ ListenerArn: w.prodListener, RequestsPerSecond: 200 });
    sim.elbv2.setRequestRate({ ListenerArn: w.testListener, RequestsPerSecond: 0 });
    sim.elbv2.modifyListener({
      ListenerArn: w.prodListener,
      DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: w.blueTg, Weight: 3 }, { TargetGroupArn: w.greenTg, Weight: 1 }] } }],
    });
    // Before the targets are healthy nothing can be served: the load balancer answers 503.
    expect(currentRates(sim.state as never).unrouted).toBe(200);
    sim.advance(150_000);
    const rates = sim.elbv2.describeTrafficCounters().Rates;
    expect(rates.perTarget).toEqual({
      [`${w.blueTg}|10.0.1.1:80`]: 75,
      [`${w.blueTg}|10.0.1.2:80`]: 75,
      [`${w.greenTg}|10.0.2.1:80`]: 50,
    });
    expect(rates.unrouted).toBe(0);
    sim.advance(10_000);
    const totals = sim.elbv2.describeTrafficCounters().Totals;
    expect(totals.perTarget[`${w.greenTg}|10.0.2.1:80`]).toBe(500);
    expect(totals.unrouted).toBe(150 * 200);
  });

  it('counts requests per service revision, so a canary’s share is a real number', () => {
    const w = lbWorld();
    const { sim } = w;
    webService(w, {
      desiredCount: 2,
      deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 10 }, bakeTimeInMinutes: 0 },
      loadBalancers: [{ targetGroupArn: w.blueTg, containerName: 'web', containerPort: 80, advancedConfiguration: { alternateTargetGroupArn: w.greenTg, productionListenerRule: w.prodRule, testListenerRule: w.testRule } }],
    });
    sim.elbv2.setRequestRate({ ListenerArn: w.testListener, RequestsPerSecond: 0 });
    sim.runUntil(() => Object.values(sim.state.services)[0].deployments[0].rolloutState === 'COMPLETED', { maxMs: 30 * 60_000 });
    sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
    const svc = () => Object.values(sim.state.services)[0];
    sim.runUntil(() => svc().deployments[0].bg?.productionPercent === 10, { maxMs: 30 * 60_000 });
    const green = svc().deployments[0].serviceRevisionArn;
    const blue = svc().deployments[1].serviceRevisionArn;
    expect(sim.elbv2.describeTrafficCounters().Rates.perRevision).toEqual({ [green]: 10, [blue]: 90 });
  });

  it('production traffic only ever goes to healthy targets (random faults, rates and weights)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            advance: fc.integer({ min: 1_000, max: 120_000 }),
            weight: fc.integer({ min: 0, max: 100 }),
            fail: fc.option(fc.constantFrom('code', 'timeout', 'none') as fc.Arbitrary<'code' | 'timeout' | 'none'>, { nil: undefined }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        (steps) => {
          const w = lbWorld(3);
          const { sim } = w;
          webService(w, { desiredCount: 2 });
          for (const s of steps) {
            sim.elbv2.modifyListener({
              ListenerArn: w.prodListener,
              DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: w.blueTg, Weight: 100 - s.weight }, { TargetGroupArn: w.greenTg, Weight: s.weight }] } }],
            });
            const live = Object.values(sim.state.tasks).filter((t) => t.lastStatus === 'RUNNING');
            if (s.fail && live[0]) sim.faults.failTargetHealthChecks(live[0].taskArn, { failure: s.fail });
            const ok = sim.runUntil(
              () => {
                const rates = sim.state.elb.traffic.rates.perTarget;
                for (const key of Object.keys(rates)) {
                  const [tg, target] = key.split('|');
                  if (sim.state.elb.targetGroups[tg]?.targets[target]?.state !== 'healthy') return true;
                }
                return false;
              },
              { maxMs: s.advance },
            );
            if (ok) return false;
          }
          return true;
        },
      ),
      { numRuns: 15, seed: 42 },
    );
  });
});
