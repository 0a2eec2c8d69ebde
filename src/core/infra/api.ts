/**
 * `sim.infra`: what happens outside ECS but decides what ECS can do — EC2 instances and Auto Scaling
 * groups. Each operation takes the simulation state and a request object, like the ECS facade.
 */
import { describeInstances, launchInstances, terminateInstance } from './launch';
import { describeSubnets } from './subnets';
import { autoScalingGroupOperations } from '../capacity/autoScalingGroups';

export const infraOperations = {
  launchInstances,
  terminateInstance,
  describeInstances,
  describeSubnets,
  ...autoScalingGroupOperations,
};
