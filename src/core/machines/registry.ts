/** Every XState machine the engine runs, by name. Each machine lives in its own file beside this one. */
import type { MachineRegistry } from './driver';
import { agentSpec } from './agent.machine';
import { taskSpec } from './task.machine';
import { rollingDeploymentSpec } from './rollingDeployment.machine';
import { blueGreenDeploymentSpec } from './blueGreenDeployment.machine';
import { linearDeploymentSpec } from './linearDeployment.machine';
import { canaryDeploymentSpec } from './canaryDeployment.machine';
import { codeDeployDeploymentSpec } from './codeDeployDeployment.machine';

// Getters, not values: the machines and the core modules that read this table import each other
// (task machine → task effects → load balancer targets → this file), and the bundler may lay that
// cycle out with this file first. A plain object literal then captured `task: undefined` for good
// ("Unknown machine \"task\""); a getter reads the machine when an actor starts, long after every
// module has run.
export const machines: MachineRegistry = {
  get agent() {
    return agentSpec;
  },
  get task() {
    return taskSpec;
  },
  get rollingDeployment() {
    return rollingDeploymentSpec;
  },
  get blueGreenDeployment() {
    return blueGreenDeploymentSpec;
  },
  get linearDeployment() {
    return linearDeploymentSpec;
  },
  get canaryDeployment() {
    return canaryDeploymentSpec;
  },
  get codeDeployDeployment() {
    return codeDeployDeploymentSpec;
  },
};
