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

/** The map model of one cluster. STOPPED tasks and long-gone instances are left out. */
export function extractClusterMap(state: SimState, clusterName: string): ClusterMapModel {
  const tasksByInstance = new Map<string, MapTask[]>();
  const fargate: MapTask[] = [];
  for (const t of Object.values(state.tasks ?? {})) {
    if (t.clusterName !== clusterName || t.lastStatus === 'STOPPED') continue;
    const onEc2 = t.launchType !== 'FARGATE' && t.containerInstanceArn;
    const reservation = onEc2 ? state.containerInstances[t.containerInstanceArn!]?.reservations[t.taskArn] : undefined;
    const task: MapTask = {
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
    if (onEc2) {
      const list = tasksByInstance.get(t.containerInstanceArn!) ?? [];
      list.push(task);
      tasksByInstance.set(t.containerInstanceArn!, list);
    } else {
      fargate.push(task);
    }
  }

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
