/**
 * The agent registering its instance with a cluster, and a container instance leaving the cluster.
 * Shared by the boot sequence (launch.ts), the ECS API (Register/DeregisterContainerInstance) and
 * instance termination.
 */
import type { Tag } from '../api/tags';
import { arns } from '../engine/arn';
import { newContainerInstanceId } from '../engine/ids';
import { emit } from '../engine/kernel';
import { nextUint32 } from '../engine/rng';
import type { SimState } from '../engine/state';
import { clusterInstancesChanged } from '../scheduler/notify';
import { sendToActor, startActor } from '../machines/driver';
import { machines } from '../machines/registry';
import { AGENT_VERSION_INFO, builtInAttributes, RESERVED_TCP_PORTS, RESERVED_UDP_PORTS } from './agentProfile';
import { stopTasksOnLostInstance, type HostLossStop } from './hostLoss';
import { findInstanceType, registeredCpu, registeredMemory } from './instanceTypes';
import type { ContainerInstanceRecord, Ec2InstanceRecord, InstanceAttribute, ResourcePool } from './records';
import { hex } from '../engine/rng';
import { InstanceEvents } from './eventMessages';
import { instanceTableChanged } from '../placement/clusterIndex';

/** GPU ids as the agent reports them (NVIDIA UUID form). */
function gpuIdsFor(state: SimState, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const h = hex(state.rng, 32);
    ids.push(`GPU-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`);
  }
  return ids;
}

/**
 * Registers the instance's agent with `ec2.clusterName`: creates the ACTIVE container instance
 * (32-hex id), its registered/remaining resources and attributes, and starts its agent actor.
 */
export function registerAgent(
  state: SimState,
  ec2: Ec2InstanceRecord,
  extra: { attributes?: InstanceAttribute[]; tags?: Tag[] } = {},
): ContainerInstanceRecord {
  const it = findInstanceType(ec2.instanceType);
  if (!it) throw new Error(`registerAgent: unknown instance type ${ec2.instanceType}`);
  const id = newContainerInstanceId(state.rng);
  const arn = arns.containerInstance(state, ec2.clusterName, id);
  const registered: ResourcePool = {
    cpu: registeredCpu(it),
    memory: registeredMemory(it),
    ports: [...RESERVED_TCP_PORTS],
    portsUdp: [...RESERVED_UDP_PORTS],
    gpuIds: gpuIdsFor(state, it.gpus),
    enis: Math.max(0, it.maxEnis - 1),
  };
  const attributes = builtInAttributes(ec2, it);
  for (const a of extra.attributes ?? []) upsertAttribute(attributes, a);
  const ci: ContainerInstanceRecord = {
    containerInstanceArn: arn,
    id,
    clusterName: ec2.clusterName,
    ec2InstanceId: ec2.instanceId,
    status: 'ACTIVE',
    agentConnected: true,
    registeredAt: state.now,
    version: 1,
    versionInfo: { ...AGENT_VERSION_INFO },
    registered,
    remaining: { ...registered, ports: [...registered.ports], portsUdp: [...registered.portsUdp], gpuIds: [...registered.gpuIds] },
    reservations: {},
    attributes,
    tags: (extra.tags ?? []).map((t) => ({ ...t })),
    connectivityChangedAt: state.now,
  };
  state.containerInstances[arn] = ci;
  instanceTableChanged(state);
  ec2.containerInstanceArn = arn;
  startActor(state, machines, 'agent', arn, { ec2InstanceId: ec2.instanceId, containerInstanceArn: arn, rngSeed: nextUint32(state.rng) });
  emit(state, 'containerInstance.registered', InstanceEvents.registered(id, ec2.instanceId, ec2.instanceType, ec2.clusterName), {
    resource: arn,
    data: { ec2InstanceId: ec2.instanceId, clusterName: ec2.clusterName, instanceType: ec2.instanceType, availabilityZone: ec2.availabilityZone },
  });
  clusterInstancesChanged(state, ec2.clusterName);
  return ci;
}

/** Adds an attribute or replaces the value of the one with the same name. */
export function upsertAttribute(list: InstanceAttribute[], attr: InstanceAttribute): void {
  const hit = list.find((a) => a.name === attr.name);
  if (!hit) list.push(attr.value === undefined ? { name: attr.name } : { name: attr.name, value: attr.value });
  else if (attr.value === undefined) delete hit.value;
  else hit.value = attr.value;
}

export type DeregisterCause = 'api' | 'api-force' | 'terminated';

/**
 * Takes the container instance out of its cluster: INACTIVE (describable for an hour), agent stopped.
 * With tasks still there, they are stopped with the ECS reason for `cause`.
 */
export function deregisterContainerInstanceRecord(state: SimState, ci: ContainerInstanceRecord, cause: DeregisterCause, stop?: HostLossStop): void {
  if (ci.status === 'INACTIVE') return;
  ci.status = 'INACTIVE';
  ci.deregisteredAt = state.now;
  ci.version++;
  sendToActor(state, machines, ci.containerInstanceArn, { type: 'STOP' });
  ci.agentConnected = false;
  if (stop) stopTasksOnLostInstance(state, ci.containerInstanceArn, stop);
  emit(state, 'containerInstance.deregistered', InstanceEvents.deregistered(ci.id, ci.ec2InstanceId, ci.clusterName, cause), {
    resource: ci.containerInstanceArn,
    data: { ec2InstanceId: ci.ec2InstanceId, clusterName: ci.clusterName, cause },
  });
  clusterInstancesChanged(state, ci.clusterName);
}
