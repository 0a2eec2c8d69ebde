import { describe, expect, it } from 'vitest';
import type { SimState } from '../engine/state';
import { reserveResources } from '../placement/fit';
import { addTaskDefinition, launch } from '../tasks/testFixtures';
import { worldWithInstances } from './testWorld';

/** A running bridge-mode task on the world's first instance, placed as RunTask would. */
function runningTask() {
  const w = worldWithInstances({ cluster: 'default' });
  const state = w.sim.state as SimState;
  const td = addTaskDefinition(state, 'web', [{ name: 'app', image: 'nginx:latest', memory: 512, cpu: 256, portMappings: [{ containerPort: 80, hostPort: 8080 }] }]);
  const taskArn = 'arn:aws:ecs:us-east-1:123456789012:task/default/0123456789abcdef0123456789abcdef';
  const { hostPorts } = reserveResources(state, w.arns[0], taskArn, { cpu: 256, memory: 512, gpu: 0, ports: [{ hostPort: 8080, protocol: 'tcp' }], dynamicPorts: 0, needsEni: false });
  launch(state, td, {
    taskArn,
    containerInstanceArn: w.arns[0],
    hostPorts,
    portOwners: [{ containerIndex: 0, containerPort: 80, protocol: 'tcp' }] as never,
  });
  w.sim.runUntil((s) => s.state.tasks[taskArn].lastStatus === 'RUNNING', { maxMs: 10 * 60_000 });
  expect(state.tasks[taskArn].lastStatus).toBe('RUNNING');
  return { ...w, state, taskArn };
}

describe('tasks when their instance goes away', () => {
  it('terminating the instance stops its tasks with the ECS reason and credits the instance once', () => {
    const { sim, state, taskArn, instanceIds, arns } = runningTask();
    expect(sim.ecs.describeContainerInstances({ cluster: 'default', containerInstances: [arns[0]] }).containerInstances![0].runningTasksCount).toBe(1);
    sim.infra.terminateInstance(instanceIds[0]);
    sim.advance(60_000);
    expect(state.tasks[taskArn]).toMatchObject({
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'TerminationNotice',
      stoppedReason: `Host EC2 (instance ${instanceIds[0]}) terminated.`,
    });
    const ci = state.containerInstances[arns[0]];
    expect(ci.reservations).toEqual({});
    expect(ci.remaining).toEqual(ci.registered);
  });

  it('force deregistration stops the tasks with "Container instance deregistration forced by user"', () => {
    const { sim, state, taskArn, arns } = runningTask();
    expect(() => sim.ecs.deregisterContainerInstance({ cluster: 'default', containerInstance: arns[0] })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    sim.ecs.deregisterContainerInstance({ cluster: 'default', containerInstance: arns[0], force: true });
    sim.advance(60_000);
    expect(state.tasks[taskArn]).toMatchObject({ lastStatus: 'STOPPED', stoppedReason: 'Container instance deregistration forced by user' });
    expect(state.containerInstances[arns[0]].remaining).toEqual(state.containerInstances[arns[0]].registered);
  });

  it('a disconnected agent leaves its tasks running and holding their resources', () => {
    const { sim, state, taskArn, instanceIds, arns } = runningTask();
    sim.faults.disconnectAgent(instanceIds[0]);
    sim.advance(30 * 60_000);
    expect(state.tasks[taskArn].lastStatus).toBe('RUNNING');
    expect(state.containerInstances[arns[0]].reservations[taskArn]).toBeDefined();
  });

  it('draining leaves a standalone task running', () => {
    const { sim, state, taskArn, arns } = runningTask();
    sim.ecs.updateContainerInstancesState({ cluster: 'default', containerInstances: [arns[0]], status: 'DRAINING' });
    sim.advance(30 * 60_000);
    expect(state.tasks[taskArn].lastStatus).toBe('RUNNING');
  });
});
