/**
 * Error texts of the task set operations and of services with the CODE_DEPLOY or EXTERNAL deployment
 * controller. Quoted ones were observed in real ECS answers; the others are ours (docs/codedeploy.md).
 */
export const TaskSetMessages = {
  /** observed (CreateTaskSet on an ECS-controller service) */
  notExternal: 'Amazon ECS only supports task set management on services configured to use external deployment controllers.',
  /** observed (UpdateService with a taskDefinition on a CODE_DEPLOY service) */
  codeDeployUpdate: 'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
  /** ours, on the pattern of the CODE_DEPLOY text */
  controllerUpdate: (member: string, type: string) =>
    type === 'CODE_DEPLOY'
      ? `Unable to update ${member} on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.`
      : `Unable to update ${member} on services with a EXTERNAL deployment controller. Use CreateTaskSet to deploy a new revision.`,
  /** observed (a sixth task set) */
  tooMany: (n: number) => `${n} deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.`,
  taskSetNotFound: 'The specified task set does not exist.',
  scaleRange: 'The scale value must be between 0 and 100 percent.',
  scaleUnit: "The scale unit must be 'PERCENT'.",
  deletePrimary: 'The primary task set of a service cannot be deleted; make another task set primary first.',
  scaledAboveZero: 'The task set cannot be deleted while it is scaled above 0. Use force to delete it anyway.',
  draining: 'The task set is DRAINING and can no longer be updated.',
  daemonController: (type: string) => `The DAEMON scheduling strategy does not support the ${type} deployment controller.`,
  controllerChange: 'Updating the deployment controller of a service is not supported by the playground yet.',
  /** the PRIMARY task set's replacement on CreateService (CODE_DEPLOY) needs a task definition */
  taskDefinitionRequired: 'A task definition must be specified if the service uses either the ECS or CODE_DEPLOY deployment controllers.',
} as const;
