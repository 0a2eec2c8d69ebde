/** Errors of `sim.applicationAutoScaling` and `sim.cloudwatch`, named like those APIs' error codes. */
export type AutoScalingErrorCode =
  | 'ValidationException'
  | 'ObjectNotFoundException'
  | 'LimitExceededException'
  // CloudWatch's
  | 'InvalidParameterValue'
  | 'MissingParameter'
  | 'ResourceNotFound';

export class AutoScalingError extends Error {
  override readonly name: AutoScalingErrorCode;
  constructor(code: AutoScalingErrorCode, message: string) {
    super(message);
    this.name = code;
  }
}
