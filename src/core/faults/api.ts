/**
 * `sim.faults`: ways for a learner to break things on purpose (agent disconnects, container crashes,
 * failing health checks, Spot interruptions, unpullable images). Every fault leaves an event naming its target.
 */
import { agentFaultOperations } from './agent';
import { taskFaultOperations } from './tasks';
import { spotFaultOperations } from '../capacity/spot';

export const faultOperations = {
  ...agentFaultOperations,
  ...taskFaultOperations,
  ...spotFaultOperations,
};
