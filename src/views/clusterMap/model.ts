/**
 * What the cluster map shows, extracted from the simulation state: instances grouped by
 * Availability Zone with the tasks they hold, EC2 instances still booting, and Fargate tasks.
 * Pure and plain, so layouts and tests need no DOM.
 */
import type { SimState } from '../../core';

export type MapTaskPhase = 'starting' | 'running' | 'stopping' | 'stopped';

export interface MapTask {
  taskArn: string;
  /** short id for labels */
  id: string;
  group: string;
  family: string;
  lastStatus: string;
  desiredStatus: string;
  phase: MapTaskPhase;
  /** reserved CPU units / MiB on its instance (EC2) or its task size (Fargate) */
  cpu: number;
  memory: number;
  ports: string[];
  eni: boolean;
  capacityProviderName?: string;
  availabilityZone?: string;
  /** virtual ms; tasks are drawn in the order they were created */
  createdAt: number;
}

export type MapInstanceState = 'booting' | 'active' | 'draining' | 'disconnected' | 'terminating' | 'inactive';

export interface MapInstance {
  /** container-instance ARN, or the EC2 id while booting */
  key: string;
  ec2InstanceId: string;
  instanceType: string;
  availabilityZone: string;
  state: MapInstanceState;
  status?: string;
  agentConnected: boolean;
  registeredCpu: number;
  registeredMemory: number;
  remainingCpu: number;
  remainingMemory: number;
  /** reserved static host ports (TCP, then UDP as `53/udp`), as ECS lists them in remaining PORTS */
  portsInUse: string[];
  /** awsvpc network interfaces attached for tasks, of those the instance type allows */
  enisInUse: number;
  enisRegistered: number;
  tasks: MapTask[];
}

export interface ClusterMapModel {
  clusterName: string;
  availabilityZones: string[];
  instances: MapInstance[];
  fargate: MapTask[];
}

const STARTING = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);
const STOPPING = new Set(['DEACTIVATING', 'STOPPING', 'DEPROVISIONING']);

export function phaseOf(lastStatus: string): MapTaskPhase {
  if (STARTING.has(lastStatus)) return 'starting';
  if (STOPPING.has(lastStatus)) return 'stopping';
  if (lastStatus === 'STOPPED') return 'stopped';
  return 'running';
}

const byCreation = (a: MapTask, b: MapTask) => a.createdAt - b.createdAt || a.taskArn.localeCompare(b.taskArn);

function units(value: string | undefined): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

type TaskRecord = SimState['tasks'][string];
type Reservation = SimState['containerInstances'][string]['reservations'][string];

function mapTask(t: TaskRecord, reservation: Reservation | undefined): MapTask {
  return {
    taskArn: t.taskArn,
    id: t.taskArn.slice(t.taskArn.lastIndexOf('/') + 1),
    group: t.group,
    family: t.family,
    lastStatus: t.lastStatus,
    desiredStatus: t.desiredStatus,
    phase: phaseOf(t.lastStatus),
    cpu: reservation?.cpu ?? units(t.cpu),
    memory: reservation?.memory ?? units(t.memory),
    ports: reservation ? [...reservation.ports, ...reservation.dynamicPorts.map(String)] : [],
    eni: t.networkMode === 'awsvpc',
    capacityProviderName: t.capacityProviderName,
    availabilityZone: t.availabilityZone,
    createdAt: t.createdAt,
  };
}

interface Drawn {
  lastStatus: string;
  desiredStatus: string;
  reservation: Reservation | undefined;
  containerInstanceArn: string | undefined;
  availabilityZone: string | undefined;
  capacityProviderName: string | undefined;
  task: MapTask;
}

/**
 * The MapTask made for each task at the last extraction, per simulation state and cluster. The core
 * changes its records in place, so a MapTask is reused only while everything it copied is unchanged:
 * the clock runs the map once per frame, and with 2,000 tasks rebuilding them all was most of the cost.
 */
const previous = new WeakMap<SimState, Map<string, Map<string, Drawn>>>();

/** The map model of one cluster. STOPPED tasks and long-gone instances are left out. */
export function extractClusterMap(state: SimState, clusterName: string): ClusterMapModel {
  const tasksByInstance = new Map<string, MapTask[]>();
  const fargate: MapTask[] = [];
  let byCluster = previous.get(state);
  if (!byCluster) previous.set(state, (byCluster = new Map()));
  const before = byCluster.get(clusterName);
  const now = new Map<string, Drawn>();
  const records = state.tasks ?? {};
  for (const arn in records) {
    const t = records[arn];
    if (t.clusterName !== clusterName || t.lastStatus === 'STOPPED') continue;
    const onEc2 = t.launchType !== 'FARGATE' && t.containerInstanceArn;
    const reservation = onEc2 ? state.containerInstances[t.containerInstanceArn!]?.reservations[t.taskArn] : undefined;
    const last = before?.get(arn);
    const same =
      last !== undefined &&
      last.lastStatus === t.lastStatus &&
      last.desiredStatus === t.desiredStatus &&
      last.reservation === reservation &&
      last.containerInstanceArn === t.containerInstanceArn &&
      last.availabilityZone === t.availabilityZone &&
      last.capacityProviderName === t.capacityProviderName;
    const drawn: Drawn = same
      ? last
      : {
          lastStatus: t.lastStatus,
          desiredStatus: t.desiredStatus,
          reservation,
          containerInstanceArn: t.containerInstanceArn,
          availabilityZone: t.availabilityZone,
          capacityProviderName: t.capacityProviderName,
          task: mapTask(t, reservation),
        };
    now.set(arn, drawn);
    const task = drawn.task;
    if (onEc2) {
      const list = tasksByInstance.get(t.containerInstanceArn!);
      if (list) list.push(task);
      else tasksByInstance.set(t.containerInstanceArn!, [task]);
    } else {
      fargate.push(task);
    }
  }
  byCluster.set(clusterName, now);

  const instances: MapInstance[] = [];
  for (const ec2 of Object.values(state.ec2Instances ?? {})) {
    if (ec2.clusterName !== clusterName || ec2.state === 'terminated') continue;
    const ci = ec2.containerInstanceArn ? state.containerInstances[ec2.containerInstanceArn] : undefined;
    if (!ci) {
      instances.push({
        key: ec2.instanceId,
        ec2InstanceId: ec2.instanceId,
        instanceType: ec2.instanceType,
        availabilityZone: ec2.availabilityZone,
        state: ec2.state === 'shutting-down' ? 'terminating' : 'booting',
        agentConnected: false,
        registeredCpu: 0,
        registeredMemory: 0,
        remainingCpu: 0,
        remainingMemory: 0,
        portsInUse: [],
        enisInUse: 0,
        enisRegistered: 0,
        tasks: [],
      });
      continue;
    }
    if (ci.status === 'INACTIVE' && !tasksByInstance.has(ci.containerInstanceArn)) continue;
    let mapState: MapInstanceState = 'active';
    if (ec2.state === 'shutting-down') mapState = 'terminating';
    else if (ci.status === 'INACTIVE' || ci.status === 'DEREGISTERING') mapState = 'inactive';
    else if (!ci.agentConnected) mapState = 'disconnected';
    else if (ci.status === 'DRAINING') mapState = 'draining';
    instances.push({
      key: ci.containerInstanceArn,
      ec2InstanceId: ec2.instanceId,
      instanceType: ec2.instanceType,
      availabilityZone: ec2.availabilityZone,
      state: mapState,
      status: ci.status,
      agentConnected: ci.agentConnected,
      registeredCpu: ci.registered.cpu,
      registeredMemory: ci.registered.memory,
      remainingCpu: ci.remaining.cpu,
      remainingMemory: ci.remaining.memory,
      portsInUse: [...ci.remaining.ports, ...ci.remaining.portsUdp.map((p) => `${p}/udp`)],
      enisInUse: Math.max(0, ci.registered.enis - ci.remaining.enis),
      enisRegistered: ci.registered.enis,
      tasks: (tasksByInstance.get(ci.containerInstanceArn) ?? []).sort(byCreation),
    });
  }

  const zones = new Set<string>();
  for (const i of instances) zones.add(i.availabilityZone);
  for (const t of fargate) if (t.availabilityZone) zones.add(t.availabilityZone);
  return {
    clusterName,
    availabilityZones: [...zones].sort(),
    instances: instances.sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone) || a.ec2InstanceId.localeCompare(b.ec2InstanceId)),
    fargate: fargate.sort(byCreation),
  };
}
