import { describe, expect, it } from 'vitest';
import { activityLog, cpuTracking, desired, running, scalingWorld } from './testWorld';

const MIN = 60_000;

/** Advances to the next whole minute plus 1 ms, then `minutes` more whole minutes. */
function toMinute(sim: ReturnType<typeof scalingWorld>['sim'], minute: number): void {
  sim.advance(minute * MIN + 1 - sim.now());
}

describe('target tracking on ECSServiceAverageCPUUtilization', () => {
  it('a ramp scales out step by step, 3 datapoints over target each time, the 300 s scale-out cooldown between steps', () => {
    const { sim } = scalingWorld({ desiredCount: 2 });
    cpuTracking(sim, 1, 10);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'ramp', from: 10, to: 100, durationMs: 20 * MIN } });
    toMinute(sim, 30);
    expect(activityLog(sim)).toEqual([
      [6, 'Setting desired count to 3.', 'Successfully set desired count to 3. Change successfully fulfilled by ecs.'],
      [11, 'Setting desired count to 5.', 'Successfully set desired count to 5. Change successfully fulfilled by ecs.'],
      [16, 'Setting desired count to 7.', 'Successfully set desired count to 7. Change successfully fulfilled by ecs.'],
      [21, 'Setting desired count to 9.', 'Successfully set desired count to 9. Change successfully fulfilled by ecs.'],
    ]);
    expect([desired(sim), running(sim)]).toEqual([9, 9]);
  });

  it('the Cause names the high alarm and the policy, as AWS writes it', () => {
    const { sim } = scalingWorld({ desiredCount: 2 });
    cpuTracking(sim, 1, 10);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 60 } });
    toMinute(sim, 4);
    const high = sim.state.autoscaling.targets['service/demo/web'].policies.cpu50.alarmNames[0];
    expect(high).toMatch(/^TargetTracking-service\/demo\/web-AlarmHigh-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const a = sim.applicationAutoScaling.describeScalingActivities({ ServiceNamespace: 'ecs', ResourceId: 'service/demo/web' }).ScalingActivities![0] as Record<string, unknown>;
    expect(a).toMatchObject({
      ServiceNamespace: 'ecs',
      ResourceId: 'service/demo/web',
      ScalableDimension: 'ecs:service:DesiredCount',
      // 30 requests/s per 256-unit task saturate it: CPU 100 % → ⌈2 × 100 / 50⌉ = 4
      Description: 'Setting desired count to 4.',
      Cause: `monitor alarm ${high} in state ALARM triggered policy cpu50`,
      StatusCode: 'Successful',
      StatusMessage: 'Successfully set desired count to 4. Change successfully fulfilled by ecs.',
    });
    expect(Object.keys(a)).toEqual(['ActivityId', 'ServiceNamespace', 'ResourceId', 'ScalableDimension', 'Description', 'Cause', 'StartTime', 'EndTime', 'StatusCode', 'StatusMessage']);
  });

  it('scales back in only after 15 datapoints under 90 % of the target, then again after the 300 s scale-in cooldown', () => {
    const { sim } = scalingWorld({ desiredCount: 9 });
    cpuTracking(sim, 1, 10);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 35 } });
    toMinute(sim, 14);
    expect(desired(sim)).toBe(9);
    toMinute(sim, 40);
    // 9 tasks at 17.6 % → ⌈9 × 17.6 / 50⌉ = 4; 4 tasks at 37 % (< 45) → after the cooldown ⌈4 × 37 / 50⌉ = 3; 3 tasks at 48.7 % stay
    expect(activityLog(sim).map(([m, d]) => [m, d])).toEqual([
      [15, 'Setting desired count to 4.'],
      [20, 'Setting desired count to 3.'],
    ]);
  });

  it('a spike scales out once it has lasted 3 minutes, again when the cooldown ends while tasks stay saturated, and back in 15 minutes after it ends', () => {
    const { sim } = scalingWorld({ desiredCount: 2 });
    cpuTracking(sim, 2, 20);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'spike', base: 10, peak: 200, atMs: 10 * MIN, durationMs: 10 * MIN } });
    toMinute(sim, 60);
    // 200 requests/s from 10:08 to 20:08 saturate the tasks (CPU 100 %): datapoints of minutes 11–13 → ⌈2 × 100 / 50⌉ = 4;
    // still 100 % when the cooldown ends → 8; below 45 % from minute 21, so the low alarm fires at minute 35 → the minimum, 2
    expect(activityLog(sim).map(([m, d]) => [m, d])).toEqual([
      [13, 'Setting desired count to 4.'],
      [18, 'Setting desired count to 8.'],
      [35, 'Setting desired count to 2.'],
    ]);
  });

  it('MaxCapacity caps a scale-out; the blocked ask is a not scaled activity with AlreadyAtMaxCapacity, recorded once', () => {
    const { sim } = scalingWorld({ desiredCount: 2 });
    cpuTracking(sim, 1, 4);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 150 } });
    toMinute(sim, 20);
    expect(desired(sim)).toBe(4);
    const all = sim.applicationAutoScaling.describeScalingActivities({ ServiceNamespace: 'ecs', IncludeNotScaledActivities: true }).ScalingActivities as Record<string, unknown>[];
    expect(all.map((a) => [a.Description, a.StatusCode, a.NotScaledReasons])).toEqual([
      ['Attempting to scale due to alarm triggered', 'Failed', [{ Code: 'AlreadyAtMaxCapacity', MaxCapacity: 4 }]],
      ['Setting desired count to 4.', 'Successful', undefined],
    ]);
    expect(all[0]).not.toHaveProperty('EndTime');
    expect(sim.applicationAutoScaling.describeScalingActivities({ ServiceNamespace: 'ecs' }).ScalingActivities).toHaveLength(1);
  });

  it('MinCapacity floors a scale-in; no load at all scales in to the minimum, not below', () => {
    const { sim } = scalingWorld({ desiredCount: 6 });
    cpuTracking(sim, 3, 10);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 0 } });
    toMinute(sim, 60);
    expect(desired(sim)).toBe(3);
    const all = sim.applicationAutoScaling.describeScalingActivities({ ServiceNamespace: 'ecs', IncludeNotScaledActivities: true }).ScalingActivities as Record<string, unknown>[];
    expect(all.map((a) => [a.Description, a.NotScaledReasons])).toEqual([
      ['Attempting to scale due to alarm triggered', [{ Code: 'AlreadyAtMinCapacity', MinCapacity: 3 }]],
      ['Setting desired count to 3.', undefined],
    ]);
  });

  it('DisableScaleIn creates only the high alarm and never scales in', () => {
    const { sim } = scalingWorld({ desiredCount: 5 });
    cpuTracking(sim, 1, 10, { DisableScaleIn: true });
    const alarms = sim.cloudwatch.describeAlarms({}).MetricAlarms;
    expect(alarms.map((a) => String(a.AlarmName).replace(/-[0-9a-f-]{36}$/, ''))).toEqual(['TargetTracking-service/demo/web-AlarmHigh']);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 1 } });
    toMinute(sim, 60);
    expect(desired(sim)).toBe(5);
    expect(activityLog(sim, true)).toEqual([]);
  });

  it('scale-in is suspended while a deployment is IN_PROGRESS; scale-out goes on', () => {
    const { sim } = scalingWorld({ desiredCount: 6 });
    cpuTracking(sim, 1, 10, { ScaleInCooldown: 60 });
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 5 } });
    toMinute(sim, 14);
    // A deployment that cannot finish: the new revision's image cannot be pulled.
    sim.faults.makeImageUnpullable('nginx:broken');
    sim.ecs.registerTaskDefinition({ family: 'web', cpu: '256', memory: '512', containerDefinitions: [{ name: 'web', image: 'nginx:broken', essential: true }] });
    sim.ecs.updateService({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    toMinute(sim, 40);
    const svc = sim.ecs.describeServices({ cluster: 'demo', services: ['web'] }).services![0];
    expect(svc.deployments![0].rolloutState).toBe('IN_PROGRESS');
    expect(desired(sim)).toBe(6);
    expect(activityLog(sim, true)).toEqual([]);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 300 } });
    toMinute(sim, 45);
    expect(activityLog(sim).map(([, d]) => d)).toEqual(['Setting desired count to 10.']);
  });

  it('the desired count changes through UpdateService: the service logs its task starts, and no new deployment begins', () => {
    const { sim } = scalingWorld({ desiredCount: 2 });
    const before = sim.ecs.describeServices({ cluster: 'demo', services: ['web'] }).services![0].deployments![0].id;
    cpuTracking(sim, 1, 10);
    sim.faults.setLoad({ cluster: 'demo', service: 'web', profile: { type: 'constant', rps: 60 } });
    toMinute(sim, 6);
    const svc = sim.ecs.describeServices({ cluster: 'demo', services: ['web'] }).services![0];
    expect(svc.deployments!.map((d) => [d.id, d.desiredCount])).toEqual([[before, 4]]);
    const updated = sim.events.filter((e) => e.type === 'service.updated');
    expect(updated.map((e) => [e.time, e.message])).toEqual([[3 * MIN, 'Service web updated.']]);
    expect(svc.events!.some((e) => /^\(service web\) has started 2 tasks: /.test(e.message!))).toBe(true);
  });
});
