/**
 * CodeDeploy deployments of ECS services: CreateDeployment (an AppSpec naming the task definition,
 * container and port), GetDeployment, ListDeployments, GetDeploymentTarget / ListDeploymentTargets
 * (lifecycle events and the task sets with their traffic weights, as CodeDeploy reports an ECS
 * target), StopDeployment, ContinueDeployment and PutLifecycleEventHookExecutionStatus.
 */
import { EcsError } from '../api/errors';
import { arns } from '../engine/arn';
import type { JsonObject } from '../engine/json';
import { emit, toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { sendToActor, startActor } from '../machines/driver';
import { machines } from '../machines/registry';
import type { CodeDeployMachineInput } from '../machines/codeDeployDeployment.machine';
import { taskSetRevision } from '../tasksets/api';
import { taskSetCounts, wantedCount } from '../tasksets/reconcile';
import { primaryTaskSet, taskSetsOf, type TaskSetRecord } from '../tasksets/taskSets';
import { appSpecText, parseAppSpec } from './appspec';
import { trafficSchedule } from './configs';
import { CodeDeployError, CodeDeployMessages, StopMessages } from './errors';
import { deploymentGroup, routingOf } from './groups';
import { reportHook } from './hooks';
import { DEPLOYMENT_ID, newCodeDeployDeploymentId } from './ids';
import { ECS_LIFECYCLE_EVENTS, type CodeDeployDeploymentRecord, type DeploymentStatus, type LifecycleEventName } from './records';
import { cdOf, groupOf, isActive, serviceOf } from './store';

type Req = Record<string, unknown>;
const isObject = (v: unknown): v is Req => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function deploymentOf(state: SimState, id: unknown): CodeDeployDeploymentRecord {
  const s = str(id);
  if (!s) throw new CodeDeployError('DeploymentIdRequiredException', CodeDeployMessages.deploymentIdRequired);
  if (!DEPLOYMENT_ID.test(s)) throw new CodeDeployError('InvalidDeploymentIdException', CodeDeployMessages.invalidDeploymentId(s));
  const d = cdOf(state).deployments[s];
  if (!d) throw new CodeDeployError('DeploymentDoesNotExistException', CodeDeployMessages.deploymentMissing(s));
  return d;
}

export function createDeployment(state: SimState, input: Req) {
  const req = (input ?? {}) as Req;
  const group = deploymentGroup(state, req.applicationName, req.deploymentGroupName);
  const cd = cdOf(state);
  const running = cd.order.map((id) => cd.deployments[id]).find((d) => d.applicationName === group.applicationName && d.deploymentGroupName === group.deploymentGroupName && isActive(d));
  if (running) throw new CodeDeployError('DeploymentLimitExceededException', CodeDeployMessages.limitExceeded(group.deploymentGroupName, running.deploymentId));
  const rev = req.revision;
  if (!isObject(rev)) throw new CodeDeployError('RevisionRequiredException', CodeDeployMessages.revisionRequired);
  if (rev.revisionType !== 'AppSpecContent') throw new CodeDeployError('InvalidRevisionException', CodeDeployMessages.revisionType);
  const content = isObject(rev.appSpecContent) ? rev.appSpecContent.content : undefined;
  if (content === undefined) throw new CodeDeployError('RevisionRequiredException', CodeDeployMessages.revisionRequired);
  const appSpec = parseAppSpec(content, state);
  const configName = str(req.deploymentConfigName) ?? group.deploymentConfigName;
  const routing = routingOf(state, configName);
  const { serviceName, clusterName } = group.ecsService;
  const serviceArn = arns.service(state, clusterName, serviceName);
  const svc = state.services?.[serviceArn];
  if (!svc || svc.status !== 'ACTIVE') throw new CodeDeployError('InvalidECSServiceException', CodeDeployMessages.ecsServiceMissing(serviceName, clusterName));
  const original = primaryTaskSet(svc);
  if (!original) throw new CodeDeployError('InvalidECSServiceException', CodeDeployMessages.ecsServiceMissing(serviceName, clusterName));
  const originalTg = (original.revision.loadBalancers[0] as { targetGroupArn?: string } | undefined)?.targetGroupArn;
  if (!originalTg || !group.targetGroups.includes(originalTg)) throw new CodeDeployError('InvalidTargetGroupPairException', CodeDeployMessages.targetGroupPair);
  const replacementTg = group.targetGroups[0] === originalTg ? group.targetGroups[1] : group.targetGroups[0];
  const o = original.revision;
  const request: Req = {
    taskDefinition: appSpec.taskDefinition,
    networkConfiguration: appSpec.networkConfiguration ?? o.networkConfiguration,
    loadBalancers: [{ targetGroupArn: replacementTg, containerName: appSpec.containerName, containerPort: appSpec.containerPort }],
  };
  if (appSpec.capacityProviderStrategy) request.capacityProviderStrategy = appSpec.capacityProviderStrategy;
  else if (o.capacityProviderStrategy) request.capacityProviderStrategy = o.capacityProviderStrategy;
  else if (o.launchType) request.launchType = o.launchType;
  const platform = appSpec.platformVersion ?? o.platformVersion;
  if (platform !== undefined) request.platformVersion = platform;
  let replacementRevision;
  try {
    replacementRevision = taskSetRevision(state, svc, request);
  } catch (e) {
    if (e instanceof EcsError) throw new CodeDeployError('InvalidRevisionException', CodeDeployMessages.appSpec(e.message));
    throw e;
  }
  const id = newCodeDeployDeploymentId(state);
  const d: CodeDeployDeploymentRecord = {
    deploymentId: id,
    applicationName: group.applicationName,
    deploymentGroupName: group.deploymentGroupName,
    deploymentConfigName: configName,
    routing: structuredClone(routing),
    // Created → Queued → InProgress take seconds on AWS; here the deployment starts at once (ours).
    status: 'InProgress',
    creator: 'user',
    createTime: state.now,
    startTime: state.now,
    appSpecContent: appSpecText(content),
    appSpec,
    serviceArn,
    replacementRevision,
    originalTaskSetId: original.id,
    originalTargetGroupArn: originalTg,
    replacementTargetGroupArn: replacementTg,
    lifecycleEvents: ECS_LIFECYCLE_EVENTS.map((name) => ({ lifecycleEventName: name, status: 'Pending' })),
    hookExecutions: [],
    productionPercent: 0,
    testPercent: 0,
    terminateBlue: { ...group.terminateBlue },
    deploymentReady: { ...group.deploymentReady },
    autoRollback: { enabled: group.autoRollback.enabled, events: [...group.autoRollback.events] },
    actorId: `codedeploy:${id}`,
  };
  const description = str(req.description);
  if (description) d.description = description;
  cd.deployments[id] = d;
  cd.order.push(id);
  emit(state, 'codedeploy.deployment', `CodeDeploy deployment ${id} of ECS service ${serviceName} created (${configName}).`, {
    resource: serviceArn,
    data: { deploymentId: id, serviceName, deploymentConfigName: configName },
  });
  const machineInput: CodeDeployMachineInput = {
    deploymentId: id,
    hookEvents: Object.keys(appSpec.hooks) as LifecycleEventName[],
    steps: trafficSchedule(routing),
    readyWait: group.deploymentReady.waitTimeInMinutes > 0 || group.deploymentReady.actionOnTimeout === 'STOP_DEPLOYMENT',
    readyWaitMs: group.deploymentReady.waitTimeInMinutes * 60_000,
    readyContinues: group.deploymentReady.actionOnTimeout === 'CONTINUE_DEPLOYMENT',
    terminationWaitMs: group.terminateBlue.terminationWaitTimeInMinutes * 60_000,
    keepAlive: group.terminateBlue.action === 'KEEP_ALIVE',
  };
  startActor(state, machines, 'codeDeployDeployment', d.actorId!, machineInput as unknown as JsonObject);
  return { deploymentId: id };
}

const date = (state: SimState, ms: number | undefined) => (ms === undefined ? undefined : toDate(state, ms));

/** GetDeployment's deploymentInfo, the members an ECS deployment has. */
export interface DeploymentInfo {
  applicationName: string;
  deploymentGroupName: string;
  deploymentConfigName: string;
  deploymentId: string;
  revision: { revisionType: 'AppSpecContent'; appSpecContent: { content: string } };
  status: DeploymentStatus;
  createTime: Date;
  startTime?: Date;
  completeTime?: Date;
  creator: CodeDeployDeploymentRecord['creator'];
  description?: string;
  errorInformation?: { code: string; message: string };
  rollbackInfo?: CodeDeployDeploymentRecord['rollbackInfo'];
  ignoreApplicationStopFailures: boolean;
  autoRollbackConfiguration: { enabled: boolean; events: string[] };
  updateOutdatedInstancesOnly: boolean;
  deploymentStyle: { deploymentType: 'BLUE_GREEN'; deploymentOption: 'WITH_TRAFFIC_CONTROL' };
  blueGreenDeploymentConfiguration: {
    terminateBlueInstancesOnDeploymentSuccess: CodeDeployDeploymentRecord['terminateBlue'];
    deploymentReadyOption: CodeDeployDeploymentRecord['deploymentReady'];
  };
  instanceTerminationWaitTimeStarted: boolean;
  computePlatform: 'ECS';
  deploymentStatusMessages: string[];
}

export function deploymentInfo(state: SimState, d: CodeDeployDeploymentRecord): DeploymentInfo {
  const out: DeploymentInfo = {
    applicationName: d.applicationName,
    deploymentGroupName: d.deploymentGroupName,
    deploymentConfigName: d.deploymentConfigName,
    deploymentId: d.deploymentId,
    revision: { revisionType: 'AppSpecContent', appSpecContent: { content: d.appSpecContent } },
    status: d.status,
    createTime: toDate(state, d.createTime),
    creator: d.creator,
    ignoreApplicationStopFailures: false,
    autoRollbackConfiguration: { enabled: d.autoRollback.enabled, events: [...d.autoRollback.events] },
    updateOutdatedInstancesOnly: false,
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    blueGreenDeploymentConfiguration: {
      terminateBlueInstancesOnDeploymentSuccess: { ...d.terminateBlue },
      deploymentReadyOption: { ...d.deploymentReady },
    },
    instanceTerminationWaitTimeStarted: d.terminateAt !== undefined || (d.status === 'Succeeded' && d.creator === 'user'),
    computePlatform: 'ECS',
    deploymentStatusMessages: [],
  };
  if (d.startTime !== undefined) out.startTime = toDate(state, d.startTime);
  if (d.completeTime !== undefined) out.completeTime = toDate(state, d.completeTime);
  if (d.description) out.description = d.description;
  if (d.errorInformation) out.errorInformation = { ...d.errorInformation };
  if (d.rollbackInfo) out.rollbackInfo = { ...d.rollbackInfo };
  return out;
}

export function getDeployment(state: SimState, input: { deploymentId: string }) {
  return { deploymentInfo: deploymentInfo(state, deploymentOf(state, input?.deploymentId)) };
}

export function batchGetDeployments(state: SimState, input: { deploymentIds: string[] }) {
  const ids = Array.isArray(input?.deploymentIds) ? input.deploymentIds : [];
  return { deploymentsInfo: ids.filter((id) => cdOf(state).deployments[id]).map((id) => deploymentInfo(state, cdOf(state).deployments[id])) };
}

export function listDeployments(state: SimState, input: Req = {}) {
  const req = (input ?? {}) as Req;
  let list = [...cdOf(state).order].reverse().map((id) => cdOf(state).deployments[id]);
  if (req.applicationName !== undefined || req.deploymentGroupName !== undefined) {
    const g = deploymentGroup(state, req.applicationName, req.deploymentGroupName);
    list = list.filter((d) => d.applicationName === g.applicationName && d.deploymentGroupName === g.deploymentGroupName);
  }
  const statuses = Array.isArray(req.includeOnlyStatuses) ? (req.includeOnlyStatuses as DeploymentStatus[]) : undefined;
  if (statuses) list = list.filter((d) => statuses.includes(d.status));
  return { deployments: list.map((d) => d.deploymentId) };
}

const targetIdOf = (state: SimState, d: CodeDeployDeploymentRecord) => {
  const svc = serviceOf(state, d);
  return svc ? `${svc.clusterName}:${svc.serviceName}` : d.serviceArn;
};

/** The deployment's one ECS target: its lifecycle events and the task sets with their traffic weights. */
export function ecsTarget(state: SimState, d: CodeDeployDeploymentRecord) {
  const svc = serviceOf(state, d);
  const counts = svc ? taskSetCounts(state, svc) : new Map<string, { running: number; pending: number }>();
  const tgName = (arn: string | undefined) => (arn ? state.elb?.targetGroups[arn]?.targetGroupName ?? arn : undefined);
  const sets = svc
    ? [...taskSetsOf(svc), ...svc.pastDeployments.filter((p) => p.taskSet)].filter((t) => t.id === d.originalTaskSetId || t.id === d.replacementTaskSetId)
    : [];
  const taskSetsInfo = sets.map((t) => {
    const green = t.id === d.replacementTaskSetId;
    const c = counts.get(t.id) ?? { running: 0, pending: 0 };
    return {
      identifer: t.id,
      // task sets gone from the service (deleted, in pastDeployments) want no tasks
      desiredCount: svc && svc.deployments.includes(t) ? wantedCount(svc, t as TaskSetRecord) : 0,
      pendingCount: c.pending,
      runningCount: c.running,
      status: t.taskSet!.status,
      trafficWeight: green ? d.productionPercent : 100 - d.productionPercent,
      targetGroup: { name: tgName(green ? d.replacementTargetGroupArn : d.originalTargetGroupArn) },
      taskSetLabel: green ? 'Green' : 'Blue',
    };
  });
  const lastUpdated = Math.max(d.createTime, ...d.lifecycleEvents.map((e) => e.endTime ?? e.startTime ?? 0));
  return {
    deploymentId: d.deploymentId,
    targetId: targetIdOf(state, d),
    targetArn: d.serviceArn,
    lastUpdatedAt: toDate(state, lastUpdated),
    lifecycleEvents: d.lifecycleEvents.map((e) => {
      const out: Record<string, unknown> = { lifecycleEventName: e.lifecycleEventName, status: e.status };
      if (e.startTime !== undefined) out.startTime = date(state, e.startTime);
      if (e.endTime !== undefined) out.endTime = date(state, e.endTime);
      if (e.diagnostics) out.diagnostics = { ...e.diagnostics };
      return out;
    }),
    status: d.status === 'Ready' ? 'Ready' : d.status === 'Stopped' ? 'Failed' : d.status === 'Created' || d.status === 'Queued' ? 'Pending' : d.status === 'Baking' ? 'InProgress' : d.status,
    taskSetsInfo,
  };
}

export function listDeploymentTargets(state: SimState, input: { deploymentId: string }) {
  const d = deploymentOf(state, input?.deploymentId);
  return { targetIds: [targetIdOf(state, d)] };
}

export function getDeploymentTarget(state: SimState, input: { deploymentId: string; targetId: string }) {
  const d = deploymentOf(state, input?.deploymentId);
  return { deploymentTarget: { deploymentTargetType: 'ECSTarget', ecsTarget: ecsTarget(state, d) } };
}

export function stopDeployment(state: SimState, input: { deploymentId: string; autoRollbackEnabled?: boolean }) {
  const d = deploymentOf(state, input?.deploymentId);
  if (!isActive(d)) throw new CodeDeployError('DeploymentAlreadyCompletedException', CodeDeployMessages.alreadyCompleted(d.deploymentId));
  d.stopRollback = input.autoRollbackEnabled === true;
  if (d.actorId) sendToActor(state, machines, d.actorId, { type: 'STOP' });
  return { status: 'Pending', statusMessage: d.stopRollback ? StopMessages.rollingBack : StopMessages.stopping };
}

export function continueDeployment(state: SimState, input: { deploymentId: string; deploymentWaitType?: string }) {
  const d = deploymentOf(state, input?.deploymentId);
  const type = input.deploymentWaitType ?? 'READY_WAIT';
  if (type !== 'READY_WAIT' && type !== 'TERMINATION_WAIT') throw new CodeDeployError('InvalidDeploymentWaitTypeException', CodeDeployMessages.waitType);
  if (!isActive(d)) throw new CodeDeployError('DeploymentAlreadyCompletedException', CodeDeployMessages.alreadyCompleted(d.deploymentId));
  if (type === 'READY_WAIT') {
    if (d.status !== 'Ready') throw new CodeDeployError('DeploymentIsNotInReadyStateException', CodeDeployMessages.notReady(d.deploymentId));
    sendToActor(state, machines, d.actorId!, { type: 'CONTINUE_READY' });
  } else {
    if (d.terminateAt === undefined) throw new CodeDeployError('DeploymentIsNotInReadyStateException', CodeDeployMessages.notWaitingForTermination(d.deploymentId));
    sendToActor(state, machines, d.actorId!, { type: 'CONTINUE_TERMINATION' });
  }
  return {};
}

export function putLifecycleEventHookExecutionStatus(state: SimState, input: { deploymentId: string; lifecycleEventHookExecutionId: string; status: string }) {
  const d = deploymentOf(state, input?.deploymentId);
  const id = str(input.lifecycleEventHookExecutionId) ?? '';
  const exec = d.hookExecutions.find((h) => h.lifecycleEventHookExecutionId === id);
  if (!exec) throw new CodeDeployError('InvalidLifecycleEventHookExecutionIdException', CodeDeployMessages.hookExecutionId(id));
  if (input.status !== 'Succeeded' && input.status !== 'Failed') throw new CodeDeployError('InvalidLifecycleEventHookExecutionStatusException', CodeDeployMessages.hookStatus);
  if (exec.status === 'Succeeded' || exec.status === 'Failed' || !isActive(d)) throw new CodeDeployError('LifecycleEventAlreadyCompletedException', CodeDeployMessages.hookCompleted(id));
  reportHook(state, d, exec, input.status);
  return { lifecycleEventHookExecutionId: id };
}

export { groupOf };
