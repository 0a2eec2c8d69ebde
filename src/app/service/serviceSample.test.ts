import { describe, expect, it } from 'vitest';
import { describe1, runToSteady, serviceWorld } from '../../core/scheduler/testWorld';
import { lbWorld, webService } from '../../core/elb/testWorld';
import { sampleService } from './serviceSample';

describe('sampleService', () => {
  it('counts desired, running, pending and healthy per deployment as DescribeServices does', () => {
    const { sim, cluster } = serviceWorld();
    const arn = sim.ecs.createService({ cluster, serviceName: 'web', taskDefinition: 'web', desiredCount: 4 }).service!.serviceArn!;
    sim.advance(1_000);
    const early = sampleService(sim.state, arn)!;
    const described = describe1(sim, cluster, 'web');
    expect(early.desired).toBe(4);
    expect(early.running).toBe(described.runningCount);
    expect(early.pending).toBe(described.pendingCount);
    expect(early.revisions).toHaveLength(1);
    expect(early.revisions[0]).toMatchObject({ label: 'web:1', status: 'PRIMARY', desired: 4, healthy: 0 });
    expect(runToSteady(sim, cluster, 'web')).toBe(true);
    sim.advance(45_000);
    const steady = sampleService(sim.state, arn)!;
    expect(steady.revisions[0]).toMatchObject({ running: 4, pending: 0, healthy: 4, rolloutState: 'COMPLETED' });
    expect(steady.revisions[0].traffic).toBeUndefined();
  });

  it('gives the rolling-update bounds ceil(desired × min%) and floor(desired × max%) and the breaker threshold', () => {
    const { sim, cluster } = serviceWorld();
    const arn = sim.ecs.createService({
      cluster,
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 3,
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 125, deploymentCircuitBreaker: { enable: true, rollback: true } },
    }).service!.serviceArn!;
    const s = sampleService(sim.state, arn)!;
    expect(s.lower).toBe(2);
    expect(s.upper).toBe(3);
    expect(s.threshold).toBe(3);
    expect(s.failed).toBe(0);
  });

  it('leaves the threshold out when the circuit breaker is off', () => {
    const { sim, cluster } = serviceWorld();
    const arn = sim.ecs.createService({ cluster, serviceName: 'web', taskDefinition: 'web', desiredCount: 1 }).service!.serviceArn!;
    expect(sampleService(sim.state, arn)!.threshold).toBeUndefined();
    expect(sampleService(sim.state, 'arn:aws:ecs:us-east-1:123456789012:service/demo/nope')).toBeUndefined();
  });

  it('shows one row per deployment during a rolling update, the new one PRIMARY', () => {
    const { sim, cluster } = serviceWorld();
    const arn = sim.ecs.createService({ cluster, serviceName: 'web', taskDefinition: 'web', desiredCount: 2 }).service!.serviceArn!;
    expect(runToSteady(sim, cluster, 'web')).toBe(true);
    sim.ecs.registerTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128, cpu: 128 }] });
    sim.ecs.updateService({ cluster, service: 'web', taskDefinition: 'web:2' });
    sim.advance(2_000);
    const s = sampleService(sim.state, arn)!;
    expect(s.revisions.map((r) => [r.label, r.status])).toEqual([
      ['web:2', 'PRIMARY'],
      ['web:1', 'ACTIVE'],
    ]);
    expect(s.revisions[1].running).toBe(2);
  });

  it('splits load-balanced traffic per revision by the listener weights and healthy targets', () => {
    const w = lbWorld();
    const arn = webService(w).serviceArn!;
    expect(runToSteady(w.sim, 'lb', 'web')).toBe(true);
    w.sim.advance(5 * 60_000);
    const s = sampleService(w.sim.state, arn)!;
    expect(s.revisions[0].traffic).toBe(100);
  });

  it('follows a CANARY shift: the canary percent of production traffic on the new revision, then all of it', () => {
    const w = lbWorld();
    const arn = webService(w, {
      deploymentConfiguration: { strategy: 'CANARY', bakeTimeInMinutes: 0, canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 5 } },
      loadBalancers: [
        {
          targetGroupArn: w.blueTg,
          containerName: 'web',
          containerPort: 80,
          advancedConfiguration: { alternateTargetGroupArn: w.greenTg, productionListenerRule: w.prodRule, testListenerRule: w.testRule, roleArn: 'arn:aws:iam::123456789012:role/ecs-lb' },
        },
      ],
    }).serviceArn!;
    const svc = () => w.sim.state.services[arn];
    const completed = () => svc().deployments.length === 1 && svc().deployments[0].rolloutState === 'COMPLETED' && svc().deployments[0].sd.status !== 'IN_PROGRESS';
    expect(w.sim.runUntil(completed, { maxMs: 60 * 60_000 })).toBe(true);
    w.sim.ecs.updateService({ cluster: 'lb', service: 'web', forceNewDeployment: true });
    const green = svc().deployments[0].id;
    const shares: number[] = [];
    w.sim.runUntil(
      () => {
        const share = sampleService(w.sim.state, arn)!.revisions.find((r) => r.id === green)?.traffic;
        if (share !== undefined && shares[shares.length - 1] !== share) shares.push(share);
        return completed();
      },
      { maxMs: 60 * 60_000 },
    );
    expect(shares).toEqual([0, 20, 100]);
  });
});
