/**
 * CodeDeploy applications, deployment groups and custom deployment configurations for the ECS
 * compute platform: CreateApplication, GetApplication, CreateDeploymentGroup, GetDeploymentGroup,
 * CreateDeploymentConfig, GetDeploymentConfig. A deployment group names one CODE_DEPLOY ECS service,
 * its target group pair, the production (and optional test) listener, the termination wait, the
 * Ready option and automatic rollback.
 */
import { arns } from '../engine/arn';
import { newUuid } from '../engine/ids';
import { emit, toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { elbOf } from '../elb/targets';
import { PREDEFINED_ECS_CONFIGS, resolveConfig, type TrafficRoutingConfig } from './configs';
import { CodeDeployError, CodeDeployMessages } from './errors';
import type { DeploymentGroupRecord } from './records';
import { cdOf, groupKey } from './store';

type Req = Record<string, unknown>;
const isObject = (v: unknown): v is Req => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export const MAX_TERMINATION_WAIT_MIN = 2880;
/** ECS: up to 120 hours between a revision's deployment and the traffic shift (reference §9.4) */
export const MAX_READY_WAIT_MIN = 7200;

function application(state: SimState, name: unknown) {
  const n = str(name);
  if (!n) throw new CodeDeployError('ApplicationNameRequiredException', CodeDeployMessages.applicationNameRequired);
  const app = cdOf(state).applications[n];
  if (!app) throw new CodeDeployError('ApplicationDoesNotExistException', CodeDeployMessages.applicationMissing(n));
  return app;
}

export function deploymentGroup(state: SimState, applicationName: unknown, groupName: unknown): DeploymentGroupRecord {
  const app = application(state, applicationName);
  const g = str(groupName);
  if (!g) throw new CodeDeployError('DeploymentGroupNameRequiredException', CodeDeployMessages.groupNameRequired);
  const group = cdOf(state).deploymentGroups[groupKey(app.applicationName, g)];
  if (!group) throw new CodeDeployError('DeploymentGroupDoesNotExistException', CodeDeployMessages.groupMissing(g));
  return group;
}

/** A configuration by name: the five predefined ECS ones or one made with createDeploymentConfig. */
export function routingOf(state: SimState, name: string): TrafficRoutingConfig {
  const custom = cdOf(state).deploymentConfigs[name];
  if (custom) return custom.routing;
  if (name.startsWith('CodeDeployDefault.') && !PREDEFINED_ECS_CONFIGS[name]) throw new CodeDeployError('InvalidDeploymentConfigNameException', CodeDeployMessages.configNotEcs(name));
  try {
    return resolveConfig(name);
  } catch {
    throw new CodeDeployError('DeploymentConfigDoesNotExistException', CodeDeployMessages.configMissing(name));
  }
}

export function createApplication(state: SimState, input: { applicationName: string; computePlatform?: string }) {
  const req = (input ?? {}) as Req;
  const name = str(req.applicationName);
  if (!name) throw new CodeDeployError('ApplicationNameRequiredException', CodeDeployMessages.applicationNameRequired);
  if (req.computePlatform !== undefined && req.computePlatform !== 'ECS') throw new CodeDeployError('InvalidInputException', CodeDeployMessages.computePlatform);
  const cd = cdOf(state);
  if (cd.applications[name]) throw new CodeDeployError('ApplicationAlreadyExistsException', CodeDeployMessages.applicationExists(name));
  const applicationId = newUuid(state.rng);
  cd.applications[name] = { applicationName: name, applicationId, computePlatform: 'ECS', createTime: state.now };
  emit(state, 'codedeploy.application', `CodeDeploy application ${name} created.`, { data: { applicationName: name } });
  return { applicationId };
}

export function getApplication(state: SimState, input: { applicationName: string }) {
  const app = application(state, input?.applicationName);
  return { application: { applicationId: app.applicationId, applicationName: app.applicationName, createTime: toDate(state, app.createTime), linkedToGitHub: false, computePlatform: app.computePlatform } };
}

function targetGroupArn(state: SimState, nameOrArn: string): string {
  const e = elbOf(state);
  if (e.targetGroups[nameOrArn]) return nameOrArn;
  const tg = Object.values(e.targetGroups).find((t) => t.targetGroupName === nameOrArn);
  if (!tg) throw new CodeDeployError('InvalidTargetGroupPairException', CodeDeployMessages.targetGroupMissing(nameOrArn));
  return tg.targetGroupArn;
}

function listeners(state: SimState, route: unknown, required: boolean): string[] {
  const arnsIn = isObject(route) && Array.isArray(route.listenerArns) ? (route.listenerArns as unknown[]) : [];
  if (arnsIn.length === 0 && !required) return [];
  if (arnsIn.length !== 1 || typeof arnsIn[0] !== 'string') throw new CodeDeployError('InvalidTargetGroupPairException', CodeDeployMessages.targetGroupPair);
  if (!elbOf(state).listeners[arnsIn[0]]) throw new CodeDeployError('InvalidTargetGroupPairException', CodeDeployMessages.listenerMissing(arnsIn[0]));
  return [arnsIn[0]];
}

export function createDeploymentGroup(state: SimState, input: Req) {
  const req = (input ?? {}) as Req;
  const app = application(state, req.applicationName);
  const name = str(req.deploymentGroupName);
  if (!name) throw new CodeDeployError('DeploymentGroupNameRequiredException', CodeDeployMessages.groupNameRequired);
  const cd = cdOf(state);
  if (cd.deploymentGroups[groupKey(app.applicationName, name)]) throw new CodeDeployError('DeploymentGroupAlreadyExistsException', CodeDeployMessages.groupExists(name));
  const configName = str(req.deploymentConfigName) ?? 'CodeDeployDefault.ECSAllAtOnce';
  routingOf(state, configName);
  const services = req.ecsServices;
  if (!Array.isArray(services) || services.length !== 1 || !isObject(services[0]) || !str(services[0].serviceName) || !str(services[0].clusterName)) {
    throw new CodeDeployError('InvalidECSServiceException', CodeDeployMessages.ecsServiceRequired);
  }
  const serviceName = services[0].serviceName as string;
  const clusterName = services[0].clusterName as string;
  const svc = state.services?.[arns.service(state, clusterName, serviceName)];
  if (!svc || svc.status !== 'ACTIVE') throw new CodeDeployError('InvalidECSServiceException', CodeDeployMessages.ecsServiceMissing(serviceName, clusterName));
  if (svc.deploymentController !== 'CODE_DEPLOY') throw new CodeDeployError('InvalidECSServiceException', CodeDeployMessages.ecsServiceController(serviceName));
  if (Object.values(cd.deploymentGroups).some((g) => g.ecsService.serviceName === serviceName && g.ecsService.clusterName === clusterName)) {
    throw new CodeDeployError('ECSServiceMappingLimitExceededException', CodeDeployMessages.ecsServiceMapped(serviceName));
  }
  const lbi = req.loadBalancerInfo;
  const pairs = isObject(lbi) && Array.isArray(lbi.targetGroupPairInfoList) ? (lbi.targetGroupPairInfoList as unknown[]) : [];
  const pair = pairs[0];
  if (pairs.length !== 1 || !isObject(pair) || !Array.isArray(pair.targetGroups) || pair.targetGroups.length !== 2) {
    throw new CodeDeployError('InvalidTargetGroupPairException', CodeDeployMessages.targetGroupPair);
  }
  const tgs = (pair.targetGroups as unknown[]).map((t) => targetGroupArn(state, (isObject(t) && str(t.name)) || '')) as [string, string];
  const prod = listeners(state, pair.prodTrafficRoute, true);
  const test = listeners(state, pair.testTrafficRoute, false);
  const bg = isObject(req.blueGreenDeploymentConfiguration) ? req.blueGreenDeploymentConfiguration : {};
  const term = isObject(bg.terminateBlueInstancesOnDeploymentSuccess) ? bg.terminateBlueInstancesOnDeploymentSuccess : {};
  const wait = term.terminationWaitTimeInMinutes ?? 0;
  if (typeof wait !== 'number' || !Number.isInteger(wait) || wait < 0 || wait > MAX_TERMINATION_WAIT_MIN) throw new CodeDeployError('InvalidInputException', CodeDeployMessages.terminationWait);
  const ready = isObject(bg.deploymentReadyOption) ? bg.deploymentReadyOption : {};
  const readyWait = ready.waitTimeInMinutes ?? 0;
  if (typeof readyWait !== 'number' || !Number.isInteger(readyWait) || readyWait < 0 || readyWait > MAX_READY_WAIT_MIN) throw new CodeDeployError('InvalidInputException', CodeDeployMessages.readyWait);
  const ar = isObject(req.autoRollbackConfiguration) ? req.autoRollbackConfiguration : {};
  const group: DeploymentGroupRecord = {
    applicationName: app.applicationName,
    deploymentGroupName: name,
    deploymentGroupId: newUuid(state.rng),
    deploymentConfigName: configName,
    serviceRoleArn: str(req.serviceRoleArn) ?? `arn:aws:iam::${state.accountId}:role/ecsCodeDeployRole`,
    ecsService: { serviceName, clusterName },
    targetGroups: tgs,
    prodListenerArns: prod,
    testListenerArns: test,
    terminateBlue: { action: term.action === 'KEEP_ALIVE' ? 'KEEP_ALIVE' : 'TERMINATE', terminationWaitTimeInMinutes: wait },
    deploymentReady: { actionOnTimeout: ready.actionOnTimeout === 'STOP_DEPLOYMENT' ? 'STOP_DEPLOYMENT' : 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: readyWait },
    autoRollback: { enabled: ar.enabled === true, events: Array.isArray(ar.events) ? (ar.events as unknown[]).filter((e): e is string => typeof e === 'string') : [] },
  };
  cd.deploymentGroups[groupKey(app.applicationName, name)] = group;
  emit(state, 'codedeploy.deploymentGroup', `CodeDeploy deployment group ${name} created for ECS service ${serviceName}.`, { data: { applicationName: app.applicationName, deploymentGroupName: name } });
  return { deploymentGroupId: group.deploymentGroupId };
}

export function getDeploymentGroup(state: SimState, input: { applicationName: string; deploymentGroupName: string }) {
  const g = deploymentGroup(state, input?.applicationName, input?.deploymentGroupName);
  const e = elbOf(state);
  return {
    deploymentGroupInfo: {
      applicationName: g.applicationName,
      deploymentGroupId: g.deploymentGroupId,
      deploymentGroupName: g.deploymentGroupName,
      deploymentConfigName: g.deploymentConfigName,
      serviceRoleArn: g.serviceRoleArn,
      ecsServices: [{ ...g.ecsService }],
      computePlatform: 'ECS',
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      blueGreenDeploymentConfiguration: {
        terminateBlueInstancesOnDeploymentSuccess: { ...g.terminateBlue },
        deploymentReadyOption: { ...g.deploymentReady },
      },
      autoRollbackConfiguration: { enabled: g.autoRollback.enabled, events: [...g.autoRollback.events] },
      loadBalancerInfo: {
        targetGroupPairInfoList: [
          {
            targetGroups: g.targetGroups.map((arn) => ({ name: e.targetGroups[arn]?.targetGroupName ?? arn })),
            prodTrafficRoute: { listenerArns: [...g.prodListenerArns] },
            ...(g.testListenerArns.length > 0 ? { testTrafficRoute: { listenerArns: [...g.testListenerArns] } } : {}),
          },
        ],
      },
    },
  };
}

function routingInput(raw: unknown): TrafficRoutingConfig {
  const bad = () => new CodeDeployError('InvalidTrafficRoutingConfigurationException', CodeDeployMessages.trafficRouting);
  if (!isObject(raw)) throw bad();
  try {
    if (raw.type === 'AllAtOnce') return { type: 'AllAtOnce' };
    if (raw.type === 'TimeBasedCanary' && isObject(raw.timeBasedCanary)) {
      return resolveConfig({ type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: raw.timeBasedCanary.canaryPercentage as number, canaryInterval: raw.timeBasedCanary.canaryInterval as number } });
    }
    if (raw.type === 'TimeBasedLinear' && isObject(raw.timeBasedLinear)) {
      return resolveConfig({ type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: raw.timeBasedLinear.linearPercentage as number, linearInterval: raw.timeBasedLinear.linearInterval as number } });
    }
  } catch {
    throw bad();
  }
  throw bad();
}

export function createDeploymentConfig(state: SimState, input: Req) {
  const req = (input ?? {}) as Req;
  const name = str(req.deploymentConfigName);
  if (!name) throw new CodeDeployError('InvalidDeploymentConfigNameException', CodeDeployMessages.configMissing(''));
  if (req.computePlatform !== undefined && req.computePlatform !== 'ECS') throw new CodeDeployError('InvalidInputException', CodeDeployMessages.computePlatform);
  const cd = cdOf(state);
  if (cd.deploymentConfigs[name] || name.startsWith('CodeDeployDefault.')) throw new CodeDeployError('DeploymentConfigAlreadyExistsException', CodeDeployMessages.configExists(name));
  const routing = routingInput(req.trafficRoutingConfig);
  const deploymentConfigId = newUuid(state.rng);
  cd.deploymentConfigs[name] = { deploymentConfigName: name, deploymentConfigId, routing, createTime: state.now };
  return { deploymentConfigId };
}

export function getDeploymentConfig(state: SimState, input: { deploymentConfigName: string }) {
  const name = str(input?.deploymentConfigName) ?? '';
  const routing = routingOf(state, name);
  const custom = cdOf(state).deploymentConfigs[name];
  return {
    deploymentConfigInfo: {
      deploymentConfigName: name,
      ...(custom ? { deploymentConfigId: custom.deploymentConfigId, createTime: toDate(state, custom.createTime) } : {}),
      computePlatform: 'ECS',
      trafficRoutingConfig: structuredClone(routing),
    },
  };
}
