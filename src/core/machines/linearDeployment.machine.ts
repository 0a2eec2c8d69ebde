/**
 * An ECS-native LINEAR deployment (deploymentConfiguration.strategy LINEAR, reference §8): stepPercent more production traffic per step, stepBakeTimeInMinutes between steps.
 * The lifecycle stages and hooks are the shared traffic-shift statechart (trafficShift.ts); actor id
 * = `deployment:<service ARN>:<deployment id>`.
 */
import { Priority } from '../engine/kernel';
import { shiftEffects } from '../scheduler/shiftEffects';
import type { MachineSpec } from './driver';
import { buildShiftMachine } from './trafficShift';

export const linearDeploymentMachine = buildShiftMachine('LINEAR');

export const linearDeploymentSpec: MachineSpec = {
  machine: linearDeploymentMachine,
  effects: shiftEffects,
  priority: Priority.scheduler,
};
