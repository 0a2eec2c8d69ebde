/**
 * What the simulation stores for EC2 instances and ECS container instances (plain JSON, in SimState).
 * Container-instance resources are kept as numbers and port lists; describe turns them into the
 * ECS `Resource` shapes (see api/containerInstanceShape.ts).
 */
import type { Tag } from '../api/tags';

/** EC2 instance states as DescribeInstances shows them (no stop/start in the playground). */
export type Ec2State = 'pending' | 'running' | 'shutting-down' | 'terminated';

export interface Ec2InstanceRecord {
  /** `i-` + 17 hex */
  instanceId: string;
  instanceType: string;
  /** cluster named in the agent's ECS_CLUSTER setting */
  clusterName: string;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  imageId: string;
  privateIpAddress: string;
  state: Ec2State;
  /** virtual ms */
  launchTime: number;
  /** virtual ms of the last state change */
  stateChangedAt: number;
  /** EC2's `StateTransitionReason` text, empty while running */
  stateTransitionReason: string;
  /** set once the agent has registered */
  containerInstanceArn?: string;
}

export type ContainerInstanceStatus =
  | 'REGISTERING'
  | 'REGISTRATION_FAILED'
  | 'ACTIVE'
  | 'DRAINING'
  | 'DEREGISTERING'
  | 'INACTIVE';

/** One pool of what an instance offers. `ports`/`portsUdp` list RESERVED host ports, as ECS shows them. */
export interface ResourcePool {
  cpu: number;
  memory: number;
  ports: string[];
  portsUdp: string[];
  /** GPU ids; in `remaining`, the ids not yet handed to a task */
  gpuIds: string[];
  /** network interfaces available to awsvpc tasks (the primary ENI is not counted) */
  enis: number;
}

/** What one task holds on an instance; released exactly once. */
export interface Reservation {
  cpu: number;
  memory: number;
  ports: string[];
  portsUdp: string[];
  gpuIds: string[];
  enis: number;
  /** host ports assigned from the ephemeral range (not listed in remaining PORTS, like ECS) */
  dynamicPorts: number[];
}

export interface InstanceAttribute {
  name: string;
  value?: string;
}

export interface AgentVersionInfo {
  agentVersion: string;
  agentHash: string;
  dockerVersion: string;
}

export interface ContainerInstanceRecord {
  containerInstanceArn: string;
  /** the 32-hex id at the end of the ARN */
  id: string;
  clusterName: string;
  ec2InstanceId: string;
  status: ContainerInstanceStatus;
  statusReason?: string;
  agentConnected: boolean;
  /** virtual ms */
  registeredAt: number;
  /** virtual ms when it became INACTIVE; describable for one hour after */
  deregisteredAt?: number;
  /** ECS `version`: incremented on every change that would emit an EventBridge event */
  version: number;
  versionInfo: AgentVersionInfo;
  registered: ResourcePool;
  remaining: ResourcePool;
  /** by task ARN */
  reservations: Record<string, Reservation>;
  /** built-in and custom attributes, in registration order */
  attributes: InstanceAttribute[];
  tags: Tag[];
  /** virtual ms of the last agent connect/disconnect (instance health `lastStatusChange`) */
  connectivityChangedAt: number;
}

/** Bookkeeping of the EC2 side that is not per instance. */
export interface InfraBook {
  /** next AZ index for round-robin placement of launched instances */
  nextAzIndex: number;
  /** the default VPC and one subnet per AZ, created on first launch */
  vpcId?: string;
  subnets?: Record<string, string>;
  /** next private IP host number */
  nextIp: number;
}
