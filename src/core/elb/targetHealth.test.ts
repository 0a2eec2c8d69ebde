import { describe, expect, it } from 'vitest';
import { lbWorld, webService } from './testWorld';

function healthOf(w: ReturnType<typeof lbWorld>, tg: string) {
  return w.sim.elbv2.describeTargetHealth({ TargetGroupArn: tg }).TargetHealthDescriptions.map((d) => d.TargetHealth);
}

describe('target health checks', () => {
  it('a task registers in ACTIVATING as initial (Elb.RegistrationInProgress) and turns healthy after healthyThreshold × interval', () => {
    const w = lbWorld();
    webService(w, { desiredCount: 1 });
    const { sim } = w;
    const registered = sim.runUntil(() => Object.keys(sim.state.elb.targetGroups[w.blueTg].targets).length > 0, { maxMs: 60_000 });
    expect(registered).toBe(true);
    const task = Object.values(sim.state.tasks)[0];
    expect(task.lastStatus).toBe('ACTIVATING');
    const [target] = Object.values(sim.state.elb.targetGroups[w.blueTg].targets);
    const registeredAt = target.registeredAt;
    expect(healthOf(w, w.blueTg)).toEqual([{ State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' }]);
    sim.advance(registeredAt + 30_000 - sim.now());
    expect(healthOf(w, w.blueTg)).toEqual([{ State: 'initial', Reason: 'Elb.InitialHealthChecking', Description: 'Initial health checks in progress' }]);
    sim.advance(registeredAt + 4 * 30_000 - sim.now());
    expect(healthOf(w, w.blueTg)[0].State).toBe('initial');
    sim.advance(registeredAt + 5 * 30_000 - sim.now());
    expect(healthOf(w, w.blueTg)).toEqual([{ State: 'healthy' }]);
  });

  it('health check settings change the numbers: healthy threshold 2 × interval 10 s = 20 s', () => {
    const w = lbWorld(5, { HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 2 });
    webService(w, { desiredCount: 1 });
    const { sim } = w;
    sim.runUntil(() => Object.keys(sim.state.elb.targetGroups[w.blueTg].targets).length > 0, { maxMs: 60_000 });
    const [target] = Object.values(sim.state.elb.targetGroups[w.blueTg].targets);
    sim.advance(target.registeredAt + 20_000 - 1 - sim.now());
    expect(healthOf(w, w.blueTg)[0].State).toBe('initial');
    sim.advance(1);
    expect(healthOf(w, w.blueTg)[0].State).toBe('healthy');
  });

  it('a failing target turns unhealthy after unhealthyThreshold × interval with ELB reason codes, and ECS replaces the task after the grace period', () => {
    const w = lbWorld(5);
    webService(w, { desiredCount: 1, healthCheckGracePeriodSeconds: 60 });
    const { sim } = w;
    sim.runUntil(() => healthOf(w, w.blueTg)[0]?.State === 'healthy', { maxMs: 10 * 60_000 });
    const taskArn = Object.keys(sim.state.tasks)[0];
    sim.faults.failTargetHealthChecks(taskArn, { failure: 'code' });
    const t0 = sim.now();
    sim.runUntil(() => healthOf(w, w.blueTg)[0]?.State === 'unhealthy', { maxMs: 5 * 60_000 });
    const failedAfter = sim.now() - t0;
    expect(failedAfter).toBeGreaterThan(30_000);
    expect(failedAfter).toBeLessThanOrEqual(60_000);
    expect(healthOf(w, w.blueTg)[0]).toEqual({ State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [502]' });
    sim.runUntil(() => sim.state.tasks[taskArn].desiredStatus === 'STOPPED', { maxMs: 5 * 60_000 });
    expect(sim.state.tasks[taskArn].stoppedReason).toBe(`Task failed ELB health checks in (target-group ${w.blueTg})`);
    const events = sim.ecs.describeServices({ cluster: 'lb', services: ['web'] }).services![0].events!.map((e) => e.message);
    const taskId = taskArn.split('/').pop();
    const port = Object.values(sim.state.elb.targetGroups[w.blueTg].targets)[0].port;
    expect(events).toContain(`(service web) (task ${taskId}) (port ${port}) is unhealthy in (target-group ${w.blueTg}) due to (reason Health checks failed with these codes: [502])`);
  });

  it('a deregistered task waits in DEACTIVATING for the deregistration delay (300 s by default)', () => {
    const w = lbWorld();
    webService(w, { desiredCount: 1 });
    const { sim } = w;
    sim.runUntil(() => healthOf(w, w.blueTg)[0]?.State === 'healthy', { maxMs: 10 * 60_000 });
    const taskArn = Object.keys(sim.state.tasks)[0];
    sim.ecs.updateService({ cluster: 'lb', service: 'web', desiredCount: 0 });
    sim.runUntil(() => sim.state.tasks[taskArn].lastStatus === 'DEACTIVATING', { maxMs: 60_000 });
    const at = sim.now();
    expect(healthOf(w, w.blueTg)).toEqual([{ State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' }]);
    sim.advance(299_000);
    expect(sim.state.tasks[taskArn].lastStatus).toBe('DEACTIVATING');
    sim.advance(1_000);
    expect(sim.state.tasks[taskArn].lastStatus).toBe('STOPPING');
    expect(sim.now() - at).toBe(300_000);
    expect(healthOf(w, w.blueTg)).toEqual([]);
    const messages = sim.ecs.describeServices({ cluster: 'lb', services: ['web'] }).services![0].events!.map((e) => e.message!).reverse();
    const depId = sim.state.services[Object.keys(sim.state.services)[0]].deployments[0].id;
    expect(messages.filter((m) => /targets in|draining/.test(m))).toEqual([
      `(service web) registered 1 targets in (target-group ${w.blueTg})`,
      `(service web) deregistered 1 targets in (target-group ${w.blueTg})`,
      `(service web, taskSet ${depId}) has begun draining connections on 1 tasks.`,
    ]);
  });

  it('a deregistration delay of 0 lets the task leave DEACTIVATING at once', () => {
    const w = lbWorld();
    w.sim.elbv2.modifyTargetGroupAttributes({ TargetGroupArn: w.blueTg, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '0' }] });
    webService(w, { desiredCount: 1 });
    const { sim } = w;
    sim.runUntil(() => healthOf(w, w.blueTg)[0]?.State === 'healthy', { maxMs: 10 * 60_000 });
    const taskArn = Object.keys(sim.state.tasks)[0];
    sim.ecs.updateService({ cluster: 'lb', service: 'web', desiredCount: 0 });
    sim.runUntil(() => sim.state.tasks[taskArn].lastStatus === 'DEACTIVATING', { maxMs: 60_000 });
    sim.advance(10);
    expect(sim.state.tasks[taskArn].lastStatus).toBe('STOPPING');
  });

  it('the service deployment completes only once targets are healthy', () => {
    const w = lbWorld();
    webService(w, { desiredCount: 2 });
    const { sim } = w;
    sim.runUntil(() => sim.ecs.describeServices({ cluster: 'lb', services: ['web'] }).services![0].deployments![0].rolloutState === 'COMPLETED', { maxMs: 10 * 60_000 });
    expect(healthOf(w, w.blueTg).map((h) => h.State)).toEqual(['healthy', 'healthy']);
  });
});

describe('health check settings', () => {
  it('defaults follow ELB: interval 30, timeout 6 (HTTP), healthy 5, unhealthy 2; deregistration delay 300', () => {
    const w = lbWorld();
    const tg = w.sim.elbv2.describeTargetGroups({ TargetGroupArns: [w.blueTg] }).TargetGroups[0];
    expect([tg.HealthCheckIntervalSeconds, tg.HealthCheckTimeoutSeconds, tg.HealthyThresholdCount, tg.UnhealthyThresholdCount, tg.HealthCheckPath]).toEqual([30, 6, 5, 2, '/']);
    expect(w.sim.elbv2.describeTargetGroupAttributes({ TargetGroupArn: w.blueTg }).Attributes[0]).toEqual({ Key: 'deregistration_delay.timeout_seconds', Value: '300' });
  });

  it('rejects values outside the ranges', () => {
    const w = lbWorld();
    expect(() => w.sim.elbv2.createTargetGroup({ Name: 'x', HealthCheckIntervalSeconds: 301 })).toThrow('HealthCheckIntervalSeconds must be between 5 and 300');
    expect(() => w.sim.elbv2.createTargetGroup({ Name: 'x', HealthyThresholdCount: 11 })).toThrow('HealthyThresholdCount must be between 2 and 10');
    expect(() => w.sim.elbv2.createTargetGroup({ Name: 'x', UnhealthyThresholdCount: 1 })).toThrow('UnhealthyThresholdCount must be between 2 and 10');
    expect(() => w.sim.elbv2.createTargetGroup({ Name: 'x', HealthCheckTimeoutSeconds: 121 })).toThrow('HealthCheckTimeoutSeconds must be between 2 and 120');
    expect(() => w.sim.elbv2.modifyTargetGroupAttributes({ TargetGroupArn: w.blueTg, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '3601' }] })).toThrow(
      'deregistration_delay.timeout_seconds must be between 0 and 3600',
    );
  });

  it('a target group nothing forwards to shows its targets as unused (Target.NotInUse); an unknown target as Target.NotRegistered', () => {
    const w = lbWorld();
    const lone = w.sim.elbv2.createTargetGroup({ Name: 'lone', TargetType: 'ip', Port: 80 }).TargetGroups[0].TargetGroupArn;
    w.sim.elbv2.registerTargets({ TargetGroupArn: lone, Targets: [{ Id: '10.0.0.5' }] });
    expect(healthOf(w, lone)).toEqual([{ State: 'unused', Reason: 'Target.NotInUse', Description: 'Target group is not configured to receive traffic from the load balancer' }]);
    const out = w.sim.elbv2.describeTargetHealth({ TargetGroupArn: w.blueTg, Targets: [{ Id: '10.9.9.9', Port: 80 }] });
    expect(out.TargetHealthDescriptions[0].TargetHealth).toEqual({ State: 'unused', Reason: 'Target.NotRegistered', Description: 'Target is not registered to the target group' });
  });
});
