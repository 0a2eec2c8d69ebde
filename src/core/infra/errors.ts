/**
 * Errors of `sim.infra` and `sim.faults`, named like the EC2 API's error codes (the instance
 * operations stand in for EC2's RunInstances / TerminateInstances). Texts live here, in one place.
 */
export type InfraErrorCode =
  | 'InvalidInstanceID.NotFound'
  | 'InvalidInstanceID.Malformed'
  | 'InvalidParameterValue'
  | 'MissingParameter'
  | 'IncorrectInstanceState';

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
} as const;
