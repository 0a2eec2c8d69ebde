import { describe, expect, it } from 'vitest';
import type { SimState } from '../engine/state';
import { awsvpc, fargateWorld } from './fargateWorld';

describe('Fargate Spot capacity shortage', () => {
  it('RunTask on FARGATE_SPOT answers the ECS capacity failure while Spot has no capacity, and works again after', () => {
    const sim = fargateWorld();
    sim.faults.setFargateSpotCapacity('unavailable');
    const spot = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }];
    const r = sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', count: 2, capacityProviderStrategy: spot, networkConfiguration: awsvpc });
    expect(r.tasks).toEqual([]);
    expect(r.failures).toEqual([{ reason: 'Capacity is unavailable at this time. Please try again later or in a different availability zone.', detail: 'FARGATE_SPOT' }]);
    expect(sim.events.at(-1)).toMatchObject({ type: 'fault.fargateSpotCapacity', resource: 'FARGATE_SPOT' });
    // On-Demand Fargate is not affected.
    expect(sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }], networkConfiguration: awsvpc }).tasks).toHaveLength(1);
    sim.faults.setFargateSpotCapacity('available');
    expect(sim.ecs.runTask({ cluster: 'f', taskDefinition: 'api', capacityProviderStrategy: spot, networkConfiguration: awsvpc }).tasks![0].capacityProviderName).toBe('FARGATE_SPOT');
  });

  it('a one-task Spot service: interrupted, stays down with the capacity event (no fallback to FARGATE), back when capacity returns', () => {
    const sim = fargateWorld();
    const state = sim.state as SimState;
    sim.ecs.createService({ cluster: 'f', serviceName: 's', taskDefinition: 'api', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], networkConfiguration: awsvpc });
    sim.advance(2 * 60_000);
    const first = Object.values(state.tasks).find((t) => t.lastStatus === 'RUNNING')!;
    const { interrupted } = sim.faults.setFargateSpotCapacity('unavailable', { interruptRunning: true });
    expect(interrupted).toEqual([first.taskArn]);
    sim.advance(5 * 60_000);
    expect(state.tasks[first.taskArn]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.' });
    let svc = sim.ecs.describeServices({ cluster: 'f', services: ['s'] }).services![0];
    expect(svc.runningCount).toBe(0);
    expect(svc.events!.map((e) => e.message)).toContain(
      '(service s) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.',
    );
    expect(Object.values(state.tasks).filter((t) => t.desiredStatus === 'RUNNING')).toEqual([]);
    expect(sim.events.find((e) => e.type === 'service.taskPlacementFailure')?.data).toMatchObject({
      eventName: 'SERVICE_TASK_PLACEMENT_FAILURE',
      reason: 'RESOURCE:FARGATE',
      capacityProviderArns: ['arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE_SPOT'],
    });
    sim.faults.setFargateSpotCapacity('available');
    sim.advance(2 * 60_000);
    svc = sim.ecs.describeServices({ cluster: 'f', services: ['s'] }).services![0];
    expect(svc.runningCount).toBe(1);
    const live = Object.values(state.tasks).filter((t) => t.desiredStatus === 'RUNNING');
    expect(live.map((t) => t.capacityProviderName)).toEqual(['FARGATE_SPOT']);
  });

  it('a service split over FARGATE and FARGATE_SPOT keeps its FARGATE share while Spot is short', () => {
    const sim = fargateWorld();
    const state = sim.state as SimState;
    sim.faults.setFargateSpotCapacity('unavailable');
    sim.ecs.createService({
      cluster: 'f',
      serviceName: 's',
      taskDefinition: 'api',
      desiredCount: 4,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      networkConfiguration: awsvpc,
    });
    sim.advance(3 * 60_000);
    const live = () => Object.values(state.tasks).filter((t) => t.desiredStatus === 'RUNNING').map((t) => t.capacityProviderName);
    expect(live()).toEqual(['FARGATE', 'FARGATE']);
    sim.faults.setFargateSpotCapacity('available');
    sim.advance(2 * 60_000);
    expect(live().sort()).toEqual(['FARGATE', 'FARGATE', 'FARGATE_SPOT', 'FARGATE_SPOT']);
  });
});
