/**
 * Does a task fit on a container instance, and the bookkeeping when it is placed or stops.
 *
 * Pure functions over the simulation state. `checkFit` answers with the first ECS failure reason
 * (reference §5.6) and a detail with numbers; `reserveResources` debits the instance and records what
 * the task holds; `releaseResources` credits it back exactly once. The placement issue adds
 * constraints and strategies on top of `checkFit`.
 */
import type { SimState } from '../engine/state';
import type { ContainerInstanceRecord, Reservation } from '../infra/records';
import { FitMessages } from './messages';

export interface TaskNeeds {
  /** CPU units */
  cpu: number;
  /** MiB */
  memory: number;
  gpu: number;
  /** static host ports */
  ports: { hostPort: number; protocol: 'tcp' | 'udp' }[];
  /** bridge-mode port mappings with hostPort 0 (or omitted): each takes one ephemeral host port */
  dynamicPorts: number;
  /** awsvpc task on EC2: takes one ENI attachment */
  needsEni: boolean;
  /** from the task definition's requiresAttributes / placement needs */
  requiredAttributes?: { name: string; value?: string }[];
}

export type FitReason =
  | 'RESOURCE:CPU'
  | 'RESOURCE:MEMORY'
  | 'RESOURCE:GPU'
  | 'RESOURCE:PORTS'
  | 'RESOURCE:PORTS_UDP'
  | 'RESOURCE:ENI'
  | 'AGENT'
  | 'INACTIVE'
  | 'ATTRIBUTE';

export type FitFailure = { reason: FitReason; detail: string };

export type FitResult = { ok: true } | { ok: false; failure: FitFailure };

export interface HostPortBinding {
  containerPort?: number;
  hostPort: number;
  protocol: 'tcp' | 'udp';
}

/** Ephemeral range the agent assigns dynamic host ports from (Amazon Linux ip_local_port_range). */
export const DYNAMIC_PORT_RANGE = { from: 32768, to: 60999 } as const;

/** ECS allows at most 100 reserved host ports per instance, the agent's defaults included. */
export const MAX_RESERVED_PORTS = 100;

const fail = (reason: FitReason, detail: string): FitResult => ({ ok: false, failure: { reason, detail } });

function instanceOf(state: SimState, arn: string): ContainerInstanceRecord | undefined {
  return state.containerInstances[arn];
}

/** Why `needs` cannot go on the instance now, or ok. Checks in the order ECS filters (reference §5.1). */
export function checkFit(state: SimState, containerInstanceArn: string, needs: TaskNeeds): FitResult {
  const ci = instanceOf(state, containerInstanceArn);
  if (!ci) return fail('INACTIVE', FitMessages.notFound);
  if (ci.status !== 'ACTIVE') return fail('INACTIVE', FitMessages.status(ci.status));
  if (!ci.agentConnected) return fail('AGENT', FitMessages.agent(ci.ec2InstanceId));

  for (const req of needs.requiredAttributes ?? []) {
    const has = ci.attributes.some((a) => a.name === req.name && (req.value === undefined || a.value === req.value));
    if (!has) {
      const want = req.value === undefined ? req.name : `${req.name}=${req.value}`;
      return fail('ATTRIBUTE', FitMessages.attribute(want));
    }
  }

  const rem = ci.remaining;
  if (needs.cpu > rem.cpu) return fail('RESOURCE:CPU', FitMessages.cpu(needs.cpu, rem.cpu));
  if (needs.memory > rem.memory) return fail('RESOURCE:MEMORY', FitMessages.memory(needs.memory, rem.memory));
  if (needs.gpu > rem.gpuIds.length) return fail('RESOURCE:GPU', FitMessages.gpu(needs.gpu, rem.gpuIds.length));

  if (needs.ports.length > 0) {
    const tcp = portsOf(needs, 'tcp');
    const udp = portsOf(needs, 'udp');
    const tcpTaken = tcp.find((p) => rem.ports.includes(p) || isDynamicInUse(ci, Number(p)));
    if (tcpTaken) return fail('RESOURCE:PORTS', FitMessages.tcpTaken(tcpTaken));
    if (hasDuplicate(tcp)) return fail('RESOURCE:PORTS', FitMessages.tcpTwice);
    if (rem.ports.length + rem.portsUdp.length + tcp.length + udp.length > MAX_RESERVED_PORTS) {
      return fail('RESOURCE:PORTS', FitMessages.tooManyPorts(MAX_RESERVED_PORTS));
    }
    const udpTaken = udp.find((p) => rem.portsUdp.includes(p));
    if (udpTaken) return fail('RESOURCE:PORTS_UDP', FitMessages.udpTaken(udpTaken));
    if (hasDuplicate(udp)) return fail('RESOURCE:PORTS_UDP', FitMessages.udpTwice);
  }
  if (needs.dynamicPorts > 0 && needs.dynamicPorts > freeDynamicPortCount(ci, needs)) {
    return fail('RESOURCE:PORTS', FitMessages.dynamicExhausted(needs.dynamicPorts));
  }

  if (needs.needsEni && rem.enis < 1) {
    return fail('RESOURCE:ENI', FitMessages.eni(rem.enis));
  }
  return { ok: true };
}

/**
 * Debits the instance for `taskArn` (call after a successful checkFit). Static ports, GPUs and the
 * ENI are taken as asked; dynamic host ports are the lowest free ones of the ephemeral range.
 * Reserving twice for the same task returns the first reservation's ports and debits nothing more.
 */
export function reserveResources(
  state: SimState,
  containerInstanceArn: string,
  taskArn: string,
  needs: TaskNeeds,
): { hostPorts: HostPortBinding[] } {
  const ci = instanceOf(state, containerInstanceArn);
  if (!ci) throw new Error(`reserveResources: no container instance ${containerInstanceArn}`);
  const existing = ci.reservations[taskArn];
  if (existing) return { hostPorts: bindingsOf(existing) };

  const tcp = portsOf(needs, 'tcp');
  const udp = portsOf(needs, 'udp');
  const gpuIds = ci.remaining.gpuIds.slice(0, needs.gpu);
  const dynamicPorts = needs.dynamicPorts > 0 ? freeDynamicPorts(ci, tcp, needs.dynamicPorts) : [];
  const r: Reservation = {
    cpu: needs.cpu,
    memory: needs.memory,
    ports: tcp,
    portsUdp: udp,
    gpuIds,
    enis: needs.needsEni ? 1 : 0,
    dynamicPorts,
  };
  ci.reservations[taskArn] = r;
  const rem = ci.remaining;
  rem.cpu -= r.cpu;
  rem.memory -= r.memory;
  rem.ports.push(...r.ports);
  rem.portsUdp.push(...r.portsUdp);
  rem.gpuIds = rem.gpuIds.filter((g) => !gpuIds.includes(g));
  rem.enis -= r.enis;
  ci.version++;
  return { hostPorts: bindingsOf(r) };
}

/** Credits back what `taskArn` held. Idempotent: a second call (or a call for an unknown task) does nothing. */
export function releaseResources(state: SimState, containerInstanceArn: string, taskArn: string): void {
  const ci = instanceOf(state, containerInstanceArn);
  const r = ci?.reservations[taskArn];
  if (!ci || !r) return;
  delete ci.reservations[taskArn];
  const rem = ci.remaining;
  rem.cpu += r.cpu;
  rem.memory += r.memory;
  rem.ports = removeOnce(rem.ports, r.ports);
  rem.portsUdp = removeOnce(rem.portsUdp, r.portsUdp);
  // keep GPU ids in registration order
  rem.gpuIds = ci.registered.gpuIds.filter((g) => rem.gpuIds.includes(g) || r.gpuIds.includes(g));
  rem.enis += r.enis;
  ci.version++;
}

function bindingsOf(r: Reservation): HostPortBinding[] {
  return [
    ...r.ports.map((p) => ({ hostPort: Number(p), protocol: 'tcp' as const })),
    ...r.portsUdp.map((p) => ({ hostPort: Number(p), protocol: 'udp' as const })),
    ...r.dynamicPorts.map((p) => ({ hostPort: p, protocol: 'tcp' as const })),
  ];
}

function portsOf(needs: TaskNeeds, protocol: 'tcp' | 'udp'): string[] {
  return needs.ports.filter((p) => p.protocol === protocol).map((p) => String(p.hostPort));
}

const inDynamicRange = (port: number) => port >= DYNAMIC_PORT_RANGE.from && port <= DYNAMIC_PORT_RANGE.to;

/** How many ephemeral ports are still free, counting the task's own static ports as taken (no set built). */
function freeDynamicPortCount(ci: ContainerInstanceRecord, needs: TaskNeeds): number {
  let taken = 0;
  for (const p of ci.remaining.ports) if (inDynamicRange(Number(p))) taken++;
  for (const p of needs.ports) if (p.protocol === 'tcp' && inDynamicRange(p.hostPort)) taken++;
  for (const r of Object.values(ci.reservations)) taken += r.dynamicPorts.length;
  return DYNAMIC_PORT_RANGE.to - DYNAMIC_PORT_RANGE.from + 1 - taken;
}

function isDynamicInUse(ci: ContainerInstanceRecord, port: number): boolean {
  return Object.values(ci.reservations).some((r) => r.dynamicPorts.includes(port));
}

/** Free ephemeral ports, lowest first, skipping reserved ones and `alsoTaken`. Stops once enough are found. */
function freeDynamicPorts(ci: ContainerInstanceRecord, alsoTaken: readonly string[], enough: number): number[] {
  const taken = new Set<number>();
  for (const p of ci.remaining.ports) taken.add(Number(p));
  for (const p of alsoTaken) taken.add(Number(p));
  for (const r of Object.values(ci.reservations)) for (const p of r.dynamicPorts) taken.add(p);
  const out: number[] = [];
  for (let p = DYNAMIC_PORT_RANGE.from; p <= DYNAMIC_PORT_RANGE.to && out.length < enough; p++) {
    if (!taken.has(p)) out.push(p);
  }
  return out;
}

function hasDuplicate(items: readonly string[]): boolean {
  return new Set(items).size !== items.length;
}

/** Removes one occurrence of each of `items` from `from`. */
function removeOnce(from: readonly string[], items: readonly string[]): string[] {
  const out = [...from];
  for (const it of items) {
    const i = out.indexOf(it);
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}
