/**
 * What a task asks of a container instance (CPU, memory, GPU, host ports, ENI), worked out from its
 * definition and the RunTask overrides, plus which container each reserved host port belongs to.
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { TaskNeeds } from '../placement/fit';
import type { TaskDefinitionBody } from '../taskdef/record';

export interface ContainerOverrideView {
  name?: string;
  command?: string[];
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
}

export interface TaskOverridesView {
  containerOverrides?: ContainerOverrideView[];
  cpu?: string;
  memory?: string;
}

/** A container definition with the RunTask overrides for it applied. */
export function effectiveContainers(body: TaskDefinitionBody, overrides: TaskOverridesView): ContainerDefinition[] {
  return (body.containerDefinitions ?? []).map((def) => {
    const o = overrides.containerOverrides?.find((x) => x.name === def.name);
    if (!o) return def;
    const out: ContainerDefinition = { ...def };
    if (o.command !== undefined) out.command = o.command;
    if (o.cpu !== undefined) out.cpu = o.cpu;
    if (o.memory !== undefined) out.memory = o.memory;
    if (o.memoryReservation !== undefined) out.memoryReservation = o.memoryReservation;
    return out;
  });
}

/** Who owns each host port `reserveResources` hands back, in the order it hands them back. */
export interface PortOwner {
  containerIndex: number;
  containerPort: number;
  protocol: 'tcp' | 'udp';
}

export interface TaskPlan {
  needs: TaskNeeds;
  /** static TCP, then static UDP, then dynamic ports: the order of reserveResources' answer */
  owners: PortOwner[];
}

const num = (text: string | undefined): number | undefined => {
  if (text === undefined || text === null) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
};

export function planTask(body: TaskDefinitionBody, containers: ContainerDefinition[], overrides: TaskOverridesView): TaskPlan {
  const networkMode = body.networkMode ?? 'bridge';
  const taskCpu = num(overrides.cpu) ?? num(body.cpu);
  const taskMemory = num(overrides.memory) ?? num(body.memory);
  // Task-level size wins; otherwise the containers' sum (reference §3.4: memoryReservation, else memory).
  const cpu = taskCpu ?? containers.reduce((sum, c) => sum + (c.cpu ?? 0), 0);
  const memory = taskMemory ?? containers.reduce((sum, c) => sum + (c.memoryReservation ?? c.memory ?? 0), 0);
  const gpu = containers.reduce(
    (sum, c) => sum + (c.resourceRequirements ?? []).filter((r) => r.type === 'GPU').reduce((s, r) => s + Number(r.value ?? 0), 0),
    0,
  );
  const tcp: PortOwner[] = [];
  const udp: PortOwner[] = [];
  const dynamic: PortOwner[] = [];
  const ports: TaskNeeds['ports'] = [];
  if (networkMode === 'bridge' || networkMode === 'host') {
    containers.forEach((c, containerIndex) => {
      for (const m of c.portMappings ?? []) {
        if (m.containerPort === undefined) continue;
        const protocol = m.protocol === 'udp' ? 'udp' : 'tcp';
        const owner = { containerIndex, containerPort: m.containerPort, protocol } as PortOwner;
        const hostPort = networkMode === 'host' ? m.hostPort ?? m.containerPort : m.hostPort ?? 0;
        if (hostPort === 0) {
          dynamic.push(owner);
        } else {
          ports.push({ hostPort, protocol });
          (protocol === 'tcp' ? tcp : udp).push(owner);
        }
      }
    });
  }
  // reserveResources lists static TCP then UDP in request order, so keep ports sorted the same way.
  const orderedPorts = [...ports.filter((p) => p.protocol === 'tcp'), ...ports.filter((p) => p.protocol === 'udp')];
  return {
    needs: { cpu, memory, gpu, ports: orderedPorts, dynamicPorts: dynamic.length, needsEni: networkMode === 'awsvpc' },
    owners: [...tcp, ...udp, ...dynamic],
  };
}
