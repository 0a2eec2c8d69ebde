/**
 * Starting service tasks: placement with the service defaults (reference §5.3) on EC2, AZ-balanced
 * subnets on Fargate, then the tasks area's launchTask with startedBy = the deployment id and group
 * `service:<name>`. Answers with the tasks started and, when some could not be placed, the service
 * event that says why.
 */
import type { Tag } from '../api/tags';
import type { SimState } from '../engine/state';
import { registeredInstancesOf } from '../infra/instances';
import { serviceGroup } from '../placement/defaults';
import { reserveResources } from '../placement/fit';
import { placeTasks } from '../placement/place';
import type { PlacementConstraint } from '../placement/types';
import { findTaskDefinition } from '../taskdef/resolve';
import type { TaskDefinitionRecord } from '../taskdef/record';
import { launchTask, newTaskArn } from '../tasks/create';
import { effectiveContainers, planTask } from '../tasks/needs';
import type { TaskRecord } from '../tasks/record';
import { FARGATE_LATEST, subnetAvailabilityZone } from '../api/tasks';
import { ServiceEventMessages } from './eventMessages';
import type { DeploymentRecord, ServiceRecord } from './serviceRecord';
import { isLive } from './taskView';
import { launchOnGroupProviders, launchTypeOfStrategy, serviceProviders } from '../capacity/serviceLaunch';
import { fargateSpotAvailable, spotShortage } from '../capacity/spot';

export interface LaunchOutcome {
  started: TaskRecord[];
  /** the service event to log when fewer tasks than asked could be placed */
  failure?: string;
}

function taskTags(svc: ServiceRecord, td: TaskDefinitionRecord): Tag[] {
  const out: Tag[] = [];
  if (svc.enableECSManagedTags) {
    out.push({ key: 'aws:ecs:clusterName', value: svc.clusterName }, { key: 'aws:ecs:serviceName', value: svc.serviceName });
  }
  const from = svc.propagateTags === 'SERVICE' ? svc.tags : svc.propagateTags === 'TASK_DEFINITION' ? td.tags : [];
  for (const t of from) if (!out.some((o) => o.key === t.key)) out.push({ ...t });
  return out;
}

/** Live tasks of the service per AZ (for Fargate subnet choice). */
function tasksPerAz(state: SimState, svc: ServiceRecord): Map<string, number> {
  const counts = new Map<string, number>();
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (t && isLive(t) && t.availabilityZone) counts.set(t.availabilityZone, (counts.get(t.availabilityZone) ?? 0) + 1);
  }
  return counts;
}

export function launchServiceTasks(
  state: SimState,
  svc: ServiceRecord,
  dep: DeploymentRecord,
  count: number,
  options: { candidates?: string[] } = {},
): LaunchOutcome {
  const td = findTaskDefinition(state, dep.revision.taskDefinition);
  const cluster = state.clusters[svc.clusterName];
  if (!td || !cluster || count <= 0) return { started: [] };
  const body = td.body;
  const containers = effectiveContainers(body, {});
  const plan = planTask(body, containers, {});
  // A capacity provider strategy runs Fargate tasks (FARGATE, FARGATE_SPOT) or EC2 tasks (Auto Scaling group providers).
  const launchType = dep.revision.launchType ?? launchTypeOfStrategy(dep.revision.capacityProviderStrategy);
  const subnets = dep.revision.networkConfiguration?.awsvpcConfiguration.subnets ?? [];
  const common = {
    cluster,
    taskDefinition: td,
    containers,
    launchType,
    portOwners: plan.owners,
    overrides: { containerOverrides: containers.map((c) => ({ name: c.name ?? '' })), inferenceAcceleratorOverrides: [] },
    group: serviceGroup(svc.serviceName),
    startedBy: dep.id,
    tags: taskTags(svc, td),
    enableExecuteCommand: svc.enableExecuteCommand,
    cpu: body.cpu,
    memory: body.memory,
  };
  const started: TaskRecord[] = [];

  if (launchType === 'FARGATE') {
    const perAz = tasksPerAz(state, svc);
    const providers = serviceProviders(state, svc, dep, count);
    let spotShort = false;
    for (let i = 0; i < count; i++) {
      // No Fargate Spot capacity: the task is not launched and ECS does not fall back to FARGATE (reference §10.3).
      if (providers?.[i] === 'FARGATE_SPOT' && !fargateSpotAvailable(state)) {
        spotShort = true;
        continue;
      }
      // Fargate spreads a service across the AZs of its subnets (reference §5.3): the emptiest AZ first.
      let best = subnets[0];
      let bestCount = Infinity;
      for (const s of subnets) {
        const n = perAz.get(subnetAvailabilityZone(state, s)) ?? 0;
        if (n < bestCount) {
          best = s;
          bestCount = n;
        }
      }
      const az = subnetAvailabilityZone(state, best);
      perAz.set(az, (perAz.get(az) ?? 0) + 1);
      const taskArn = newTaskArn(state, svc.clusterName);
      started.push(
        launchTask(state, {
          ...common,
          taskArn,
          // A service shows LATEST; its tasks show the version LATEST meant when they started (reference §14).
          platformVersion: !dep.revision.platformVersion || dep.revision.platformVersion === 'LATEST' ? FARGATE_LATEST : dep.revision.platformVersion,
          platformFamily: dep.revision.platformFamily ?? 'Linux',
          capacityProviderName: providers?.[i],
          subnetId: best,
          availabilityZone: az,
        }),
      );
    }
    return spotShort ? { started, failure: spotShortage(state, svc) } : { started };
  }

  const constraintsForProviders = [...((body.placementConstraints ?? []) as PlacementConstraint[]), ...dep.revision.placementConstraints];
  if (dep.revision.capacityProviderStrategy) {
    const common2 = { ...common, launchType: 'EC2' as const };
    const opts = { common: common2, needs: plan.needs, owners: plan.owners, constraints: constraintsForProviders, strategies: dep.revision.placementStrategy as never, subnets };
    return { started: launchOnGroupProviders(state, svc, dep, count, opts) };
  }

  if (!options.candidates && registeredInstancesOf(state, svc.clusterName).length === 0) {
    return { started, failure: ServiceEventMessages.noContainerInstances(svc.serviceName) };
  }
  const constraints = [...((body.placementConstraints ?? []) as PlacementConstraint[]), ...dep.revision.placementConstraints];
  const zones = subnets.length > 0 ? [...new Set(subnets.map((s) => subnetAvailabilityZone(state, s)))] : undefined;
  const result = placeTasks(state, {
    clusterName: svc.clusterName,
    count,
    needs: plan.needs,
    group: common.group,
    constraints,
    strategies: dep.revision.placementStrategy,
    defaults: 'service',
    candidates: options.candidates,
    subnetAvailabilityZones: zones,
    maxExplanationRows: 1,
  });
  for (const p of result.placements) {
    const taskArn = newTaskArn(state, svc.clusterName);
    const hostPorts = reserveResources(state, p.containerInstanceArn, taskArn, plan.needs).hostPorts;
    const ci = state.containerInstances[p.containerInstanceArn];
    const az = state.ec2Instances[ci.ec2InstanceId]?.availabilityZone;
    const subnetId = subnets.find((s) => subnetAvailabilityZone(state, s) === az) ?? subnets[0];
    started.push(launchTask(state, { ...common, taskArn, containerInstanceArn: p.containerInstanceArn, availabilityZone: az, hostPorts, subnetId }));
  }
  if (started.length < count) {
    const closest = result.explanation.closest;
    const failure = closest
      ? ServiceEventMessages.unableToPlace(svc.serviceName, closest.containerInstanceId, closest.reason)
      : ServiceEventMessages.noContainerInstances(svc.serviceName);
    return { started, failure };
  }
  return { started };
}
