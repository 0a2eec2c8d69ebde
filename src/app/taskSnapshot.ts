/**
 * What the task panel shows of one task, copied out of the simulation state into a fresh plain
 * object on every read. The core mutates its records in place, so handing the records themselves to
 * components would not re-render them; a fresh copy does, and keeps the UI from proxying core state.
 * Pure; tested in taskSnapshot.test.ts.
 */
import type { SimState } from '../core';
import type { PlacementExplanation } from '../core/placement/types';
import type { HealthStatus, TaskRecord } from '../core/tasks/record';
import { taskStatusPath } from './taskPath';
import type { TaskTimes } from './taskTimeline';

export interface ContainerView {
  name: string;
  image: string;
  lastStatus: string;
  healthStatus: HealthStatus;
  exitCode?: number;
  reason?: string;
  /** from the agent's view while the task lives; undefined once it is gone */
  essential?: boolean;
  hasHealthCheck: boolean;
  /** the agent runs it now (a crash can hit it) */
  running: boolean;
}

export interface TaskSnapshot {
  taskArn: string;
  taskId: string;
  clusterName: string;
  /** `family:revision` */
  taskDefinition: string;
  group: string;
  lastStatus: string;
  desiredStatus: string;
  healthStatus: HealthStatus;
  launchType: TaskRecord['launchType'];
  capacityProviderName?: string;
  availabilityZone?: string;
  containerInstanceArn?: string;
  ec2InstanceId?: string;
  subnetId?: string;
  times: TaskTimes;
  stopCode?: string;
  stoppedReason?: string;
  containers: ContainerView[];
  /** states the task went through, the current one last */
  path: string[];
  /** the task actor is still running (faults can reach it) */
  live: boolean;
  /** the actor's context, for the machine's delay functions; undefined once the actor is gone */
  actorContext?: unknown;
  placement?: PlacementExplanation;
}

interface AgentContainerView {
  name: string;
  essential: boolean;
  status: string;
  healthCheck: unknown;
}

export function snapshotTask(state: SimState, taskArn: string): TaskSnapshot | undefined {
  const t = state.tasks[taskArn];
  if (!t) return undefined;
  const actor = state.actors[taskArn];
  const live = !!actor && actor.status === 'active';
  const agent = live ? ((actor.context as unknown as { containers?: AgentContainerView[] }).containers ?? []) : [];
  const def = t.taskDefinitionArn.slice(t.taskDefinitionArn.lastIndexOf('/') + 1);
  const eni = t.attachments.find((a) => a.type === 'ElasticNetworkInterface');
  const times: TaskTimes = { createdAt: t.createdAt };
  for (const f of ['pullStartedAt', 'pullStoppedAt', 'startedAt', 'stoppingAt', 'stoppedAt'] as const) if (t[f] !== undefined) times[f] = t[f];
  const snapshot: TaskSnapshot = {
    taskArn,
    taskId: taskArn.slice(taskArn.lastIndexOf('/') + 1),
    clusterName: t.clusterName,
    taskDefinition: def,
    group: t.group,
    lastStatus: t.lastStatus,
    desiredStatus: t.desiredStatus,
    healthStatus: t.healthStatus,
    launchType: t.launchType,
    times,
    containers: t.containers.map((c) => {
      const a = agent.find((x) => x.name === c.name);
      const view: ContainerView = {
        name: c.name,
        image: c.image,
        lastStatus: c.lastStatus,
        healthStatus: c.healthStatus,
        hasHealthCheck: !!a?.healthCheck,
        running: a?.status === 'RUNNING',
      };
      if (c.exitCode !== undefined) view.exitCode = c.exitCode;
      if (c.reason !== undefined) view.reason = c.reason;
      if (a) view.essential = a.essential;
      return view;
    }),
    path: taskStatusPath(t, live ? actor : undefined, state.events),
    live,
  };
  if (t.capacityProviderName) snapshot.capacityProviderName = t.capacityProviderName;
  if (t.availabilityZone) snapshot.availabilityZone = t.availabilityZone;
  if (t.containerInstanceArn) {
    snapshot.containerInstanceArn = t.containerInstanceArn;
    const ci = state.containerInstances[t.containerInstanceArn];
    if (ci) snapshot.ec2InstanceId = ci.ec2InstanceId;
  }
  const subnet = eni?.details.find((d) => d.name === 'subnetId')?.value;
  if (subnet) snapshot.subnetId = subnet;
  if (t.stopCode) snapshot.stopCode = t.stopCode;
  if (t.stoppedReason) snapshot.stoppedReason = t.stoppedReason;
  if (live) snapshot.actorContext = actor.context;
  if (t.placement) snapshot.placement = t.placement;
  return snapshot;
}
