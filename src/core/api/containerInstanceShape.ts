/** A container-instance record as DescribeContainerInstances shows it (the AWS `ContainerInstance` shape). */
import type { ContainerInstance, Resource } from '@aws-sdk/client-ecs';
import { toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { taskCountsOn } from '../infra/instances';
import type { ContainerInstanceRecord, ResourcePool } from '../infra/records';

/** INTEGER resource; ECS fills the unused value members with 0. */
const integer = (name: string, value: number): Resource => ({ name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value });
const stringSet = (name: string, values: readonly string[]): Resource => ({
  name,
  type: 'STRINGSET',
  doubleValue: 0,
  longValue: 0,
  integerValue: 0,
  stringSetValue: [...values],
});

/** CPU, MEMORY, PORTS, PORTS_UDP, and GPU on GPU instances, in that order. */
export function resourcesOf(pool: ResourcePool, withGpu: boolean): Resource[] {
  const out = [integer('CPU', pool.cpu), integer('MEMORY', pool.memory), stringSet('PORTS', pool.ports), stringSet('PORTS_UDP', pool.portsUdp)];
  if (withGpu) out.push(stringSet('GPU', pool.gpuIds));
  return out;
}

export function describeContainerInstance(state: SimState, ci: ContainerInstanceRecord, include: readonly string[] = []): ContainerInstance {
  const counts = taskCountsOn(state, ci.containerInstanceArn);
  const withGpu = ci.registered.gpuIds.length > 0;
  const out: ContainerInstance = {
    containerInstanceArn: ci.containerInstanceArn,
    ec2InstanceId: ci.ec2InstanceId,
    version: ci.version,
    versionInfo: { ...ci.versionInfo },
    remainingResources: resourcesOf(ci.remaining, withGpu),
    registeredResources: resourcesOf(ci.registered, withGpu),
    status: ci.status,
    agentConnected: ci.agentConnected,
    runningTasksCount: counts.running,
    pendingTasksCount: counts.pending,
    attributes: ci.attributes.map((a) => (a.value === undefined ? { name: a.name } : { name: a.name, value: a.value })),
    registeredAt: toDate(state, ci.registeredAt),
    attachments: [],
    tags: [],
  };
  if (ci.statusReason !== undefined) out.statusReason = ci.statusReason;
  if (include.includes('TAGS')) out.tags = ci.tags.map((t) => ({ ...t }));
  if (include.includes('CONTAINER_INSTANCE_HEALTH')) {
    // The agent's runtime check reports OK while it can report; a disconnected agent's last report stands.
    const at = toDate(state, ci.connectivityChangedAt);
    out.healthStatus = {
      overallStatus: 'OK',
      details: [{ type: 'CONTAINER_RUNTIME', status: 'OK', lastUpdated: at, lastStatusChange: toDate(state, ci.registeredAt) }],
    };
  }
  return out;
}
