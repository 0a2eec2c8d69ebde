/**
 * An ECS-native BLUE_GREEN deployment (deploymentConfiguration.strategy BLUE_GREEN, reference §8): all production traffic in one step.
 * The lifecycle stages and hooks are the shared traffic-shift statechart (trafficShift.ts); actor id
 * = `deployment:<service ARN>:<deployment id>`.
 */
import { Priority } from '../engine/kernel';
import { shiftEffects } from '../scheduler/shiftEffects';
import type { MachineSpec } from './driver';
import { buildShiftMachine } from './trafficShift';

export const blueGreenDeploymentMachine = buildShiftMachine('BLUE_GREEN');

export const blueGreenDeploymentSpec: MachineSpec = {
  machine: blueGreenDeploymentMachine,
  effects: shiftEffects,
  priority: Priority.scheduler,
};
