/**
 * Service tasks on capacity providers (used by scheduler/launch.ts): which provider each new task of a
 * deployment goes to (base and weights over what the deployment already runs), Fargate Spot shortage,
 * and Auto Scaling group providers' tasks, placed on the group's instances or left waiting in
 * PROVISIONING for managed scaling to bring capacity.
 */
import type { SimState } from '../engine/state';
import { reserveResources, type TaskNeeds } from '../placement/fit';
import { placeTasks } from '../placement/place';
import type { PlacementConstraint, PlacementStrategy } from '../placement/types';
import type { CapacityProviderStrategyItemRecord, DeploymentRecord, ServiceRecord } from '../scheduler/serviceRecord';
import { launchTask, newTaskArn, type TaskLaunch } from '../tasks/create';
import type { PortOwner } from '../tasks/needs';
import type { TaskRecord } from '../tasks/record';
import { subnetAvailabilityZone } from '../api/tasks';
import { isFargateProvider } from './records';
import { distribute } from './strategy';
import { addWaiting, providerInstances } from './waiting';
import { groupOfProvider } from './providerLookup';
import { capacityOf } from './records';
import { logServiceEvent } from '../scheduler/serviceEvents';
import { CapacityServiceMessages } from './eventMessages';

/** The launch type a strategy's tasks run with. */
export function launchTypeOfStrategy(items: readonly CapacityProviderStrategyItemRecord[] | undefined): 'EC2' | 'FARGATE' {
  return items && items.length > 0 && isFargateProvider(items[0].capacityProvider) ? 'FARGATE' : 'EC2';
}

/** Providers for `count` new tasks of the deployment, continuing from the live tasks it has; undefined without a strategy. */
export function serviceProviders(state: SimState, svc: ServiceRecord, dep: DeploymentRecord, count: number): string[] | undefined {
  const items = dep.revision.capacityProviderStrategy;
  if (!items || items.length === 0) return undefined;
  const held: Record<string, number> = {};
  for (const arn in svc.tasks) {
    if (svc.tasks[arn].deploymentId !== dep.id) continue;
    const t = state.tasks[arn];
    if (!t || t.desiredStatus !== 'RUNNING' || t.lastStatus === 'STOPPED' || !t.capacityProviderName) continue;
    held[t.capacityProviderName] = (held[t.capacityProviderName] ?? 0) + 1;
  }
  return distribute(items, count, held);
}

export interface ProviderLaunchInput {
  /** launchTask's members shared by every task of the call */
  common: Omit<TaskLaunch, 'taskArn'>;
  needs: TaskNeeds;
  owners: PortOwner[];
  constraints: PlacementConstraint[];
  strategies: PlacementStrategy[];
  subnets: string[];
}

/** Starts `count` tasks on Auto Scaling group providers: placed on the provider's instances, or waiting for capacity. */
export function launchOnGroupProviders(state: SimState, svc: ServiceRecord, dep: DeploymentRecord, count: number, input: ProviderLaunchInput): TaskRecord[] {
  const providers = serviceProviders(state, svc, dep, count) ?? [];
  const zones = input.subnets.length > 0 ? [...new Set(input.subnets.map((s) => subnetAvailabilityZone(state, s)))] : undefined;
  const started: TaskRecord[] = [];
  for (const provider of providers) {
    const taskArn = newTaskArn(state, svc.clusterName);
    const candidates = providerInstances(state, provider);
    const placed =
      candidates.length === 0
        ? undefined
        : placeTasks(state, {
            clusterName: svc.clusterName,
            count: 1,
            needs: input.needs,
            group: input.common.group,
            constraints: input.constraints,
            strategies: input.strategies,
            defaults: 'service',
            candidates,
            subnetAvailabilityZones: zones,
            maxExplanationRows: 1,
          }).placements[0];
    if (placed) {
      const hostPorts = reserveResources(state, placed.containerInstanceArn, taskArn, input.needs).hostPorts;
      const ci = state.containerInstances[placed.containerInstanceArn];
      const az = state.ec2Instances[ci.ec2InstanceId]?.availabilityZone;
      const subnetId = input.subnets.find((s) => subnetAvailabilityZone(state, s) === az) ?? input.subnets[0];
      started.push(
        launchTask(state, { ...input.common, taskArn, capacityProviderName: provider, containerInstanceArn: placed.containerInstanceArn, availabilityZone: az, hostPorts, subnetId }),
      );
      continue;
    }
    // A group with no instances that nothing will scale out (§12.1 E23); the task waits all the same.
    if (!groupOfProvider(state, provider)?.instances.length && capacityOf(state).providers[provider]?.managedScaling.status !== 'ENABLED') {
      logServiceEvent(state, svc, CapacityServiceMessages.noInstancesInProvider(svc.serviceName), { dedupe: true });
    }
    started.push(launchTask(state, { ...input.common, taskArn, capacityProviderName: provider, subnetId: input.subnets[0], awaitingCapacity: true }));
    addWaiting(state, {
      taskArn,
      clusterName: svc.clusterName,
      capacityProvider: provider,
      needs: input.needs,
      portOwners: input.owners,
      group: input.common.group,
      constraints: input.constraints,
      strategies: input.strategies,
      subnets: input.subnets,
      defaults: 'service',
      since: state.now,
    });
  }
  return started;
}
