/**
 * What the simulation stores for a task: the ECS-facing facts, kept as plain JSON (times are virtual
 * ms). The task machine (machines/task.machine.ts) drives `lastStatus`; its effects copy what the
 * agent-level container states mean for the API into this record (tasks/effects.ts).
 */
import type { JsonObject } from '../engine/json';
import type { Tag } from '../api/tags';
import type { PlacementExplanation } from '../placement/types';

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

/** The order lastStatus walks; it never moves backwards. */
export const TASK_STATUS_ORDER: readonly TaskStatus[] = [
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
  'RUNNING',
  'DEACTIVATING',
  'STOPPING',
  'DEPROVISIONING',
  'STOPPED',
];

export type TaskStopCode =
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice'
  | 'InfrastructureHealth';

export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

export interface NetworkBindingRecord {
  bindIP: string;
  containerPort: number;
  hostPort: number;
  protocol: 'tcp' | 'udp';
}

export interface ContainerRecord {
  containerArn: string;
  name: string;
  image: string;
  /** Docker/containerd id, set when the container is created */
  runtimeId?: string;
  /** the status the agent reports to ECS: PENDING, RUNNING or STOPPED */
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED';
  exitCode?: number;
  reason?: string;
  healthStatus: HealthStatus;
  /** "0" when unset, as ECS shows it */
  cpu: string;
  memory?: string;
  memoryReservation?: string;
  gpuIds?: string[];
  networkBindings: NetworkBindingRecord[];
  /** host ports reserved at placement; shown as networkBindings once the container runs */
  plannedBindings: NetworkBindingRecord[];
  networkInterfaces: { attachmentId: string; privateIpv4Address: string }[];
}

export interface AttachmentRecord {
  id: string;
  type: 'ElasticNetworkInterface';
  status: 'PRECREATED' | 'ATTACHING' | 'ATTACHED' | 'DETACHING' | 'DETACHED' | 'DELETED';
  details: { name: string; value: string }[];
}

export interface TaskRecord {
  taskArn: string;
  clusterArn: string;
  clusterName: string;
  taskDefinitionArn: string;
  family: string;
  launchType: 'EC2' | 'FARGATE' | 'EXTERNAL';
  capacityProviderName?: string;
  platformVersion?: string;
  platformFamily?: string;
  containerInstanceArn?: string;
  availabilityZone?: string;
  /** task-level size as ECS shows it (units / MiB as strings) */
  cpu?: string;
  memory?: string;
  networkMode: string;
  /** `ecs.cpu-architecture` of where it runs (x86_64 or arm64), shown as the task's attribute */
  cpuArchitecture: string;
  group: string;
  startedBy?: string;
  tags: Tag[];
  overrides: JsonObject;
  enableExecuteCommand: boolean;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  healthStatus: HealthStatus;
  connectivity?: 'CONNECTED' | 'DISCONNECTED';
  connectivityAt?: number;
  createdAt: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  stopCode?: TaskStopCode;
  stoppedReason?: string;
  /** increases with every change ECS would report (the `version` member) */
  version: number;
  containers: ContainerRecord[];
  attachments: AttachmentRecord[];
  ephemeralStorage?: { sizeInGiB: number };
  /** the EC2 resources it holds (placement/fit.ts reservations) were handed back, at STOPPED */
  released: boolean;
  /** EC2 placement: why this instance (placement/types.ts), for the UI's "why here?" */
  placement?: PlacementExplanation;
  /** fault marks: container name → virtual ms until which its health check fails (-1: until cleared) */
  healthFailUntil: Record<string, number>;
}
