/** Errors of `sim.codedeploy`, named like CodeDeploy's exceptions; every text lives here. */
export type CodeDeployErrorCode =
  | 'ApplicationAlreadyExistsException'
  | 'ApplicationDoesNotExistException'
  | 'ApplicationNameRequiredException'
  | 'DeploymentAlreadyCompletedException'
  | 'DeploymentConfigAlreadyExistsException'
  | 'DeploymentConfigDoesNotExistException'
  | 'DeploymentDoesNotExistException'
  | 'DeploymentGroupAlreadyExistsException'
  | 'DeploymentGroupDoesNotExistException'
  | 'DeploymentGroupNameRequiredException'
  | 'DeploymentIdRequiredException'
  | 'DeploymentIsNotInReadyStateException'
  | 'DeploymentLimitExceededException'
  | 'ECSServiceMappingLimitExceededException'
  | 'InvalidDeploymentConfigNameException'
  | 'InvalidDeploymentIdException'
  | 'InvalidDeploymentWaitTypeException'
  | 'InvalidECSServiceException'
  | 'InvalidLifecycleEventHookExecutionIdException'
  | 'InvalidLifecycleEventHookExecutionStatusException'
  | 'InvalidRevisionException'
  | 'InvalidTargetGroupPairException'
  | 'InvalidTrafficRoutingConfigurationException'
  | 'LifecycleEventAlreadyCompletedException'
  | 'RevisionRequiredException'
  | 'InvalidInputException';

export class CodeDeployError extends Error {
  override readonly name: CodeDeployErrorCode;
  readonly $fault = 'client' as const;
  readonly httpStatus = 400;
  constructor(code: CodeDeployErrorCode, message: string) {
    super(message);
    this.name = code;
  }
}

export function isCodeDeployError(e: unknown): e is CodeDeployError {
  return e instanceof CodeDeployError;
}

/** Texts marked (observed) were seen in real answers; the others follow CodeDeploy's style (ours). */
export const CodeDeployMessages = {
  applicationNameRequired: 'Application name is required.',
  applicationExists: (name: string) => `The application ${name} already exists with the IAM user or AWS account.`,
  applicationMissing: (name: string) => `No application found for name: ${name}`,
  computePlatform: 'The playground simulates CodeDeploy for the ECS compute platform only.',
  groupNameRequired: 'Deployment group name is required.',
  groupExists: (name: string) => `The deployment group ${name} already exists with the application.`,
  groupMissing: (name: string) => `No Deployment Group found for name: ${name}`,
  configMissing: (name: string) => `No deployment configuration found for name: ${name}`,
  configExists: (name: string) => `A deployment configuration named ${name} already exists.`,
  configNotEcs: (name: string) => `The deployment configuration ${name} cannot be used with the ECS compute platform.`,
  trafficRouting: 'For the ECS compute platform the traffic routing type must be AllAtOnce, TimeBasedCanary or TimeBasedLinear, with a percentage between 1 and 99 and an interval of at least 1 minute.',
  ecsServiceRequired: 'An ECS deployment group needs exactly one ECS service (ecsServices with serviceName and clusterName).',
  ecsServiceMissing: (svc: string, cluster: string) => `The ECS service ${svc} in cluster ${cluster} does not exist or is not ACTIVE.`,
  ecsServiceController: (svc: string) => `The ECS service ${svc} does not use the CODE_DEPLOY deployment controller.`,
  ecsServiceMapped: (svc: string) => `The ECS service ${svc} is already associated with a deployment group.`,
  targetGroupPair: 'An ECS deployment group needs loadBalancerInfo.targetGroupPairInfoList with one entry: two target groups and a production traffic route with one listener.',
  targetGroupMissing: (name: string) => `Target group ${name} does not exist.`,
  listenerMissing: (arn: string) => `Listener ${arn} does not exist.`,
  terminationWait: 'terminationWaitTimeInMinutes must be between 0 and 2880.',
  readyWait: 'waitTimeInMinutes must be between 0 and 7200 for the ECS compute platform.',
  deploymentIdRequired: 'Deployment ID is required.',
  deploymentMissing: (id: string) => `The deployment ${id} could not be found.`,
  invalidDeploymentId: (id: string) => `Specified DeploymentId is not in the valid format: ${id}`,
  /** observed */
  limitExceeded: (group: string, id: string) => `The Deployment Group '${group}' already has an active Deployment '${id}'`,
  alreadyCompleted: (id: string) => `Deployment ${id} has already completed.`,
  notReady: (id: string) => `The deployment ${id} is not in the Ready state.`,
  notWaitingForTermination: (id: string) => `The deployment ${id} is not waiting to terminate the original task set.`,
  waitType: "deploymentWaitType must be 'READY_WAIT' or 'TERMINATION_WAIT'.",
  revisionRequired: 'A revision is required: revisionType AppSpecContent with appSpecContent.content.',
  revisionType: 'The ECS compute platform takes revisions of type AppSpecContent (or an S3 AppSpec, which the playground does not simulate).',
  appSpec: (why: string) => `The AppSpec is not valid: ${why}`,
  hookExecutionId: (id: string) => `The lifecycle event hook execution ${id} does not belong to this deployment.`,
  hookStatus: "status must be 'Succeeded' or 'Failed'.",
  hookCompleted: (id: string) => `The lifecycle event hook execution ${id} has already completed.`,
} as const;

/** Why a deployment failed or stopped: errorInformation (code from CodeDeploy's ErrorCode list, message ours). */
export const DeploymentErrors = {
  hookFailed: (event: string) => ({ code: 'HOOK_EXECUTION_FAILURE', message: `The deployment failed because the ${event} lifecycle event hook reported Failed.` }),
  hookTimedOut: (event: string) => ({ code: 'TIMEOUT', message: `The ${event} lifecycle event hook did not report a status within 60 minutes.` }),
  manualStop: { code: 'MANUAL_STOP', message: 'The deployment was stopped by a StopDeployment request.' },
  readyTimeout: { code: 'TIMEOUT', message: 'The deployment was not continued before the traffic rerouting wait time ran out.' },
} as const;

export const StopMessages = {
  stopping: 'Stopping the deployment.',
  rollingBack: 'Stopping the deployment; traffic is being rerouted to the original task set.',
} as const;
