/**
 * Every error text the API facade throws, in one place. Texts quoted from real ECS responses are
 * marked with their source; the others are our best rendering and listed in docs/fidelity.md.
 */
export const Messages = {
  // Observed verbatim in AWS CLI output: "An error occurred (ClusterNotFoundException) ... Cluster not found."
  clusterNotFound: 'Cluster not found.',
  // Observed in AWS CLI output for DeleteCluster on a cluster that still has instances / services / tasks.
  clusterHasInstances: 'The Cluster cannot be deleted while Container Instances are active or draining.',
  clusterHasServices: 'The Cluster cannot be deleted while Services are active.',
  clusterHasTasks: 'The Cluster cannot be deleted while Tasks are active.',
  // Constraint text of CreateClusterRequest.clusterName in the API model; the exception wording is ours.
  invalidClusterName:
    'Cluster name must be 1-255 characters and can contain only letters (uppercase and lowercase), numbers, underscores, and hyphens.',
  clusterArnInvalid: (arn: string) => `Invalid identifier: Unexpected ARN for a cluster: ${arn}`,
  tooManyTags: 'Too many tags. A resource can have at most 50 tags.',
  tagKeyInvalid: 'Tag keys must be 1-128 characters.',
  tagValueInvalid: 'Tag values must be 0-256 characters.',
  tagReservedPrefix: 'Tag keys and values may not begin with the reserved prefix "aws:".',
  missingMember: (member: string) => `${member} can not be null or empty.`,
  wrongType: (member: string, expected: string) => `Unexpected type for ${member}: expected ${expected}.`,
  maxResultsRange: (max: number) => `maxResults must be between 1 and ${max}.`,
  invalidNextToken: 'Invalid nextToken.',
  tooManyIdentifiers: (member: string, max: number) => `${member} must contain at most ${max} items.`,
  invalidEnum: (member: string, value: string, allowed: readonly string[]) =>
    `Invalid value '${value}' for ${member}. Valid values: ${allowed.join(', ')}.`,
  // Container instances, attributes, tags (api/containerInstances.ts, api/attributes.ts, api/tagging.ts).
  // Wording is ours unless marked; see docs/instances.md.
  containerInstanceNotFound: 'Container instance not found.',
  // The service refuses without force while tasks run (agent maintainers, aws/amazon-ecs-agent#125); text ours.
  containerInstanceHasTasks: 'Found running tasks on the instance. Stop them first or set force to true.',
  containerInstanceStatusInvalid: 'Container instance status must be ACTIVE or DRAINING.',
  instanceIdentityDocumentMissing: 'instanceIdentityDocument is required to register an EC2 container instance.',
  instanceIdentityDocumentInvalid: 'instanceIdentityDocument is not a valid identity document of a running EC2 instance.',
  instanceInOtherCluster: (id: string, cluster: string) => `Instance ${id} is already registered in cluster ${cluster}.`,
  filterNotSupported: 'filter (cluster query language) is not supported by ListContainerInstances in the playground yet.',
  attributeTargetNotFound: (id: string) => `Could not find the target ${id}.`,
  attributeNameInvalid: (name: string) => `Invalid attribute name '${name}': 1-128 letters, numbers, hyphens, underscores, forward slashes and periods.`,
  attributeValueInvalid: (name: string) => `Invalid value for attribute '${name}': 1-128 letters, numbers, spaces and -_.@/\\: with no leading or trailing space.`,
  attributeReserved: (name: string) => `Attribute '${name}' is set by Amazon ECS and cannot be changed.`,
  attributeLimit: 'You can apply up to 10 custom attributes for each resource.',
  targetTypeInvalid: 'targetType must be container-instance.',
  attributeValueNeedsName: 'attributeValue can only be used together with attributeName.',
  resourceArnInvalid: (arn: string) => `Invalid identifier: ${arn} is not a valid ARN of a taggable Amazon ECS resource.`,
  resourceNotFound: 'The specified resource is not found.',
  // Task definitions (docs/taskdef-registry.md lists which texts are observed and which are ours).
  // Observed verbatim: "(ClientException) ... DescribeTaskDefinition operation: Unable to describe task definition."
  taskDefinitionUnableToDescribe: 'Unable to describe task definition.',
  // Observed verbatim on CreateService: "TaskDefinition not found."
  taskDefinitionNotFound: 'TaskDefinition not found.',
  // Observed verbatim on UpdateService (ClientException) and RunTask (InvalidParameterException), no final period.
  taskDefinitionInactive: 'TaskDefinition is inactive',
  taskDefinitionDoesNotExist: 'The specified task definition does not exist.',
  taskDefinitionRevisionRequired: 'A task definition revision must be specified (family:revision or the full ARN).',
  taskDefinitionInvalidRevision: (text: string) => `Invalid revision number. Number: ${text}`,
  taskDefinitionNotInactive: 'The task definition must be INACTIVE before it can be deleted. Deregister it first.',
  taskDefinitionRevisionLimit: 'The family has reached the maximum of 1,000,000 revisions.',
  // Tasks (api/tasks.ts). Texts marked "observed" were seen verbatim in AWS CLI/SDK output; the others are
  // ours and listed in docs/task-lifecycle.md.
  // Observed: RunTask with the EC2 launch type on a cluster without registered instances.
  noContainerInstances: 'No Container Instances were found in your cluster.',
  // Observed: RunTask of an awsvpc task definition without networkConfiguration.
  networkConfigurationRequired: "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
  // Observed: networkConfiguration given for a bridge/host task definition.
  networkConfigurationNotAllowed: 'Network Configuration is not valid for the given networkMode of this task definition.',
  subnetsRequired: 'subnets can not be empty.',
  // Observed: "Task definition does not support launch_type FARGATE."
  launchTypeNotSupported: (launchType: string) => `Task definition does not support launch_type ${launchType}.`,
  fargateNeedsAwsvpc: "Fargate only supports network mode 'awsvpc'.",
  // Observed: launchType and capacityProviderStrategy together.
  launchTypeAndStrategy: 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
  // Observed: a strategy naming a provider the cluster does not have.
  capacityProviderNotAssociated:
    'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
  strategyOneBase: 'Only one capacity provider in a capacity provider strategy can have a base defined.',
  platformVersionUnknown: 'The specified platform version does not exist.',
  // Observed: "The platform version must be null when specifying an EC2 launch type."
  platformVersionNotForEc2: 'The platform version must be null when specifying an EC2 launch type.',
  runTaskCount: 'count must be between 1 and 10.',
  clientTokenInvalid: 'clientToken must be 1-64 printable ASCII characters.',
  clientTokenConflict: 'The clientToken was already used with a different request.',
  propagateTagsServiceOnRunTask: 'propagateTags SERVICE is only valid for tasks started by a service.',
  containerOverrideUnknown: (name: string) => `Container override names a container that is not in the task definition: ${name}.`,
  taskGroupTooLong: 'group must be at most 255 characters.',
  startedByTooLong: (max: number) => `startedBy must be at most ${max} characters.`,
  // Observed: StopTask/DescribeTasks style "The referenced task was not found."
  taskNotFound: 'The referenced task was not found.',
  stopReasonTooLong: 'reason must be at most 255 characters.',
  // Observed in DescribeTasks output after StopTask without a reason.
  taskStoppedByUser: 'Task stopped by user',
  startedByExclusive: 'startedBy cannot be combined with the containerInstance, family, serviceName or launchType filters.',
  // Services (api/services.ts, api/serviceDeployments.ts). Texts marked "observed" were seen verbatim in
  // AWS CLI/SDK output; the others are ours and listed in docs/services.md.
  // Observed: "ServiceNotFoundException ... Service not found."
  serviceNotFound: 'Service not found.',
  // Observed: "ServiceNotActiveException ... Service was not ACTIVE."
  serviceNotActive: 'Service was not ACTIVE.',
  // Observed: DeleteService without force on a service with desiredCount > 0.
  serviceScaledAboveZero: 'The service cannot be stopped while it is scaled above 0.',
  // Observed: CreateService naming an ACTIVE or DRAINING service with different parameters.
  serviceNotIdempotent: 'Creation of service was not idempotent.',
  invalidServiceName:
    'Service name must be 1-255 characters and can contain only letters (uppercase and lowercase), numbers, underscores, and hyphens.',
  desiredCountRequired: 'desiredCount is required for a service that uses the REPLICA scheduling strategy.',
  desiredCountNegative: 'desiredCount must be 0 or greater.',
  desiredCountDaemon: 'The desiredCount parameter is not supported for services that use the DAEMON scheduling strategy.',
  minimumHealthyPercentRange: 'minimumHealthyPercent must be between 0 and 100.',
  maximumPercentTooLow: 'maximumPercent must be at least 100.',
  daemonMaximumPercent: 'The maximumPercent of a service that uses the DAEMON scheduling strategy must be 100.',
  daemonPlacementStrategy: 'Placement strategies are not supported for services that use the DAEMON scheduling strategy.',
  daemonFargate: 'The DAEMON scheduling strategy is not supported with the FARGATE launch type.',
  schedulingStrategyImmutable: 'The scheduling strategy of a service cannot be changed.',
  deploymentControllerNotYet: (type: string) => `Deployment controller ${type} is not supported by the playground's service scheduler yet; use ECS.`,
  gracePeriodRange: 'healthCheckGracePeriodSeconds must be between 0 and 2147483647.',
  thresholdValueRange: 'thresholdConfiguration value must be between 1 and 100 for a percent type.',
  serviceDeploymentNotFound: 'Service deployment not found.',
  serviceDeploymentNotStoppable: (status: string) => `The service deployment cannot be stopped because it is ${status}.`,
  noRollbackTarget: 'There is no completed service deployment to roll back to.',
  // Capacity providers (capacity/). Texts marked "observed" were seen verbatim in AWS CLI/SDK/Terraform
  // output; the others are ours and listed in docs/capacity.md.
  // Observed (Terraform, default strategy): the request-strategy variant below is ours.
  strategyNoWeightDefault:
    "There are no capacity providers with a weight value greater than zero defined in the default capacity provider strategy. At least one capacity provider must have a weight value greater than zero specified. Update the cluster's default capacity provider strategy or specify a valid capacity provider strategy and try again.",
  strategyNoWeight:
    'There are no capacity providers with a weight value greater than zero defined in the capacity provider strategy. At least one capacity provider must have a weight value greater than zero specified. Specify a valid capacity provider strategy and try again.',
  // Observed (PutClusterCapacityProviders via Terraform).
  strategyMixed:
    'A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.',
  strategyWeightRange: 'The weight of a capacity provider strategy item must be between 0 and 1000.',
  strategyBaseRange: 'The base of a capacity provider strategy item must be between 0 and 100000.',
  strategyDuplicateProvider: (name: string) => `The capacity provider strategy names ${name} more than once. Specify each capacity provider once and try again.`,
  // Observed (CreateCapacityProvider, ClientException).
  capacityProviderExists:
    'The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.',
  // Observed (ClientException) when a second provider names the same group.
  asgInUse: 'The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.',
  // Observed (Terraform): the name of a provider that does not exist.
  capacityProviderNotFound: 'The specified capacity provider was not found. Specify a valid capacity provider and try again.',
  // Observed (CloudFormation, PutClusterCapacityProviders): removing a provider tasks or services still use.
  capacityProviderInUse: 'The specified capacity provider is in use and cannot be removed.',
  // Observed (InvalidParameterException).
  tooManyClusterProviders: 'The maximum number of capacity providers per cluster has been exceeded.',
  // Observed (ClientException, CreateCapacityProvider).
  terminationProtectionInvalid:
    'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.',
  terminationProtectionNeedsScaling:
    'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, managed scaling must be enabled.',
  // Reserved prefixes (CloudFormation resource docs: names may not begin with aws, ecs or fargate).
  capacityProviderNameReserved: 'The capacity provider name cannot begin with "aws", "ecs", or "fargate".',
  capacityProviderNameInvalid:
    'Capacity provider name must be 1-255 characters and can contain only letters (uppercase and lowercase), numbers, underscores, and hyphens.',
  autoScalingGroupNotFound: (arn: string) => `The specified Auto Scaling group was not found: ${arn}.`,
  fargateProviderReserved: (name: string) => `The ${name} capacity provider is managed by Amazon ECS and cannot be created, updated or deleted.`,
  managedScalingRange: (member: string, min: number, max: number) => `${member} must be between ${min} and ${max}.`,
  scalingStepOrder: 'minimumScalingStepSize must not be greater than maximumScalingStepSize.',
  // Managed scaling ON: one cluster only (reference §10.4).
  capacityProviderOtherCluster: (name: string, cluster: string) =>
    `The capacity provider ${name} uses managed scaling and is already associated with cluster ${cluster}. A capacity provider with managed scaling can be associated with only one cluster.`,
  capacityProviderStillAssociated: 'The specified capacity provider is associated with a cluster. Remove it from the cluster with PutClusterCapacityProviders and try again.',
  defaultStrategyNotInList: 'The default capacity provider strategy can only contain capacity providers that are in the capacityProviders list.',
  // RunTask beyond the PROVISIONING limit (reference §10.4); wording ours.
  provisioningLimit: 'The cluster already has 500 tasks in the PROVISIONING state. Wait for capacity and try again.',
} as const;
