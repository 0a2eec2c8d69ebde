/** Small builders the task tests share: a cluster, a stored task definition, a launched task. */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { arns } from '../engine/arn';
import type { SimState } from '../engine/state';
import type { TaskDefinitionBody, TaskDefinitionRecord } from '../taskdef/record';
import { launchTask, newTaskArn, type TaskLaunch } from './create';
import type { TaskRecord } from './record';

export function addCluster(state: SimState, clusterName = 'default') {
  const cluster = {
    clusterArn: arns.cluster(state, clusterName),
    clusterName,
    status: 'ACTIVE' as const,
    createdAt: state.now,
    tags: [],
    settings: [],
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  };
  state.clusters[clusterName] = cluster as never;
  return cluster;
}

/** Stores a task definition record directly (as the registry would after RegisterTaskDefinition). */
export function addTaskDefinition(
  state: SimState,
  family: string,
  containerDefinitions: ContainerDefinition[],
  extra: Partial<TaskDefinitionBody> = {},
): TaskDefinitionRecord {
  const fam = (state.taskDefinitions[family] ??= { family, lastRevision: 0, revisions: [] });
  const revision = ++fam.lastRevision;
  const record: TaskDefinitionRecord = {
    taskDefinitionArn: arns.taskDefinition(state, family, revision),
    family,
    revision,
    status: 'ACTIVE',
    registeredAt: state.now,
    registeredBy: `arn:aws:iam::${state.accountId}:root`,
    tags: [],
    body: {
      containerDefinitions: containerDefinitions.map((c) => ({ essential: true, ...c })),
      networkMode: 'bridge',
      compatibilities: ['EC2'],
      ...extra,
    },
  };
  fam.revisions.push(record);
  return record;
}

export function launch(state: SimState, td: TaskDefinitionRecord, more: Partial<TaskLaunch> = {}): TaskRecord {
  const cluster = state.clusters.default ?? addCluster(state);
  return launchTask(state, {
    taskArn: newTaskArn(state, cluster.clusterName),
    cluster,
    taskDefinition: td,
    containers: td.body.containerDefinitions ?? [],
    launchType: 'EC2',
    overrides: {},
    group: `family:${td.family}`,
    tags: [],
    enableExecuteCommand: false,
    ...more,
  });
}

/** The lastStatus values a task's state-change events walked through, in order. */
export function statusTrail(state: SimState, taskArn: string): string[] {
  return state.events.filter((e) => e.type === 'task.stateChange' && e.resource === taskArn).map((e) => String(e.data?.lastStatus));
}
