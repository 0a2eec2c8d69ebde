/**
 * Whatever a learner does to a service (scale it, deploy, stop its tasks, crash them or make their
 * health checks fail for a while, drain and reactivate instances), once left alone it converges: one COMPLETED deployment, desiredCount tasks RUNNING on
 * ACTIVE instances, the steady-state event last, and counts that agree with the task records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describe1, messages, serviceWorld } from './testWorld';

type Action =
  | { kind: 'scale'; n: number }
  | { kind: 'deploy' }
  | { kind: 'stopTask'; pick: number }
  | { kind: 'drain'; instance: number }
  | { kind: 'activate'; instance: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'crash'; pick: number }
  | { kind: 'sick'; pick: number; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('scale' as const), n: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant('deploy' as const) }),
  fc.record({ kind: fc.constant('stopTask' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('drain' as const), instance: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('activate' as const), instance: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 90_000 }) }),
  fc.record({ kind: fc.constant('crash' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('sick' as const), pick: fc.nat(), ms: fc.integer({ min: 1_000, max: 120_000 }) }),
);

const HC = { command: ['CMD-SHELL', 'curl -f localhost'], interval: 10, timeout: 2, retries: 2 };

describe('service convergence', () => {
  it('reaches steady state after any sequence of scaling, deployments, task stops, crashes, failing health checks and draining', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), fc.integer({ min: 1, max: 500 }), (actions, seed) => {
        const { sim, cluster, instanceIds } = serviceWorld({ instances: 3, seed });
        sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.1', memory: 128, healthCheck: HC }] });
        sim.ecs.createService({ cluster, serviceName: 'api', taskDefinition: 'web', desiredCount: 3, deploymentConfiguration: { minimumHealthyPercent: 50 } });
        let revision = 2;
        const running = () =>
          Object.values(sim.state.tasks).filter((t) => t.group === 'service:api' && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING');
        for (const a of actions) {
          if (a.kind === 'scale') sim.ecs.updateService({ cluster, service: 'api', desiredCount: a.n });
          else if (a.kind === 'deploy') {
            revision++;
            sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: `nginx:1.${revision}`, memory: 128, healthCheck: HC }] });
            sim.ecs.updateService({ cluster, service: 'api', taskDefinition: 'web' });
          } else if (a.kind === 'stopTask') {
            const arns = sim.ecs.listTasks({ cluster, serviceName: 'api' }).taskArns!;
            if (arns.length > 0) sim.ecs.stopTask({ cluster, task: arns[a.pick % arns.length] });
          } else if (a.kind === 'drain' || a.kind === 'activate') {
            const arn = sim.state.ec2Instances[instanceIds[a.instance]].containerInstanceArn!;
            sim.ecs.updateContainerInstancesState({ cluster, containerInstances: [arn], status: a.kind === 'drain' ? 'DRAINING' : 'ACTIVE' });
          } else if (a.kind === 'crash' || a.kind === 'sick') {
            const live = running();
            if (live.length === 0) continue;
            const t = live[a.pick % live.length];
            if (a.kind === 'crash') sim.faults.crashContainer(t.taskArn, 'web');
            else sim.faults.failHealthCheck(t.taskArn, 'web', { forMs: a.ms });
          } else sim.advance(a.ms);
        }
        // Leave at least one instance ACTIVE so the service can run somewhere.
        const first = sim.state.ec2Instances[instanceIds[0]].containerInstanceArn!;
        sim.ecs.updateContainerInstancesState({ cluster, containerInstances: [first], status: 'ACTIVE' });
        sim.advance(30 * 60_000);
        const s = describe1(sim, cluster, 'api');
        expect(s.deployments!.map((d) => [d.status, d.rolloutState])).toEqual([['PRIMARY', 'COMPLETED']]);
        expect(s.taskDefinition).toMatch(new RegExp(`web:${revision}$`));
        expect(s.runningCount).toBe(s.desiredCount);
        expect(s.pendingCount).toBe(0);
        const mine = Object.values(sim.state.tasks).filter((t) => t.group === 'service:api' && t.lastStatus !== 'STOPPED');
        expect(mine).toHaveLength(s.desiredCount!);
        for (const t of mine) expect(sim.state.containerInstances[t.containerInstanceArn!].status).toBe('ACTIVE');
        expect(messages(sim, cluster, 'api').filter((m) => !m.includes('AZ')).at(-1)).toBe('(service api) has reached a steady state.');
      }),
      { numRuns: 40, seed: 424242 },
    );
  }, 120_000);
});
