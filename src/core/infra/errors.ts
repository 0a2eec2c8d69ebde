/**
 * Errors of `sim.infra` and `sim.faults`, named like the EC2 API's error codes (the instance
 * operations stand in for EC2's RunInstances / TerminateInstances). Texts live here, in one place.
 */
export type InfraErrorCode =
  | 'InvalidInstanceID.NotFound'
  | 'InvalidInstanceID.Malformed'
  | 'InvalidParameterValue'
  | 'MissingParameter'
  | 'IncorrectInstanceState'
  // Amazon EC2 Auto Scaling's codes (sim.infra.createAutoScalingGroup and friends)
  | 'AlreadyExists'
  | 'ValidationError';

export class InfraError extends Error {
  override readonly name: InfraErrorCode;
  constructor(code: InfraErrorCode, message: string) {
    super(message);
    this.name = code;
  }
}

export const InfraMessages = {
  // EC2's wording for an unknown instance id
  instanceNotFound: (id: string) => `The instance ID '${id}' does not exist`,
  instanceMalformed: (id: string) => `Invalid id: "${id}"`,
  invalidInstanceType: (t: string) => `Invalid value '${t}' for InstanceType.`,
  invalidAvailabilityZone: (az: string) => `Invalid availability zone: [${az}]`,
  invalidCount: (max: number) => `count must be an integer between 1 and ${max}.`,
  missing: (member: string) => `The request must contain the parameter ${member}`,
  notRegistered: (id: string) => `The instance ${id} has no registered container instance (its agent has not registered yet, or it was deregistered).`,
  noContainerInstance: (ref: string) => `No container instance found for ${ref}.`,
  // Auto Scaling groups: EC2 Auto Scaling's wording where known (AlreadyExists, desired outside min/max).
  asgExists: (name: string) => `AutoScalingGroup by this name already exists - A group with the name ${name} already exists`,
  asgNotFound: (name: string) => `AutoScalingGroup name not found - AutoScalingGroup ${name} not found`,
  asgNameInvalid: 'autoScalingGroupName must be 1-255 characters without a colon.',
  asgSizeInvalid: (member: string) => `${member} must be an integer of 0 or more.`,
  asgMinMax: (min: number, max: number) => `Max bound, ${max}, must be greater than or equal to min bound, ${min}`,
  asgDesiredOutside: (desired: number, min: number, max: number) =>
    `Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`,
} as const;
