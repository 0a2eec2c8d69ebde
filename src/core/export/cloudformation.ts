/**
 * What the learner built, as a CloudFormation template: AWS::ECS::Cluster (with its capacity
 * providers and default strategy), AWS::ECS::CapacityProvider, AWS::ECS::TaskDefinition and
 * AWS::ECS::Service, tied together with Ref. The ECS API's camelCase members become CloudFormation's
 * PascalCase properties; the few that CloudFormation names differently are renamed, and map-valued
 * members (docker labels, log options) keep their keys. Things that exist only in the playground
 * (subnets, Auto Scaling group ARNs) become template parameters.
 */
import type { CapacityProvider, Service } from '@aws-sdk/client-ecs';
import type { Simulation } from '../engine/simulation';
import { unwrapDescribeOutput } from '../taskdef/describe';
import { exportTaskDefinitions } from './taskDefinitions';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface CloudFormationTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters?: Record<string, { Type: string; Description: string }>;
  Resources: Record<string, { Type: string; Properties: JsonObject; DependsOn?: string[] }>;
}

/** API member → CloudFormation property, where CloudFormation does not just capitalise. */
const RENAMED: Record<string, string> = {
  placementStrategy: 'PlacementStrategies',
  efsVolumeConfiguration: 'EFSVolumeConfiguration',
  fsxWindowsFileServerVolumeConfiguration: 'FSxWindowsFileServerVolumeConfiguration',
};
/** members whose value is a map of the user's own keys */
const MAP_VALUED = new Set(['dockerLabels', 'options', 'driverOpts', 'labels']);

const pascal = (key: string) => RENAMED[key] ?? key.charAt(0).toUpperCase() + key.slice(1);

/** camelCase API data → PascalCase CloudFormation properties (undefined members dropped). */
export function cfnProperties(value: unknown, mapValued = false): Json {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => cfnProperties(v));
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return value as Json;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (mapValued) out[k] = cfnProperties(v);
    else out[pascal(k)] = cfnProperties(v, MAP_VALUED.has(k));
  }
  return out;
}

/** A CloudFormation logical id: letters and digits only, starting with a letter. */
export function logicalId(prefix: string, ...names: string[]): string {
  const words = names.flatMap((n) => n.split(/[^A-Za-z0-9]+/)).filter(Boolean);
  return prefix + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

const ref = (id: string): JsonObject => ({ Ref: id });
const isFargateProvider = (name: string) => name === 'FARGATE' || name === 'FARGATE_SPOT';

function capacityProvidersOf(sim: Simulation): CapacityProvider[] {
  const api = sim.ecs as unknown as { describeCapacityProviders?: (r: object) => { capacityProviders?: CapacityProvider[]; nextToken?: string } };
  if (typeof api.describeCapacityProviders !== 'function') return [];
  const out: CapacityProvider[] = [];
  let nextToken: string | undefined;
  do {
    const page = api.describeCapacityProviders({ include: ['TAGS'], ...(nextToken ? { nextToken } : {}) });
    out.push(...(page.capacityProviders ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out.filter((p) => p.name && !isFargateProvider(p.name) && p.status === 'ACTIVE');
}

const strategyOf = (items: { capacityProvider?: string; weight?: number; base?: number }[] | undefined, providerIds: Map<string, string>): Json[] =>
  (items ?? []).map((i) => ({
    CapacityProvider: i.capacityProvider && providerIds.has(i.capacityProvider) ? ref(providerIds.get(i.capacityProvider) as string) : (i.capacityProvider ?? null),
    ...(i.weight !== undefined ? { Weight: i.weight } : {}),
    ...(i.base !== undefined ? { Base: i.base } : {}),
  }));

export function cloudFormationTemplateOf(sim: Simulation): CloudFormationTemplate {
  const resources: CloudFormationTemplate['Resources'] = {};
  const parameters: NonNullable<CloudFormationTemplate['Parameters']> = {};

  // Capacity providers
  const providerIds = new Map<string, string>();
  for (const p of capacityProvidersOf(sim)) {
    const id = logicalId('CapacityProvider', p.name as string);
    providerIds.set(p.name as string, id);
    const asgParam = `${id}AutoScalingGroupArn`;
    parameters[asgParam] = { Type: 'String', Description: `ARN of the Auto Scaling group behind capacity provider ${p.name}` };
    const asg = p.autoScalingGroupProvider ?? {};
    resources[id] = {
      Type: 'AWS::ECS::CapacityProvider',
      Properties: {
        Name: p.name as string,
        AutoScalingGroupProvider: {
          ...(cfnProperties({ ...asg, autoScalingGroupArn: undefined }) as JsonObject),
          AutoScalingGroupArn: ref(asgParam),
        },
        ...(p.tags?.length ? { Tags: cfnProperties(p.tags) } : {}),
      },
    };
  }

  // Clusters
  const clusterIds = new Map<string, string>();
  const active = Object.values(sim.state.clusters).filter((c) => c.status === 'ACTIVE');
  for (const record of active.sort((a, b) => a.clusterName.localeCompare(b.clusterName))) {
    const c = sim.ecs.describeClusters({ clusters: [record.clusterName], include: ['SETTINGS', 'TAGS'] }).clusters?.[0];
    if (!c?.clusterName) continue;
    const id = logicalId('Cluster', c.clusterName);
    clusterIds.set(c.clusterName, id);
    const props: JsonObject = { ClusterName: c.clusterName };
    const settings = (c.settings ?? []).filter((s) => s.value !== 'disabled');
    if (settings.length) props.ClusterSettings = cfnProperties(settings);
    if (c.capacityProviders?.length) props.CapacityProviders = c.capacityProviders.map((n) => (providerIds.has(n) ? ref(providerIds.get(n) as string) : n));
    if (c.defaultCapacityProviderStrategy?.length) props.DefaultCapacityProviderStrategy = strategyOf(c.defaultCapacityProviderStrategy, providerIds);
    if (c.tags?.length) props.Tags = cfnProperties(c.tags);
    resources[id] = { Type: 'AWS::ECS::Cluster', Properties: props };
  }

  // Services, and the task definition revisions they run
  const services: { service: Service; clusterId: string }[] = [];
  for (const s of Object.values(sim.state.services)) {
    const clusterId = clusterIds.get(s.clusterName);
    if (s.status !== 'ACTIVE' || !clusterId) continue;
    const service = sim.ecs.describeServices({ cluster: s.clusterName, services: [s.serviceArn], include: ['TAGS'] }).services?.[0];
    if (service) services.push({ service, clusterId });
  }

  const taskDefIds = new Map<string, string>();
  const latest = exportTaskDefinitions(sim);
  const addTaskDefinition = (family: string, revision: number, request: object, id: string) => {
    const arn = sim.ecs.describeTaskDefinition({ taskDefinition: `${family}:${revision}` }).taskDefinition?.taskDefinitionArn;
    if (arn) taskDefIds.set(arn, id);
    resources[id] = { Type: 'AWS::ECS::TaskDefinition', Properties: cfnProperties(request) as JsonObject };
  };
  for (const t of latest) addTaskDefinition(t.family, t.revision, t.request, logicalId('TaskDefinition', t.family));
  for (const { service } of services) {
    const arn = service.taskDefinition as string;
    if (taskDefIds.has(arn)) continue;
    const td = sim.ecs.describeTaskDefinition({ taskDefinition: arn, include: ['TAGS'] });
    const family = td.taskDefinition?.family as string;
    const revision = td.taskDefinition?.revision as number;
    if (!family) continue;
    // an older revision than the family's latest: that revision's own body
    const plain = unwrapDescribeOutput(JSON.parse(JSON.stringify(td)) as Record<string, unknown>).value;
    if (Array.isArray(plain.tags) && plain.tags.length === 0) delete plain.tags;
    addTaskDefinition(family, revision, plain, logicalId('TaskDefinition', family, `Revision${revision}`));
  }

  for (const { service, clusterId } of services) {
    let id = logicalId('Service', service.serviceName as string);
    if (resources[id]) id = logicalId('Service', service.serviceName as string, resources[clusterId].Properties.ClusterName as string);
    const props: JsonObject = {
      ServiceName: service.serviceName as string,
      Cluster: ref(clusterId),
      TaskDefinition: taskDefIds.has(service.taskDefinition as string) ? ref(taskDefIds.get(service.taskDefinition as string) as string) : (service.taskDefinition as string),
      SchedulingStrategy: service.schedulingStrategy ?? 'REPLICA',
    };
    if (service.schedulingStrategy !== 'DAEMON') props.DesiredCount = service.desiredCount ?? 0;
    if (service.capacityProviderStrategy?.length) props.CapacityProviderStrategy = strategyOf(service.capacityProviderStrategy, providerIds);
    else if (service.launchType) props.LaunchType = service.launchType;
    if (service.platformVersion && service.launchType === 'FARGATE') props.PlatformVersion = service.platformVersion;
    const dc = service.deploymentConfiguration;
    if (dc) {
      props.DeploymentConfiguration = cfnProperties({
        minimumHealthyPercent: dc.minimumHealthyPercent,
        maximumPercent: dc.maximumPercent,
        deploymentCircuitBreaker: dc.deploymentCircuitBreaker,
      });
    }
    const vpc = service.networkConfiguration?.awsvpcConfiguration;
    if (vpc) {
      parameters.Subnets = { Type: 'List<AWS::EC2::Subnet::Id>', Description: 'Subnets for tasks with the awsvpc network mode' };
      const net: JsonObject = { Subnets: ref('Subnets') };
      if (vpc.securityGroups?.length) {
        parameters.SecurityGroups = { Type: 'List<AWS::EC2::SecurityGroup::Id>', Description: 'Security groups for tasks with the awsvpc network mode' };
        net.SecurityGroups = ref('SecurityGroups');
      }
      if (vpc.assignPublicIp) net.AssignPublicIp = vpc.assignPublicIp;
      props.NetworkConfiguration = { AwsvpcConfiguration: net };
    }
    if (service.placementConstraints?.length) props.PlacementConstraints = cfnProperties(service.placementConstraints);
    if (service.placementStrategy?.length) props.PlacementStrategies = cfnProperties(service.placementStrategy);
    if (service.healthCheckGracePeriodSeconds) props.HealthCheckGracePeriodSeconds = service.healthCheckGracePeriodSeconds;
    if (service.enableECSManagedTags) props.EnableECSManagedTags = true;
    if (service.propagateTags && service.propagateTags !== 'NONE') props.PropagateTags = service.propagateTags;
    if (service.enableExecuteCommand) props.EnableExecuteCommand = true;
    if (service.tags?.length) props.Tags = cfnProperties(service.tags);
    resources[id] = { Type: 'AWS::ECS::Service', Properties: props };
  }

  const template: CloudFormationTemplate = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'Exported from ECS Playground: clusters, capacity providers, task definitions and services. EC2 container instances and Auto Scaling groups are not included; EC2 services need capacity in the cluster.',
    Resources: resources,
  };
  if (Object.keys(parameters).length) template.Parameters = parameters;
  return template;
}

export function cloudFormationJson(sim: Simulation): string {
  return `${JSON.stringify(cloudFormationTemplateOf(sim), null, 2)}\n`;
}
