/**
 * Tasks of an Auto Scaling group capacity provider that no instance can take yet wait in PROVISIONING
 * (reference §10.4, §2.1b): the task record exists, its actor holds in PROVISIONING, and when an
 * instance of the provider's group can take it (a new instance registered, resources freed) it is
 * placed through the placement engine, bound to that instance, and walks on to PENDING.
 */
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { acceptsNewTasks } from '../infra/instances';
import { reserveResources, type HostPortBinding } from '../placement/fit';
import { placeTasks } from '../placement/place';
import { drawDuration } from '../timings';
import { sendAgentEvent, taskIdOf } from '../tasks/effects';
import type { TaskRecord } from '../tasks/record';
import { subnetAvailabilityZone } from '../api/tasks';
import { findTaskDefinition } from '../taskdef/resolve';
import { CapacityEvents } from './eventMessages';
import { capacityOf, type WaitingTask } from './records';
import { groupOfProvider } from './providerLookup';

/** Cluster-wide cap on tasks waiting in PROVISIONING (current docs: 500; reference §10.4). */
export const MAX_PROVISIONING_TASKS = 500;

/** The agent event that lets a task waiting for capacity walk on to PENDING. */
export const CAPACITY_PROVISIONED = 'CAPACITY_PROVISIONED';

export function waitingInCluster(state: SimState, clusterName: string): WaitingTask[] {
  return Object.values(capacityOf(state).waiting).filter((w) => w.clusterName === clusterName);
}

/** Records a task as waiting for capacity (its record and actor were created with awaitingCapacity). */
export function addWaiting(state: SimState, w: WaitingTask): void {
  capacityOf(state).waiting[w.taskArn] = w;
  emit(state, 'task.waitingForCapacity', CapacityEvents.waiting(taskIdOf(w.taskArn), w.capacityProvider), {
    resource: w.taskArn,
    data: { taskArn: w.taskArn, capacityProvider: w.capacityProvider, clusterName: w.clusterName },
  });
}

function stillWaiting(t: TaskRecord | undefined): t is TaskRecord {
  return !!t && t.lastStatus === 'PROVISIONING' && t.desiredStatus === 'RUNNING' && !t.containerInstanceArn;
}

/** Registered, ACTIVE instances of the provider's group that take new tasks. */
export function providerInstances(state: SimState, provider: string): string[] {
  const g = groupOfProvider(state, provider);
  if (!g) return [];
  const out: string[] = [];
  for (const i of g.instances) {
    const arn = state.ec2Instances[i.instanceId]?.containerInstanceArn;
    if (arn && acceptsNewTasks(state, arn)) out.push(arn);
  }
  return out;
}

/** Binds a placed task to its instance: where it runs, its host ports, GPUs and architecture. */
function bind(state: SimState, t: TaskRecord, w: WaitingTask, containerInstanceArn: string, hostPorts: HostPortBinding[]): void {
  const ci = state.containerInstances[containerInstanceArn];
  const az = state.ec2Instances[ci.ec2InstanceId]?.availabilityZone;
  t.containerInstanceArn = containerInstanceArn;
  if (az) t.availabilityZone = az;
  const arch = ci.attributes.find((a) => a.name === 'ecs.cpu-architecture')?.value;
  if (arch) t.cpuArchitecture = arch;
  w.portOwners.forEach((owner, i) => {
    const hp = hostPorts[i];
    const c = t.containers[owner.containerIndex];
    if (hp && c) c.plannedBindings.push({ bindIP: '0.0.0.0', containerPort: owner.containerPort, hostPort: hp.hostPort, protocol: owner.protocol });
  });
  // GPUs go to the containers that asked for them, in order, as at launch (tasks/create.ts).
  const gpuPool = [...(ci.reservations[t.taskArn]?.gpuIds ?? [])];
  if (gpuPool.length > 0) {
    const defs = findTaskDefinition(state, t.taskDefinitionArn)?.body.containerDefinitions ?? [];
    t.containers.forEach((c, i) => {
      const want = (defs[i]?.resourceRequirements ?? []).filter((r) => r.type === 'GPU').reduce((n, r) => n + Number(r.value ?? 0), 0);
      if (want > 0) c.gpuIds = gpuPool.splice(0, want);
    });
  }
  if (w.subnets.length > 0) {
    const subnetId = w.subnets.find((s) => subnetAvailabilityZone(state, s) === az) ?? w.subnets[0];
    const detail = t.attachments[0]?.details.find((d) => d.name === 'subnetId');
    if (detail) detail.value = subnetId;
  }
  t.version++;
}

/** Tries to place every waiting task of the cluster, oldest first. Returns how many were placed. */
export function placeWaitingTasks(state: SimState, clusterName: string): number {
  const book = capacityOf(state);
  const list = waitingInCluster(state, clusterName).sort((a, b) => a.since - b.since || (a.taskArn < b.taskArn ? -1 : 1));
  let placed = 0;
  // Tasks of one request or service share their needs: once one of them found no instance, the next
  // ones with the same key would not either (until something is placed, which changes the picture).
  const failed = new Set<string>();
  for (const w of list) {
    const t = state.tasks[w.taskArn];
    if (!stillWaiting(t)) {
      delete book.waiting[w.taskArn];
      continue;
    }
    const key = JSON.stringify([w.capacityProvider, w.needs, w.group, w.constraints, w.strategies, w.subnets]);
    if (failed.has(key)) continue;
    const candidates = providerInstances(state, w.capacityProvider);
    if (candidates.length === 0) continue;
    const zones = w.subnets.length > 0 ? [...new Set(w.subnets.map((s) => subnetAvailabilityZone(state, s)))] : undefined;
    const r = placeTasks(state, {
      clusterName,
      count: 1,
      needs: w.needs,
      group: w.group,
      constraints: w.constraints,
      strategies: w.strategies,
      defaults: w.defaults,
      candidates,
      subnetAvailabilityZones: zones,
      maxExplanationRows: 50,
    });
    const p = r.placements[0];
    if (!p) {
      failed.add(key);
      continue;
    }
    failed.clear();
    const { hostPorts } = reserveResources(state, p.containerInstanceArn, w.taskArn, w.needs);
    bind(state, t, w, p.containerInstanceArn, hostPorts);
    t.placement = p.explanation;
    delete book.waiting[w.taskArn];
    placed++;
    const ec2Id = state.containerInstances[p.containerInstanceArn].ec2InstanceId;
    emit(state, 'task.capacityPlaced', CapacityEvents.placed(taskIdOf(w.taskArn), w.capacityProvider, ec2Id), {
      resource: w.taskArn,
      data: { taskArn: w.taskArn, capacityProvider: w.capacityProvider, containerInstanceArn: p.containerInstanceArn, waitedMs: state.now - w.since },
    });
    // The rest of PROVISIONING (the ENI attachment for awsvpc) happens now that the task has a host.
    const delay = drawDuration(state, w.needs.needsEni ? 'eniAttach' : 'taskProvisioning');
    sendAgentEvent(state, w.taskArn, delay, { type: CAPACITY_PROVISIONED as never });
  }
  return placed;
}
