/**
 * AWS-style errors thrown by the API facade. `name` is the AWS error code, `message` the AWS text.
 * Every message text the facade uses lives in `messages.ts`.
 */

export type EcsErrorCode =
  | 'AccessDeniedException'
  | 'AttributeLimitExceededException'
  | 'BlockedException'
  | 'ClientException'
  | 'ClusterContainsContainerInstancesException'
  | 'ClusterContainsServicesException'
  | 'ClusterContainsTasksException'
  | 'ClusterNotFoundException'
  | 'ConflictException'
  | 'InvalidParameterException'
  | 'LimitExceededException'
  | 'NoUpdateAvailableException'
  | 'PlatformTaskDefinitionIncompatibilityException'
  | 'PlatformUnknownException'
  | 'ResourceInUseException'
  | 'ResourceNotFoundException'
  | 'ServerException'
  | 'ServiceNotActiveException'
  | 'ServiceDeploymentNotFoundException'
  | 'ServiceNotFoundException'
  | 'TargetNotConnectedException'
  | 'TargetNotFoundException'
  | 'TaskSetNotFoundException'
  | 'UnsupportedFeatureException'
  | 'UpdateInProgressException'
  | 'SerializationException'
  | 'ValidationException';

/** HTTP status the service answers each error with (AWS JSON protocol; server errors are 500). */
export function httpStatusOf(code: EcsErrorCode): number {
  if (code === 'ServerException') return 500;
  if (code === 'AccessDeniedException') return 400;
  return 400;
}

export class EcsError extends Error {
  override readonly name: EcsErrorCode;
  /** `client` for mistakes in the request, `server` for the service's own failures (as the SDK marks them) */
  readonly $fault: 'client' | 'server';
  readonly httpStatus: number;

  constructor(code: EcsErrorCode, message: string) {
    super(message);
    this.name = code;
    this.$fault = code === 'ServerException' ? 'server' : 'client';
    this.httpStatus = httpStatusOf(code);
  }
}

export function isEcsError(value: unknown): value is EcsError {
  return value instanceof EcsError;
}
