/**
 * An ECS-native CANARY deployment (deploymentConfiguration.strategy CANARY, reference §8): canaryPercent first, the rest after canaryBakeTimeInMinutes.
 * The lifecycle stages and hooks are the shared traffic-shift statechart (trafficShift.ts); actor id
 * = `deployment:<service ARN>:<deployment id>`.
 */
import { Priority } from '../engine/kernel';
import { shiftEffects } from '../scheduler/shiftEffects';
import type { MachineSpec } from './driver';
import { buildShiftMachine } from './trafficShift';

export const canaryDeploymentMachine = buildShiftMachine('CANARY');

export const canaryDeploymentSpec: MachineSpec = {
  machine: canaryDeploymentMachine,
  effects: shiftEffects,
  priority: Priority.scheduler,
};
