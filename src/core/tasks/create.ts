/**
 * Creating a task: its record (as DescribeTasks will show it), its ENI attachment for awsvpc, the
 * agent-level containers, the seeded phase durations, and the task actor that walks the lifecycle.
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { ClusterRecord } from '../api/clusterRecord';
import type { Tag } from '../api/tags';
import { arns } from '../engine/arn';
import { newEniId, newUuid } from '../engine/ids';
import type { JsonObject } from '../engine/json';
import { hex } from '../engine/rng';
import type { SimState } from '../engine/state';
import { nextPrivateIp } from '../infra/network';
import { startActor } from '../machines/driver';
import { launchRegistersTargets } from '../elb/taskTargets';
import { machines } from '../machines/registry';
import type { TaskMachineInput } from '../machines/task.machine';
import type { HostPortBinding } from '../placement/fit';
import type { TaskDefinitionRecord } from '../taskdef/record';
import { drawDuration } from '../timings';
import type { AgentContainer, ContainerCondition } from './containers';
import type { PortOwner } from './needs';
import type { AttachmentRecord, ContainerRecord, NetworkBindingRecord, TaskRecord } from './record';

/** The agent's default when neither the container nor ECS_CONTAINER_STOP_TIMEOUT sets one (reference §2.4). */
export const DEFAULT_STOP_TIMEOUT_S = 30;
/** The agent's ECS_CONTAINER_START_TIMEOUT default on Linux (reference §2.4). */
export const DEFAULT_START_TIMEOUT_S = 180;
/** Programs that, as PID 1, do not act on SIGTERM: only SIGKILL ends them. */
const SIGTERM_DEAF = new Set(['sleep', 'sh', 'bash', 'ash', 'dash', 'tail', 'cat']);

export interface TaskLaunch {
  taskArn: string;
  cluster: ClusterRecord;
  taskDefinition: TaskDefinitionRecord;
  /** container definitions with overrides applied */
  containers: ContainerDefinition[];
  launchType: 'EC2' | 'FARGATE' | 'EXTERNAL';
  capacityProviderName?: string;
  /** no instance could take it yet: it waits in PROVISIONING for capacity (capacity/waiting.ts) */
  awaitingCapacity?: boolean;
  platformVersion?: string;
  platformFamily?: string;
  containerInstanceArn?: string;
  availabilityZone?: string;
  /** host ports from reserveResources and who owns them */
  hostPorts?: HostPortBinding[];
  portOwners?: PortOwner[];
  /** awsvpc: the subnet the task ENI goes into */
  subnetId?: string;
  overrides: JsonObject;
  group: string;
  startedBy?: string;
  tags: Tag[];
  enableExecuteCommand: boolean;
  cpu?: string;
  memory?: string;
}

export function newTaskArn(state: SimState, clusterName: string): string {
  return arns.task(state, clusterName, hex(state.rng, 32));
}

/** The command line the container runs (entryPoint then command), split the way a shell form would be. */
function argvOf(def: ContainerDefinition): string[] {
  const argv = [...(def.entryPoint ?? []), ...(def.command ?? [])];
  if (argv.length === 1) return argv[0].trim().split(/\s+/);
  return argv;
}

const base = (word: string | undefined) => (word ?? '').slice((word ?? '').lastIndexOf('/') + 1);

function sigtermDeaf(def: ContainerDefinition): boolean {
  return SIGTERM_DEAF.has(base(argvOf(def)[0]));
}

/**
 * Programs whose end is known from the command line: `sleep N` exits 0 after N seconds; `echo`,
 * `true`, `printf` exit 0 at once, `false` exits 1; `sh -c "exit N"` exits N. Anything else runs until
 * it is stopped (or a fault crashes it).
 */
export function naturalExit(def: ContainerDefinition): { ms: number; exitCode: number } | null {
  let argv = argvOf(def);
  if (['sh', 'bash', 'ash', 'dash'].includes(base(argv[0])) && argv[1] === '-c' && argv.length >= 3) {
    argv = argv.slice(2).join(' ').trim().split(/\s+/);
  }
  const cmd = base(argv[0]);
  if (cmd === 'sleep') {
    const seconds = Number(argv[1]);
    return Number.isFinite(seconds) && seconds >= 0 ? { ms: Math.round(seconds * 1000), exitCode: 0 } : null;
  }
  if (cmd === 'echo' || cmd === 'true' || cmd === 'printf') return { ms: 50, exitCode: 0 };
  if (cmd === 'false') return { ms: 50, exitCode: 1 };
  if (cmd === 'exit') {
    const code = Number(argv[1] ?? 0);
    return Number.isInteger(code) ? { ms: 50, exitCode: code & 255 } : null;
  }
  return null;
}

function macAddress(state: SimState): string {
  const h = hex(state.rng, 10);
  return `0e:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}:${h.slice(8, 10)}`;
}

function agentContainer(def: ContainerDefinition, fargate: boolean): AgentContainer {
  const hc = def.healthCheck;
  const stopS = Math.min(def.stopTimeout ?? DEFAULT_STOP_TIMEOUT_S, fargate ? 120 : Number.MAX_SAFE_INTEGER);
  return {
    name: def.name ?? '',
    image: def.image ?? '',
    essential: def.essential ?? true,
    status: 'NONE',
    busy: false,
    started: false,
    startedAt: null,
    exitCode: null,
    reason: null,
    health: 'UNKNOWN',
    healthCheck: hc
      ? {
          intervalMs: (hc.interval ?? 30) * 1000,
          timeoutMs: (hc.timeout ?? 5) * 1000,
          retries: hc.retries ?? 3,
          startPeriodMs: (hc.startPeriod ?? 0) * 1000,
        }
      : null,
    failures: 0,
    dependsOn: (def.dependsOn ?? []).map((d) => ({ containerName: d.containerName ?? '', condition: (d.condition ?? 'START') as ContainerCondition })),
    signalled: false,
    ignoresSigterm: sigtermDeaf(def),
    stopTimeoutMs: stopS * 1000,
    startTimeoutMs: (def.startTimeout ?? DEFAULT_START_TIMEOUT_S) * 1000,
    exitsAfter: naturalExit(def),
    restart: def.restartPolicy?.enabled
      ? { ignoredExitCodes: def.restartPolicy.ignoredExitCodes ?? [], attemptPeriodMs: (def.restartPolicy.restartAttemptPeriod ?? 300) * 1000 }
      : null,
    runs: 0,
  };
}

/** The instance's architecture on EC2; on Fargate the definition's runtimePlatform (X86_64 by default). */
function cpuArchitectureOf(state: SimState, launch: TaskLaunch): string {
  if (launch.containerInstanceArn) {
    const attr = state.containerInstances[launch.containerInstanceArn]?.attributes.find((a) => a.name === 'ecs.cpu-architecture');
    if (attr?.value) return attr.value;
  }
  return launch.taskDefinition.body.runtimePlatform?.cpuArchitecture === 'ARM64' ? 'arm64' : 'x86_64';
}

/** Creates the task record and starts its actor (which enters PROVISIONING at once). */
export function launchTask(state: SimState, launch: TaskLaunch): TaskRecord {
  const body = launch.taskDefinition.body;
  const networkMode = body.networkMode ?? 'bridge';
  const awsvpc = networkMode === 'awsvpc';
  const fargate = launch.launchType === 'FARGATE';
  const clusterName = launch.cluster.clusterName;
  const taskId = launch.taskArn.slice(launch.taskArn.lastIndexOf('/') + 1);

  const attachments: AttachmentRecord[] = [];
  let eniIp: string | undefined;
  let attachmentId: string | undefined;
  if (awsvpc) {
    attachmentId = newUuid(state.rng);
    eniIp = nextPrivateIp(state);
    attachments.push({
      id: attachmentId,
      type: 'ElasticNetworkInterface',
      status: 'PRECREATED',
      details: [
        { name: 'subnetId', value: launch.subnetId ?? '' },
        { name: 'networkInterfaceId', value: newEniId(state.rng) },
        { name: 'macAddress', value: macAddress(state) },
        { name: 'privateDnsName', value: `ip-${eniIp.replace(/\./g, '-')}.ec2.internal` },
        { name: 'privateIPv4Address', value: eniIp },
      ],
    });
  }

  const bindings: NetworkBindingRecord[][] = launch.containers.map(() => []);
  (launch.portOwners ?? []).forEach((owner, i) => {
    const hp = launch.hostPorts?.[i];
    if (!hp) return;
    bindings[owner.containerIndex].push({ bindIP: '0.0.0.0', containerPort: owner.containerPort, hostPort: hp.hostPort, protocol: owner.protocol });
  });

  const gpuPool = launch.containerInstanceArn ? [...(state.containerInstances[launch.containerInstanceArn]?.reservations[launch.taskArn]?.gpuIds ?? [])] : [];
  const containers: ContainerRecord[] = launch.containers.map((def, i) => {
    const c: ContainerRecord = {
      containerArn: arns.container(state, clusterName, taskId, newUuid(state.rng)),
      name: def.name ?? '',
      image: def.image ?? '',
      lastStatus: 'PENDING',
      healthStatus: 'UNKNOWN',
      cpu: String(def.cpu ?? 0),
      networkBindings: [],
      plannedBindings: bindings[i],
      networkInterfaces: attachmentId && eniIp ? [{ attachmentId, privateIpv4Address: eniIp }] : [],
    };
    const gpus = (def.resourceRequirements ?? []).filter((r) => r.type === 'GPU').reduce((n, r) => n + Number(r.value ?? 0), 0);
    if (gpus > 0) c.gpuIds = gpuPool.splice(0, gpus);
    if (def.memory !== undefined) c.memory = String(def.memory);
    if (def.memoryReservation !== undefined) c.memoryReservation = String(def.memoryReservation);
    return c;
  });

  const record: TaskRecord = {
    taskArn: launch.taskArn,
    clusterArn: launch.cluster.clusterArn,
    clusterName,
    taskDefinitionArn: launch.taskDefinition.taskDefinitionArn,
    family: launch.taskDefinition.family,
    launchType: launch.launchType,
    networkMode,
    cpuArchitecture: cpuArchitectureOf(state, launch),
    group: launch.group,
    tags: launch.tags.map((t) => ({ ...t })),
    overrides: launch.overrides,
    enableExecuteCommand: launch.enableExecuteCommand,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    createdAt: state.now,
    // entering PROVISIONING makes it 1
    version: 0,
    containers,
    attachments,
    released: false,
    healthFailUntil: {},
  };
  if (launch.capacityProviderName) record.capacityProviderName = launch.capacityProviderName;
  if (launch.platformVersion) record.platformVersion = launch.platformVersion;
  if (launch.platformFamily) record.platformFamily = launch.platformFamily;
  if (launch.containerInstanceArn) {
    record.containerInstanceArn = launch.containerInstanceArn;
  }
  if (launch.availabilityZone) record.availabilityZone = launch.availabilityZone;
  if (launch.startedBy !== undefined) record.startedBy = launch.startedBy;
  if (launch.cpu !== undefined) record.cpu = launch.cpu;
  if (launch.memory !== undefined) record.memory = launch.memory;
  if (fargate) record.ephemeralStorage = { sizeInGiB: body.ephemeralStorage?.sizeInGiB ?? 20 };
  state.tasks[launch.taskArn] = record;

  const input: TaskMachineInput = {
    taskArn: launch.taskArn,
    awsvpc,
    delays: {
      provisioningMs: drawDuration(state, fargate ? 'fargateProvisioning' : awsvpc ? 'eniAttach' : 'taskProvisioning'),
      pendingMs: drawDuration(state, fargate ? 'fargatePending' : 'taskPending'),
      deactivatingMs: drawDuration(state, 'taskDeactivating'),
      deprovisioningMs: drawDuration(state, fargate ? 'fargateDeprovisioning' : awsvpc ? 'eniDetach' : 'taskDeprovisioning'),
    },
    containers: launch.containers.map((def) => agentContainer(def, fargate)),
  };
  if (launch.awaitingCapacity) input.awaitingCapacity = true;
  if (launchRegistersTargets(state, launch)) input.loadBalanced = true;
  startActor(state, machines, 'task', launch.taskArn, input as unknown as JsonObject);
  return record;
}
