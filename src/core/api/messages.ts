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
} as const;
