/**
 * Test builders for placement: a cluster of container instances with chosen resources, AZs and
 * attributes, and tasks holding reservations on them. Records are made directly (no boot timing).
 */
import { createState, type SimState } from '../engine/state';
import type { ContainerInstanceRecord, InstanceAttribute } from '../infra/records';
import type { TaskRecord } from '../tasks/record';
import { instanceTableChanged } from './clusterIndex';
import { reserveResources, type TaskNeeds } from './fit';

export interface InstanceSpec {
  az?: string;
  cpu?: number;
  memory?: number;
  gpus?: number;
  enis?: number;
  instanceType?: string;
  attributes?: InstanceAttribute[];
  status?: ContainerInstanceRecord['status'];
  agentConnected?: boolean;
  /** virtual ms */
  registeredAt?: number;
  agentVersion?: string;
}

export function testState(seed = 7, clusterName = 'demo'): SimState {
  const state = createState({ seed });
  state.clusters[clusterName] = { clusterName, status: 'ACTIVE' } as never;
  return state;
}

let serial = 0;

/** Adds a running EC2 instance and its ACTIVE container instance; returns the container-instance ARN. */
export function addInstance(state: SimState, spec: InstanceSpec = {}, clusterName = 'demo'): string {
  const n = Object.keys(state.containerInstances).length + 1;
  serial++;
  const id = (n.toString(16).padStart(4, '0') + 'c'.repeat(28)).slice(0, 32);
  const ec2InstanceId = `i-${n.toString(16).padStart(17, '0')}`;
  const arn = `arn:aws:ecs:us-east-1:123456789012:container-instance/${clusterName}/${id}`;
  const az = spec.az ?? 'us-east-1a';
  const instanceType = spec.instanceType ?? 'm5.large';
  state.ec2Instances[ec2InstanceId] = {
    instanceId: ec2InstanceId,
    instanceType,
    clusterName,
    availabilityZone: az,
    subnetId: `subnet-${az}`,
    vpcId: 'vpc-1',
    imageId: 'ami-1',
    privateIpAddress: `172.31.0.${n}`,
    state: 'running',
    launchTime: 0,
    stateChangedAt: 0,
    stateTransitionReason: '',
    containerInstanceArn: arn,
  };
  const pool = {
    cpu: spec.cpu ?? 2048,
    memory: spec.memory ?? 4096,
    ports: ['22', '2375', '2376', '51678', '51679'],
    portsUdp: [] as string[],
    gpuIds: Array.from({ length: spec.gpus ?? 0 }, (_, g) => `GPU-${n}-${g}`),
    enis: spec.enis ?? 2,
  };
  state.containerInstances[arn] = {
    containerInstanceArn: arn,
    id,
    clusterName,
    ec2InstanceId,
    status: spec.status ?? 'ACTIVE',
    agentConnected: spec.agentConnected ?? true,
    registeredAt: spec.registeredAt ?? 0,
    version: 1,
    versionInfo: { agentVersion: spec.agentVersion ?? '1.101.0', agentHash: 'h', dockerVersion: 'DockerVersion: 25.0.8' },
    registered: structuredClone(pool),
    remaining: structuredClone(pool),
    reservations: {},
    attributes: [
      { name: 'ecs.availability-zone', value: az },
      { name: 'ecs.instance-type', value: instanceType },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.capability.task-eni' },
      ...(spec.attributes ?? []),
    ],
    tags: [],
    connectivityChangedAt: 0,
  };
  instanceTableChanged(state);
  return arn;
}

export function needs(partial: Partial<TaskNeeds> = {}): TaskNeeds {
  return { cpu: 0, memory: 0, gpu: 0, ports: [], dynamicPorts: 0, needsEni: false, ...partial };
}

let taskSerial = 0;

/** A task of `group` holding `taskNeeds` on the instance (desiredStatus RUNNING). Returns its ARN. */
export function addTask(state: SimState, containerInstanceArn: string, group: string, taskNeeds: TaskNeeds = needs(), desiredStatus: 'RUNNING' | 'STOPPED' = 'RUNNING'): string {
  taskSerial++;
  const taskArn = `arn:aws:ecs:us-east-1:123456789012:task/demo/${taskSerial.toString(16).padStart(32, '0')}`;
  reserveResources(state, containerInstanceArn, taskArn, taskNeeds);
  const task = {
    taskArn,
    clusterName: 'demo',
    containerInstanceArn,
    group,
    desiredStatus,
    lastStatus: 'RUNNING',
    cpu: String(taskNeeds.cpu),
    memory: String(taskNeeds.memory),
  } as unknown as TaskRecord;
  state.tasks[taskArn] = task;
  return taskArn;
}
