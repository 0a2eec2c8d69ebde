/**
 * `sim.faults`: ways for a learner to break things on purpose (agent disconnects, container crashes,
 * failing health checks, Spot interruptions, unpullable images). Every fault leaves an event naming its target.
 */
import { agentFaultOperations } from './agent';
import { taskFaultOperations } from './tasks';
import { spotFaultOperations } from '../capacity/spot';
import { loadFaultOperations } from '../autoscaling/loadApi';
import { failTargetHealthChecks } from '../elb/targetsApi';
import { setHookAnswer } from '../scheduler/shiftHooks';

export const faultOperations = {
  ...agentFaultOperations,
  ...taskFaultOperations,
  ...spotFaultOperations,
  ...loadFaultOperations,
  failTargetHealthChecks,
  setHookAnswer,
};
