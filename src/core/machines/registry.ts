/** Every XState machine the engine runs, by name. Each machine lives in its own file beside this one. */
import type { MachineRegistry } from './driver';
import { agentSpec } from './agent.machine';
import { taskSpec } from './task.machine';
import { rollingDeploymentSpec } from './rollingDeployment.machine';
import { blueGreenDeploymentSpec } from './blueGreenDeployment.machine';
import { linearDeploymentSpec } from './linearDeployment.machine';
import { canaryDeploymentSpec } from './canaryDeployment.machine';
import { codeDeployDeploymentSpec } from './codeDeployDeployment.machine';

export const machines: MachineRegistry = {
  agent: agentSpec,
  task: taskSpec,
  rollingDeployment: rollingDeploymentSpec,
  blueGreenDeployment: blueGreenDeploymentSpec,
  linearDeployment: linearDeploymentSpec,
  canaryDeployment: canaryDeploymentSpec,
  codeDeployDeployment: codeDeployDeploymentSpec,
};
