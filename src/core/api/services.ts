/**
 * CreateService, UpdateService, DeleteService, DescribeServices, ListServices. The scheduler that
 * runs the services lives in scheduler/; choices and sources: docs/services.md.
 */
import type {
  CreateServiceRequest,
  CreateServiceResponse,
  DeleteServiceRequest,
  DeleteServiceResponse,
  DescribeServicesRequest,
  DescribeServicesResponse,
  Failure,
  ListServicesRequest,
  ListServicesResponse,
  Service,
  UpdateServiceRequest,
  UpdateServiceResponse,
} from '@aws-sdk/client-ecs';
import { arns, nameFromArnOrName, partitionOf } from '../engine/arn';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { checkConstraints, checkStrategies } from '../placement/validate';
import { DEFAULT_PERCENTS } from '../scheduler/bounds';
import { applyShiftConfiguration } from '../scheduler/shiftConfig';
import { checkServiceLoadBalancers } from '../elb/serviceLoadBalancers';
import { createDeployment } from '../scheduler/deployments';
import { describeService } from '../scheduler/describe';
import { requestReconcile } from '../scheduler/notify';
import type {
  CircuitBreakerConfig,
  DeploymentConfigurationRecord,
  RevisionRecord,
  SchedulingStrategy,
  ServiceRecord,
  ThresholdType,
} from '../scheduler/serviceRecord';
import { resolveTaskDefinition } from '../taskdef/resolve';
import type { TaskDefinitionRecord } from '../taskdef/record';
import type { ClusterRecord } from './clusterRecord';
import { resolveCluster } from './clusters';
import { EcsError } from './errors';
import { Messages } from './messages';
import { asRequest, optBoolean, optEnum, optInteger, optString, optStringList, paginate, reqString, type Req } from './request';
import { checkTags } from './tags';
import { FARGATE_LATEST } from './tasks';
import { strategyForRequest } from '../capacity/strategy';
import { isFargateProvider } from '../capacity/records';
import { checkControllerUpdate, controllerOf, externalRevision } from '../tasksets/serviceRules';
import { addTaskSet } from '../tasksets/taskSets';
import { TaskSetMessages } from '../tasksets/messages';

const SERVICE_NAME = /^[a-zA-Z0-9_-]{1,255}$/;
const LAUNCH_TYPES = ['EC2', 'FARGATE', 'EXTERNAL'] as const;
const MAX_GRACE = 2_147_483_647;

/** The service a request names (short name or ARN) in the cluster, whatever its status. */
export function findService(state: SimState, cluster: ClusterRecord, ref: string): ServiceRecord | undefined {
  const name = nameFromArnOrName(ref, 'service');
  if (name === undefined) return undefined;
  // Long ARNs name the cluster too (service/<cluster>/<name>); it must be the request's cluster.
  const slash = name.lastIndexOf('/');
  if (slash >= 0 && name.slice(0, slash) !== cluster.clusterName) return undefined;
  const short = name.slice(slash + 1);
  return state.services?.[arns.service(state, cluster.clusterName, short)];
}

function activeService(state: SimState, cluster: ClusterRecord, ref: string): ServiceRecord {
  const svc = findService(state, cluster, ref);
  if (!svc || svc.status === 'INACTIVE') throw new EcsError('ServiceNotFoundException', Messages.serviceNotFound);
  if (svc.status !== 'ACTIVE') throw new EcsError('ServiceNotActiveException', Messages.serviceNotActive);
  return svc;
}

function deploymentConfiguration(raw: unknown, strategy: SchedulingStrategy, base?: DeploymentConfigurationRecord): DeploymentConfigurationRecord {
  const defaults = DEFAULT_PERCENTS[strategy];
  const out: DeploymentConfigurationRecord = base
    ? structuredClone(base)
    : { ...defaults, deploymentCircuitBreaker: { enable: false, rollback: false }, strategy: 'ROLLING' };
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new EcsError('InvalidParameterException', Messages.wrongType('deploymentConfiguration', 'DeploymentConfiguration'));
  const req = raw as Req;
  const min = optInteger(req, 'minimumHealthyPercent');
  const max = optInteger(req, 'maximumPercent');
  if (min !== undefined) out.minimumHealthyPercent = min;
  if (max !== undefined) out.maximumPercent = max;
  if (out.minimumHealthyPercent < 0 || out.minimumHealthyPercent > 100) throw new EcsError('InvalidParameterException', Messages.minimumHealthyPercentRange);
  if (strategy === 'DAEMON' && out.maximumPercent !== 100) throw new EcsError('InvalidParameterException', Messages.daemonMaximumPercent);
  if (out.maximumPercent < 100) throw new EcsError('InvalidParameterException', Messages.maximumPercentTooLow);
  const strat = optEnum(req, 'strategy', ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'] as const);
  if (strat !== undefined) out.strategy = strat;
  applyShiftConfiguration(req, out);
  const cbRaw = req.deploymentCircuitBreaker;
  if (cbRaw !== undefined && cbRaw !== null) {
    const cbReq = asRequest(cbRaw);
    const enable = optBoolean(cbReq, 'enable');
    const rollback = optBoolean(cbReq, 'rollback');
    if (enable === undefined) throw new EcsError('InvalidParameterException', Messages.missingMember('enable'));
    if (rollback === undefined) throw new EcsError('InvalidParameterException', Messages.missingMember('rollback'));
    const cb: CircuitBreakerConfig = { enable, rollback };
    const reset = optBoolean(cbReq, 'resetOnHealthyTask');
    if (reset !== undefined) cb.resetOnHealthyTask = reset;
    const tcRaw = cbReq.thresholdConfiguration;
    if (tcRaw !== undefined && tcRaw !== null) {
      const tc = asRequest(tcRaw);
      const type = (optEnum(tc, 'type', ['BOUNDED_PERCENT', 'UNBOUNDED_PERCENT', 'COUNT'] as const) ?? 'BOUNDED_PERCENT') as ThresholdType;
      const value = optInteger(tc, 'value') ?? 50;
      if (type !== 'COUNT' && (value < 1 || value > 100)) throw new EcsError('InvalidParameterException', Messages.thresholdValueRange);
      if (type === 'COUNT' && value < 1) throw new EcsError('InvalidParameterException', Messages.thresholdValueRange);
      cb.thresholdConfiguration = { type, value };
    }
    out.deploymentCircuitBreaker = cb;
  }
  const alarms = req.alarms as { alarmNames?: string[]; enable?: boolean; rollback?: boolean } | undefined;
  if (alarms) out.alarms = { alarmNames: [...(alarms.alarmNames ?? [])], enable: alarms.enable ?? false, rollback: alarms.rollback ?? false };
  return out;
}

interface LaunchChoice {
  launchType?: 'EC2' | 'FARGATE' | 'EXTERNAL';
  capacityProviderStrategy?: { capacityProvider: string; weight: number; base: number }[];
}

export function launchChoice(state: SimState, cluster: ClusterRecord, req: Req, current?: LaunchChoice): LaunchChoice {
  const launchType = optEnum(req, 'launchType', LAUNCH_TYPES);
  const raw = req.capacityProviderStrategy;
  const strategyGiven = Array.isArray(raw) && raw.length > 0;
  if (!launchType && !strategyGiven && current) return current;
  // Checks and the cluster default: capacity/strategy.ts (reference §10.1).
  const strategy = strategyForRequest(state, cluster, launchType, raw);
  if (!strategy) return { launchType: launchType ?? 'EC2' };
  return { capacityProviderStrategy: strategy.items };
}

function isFargate(choice: LaunchChoice): boolean {
  return choice.launchType === 'FARGATE' || (choice.capacityProviderStrategy?.some((s) => isFargateProvider(s.capacityProvider)) ?? false);
}

export function networkConfiguration(td: TaskDefinitionRecord, raw: unknown): RevisionRecord['networkConfiguration'] {
  const awsvpc = (td.body.networkMode ?? 'bridge') === 'awsvpc';
  const nc = raw as { awsvpcConfiguration?: { subnets?: unknown; securityGroups?: unknown; assignPublicIp?: unknown } } | undefined | null;
  if (!awsvpc) {
    if (nc !== undefined && nc !== null) throw new EcsError('InvalidParameterException', Messages.networkConfigurationNotAllowed);
    return undefined;
  }
  if (!nc?.awsvpcConfiguration) throw new EcsError('InvalidParameterException', Messages.networkConfigurationRequired);
  const subnets = nc.awsvpcConfiguration.subnets;
  if (!Array.isArray(subnets) || subnets.length === 0 || subnets.some((s) => typeof s !== 'string')) throw new EcsError('InvalidParameterException', Messages.subnetsRequired);
  if (subnets.length > 16) throw new EcsError('InvalidParameterException', Messages.tooManyIdentifiers('subnets', 16));
  const out: NonNullable<RevisionRecord['networkConfiguration']> = { awsvpcConfiguration: { subnets: [...(subnets as string[])] } };
  const sgs = nc.awsvpcConfiguration.securityGroups;
  if (Array.isArray(sgs)) out.awsvpcConfiguration.securityGroups = [...(sgs as string[])];
  const ip = nc.awsvpcConfiguration.assignPublicIp;
  out.awsvpcConfiguration.assignPublicIp = ip === 'ENABLED' ? 'ENABLED' : 'DISABLED';
  return out;
}

function placement(req: Req, strategy: SchedulingStrategy, td: TaskDefinitionRecord, current?: RevisionRecord): Pick<RevisionRecord, 'placementConstraints' | 'placementStrategy'> {
  const constraints = req.placementConstraints !== undefined ? (req.placementConstraints as RevisionRecord['placementConstraints']) ?? [] : current?.placementConstraints ?? [];
  const strategies = req.placementStrategy !== undefined ? (req.placementStrategy as RevisionRecord['placementStrategy']) ?? [] : current?.placementStrategy ?? [];
  if (!Array.isArray(constraints)) throw new EcsError('InvalidParameterException', Messages.wrongType('placementConstraints', 'list'));
  if (!Array.isArray(strategies)) throw new EcsError('InvalidParameterException', Messages.wrongType('placementStrategy', 'list'));
  const c = checkConstraints(constraints, td.body.placementConstraints ?? []);
  if (!c.ok) throw new EcsError('InvalidParameterException', c.message);
  const s = checkStrategies(strategies);
  if (!s.ok) throw new EcsError('InvalidParameterException', s.message);
  if (strategy === 'DAEMON' && strategies.length > 0) throw new EcsError('InvalidParameterException', Messages.daemonPlacementStrategy);
  return {
    placementConstraints: constraints.map((x) => (x.expression !== undefined ? { type: x.type, expression: x.expression } : { type: x.type })),
    placementStrategy: strategies.map((x) => (x.field !== undefined ? { type: x.type, field: x.field } : { type: x.type })),
  };
}

export function checkCompatible(td: TaskDefinitionRecord, choice: LaunchChoice): void {
  const type = isFargate(choice) ? 'FARGATE' : choice.launchType ?? 'EC2';
  const compat = td.body.compatibilities;
  if (compat && compat.length > 0 && !compat.includes(type)) throw new EcsError('InvalidParameterException', Messages.launchTypeNotSupported(type));
  if (type === 'FARGATE' && (td.body.networkMode ?? 'bridge') !== 'awsvpc') throw new EcsError('InvalidParameterException', Messages.fargateNeedsAwsvpc);
}

export function platformOf(req: Req, choice: LaunchChoice, td: TaskDefinitionRecord, current?: RevisionRecord): Pick<RevisionRecord, 'platformVersion' | 'platformFamily'> {
  const given = optString(req, 'platformVersion');
  if (!isFargate(choice)) {
    if (given !== undefined) throw new EcsError('InvalidParameterException', Messages.platformVersionNotForEc2);
    return {};
  }
  const version = given ?? current?.platformVersion ?? 'LATEST';
  if (version !== 'LATEST' && version !== FARGATE_LATEST && version !== '1.3.0') throw new EcsError('PlatformUnknownException', Messages.platformVersionUnknown);
  const os = td.body.runtimePlatform?.operatingSystemFamily ?? 'LINUX';
  return { platformVersion: version, platformFamily: os === 'LINUX' ? 'Linux' : os };
}

function gracePeriod(req: Req): number | undefined {
  const g = optInteger(req, 'healthCheckGracePeriodSeconds');
  if (g !== undefined && (g < 0 || g > MAX_GRACE)) throw new EcsError('InvalidParameterException', Messages.gracePeriodRange);
  return g;
}

export function createService(state: SimState, input: CreateServiceRequest): CreateServiceResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const serviceName = reqString(req, 'serviceName');
  if (!SERVICE_NAME.test(serviceName)) throw new EcsError('InvalidParameterException', Messages.invalidServiceName);
  const clientToken = optString(req, 'clientToken');
  const serviceArn = arns.service(state, cluster.clusterName, serviceName);
  state.services ??= {}; // snapshots from before services existed
  const existing = state.services[serviceArn];
  if (existing && existing.status !== 'INACTIVE') {
    const { clientToken: _omit, ...rest } = req;
    if (clientToken !== undefined && existing.clientToken?.token === clientToken && existing.clientToken.request === JSON.stringify(rest)) {
      return { service: describeService(state, existing, ['TAGS']) };
    }
    throw new EcsError('InvalidParameterException', Messages.serviceNotIdempotent);
  }
  const controller = controllerOf(req);
  const schedulingStrategy = optEnum(req, 'schedulingStrategy', ['REPLICA', 'DAEMON'] as const) ?? 'REPLICA';
  const desiredIn = optInteger(req, 'desiredCount');
  if (schedulingStrategy === 'REPLICA' && desiredIn === undefined) throw new EcsError('InvalidParameterException', Messages.desiredCountRequired);
  if (desiredIn !== undefined && desiredIn < 0) throw new EcsError('InvalidParameterException', Messages.desiredCountNegative);
  if (schedulingStrategy === 'DAEMON' && desiredIn !== undefined && desiredIn !== 0) throw new EcsError('InvalidParameterException', Messages.desiredCountDaemon);
  if (schedulingStrategy === 'DAEMON' && controller !== 'ECS') throw new EcsError('InvalidParameterException', TaskSetMessages.daemonController(controller));
  // EXTERNAL services may be created with nothing but a name; their task sets say what runs (reference §9.5).
  const revision = controller === 'EXTERNAL' && req.taskDefinition === undefined ? externalRevision() : serviceRevision(state, cluster, req, schedulingStrategy);
  const tags = checkTags(req.tags);
  const propagateTags = optEnum(req, 'propagateTags', ['TASK_DEFINITION', 'SERVICE', 'NONE'] as const) ?? 'NONE';
  const azRebalancing = optEnum(req, 'availabilityZoneRebalancing', ['ENABLED', 'DISABLED'] as const);
  const role = optString(req, 'role');
  const svc: ServiceRecord = {
    serviceArn,
    serviceName,
    clusterArn: cluster.clusterArn,
    clusterName: cluster.clusterName,
    status: 'ACTIVE',
    schedulingStrategy,
    desiredCount: schedulingStrategy === 'DAEMON' ? 0 : desiredIn!,
    revision,
    deploymentConfiguration: deploymentConfiguration(req.deploymentConfiguration, schedulingStrategy),
    deploymentController: controller,
    enableECSManagedTags: optBoolean(req, 'enableECSManagedTags') ?? false,
    propagateTags,
    enableExecuteCommand: optBoolean(req, 'enableExecuteCommand') ?? false,
    availabilityZoneRebalancing: azRebalancing ?? (schedulingStrategy === 'DAEMON' ? 'DISABLED' : 'ENABLED'),
    createdBy: `arn:${partitionOf(state.region)}:iam::${state.accountId}:root`,
    tags,
    createdAt: state.now,
    deployments: [],
    pastDeployments: [],
    events: [],
    recentMessages: {},
    throttle: { failures: 0, notBefore: 0, impaired: false },
    tasks: {},
  };
  const grace = gracePeriod(req);
  if (grace !== undefined) svc.healthCheckGracePeriodSeconds = grace;
  if (role !== undefined) svc.roleArn = role.startsWith('arn:') ? role : `arn:${partitionOf(state.region)}:iam::${state.accountId}:role/${role}`;
  if (clientToken !== undefined) {
    const { clientToken: _omit, ...rest } = req;
    svc.clientToken = { token: clientToken, request: JSON.stringify(rest) };
  }
  state.services[serviceArn] = svc;
  if (controller === 'ECS') createDeployment(state, svc);
  else if (controller === 'CODE_DEPLOY') addTaskSet(state, svc, { revision: structuredClone(revision), scale: 100, status: 'PRIMARY' });
  emit(state, 'service.created', `Service ${serviceName} created in cluster ${cluster.clusterName}.`, {
    resource: serviceArn,
    data: { serviceName, clusterName: cluster.clusterName, desiredCount: svc.desiredCount, schedulingStrategy },
  });
  requestReconcile(state, cluster.clusterName, state.now, true);
  return { service: describeService(state, svc, ['TAGS']) };
}

/** The revision a CreateService request asks for. */
function serviceRevision(state: SimState, cluster: ClusterRecord, req: Req, schedulingStrategy: SchedulingStrategy): RevisionRecord {
  const td = resolveTaskDefinition(state, reqString(req, 'taskDefinition'));
  const choice = launchChoice(state, cluster, req);
  if (schedulingStrategy === 'DAEMON' && isFargate(choice)) throw new EcsError('InvalidParameterException', Messages.daemonFargate);
  checkCompatible(td, choice);
  const revision: RevisionRecord = {
    taskDefinition: td.taskDefinitionArn,
    ...choice,
    ...platformOf(req, choice, td),
    networkConfiguration: networkConfiguration(td, req.networkConfiguration),
    ...placement(req, schedulingStrategy, td),
    loadBalancers: ((req.loadBalancers as object[] | undefined) ?? []).map((l) => ({ ...l })) as RevisionRecord['loadBalancers'],
    serviceRegistries: ((req.serviceRegistries as object[] | undefined) ?? []).map((r) => ({ ...r })) as RevisionRecord['serviceRegistries'],
  };
  if (!revision.networkConfiguration) delete revision.networkConfiguration;
  checkServiceLoadBalancers(state, req.loadBalancers, td.body.networkMode ?? 'bridge', (td.body.containerDefinitions ?? []).map((c) => c.name ?? ''));
  return revision;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function updateService(state: SimState, input: UpdateServiceRequest): UpdateServiceResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const svc = activeService(state, cluster, reqString(req, 'service'));
  checkControllerUpdate(req, svc);
  const desired = optInteger(req, 'desiredCount');
  if (desired !== undefined && desired < 0) throw new EcsError('InvalidParameterException', Messages.desiredCountNegative);
  if (desired !== undefined && svc.schedulingStrategy === 'DAEMON') throw new EcsError('InvalidParameterException', Messages.desiredCountDaemon);
  const current = svc.revision;
  const next = svc.deploymentController !== 'ECS' ? current : nextRevision(state, cluster, req, svc);
  const config = deploymentConfiguration(req.deploymentConfiguration, svc.schedulingStrategy, svc.deploymentConfiguration);
  const grace = gracePeriod(req);
  const force = optBoolean(req, 'forceNewDeployment') ?? false;
  const propagateTags = optEnum(req, 'propagateTags', ['TASK_DEFINITION', 'SERVICE', 'NONE'] as const);
  const azRebalancing = optEnum(req, 'availabilityZoneRebalancing', ['ENABLED', 'DISABLED'] as const);
  const managedTags = optBoolean(req, 'enableECSManagedTags');
  const exec = optBoolean(req, 'enableExecuteCommand');

  // Everything checked: apply. desiredCount, the grace period and tag options never need new tasks (reference §6.7).
  const needsDeployment = force || !sameJson(next, current);
  svc.revision = next;
  svc.deploymentConfiguration = config;
  if (desired !== undefined) svc.desiredCount = desired;
  if (grace !== undefined) svc.healthCheckGracePeriodSeconds = grace;
  if (propagateTags !== undefined) svc.propagateTags = propagateTags;
  if (azRebalancing !== undefined) svc.availabilityZoneRebalancing = azRebalancing;
  if (managedTags !== undefined) svc.enableECSManagedTags = managedTags;
  if (exec !== undefined) svc.enableExecuteCommand = exec;
  // Any update resets the restart throttle (reference §6.4).
  svc.throttle = { failures: 0, notBefore: 0, impaired: false };
  svc.placementRetryAt = undefined;
  if (needsDeployment && svc.deploymentController === 'ECS') createDeployment(state, svc);
  emit(state, 'service.updated', `Service ${svc.serviceName} updated${needsDeployment ? ': new deployment ' + svc.deployments[0].id : ''}.`, {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, desiredCount: svc.desiredCount, newDeployment: needsDeployment },
  });
  requestReconcile(state, cluster.clusterName, state.now, true);
  return { service: describeService(state, svc) };
}

/** The revision an UpdateService request asks for (ECS controller). */
function nextRevision(state: SimState, cluster: ClusterRecord, req: Req, svc: ServiceRecord): RevisionRecord {
  const tdRef = optString(req, 'taskDefinition');
  const td = tdRef !== undefined ? resolveTaskDefinition(state, tdRef) : resolveTaskDefinition(state, svc.revision.taskDefinition);
  const current = svc.revision;
  const choice = launchChoice(state, cluster, req, { launchType: current.launchType, capacityProviderStrategy: current.capacityProviderStrategy });
  if (svc.schedulingStrategy === 'DAEMON' && isFargate(choice)) throw new EcsError('InvalidParameterException', Messages.daemonFargate);
  checkCompatible(td, choice);
  const next: RevisionRecord = {
    taskDefinition: td.taskDefinitionArn,
    ...choice,
    ...platformOf(req, choice, td, current),
    networkConfiguration: networkConfiguration(td, req.networkConfiguration !== undefined ? req.networkConfiguration : current.networkConfiguration),
    ...placement(req, svc.schedulingStrategy, td, current),
    loadBalancers: req.loadBalancers !== undefined ? ((req.loadBalancers as object[]) ?? []).map((l) => ({ ...l })) as RevisionRecord['loadBalancers'] : current.loadBalancers,
    serviceRegistries:
      req.serviceRegistries !== undefined ? ((req.serviceRegistries as object[]) ?? []).map((r) => ({ ...r })) as RevisionRecord['serviceRegistries'] : current.serviceRegistries,
  };
  if (!next.networkConfiguration) delete next.networkConfiguration;
  checkServiceLoadBalancers(state, next.loadBalancers, td.body.networkMode ?? 'bridge', (td.body.containerDefinitions ?? []).map((c) => c.name ?? ''));
  return next;
}

export function deleteService(state: SimState, input: DeleteServiceRequest): DeleteServiceResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const svc = findService(state, cluster, reqString(req, 'service'));
  if (!svc || svc.status === 'INACTIVE') throw new EcsError('ServiceNotFoundException', Messages.serviceNotFound);
  if (svc.status !== 'ACTIVE') throw new EcsError('ServiceNotActiveException', Messages.serviceNotActive);
  const force = optBoolean(req, 'force') ?? false;
  if (svc.schedulingStrategy === 'REPLICA' && svc.desiredCount > 0 && !force) {
    throw new EcsError('InvalidParameterException', Messages.serviceScaledAboveZero);
  }
  svc.desiredCount = 0;
  svc.status = 'DRAINING';
  emit(state, 'service.deleted', `Service ${svc.serviceName} deleted (DRAINING).`, { resource: svc.serviceArn, data: { serviceName: svc.serviceName } });
  requestReconcile(state, cluster.clusterName, state.now, true);
  return { service: describeService(state, svc) };
}

export function describeServices(state: SimState, input: DescribeServicesRequest): DescribeServicesResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const refs = optStringList(req, 'services', 10);
  if (!refs || refs.length === 0) throw new EcsError('InvalidParameterException', Messages.missingMember('services'));
  const include = optStringList(req, 'include') ?? [];
  for (const f of include) if (f !== 'TAGS') throw new EcsError('InvalidParameterException', Messages.invalidEnum('include', f, ['TAGS']));
  const services: Service[] = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const svc = findService(state, cluster, ref);
    if (svc) services.push(describeService(state, svc, include));
    else failures.push({ arn: ref.startsWith('arn:') ? ref : arns.service(state, cluster.clusterName, ref), reason: 'MISSING' });
  }
  return { services, failures };
}

export function listServices(state: SimState, input: ListServicesRequest = {}): ListServicesResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const launchType = optEnum(req, 'launchType', LAUNCH_TYPES);
  const schedulingStrategy = optEnum(req, 'schedulingStrategy', ['REPLICA', 'DAEMON'] as const);
  optEnum(req, 'resourceManagementType', ['CUSTOMER', 'ECS'] as const);
  const matches: string[] = [];
  for (const svc of Object.values(state.services ?? {})) {
    // DRAINING and INACTIVE services are not listed (reference §6.6).
    if (svc.clusterName !== cluster.clusterName || svc.status !== 'ACTIVE') continue;
    if (schedulingStrategy !== undefined && svc.schedulingStrategy !== schedulingStrategy) continue;
    if (launchType !== undefined) {
      const lt = isFargate(svc.revision) ? 'FARGATE' : svc.revision.launchType ?? 'EC2';
      if (lt !== launchType) continue;
    }
    matches.push(svc.serviceArn);
  }
  const { page, nextToken } = paginate(matches, req, { defaultMax: 10, max: 100 });
  return nextToken ? { serviceArns: page, nextToken } : { serviceArns: page };
}

export const serviceOperations = { createService, updateService, deleteService, describeServices, listServices };
