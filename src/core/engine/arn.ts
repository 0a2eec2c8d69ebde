/** ARNs in the current long format (reference §1.1). */

export interface ArnScope {
  region: string;
  accountId: string;
}

/** AWS partition of a region: aws, aws-cn or aws-us-gov. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function ecsArn(scope: ArnScope, resource: string): string {
  return `arn:${partitionOf(scope.region)}:ecs:${scope.region}:${scope.accountId}:${resource}`;
}

export const arns = {
  cluster: (s: ArnScope, clusterName: string) => ecsArn(s, `cluster/${clusterName}`),
  containerInstance: (s: ArnScope, clusterName: string, id: string) =>
    ecsArn(s, `container-instance/${clusterName}/${id}`),
  service: (s: ArnScope, clusterName: string, serviceName: string) =>
    ecsArn(s, `service/${clusterName}/${serviceName}`),
  task: (s: ArnScope, clusterName: string, taskId: string) => ecsArn(s, `task/${clusterName}/${taskId}`),
  taskDefinition: (s: ArnScope, family: string, revision: number) =>
    ecsArn(s, `task-definition/${family}:${revision}`),
  taskSet: (s: ArnScope, clusterName: string, serviceName: string, taskSetId: string) =>
    ecsArn(s, `task-set/${clusterName}/${serviceName}/${taskSetId}`),
  capacityProvider: (s: ArnScope, name: string) => ecsArn(s, `capacity-provider/${name}`),
  serviceDeployment: (s: ArnScope, clusterName: string, serviceName: string, id: string) =>
    ecsArn(s, `service-deployment/${clusterName}/${serviceName}/${id}`),
  serviceRevision: (s: ArnScope, clusterName: string, serviceName: string, id: string) =>
    ecsArn(s, `service-revision/${clusterName}/${serviceName}/${id}`),
  container: (s: ArnScope, clusterName: string, taskId: string, uuid: string) =>
    ecsArn(s, `container/${clusterName}/${taskId}/${uuid}`),
};

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  /** the part after the account, e.g. `cluster/demo` */
  resource: string;
}

/** Splits an ARN into its parts, or returns undefined when the text is not an ARN. */
export function parseArn(text: string): ParsedArn | undefined {
  const m = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/.exec(text);
  if (!m) return undefined;
  return { partition: m[1], service: m[2], region: m[3], accountId: m[4] ?? '', resource: m[5] };
}

/**
 * The resource name inside an ECS ARN of the given kind, or the text itself when it is not an ARN
 * (ECS accepts "the short name or full Amazon Resource Name (ARN)" almost everywhere).
 * Returns undefined for an ARN of another kind.
 */
export function nameFromArnOrName(text: string, kind: string): string | undefined {
  if (!text.startsWith('arn:')) return text;
  const arn = parseArn(text);
  if (!arn || arn.service !== 'ecs') return undefined;
  const prefix = `${kind}/`;
  if (!arn.resource.startsWith(prefix)) return undefined;
  return arn.resource.slice(prefix.length);
}
