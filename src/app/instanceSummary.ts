/**
 * A container instance as DescribeContainerInstances shows it, summed up for people: registered vs
 * remaining CPU and memory, the host ports in use, the agent and the task counts. Pure; tested in
 * instanceSummary.test.ts.
 */
import type { ContainerInstance, Resource } from '@aws-sdk/client-ecs';

export interface ResourceUse {
  name: 'CPU' | 'MEMORY';
  registered: number;
  remaining: number;
  /** registered − remaining: what tasks have reserved */
  reserved: number;
  /** 0..1 */
  share: number;
}

export interface InstanceSummary {
  ec2InstanceId: string;
  instanceType?: string;
  availabilityZone?: string;
  status: string;
  agentConnected: boolean;
  agentVersion?: string;
  runningTasksCount: number;
  pendingTasksCount: number;
  resources: ResourceUse[];
  /** ports the instance reserves for itself (registered PORTS) */
  systemPorts: string[];
  /** host ports tasks hold: listed in the remaining PORTS / PORTS_UDP but not registered */
  taskPorts: string[];
}

const find = (list: Resource[] | undefined, name: string) => list?.find((r) => r.name === name);

export function summarizeInstance(ci: ContainerInstance): InstanceSummary {
  const attr = (name: string) => ci.attributes?.find((a) => a.name === name)?.value;
  const resources = (['CPU', 'MEMORY'] as const).map((name): ResourceUse => {
    const registered = find(ci.registeredResources, name)?.integerValue ?? 0;
    const remaining = find(ci.remainingResources, name)?.integerValue ?? 0;
    const reserved = Math.max(0, registered - remaining);
    return { name, registered, remaining, reserved, share: registered > 0 ? reserved / registered : 0 };
  });
  const taskPorts: string[] = [];
  for (const [name, suffix] of [
    ['PORTS', ''],
    ['PORTS_UDP', '/udp'],
  ] as const) {
    const system = new Set(find(ci.registeredResources, name)?.stringSetValue ?? []);
    for (const p of find(ci.remainingResources, name)?.stringSetValue ?? []) if (!system.has(p)) taskPorts.push(p + suffix);
  }
  const summary: InstanceSummary = {
    ec2InstanceId: ci.ec2InstanceId ?? '',
    status: ci.status ?? '',
    agentConnected: ci.agentConnected ?? false,
    runningTasksCount: ci.runningTasksCount ?? 0,
    pendingTasksCount: ci.pendingTasksCount ?? 0,
    resources,
    systemPorts: [...(find(ci.registeredResources, 'PORTS')?.stringSetValue ?? [])],
    taskPorts: taskPorts.sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b)),
  };
  const type = attr('ecs.instance-type');
  if (type) summary.instanceType = type;
  const az = attr('ecs.availability-zone');
  if (az) summary.availabilityZone = az;
  if (ci.versionInfo?.agentVersion) summary.agentVersion = ci.versionInfo.agentVersion;
  return summary;
}
