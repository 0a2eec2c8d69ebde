/** RunTask, StartTask, StopTask, DescribeTasks, ListTasks. Lifecycle: machines/task.machine.ts; choices: docs/task-lifecycle.md. */
import type {
  DescribeTasksRequest,
  DescribeTasksResponse,
  Failure,
  ListTasksRequest,
  ListTasksResponse,
  RunTaskRequest,
  RunTaskResponse,
  StartTaskRequest,
  StartTaskResponse,
  StopTaskRequest,
  StopTaskResponse,
  Task,
} from '@aws-sdk/client-ecs';
import { arns, nameFromArnOrName } from '../engine/arn';
import type { JsonObject } from '../engine/json';
import { pick } from '../engine/rng';
import type { SimState } from '../engine/state';
import { findContainerInstance, registeredInstancesOf } from '../infra/instances';
import { availabilityZonesOf } from '../infra/network';
import type { TaskDefinitionRecord } from '../taskdef/record';
import { resolveTaskDefinition } from '../taskdef/resolve';
import { launchTask, newTaskArn } from '../tasks/create';
import { describeTask } from '../tasks/describe';
import { effectiveContainers, planTask, type TaskOverridesView } from '../tasks/needs';
import { placeOn, type Placement } from '../tasks/placement';
import { checkRunTaskPlacement, placeOneTask } from '../placement/runTask';
import type { PlacementConstraint, PlacementExplanation, PlacementStrategy } from '../placement/types';
import type { TaskRecord } from '../tasks/record';
import { requestStop } from '../tasks/stop';
import type { ClusterRecord } from './clusterRecord';
import { resolveCluster } from './clusters';
import { EcsError } from './errors';
import { Messages } from './messages';
import { asRequest, optBoolean, optEnum, optInteger, optString, optStringList, paginate, reqString, type Req } from './request';
import { checkTags, mergeTags, type Tag } from './tags';
import { distribute, strategyForRequest } from '../capacity/strategy';
import { addWaiting, MAX_PROVISIONING_TASKS, providerInstances, waitingInCluster } from '../capacity/waiting';
import { fargateSpotAvailable } from '../capacity/spot';
import { CAPACITY_UNAVAILABLE_REASON } from '../capacity/eventMessages';

const LAUNCH_TYPES = ['EC2', 'FARGATE', 'EXTERNAL'] as const;
type LaunchType = (typeof LAUNCH_TYPES)[number];
/** Linux Fargate platform versions still offered; LATEST means 1.4.0 (reference §14). */
const FARGATE_PLATFORM_VERSIONS = ['1.4.0', '1.3.0'];
export const FARGATE_LATEST = '1.4.0';

/** What RunTask and StartTask share once the request is checked. */
interface TaskRequestCommon {
  cluster: ClusterRecord;
  taskDefinition: TaskDefinitionRecord;
  overrides: TaskOverridesView;
  group: string;
  startedBy?: string;
  tags: Tag[];
  enableExecuteCommand: boolean;
  subnets: string[];
}

function checkOverrides(raw: unknown): TaskOverridesView {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new EcsError('InvalidParameterException', Messages.wrongType('overrides', 'TaskOverride'));
  return raw as TaskOverridesView;
}

/** The overrides member as ECS echoes it: every container named, with what was overridden. */
function echoOverrides(td: TaskDefinitionRecord, raw: TaskOverridesView): JsonObject {
  const given = raw.containerOverrides ?? [];
  const out: JsonObject = {
    ...(structuredClone(raw) as JsonObject),
    containerOverrides: (td.body.containerDefinitions ?? []).map((c) => ({ ...(given.find((o) => o.name === c.name) ?? {}), name: c.name ?? '' })),
    inferenceAcceleratorOverrides: [],
  };
  return out;
}

function commonRequest(state: SimState, req: Req, startedByMax: number): TaskRequestCommon {
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const taskDefinition = resolveTaskDefinition(state, reqString(req, 'taskDefinition'), { errorCode: 'InvalidParameterException' });
  const overrides = checkOverrides(req.overrides);
  for (const o of overrides.containerOverrides ?? []) {
    if (!(taskDefinition.body.containerDefinitions ?? []).some((c) => c.name === o.name)) {
      throw new EcsError('InvalidParameterException', Messages.containerOverrideUnknown(String(o.name)));
    }
  }
  const group = optString(req, 'group') ?? `family:${taskDefinition.family}`;
  if (group.length > 255) throw new EcsError('InvalidParameterException', Messages.taskGroupTooLong);
  const startedBy = optString(req, 'startedBy');
  if (startedBy !== undefined && startedBy.length > startedByMax) throw new EcsError('InvalidParameterException', Messages.startedByTooLong(startedByMax));
  let tags = checkTags(req.tags);
  const propagate = optEnum(req, 'propagateTags', ['TASK_DEFINITION', 'SERVICE', 'NONE'] as const);
  if (propagate === 'SERVICE') throw new EcsError('InvalidParameterException', Messages.propagateTagsServiceOnRunTask);
  if (propagate === 'TASK_DEFINITION') tags = mergeTags(taskDefinition.tags, tags);
  const enableExecuteCommand = optBoolean(req, 'enableExecuteCommand') ?? false;

  const networkMode = taskDefinition.body.networkMode ?? 'bridge';
  const nc = req.networkConfiguration as { awsvpcConfiguration?: { subnets?: unknown } } | undefined;
  let subnets: string[] = [];
  if (networkMode === 'awsvpc') {
    if (!nc?.awsvpcConfiguration) throw new EcsError('InvalidParameterException', Messages.networkConfigurationRequired);
    const raw = nc.awsvpcConfiguration.subnets;
    if (!Array.isArray(raw) || raw.length === 0 || raw.some((s) => typeof s !== 'string')) {
      throw new EcsError('InvalidParameterException', Messages.subnetsRequired);
    }
    if (raw.length > 16) throw new EcsError('InvalidParameterException', Messages.tooManyIdentifiers('subnets', 16));
    subnets = raw as string[];
  } else if (nc !== undefined && nc !== null) {
    throw new EcsError('InvalidParameterException', Messages.networkConfigurationNotAllowed);
  }
  return { cluster, taskDefinition, overrides, group, startedBy, tags, enableExecuteCommand, subnets };
}

function checkCompatible(td: TaskDefinitionRecord, launchType: LaunchType): void {
  const compat = td.body.compatibilities;
  if (compat && compat.length > 0 && !compat.includes(launchType)) {
    throw new EcsError('InvalidParameterException', Messages.launchTypeNotSupported(launchType));
  }
}

/** The AZ of a subnet: the default VPC's own, else a stable pick among the region's AZs. */
export function subnetAvailabilityZone(state: SimState, subnetId: string): string {
  for (const [az, id] of Object.entries(state.infra.subnets ?? {})) if (id === subnetId) return az;
  const zones = availabilityZonesOf(state.region);
  let h = 0;
  for (const ch of subnetId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return zones[h % zones.length];
}

/** The AZs of awsvpc subnets for the LOCATION check, when every subnet is one of the playground VPC's. */
function knownSubnetZones(state: SimState, subnets: string[]): string[] | undefined {
  const known = Object.entries(state.infra.subnets ?? {});
  const zones = subnets.map((s) => known.find(([, id]) => id === s)?.[0]);
  return zones.length > 0 && zones.every((z) => z !== undefined) ? (zones as string[]) : undefined;
}

function ec2Launch(state: SimState, common: TaskRequestCommon, placement: Placement) {
  const ci = state.containerInstances[placement.containerInstanceArn];
  const az = state.ec2Instances[ci.ec2InstanceId]?.availabilityZone;
  const subnetId = common.subnets.find((s) => subnetAvailabilityZone(state, s) === az) ?? common.subnets[0];
  return { containerInstanceArn: placement.containerInstanceArn, availabilityZone: az, subnetId, hostPorts: placement.hostPorts };
}

function pushFailures(into: Failure[], more: Failure[]): void {
  for (const f of more) if (!into.some((g) => g.arn === f.arn && g.reason === f.reason)) into.push(f);
}

function platformFamilyOf(td: TaskDefinitionRecord): string {
  const os = td.body.runtimePlatform?.operatingSystemFamily ?? 'LINUX';
  return os === 'LINUX' ? 'Linux' : os;
}

export function runTask(state: SimState, input: RunTaskRequest): RunTaskResponse {
  const req = asRequest(input);
  const clientToken = optString(req, 'clientToken');
  if (clientToken !== undefined) {
    if (clientToken.length < 1 || clientToken.length > 64 || !/^[\x21-\x7e]+$/.test(clientToken)) {
      throw new EcsError('InvalidParameterException', Messages.clientTokenInvalid);
    }
    const seen = state.runTaskTokens[clientToken];
    const { clientToken: _omit, ...rest } = req;
    const key = JSON.stringify(rest);
    if (seen) {
      if (seen.request !== key) throw new EcsError('ConflictException', Messages.clientTokenConflict);
      return {
        tasks: seen.taskArns.filter((a) => state.tasks[a]).map((a) => describeTask(state, state.tasks[a], ['TAGS'])),
        failures: JSON.parse(seen.failures) as Failure[],
      };
    }
  }
  const common = commonRequest(state, req, 128);
  const count = optInteger(req, 'count') ?? 1;
  if (count < 1 || count > 10) throw new EcsError('InvalidParameterException', Messages.runTaskCount);
  const launchTypeIn = optEnum(req, 'launchType', LAUNCH_TYPES);
  // Capacity provider strategy (capacity/strategy.ts): base first, then weights; ASG providers run EC2 tasks.
  const strategy = strategyForRequest(state, common.cluster, launchTypeIn, req.capacityProviderStrategy);
  const launchType: LaunchType = launchTypeIn ?? (strategy && !strategy.fargate ? 'EC2' : strategy ? 'FARGATE' : 'EC2');
  const providers = strategy ? distribute(strategy.items, count) : undefined;
  if (strategy && !strategy.fargate && waitingInCluster(state, common.cluster.clusterName).length + count > MAX_PROVISIONING_TASKS) {
    throw new EcsError('ClientException', Messages.provisioningLimit);
  }
  checkCompatible(common.taskDefinition, launchType);
  const body = common.taskDefinition.body;
  const placementError = checkRunTaskPlacement(
    { placementConstraints: req.placementConstraints, placementStrategy: req.placementStrategy, taskDefinitionConstraints: body.placementConstraints ?? [] },
    (member) => Messages.wrongType(member, 'list'),
  );
  if (placementError) throw new EcsError('InvalidParameterException', placementError);
  if (launchType === 'FARGATE' && (body.networkMode ?? 'bridge') !== 'awsvpc') {
    throw new EcsError('InvalidParameterException', Messages.fargateNeedsAwsvpc);
  }

  let platformVersion = optString(req, 'platformVersion');
  if (launchType === 'FARGATE') {
    if (platformVersion === undefined || platformVersion === 'LATEST') platformVersion = FARGATE_LATEST;
    if (!FARGATE_PLATFORM_VERSIONS.includes(platformVersion)) throw new EcsError('PlatformUnknownException', Messages.platformVersionUnknown);
  } else if (platformVersion !== undefined) {
    throw new EcsError('InvalidParameterException', Messages.platformVersionNotForEc2);
  }

  const containers = effectiveContainers(body, common.overrides);
  const plan = planTask(body, containers, common.overrides);
  // EXTERNAL tasks go to ECS Anywhere instances (attribute ecs.capability.external), EC2 tasks to the others.
  const candidates =
    launchType === 'FARGATE'
      ? []
      : registeredInstancesOf(state, common.cluster.clusterName)
          .filter((ci) => ci.attributes.some((a) => a.name === 'ecs.capability.external') === (launchType === 'EXTERNAL'))
          .map((ci) => ci.containerInstanceArn);
  if (launchType !== 'FARGATE' && candidates.length === 0 && !providers) {
    throw new EcsError('InvalidParameterException', Messages.noContainerInstances);
  }

  const tasks: TaskRecord[] = [];
  const failures: Failure[] = [];
  const cpu = common.overrides.cpu ?? body.cpu;
  const memory = common.overrides.memory ?? body.memory;
  for (let i = 0; i < count; i++) {
    const taskArn = newTaskArn(state, common.cluster.clusterName);
    let where: Partial<ReturnType<typeof ec2Launch>> & { capacityProviderName?: string } = {};
    let explanation: PlacementExplanation | undefined;
    const provider = providers?.[i];
    let waitFor: string | undefined;
    if (launchType === 'FARGATE') {
      if (provider === 'FARGATE_SPOT' && !fargateSpotAvailable(state)) {
        pushFailures(failures, [{ reason: CAPACITY_UNAVAILABLE_REASON, detail: provider }]);
        continue;
      }
      const subnetId = pick(state.rng, common.subnets);
      where = { subnetId, availabilityZone: subnetAvailabilityZone(state, subnetId) };
      if (provider) where.capacityProviderName = provider;
    } else {
      // An Auto Scaling group provider's task goes on that group's instances, or waits in PROVISIONING for one.
      const taskCandidates = provider ? providerInstances(state, provider) : candidates;
      // Placement engine (placement/place.ts): fit, constraints (task definition's, then the request's), strategies.
      const placed = taskCandidates.length === 0 ? { failures: [] } : placeOneTask(state, {
        clusterName: common.cluster.clusterName,
        candidates: taskCandidates,
        taskArn,
        needs: plan.needs,
        group: common.group,
        constraints: [...((body.placementConstraints ?? []) as PlacementConstraint[]), ...((req.placementConstraints ?? []) as PlacementConstraint[])],
        strategies: (req.placementStrategy ?? []) as PlacementStrategy[],
        subnetAvailabilityZones: knownSubnetZones(state, common.subnets),
      });
      if ('failures' in placed && provider) {
        waitFor = provider;
        where = { capacityProviderName: provider, subnetId: common.subnets[0] };
      } else if ('failures' in placed) {
        pushFailures(failures, placed.failures);
        continue;
      } else {
        where = ec2Launch(state, common, placed.placement);
        if (provider) where.capacityProviderName = provider;
        explanation = placed.placement.explanation;
      }
    }
    tasks.push(
      launchTask(state, {
        taskArn,
        cluster: common.cluster,
        taskDefinition: common.taskDefinition,
        containers,
        launchType,
        platformVersion: launchType === 'FARGATE' ? platformVersion : undefined,
        platformFamily: launchType === 'FARGATE' ? platformFamilyOf(common.taskDefinition) : undefined,
        portOwners: plan.owners,
        overrides: echoOverrides(common.taskDefinition, common.overrides),
        group: common.group,
        startedBy: common.startedBy,
        tags: common.tags,
        enableExecuteCommand: common.enableExecuteCommand,
        cpu,
        memory,
        ...where,
        awaitingCapacity: waitFor !== undefined,
      }),
    );
    if (explanation) tasks[tasks.length - 1].placement = explanation;
    if (waitFor !== undefined) {
      addWaiting(state, {
        taskArn,
        clusterName: common.cluster.clusterName,
        capacityProvider: waitFor,
        needs: plan.needs,
        portOwners: plan.owners,
        group: common.group,
        constraints: [...((body.placementConstraints ?? []) as PlacementConstraint[]), ...((req.placementConstraints ?? []) as PlacementConstraint[])],
        strategies: (req.placementStrategy ?? []) as PlacementStrategy[],
        subnets: common.subnets,
        defaults: 'runTask',
        since: state.now,
      });
    }
  }
  const response: RunTaskResponse = { tasks: tasks.map((t) => describeTask(state, t, ['TAGS'])), failures };
  if (clientToken !== undefined) {
    const { clientToken: _omit, ...rest } = req;
    state.runTaskTokens[clientToken] = { request: JSON.stringify(rest), taskArns: tasks.map((t) => t.taskArn), failures: JSON.stringify(failures) };
  }
  return response;
}

export function startTask(state: SimState, input: StartTaskRequest): StartTaskResponse {
  const req = asRequest(input);
  const common = commonRequest(state, req, 36);
  const refs = optStringList(req, 'containerInstances', 10);
  if (!refs || refs.length === 0) throw new EcsError('InvalidParameterException', Messages.missingMember('containerInstances'));
  checkCompatible(common.taskDefinition, 'EC2');
  const body = common.taskDefinition.body;
  const containers = effectiveContainers(body, common.overrides);
  const plan = planTask(body, containers, common.overrides);
  const tasks: TaskRecord[] = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const arn = ref.startsWith('arn:') || ref.startsWith('i-') ? ref : arns.containerInstance(state, common.cluster.clusterName, ref);
    const ci = findContainerInstance(state, arn);
    if (!ci || ci.clusterName !== common.cluster.clusterName) {
      failures.push({ arn, reason: 'MISSING' });
      continue;
    }
    if (ci.status === 'INACTIVE') {
      failures.push({ arn: ci.containerInstanceArn, reason: 'INACTIVE' });
      continue;
    }
    const taskArn = newTaskArn(state, common.cluster.clusterName);
    const placed = placeOn(state, ci.containerInstanceArn, taskArn, plan.needs);
    if ('failure' in placed) {
      failures.push(placed.failure);
      continue;
    }
    tasks.push(
      launchTask(state, {
        taskArn,
        cluster: common.cluster,
        taskDefinition: common.taskDefinition,
        containers,
        launchType: 'EC2',
        portOwners: plan.owners,
        overrides: echoOverrides(common.taskDefinition, common.overrides),
        group: common.group,
        startedBy: common.startedBy,
        tags: common.tags,
        enableExecuteCommand: common.enableExecuteCommand,
        cpu: common.overrides.cpu ?? body.cpu,
        memory: common.overrides.memory ?? body.memory,
        ...ec2Launch(state, common, placed.placement),
      }),
    );
  }
  return { tasks: tasks.map((t) => describeTask(state, t, ['TAGS'])), failures };
}

/** The task a request names (ARN or id) in the cluster, if ECS still shows it. */
export function findTask(state: SimState, cluster: ClusterRecord, ref: string): TaskRecord | undefined {
  let arn = ref;
  if (!ref.startsWith('arn:')) arn = arns.task(state, cluster.clusterName, ref);
  const t = state.tasks[arn];
  if (t && t.clusterName === cluster.clusterName) return t;
  // Old-format ARNs (task/<id>) name the same task.
  const id = nameFromArnOrName(ref, 'task');
  const alt = id ? state.tasks[arns.task(state, cluster.clusterName, id.slice(id.lastIndexOf('/') + 1))] : undefined;
  return alt && alt.clusterName === cluster.clusterName ? alt : undefined;
}

export function stopTask(state: SimState, input: StopTaskRequest): StopTaskResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const ref = reqString(req, 'task');
  const reason = optString(req, 'reason');
  if (reason !== undefined && reason.length > 255) throw new EcsError('InvalidParameterException', Messages.stopReasonTooLong);
  const t = findTask(state, cluster, ref);
  if (!t) throw new EcsError('InvalidParameterException', Messages.taskNotFound);
  if (t.lastStatus !== 'STOPPED') {
    requestStop(state, t.taskArn, { stopCode: 'UserInitiated', stoppedReason: reason || Messages.taskStoppedByUser });
    // StopTask deletes the task's tags (reference §2.4).
    t.tags = [];
  }
  return { task: describeTask(state, t) };
}

export function describeTasks(state: SimState, input: DescribeTasksRequest): DescribeTasksResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const refs = optStringList(req, 'tasks', 100);
  if (!refs || refs.length === 0) throw new EcsError('InvalidParameterException', Messages.missingMember('tasks'));
  const include = optStringList(req, 'include') ?? [];
  for (const f of include) if (f !== 'TAGS') throw new EcsError('InvalidParameterException', Messages.invalidEnum('include', f, ['TAGS']));
  const tasks: Task[] = [];
  const failures: Failure[] = [];
  for (const ref of refs) {
    const t = findTask(state, cluster, ref);
    if (t) tasks.push(describeTask(state, t, include));
    else failures.push({ arn: ref.startsWith('arn:') ? ref : arns.task(state, cluster.clusterName, ref), reason: 'MISSING' });
  }
  return { tasks, failures };
}

export function listTasks(state: SimState, input: ListTasksRequest = {}): ListTasksResponse {
  const req = asRequest(input);
  const cluster = resolveCluster(state, optString(req, 'cluster'));
  const containerInstance = optString(req, 'containerInstance');
  const family = optString(req, 'family');
  const startedBy = optString(req, 'startedBy');
  const serviceName = optString(req, 'serviceName');
  const launchType = optEnum(req, 'launchType', LAUNCH_TYPES);
  const desiredStatus = optEnum(req, 'desiredStatus', ['RUNNING', 'PENDING', 'STOPPED'] as const) ?? 'RUNNING';
  if (startedBy !== undefined && (containerInstance !== undefined || family !== undefined || serviceName !== undefined || launchType !== undefined)) {
    throw new EcsError('InvalidParameterException', Messages.startedByExclusive);
  }
  let ciArn: string | undefined;
  if (containerInstance !== undefined) {
    const arn = containerInstance.startsWith('arn:') ? containerInstance : arns.containerInstance(state, cluster.clusterName, containerInstance);
    ciArn = findContainerInstance(state, arn)?.containerInstanceArn ?? arn;
  }
  const matches: string[] = [];
  for (const t of Object.values(state.tasks)) {
    if (t.clusterName !== cluster.clusterName) continue;
    // ECS never sets desiredStatus PENDING, so that filter matches nothing (reference §2.2).
    if (t.desiredStatus !== desiredStatus) continue;
    if (ciArn !== undefined && t.containerInstanceArn !== ciArn) continue;
    if (family !== undefined && t.family !== family) continue;
    if (startedBy !== undefined && t.startedBy !== startedBy) continue;
    if (serviceName !== undefined && t.group !== `service:${serviceName}`) continue;
    if (launchType !== undefined && t.launchType !== launchType) continue;
    matches.push(t.taskArn);
  }
  const { page, nextToken } = paginate(matches, req, { defaultMax: 100, max: 100 });
  return nextToken ? { taskArns: page, nextToken } : { taskArns: page };
}

export const taskOperations = { runTask, startTask, stopTask, describeTasks, listTasks };
