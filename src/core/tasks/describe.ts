/** A task record as DescribeTasks, RunTask and StopTask return it (the SDK's `Task` shape, Dates via toDate). */
import type { Container, Task } from '@aws-sdk/client-ecs';
import { toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import type { ContainerRecord, TaskRecord } from './record';

function describeContainer(t: TaskRecord, c: ContainerRecord): Container {
  const out: Container = {
    containerArn: c.containerArn,
    taskArn: t.taskArn,
    name: c.name,
    image: c.image,
    lastStatus: c.lastStatus,
    networkBindings: c.networkBindings.map((b) => ({ ...b })),
    networkInterfaces: c.networkInterfaces.map((n) => ({ ...n })),
    healthStatus: c.healthStatus,
    cpu: c.cpu,
  };
  if (c.runtimeId !== undefined) out.runtimeId = c.runtimeId;
  if (c.exitCode !== undefined) out.exitCode = c.exitCode;
  if (c.reason !== undefined) out.reason = c.reason;
  if (c.memory !== undefined) out.memory = c.memory;
  if (c.memoryReservation !== undefined) out.memoryReservation = c.memoryReservation;
  if (c.gpuIds !== undefined) out.gpuIds = [...c.gpuIds];
  return out;
}

export function describeTask(state: SimState, t: TaskRecord, include: readonly string[] = []): Task {
  const date = (ms: number | undefined) => (ms === undefined ? undefined : toDate(state, ms));
  const out: Task = {
    attachments: t.attachments.map((a) => ({ id: a.id, type: a.type, status: a.status, details: a.details.map((d) => ({ ...d })) })),
    attributes: [{ name: 'ecs.cpu-architecture', value: t.cpuArchitecture }],
    availabilityZone: t.availabilityZone,
    capacityProviderName: t.capacityProviderName,
    clusterArn: t.clusterArn,
    connectivity: t.connectivity,
    connectivityAt: date(t.connectivityAt),
    containerInstanceArn: t.containerInstanceArn,
    containers: t.containers.map((c) => describeContainer(t, c)),
    cpu: t.cpu,
    createdAt: date(t.createdAt),
    desiredStatus: t.desiredStatus,
    enableExecuteCommand: t.enableExecuteCommand,
    ephemeralStorage: t.ephemeralStorage ? { ...t.ephemeralStorage } : undefined,
    executionStoppedAt: date(t.executionStoppedAt),
    group: t.group,
    healthStatus: t.healthStatus,
    lastStatus: t.lastStatus,
    launchType: t.launchType,
    memory: t.memory,
    overrides: structuredClone(t.overrides) as Task['overrides'],
    platformVersion: t.platformVersion,
    platformFamily: t.platformFamily,
    pullStartedAt: date(t.pullStartedAt),
    pullStoppedAt: date(t.pullStoppedAt),
    startedAt: date(t.startedAt),
    startedBy: t.startedBy,
    stopCode: t.stopCode,
    stoppedAt: date(t.stoppedAt),
    stoppedReason: t.stoppedReason,
    stoppingAt: date(t.stoppingAt),
    tags: include.includes('TAGS') ? t.tags.map((x) => ({ ...x })) : undefined,
    taskArn: t.taskArn,
    taskDefinitionArn: t.taskDefinitionArn,
    version: t.version,
  };
  for (const k of Object.keys(out) as (keyof Task)[]) if (out[k] === undefined) delete out[k];
  return out;
}
