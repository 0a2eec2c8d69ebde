/**
 * The whole simulation state: plain JSON data, nothing else. Every area of the core keeps its
 * records here, keyed for lookup, so a snapshot is a deep copy and a restore is a parse.
 */
import type { SimEvent } from './events';
import type { JournalEntry } from './journal';
import type { QueueEntry } from './queue';
import { createRng, type RngState } from './rng';
import type { ClusterRecord } from '../api/clusterRecord';
import type { ContainerInstanceRecord, Ec2InstanceRecord, InfraBook } from '../infra/records';
import type { TaskDefinitionFamilyRecord } from '../taskdef/record';
import type { TaskRecord } from '../tasks/record';
import type { ServiceRecord } from '../scheduler/serviceRecord';
import type { ActorRecord } from '../machines/driver';
import type { TimingProfileName } from '../timings';
import { createCapacityState, type CapacityState } from '../capacity/records';
import { createElbState, type ElbState } from '../elb/records';
import { createAutoscalingState, type AutoscalingState } from '../autoscaling/records';
import type { CodeDeployState } from '../codedeploy/records';

export const STATE_FORMAT = 'ecs-playground/state';
export const STATE_VERSION = 1;

/** Wall-clock time of virtual 0 unless the caller picks another: 2026-01-05 09:00:00 UTC. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);

export interface SimState {
  format: typeof STATE_FORMAT;
  version: number;
  seed: number;
  region: string;
  accountId: string;
  /** wall-clock ms (Unix epoch) of virtual time 0; turns virtual times into response timestamps */
  epochMs: number;
  /** virtual ms since start */
  now: number;
  rng: RngState;
  /** next queue insertion sequence */
  queueSeq: number;
  queue: QueueEntry[];
  /** queue entries fired so far; places journal entries exactly in the event stream */
  firedCount: number;
  events: SimEvent[];
  /** every call that may have changed the state, in order (see journal.ts) */
  journal: JournalEntry[];
  /** which table of durations the simulation draws from (see timings.ts) */
  timingProfile: TimingProfileName;
  /** XState actors by id (task ARN, container-instance ARN, deployment id ...), as plain snapshots */
  actors: Record<string, ActorRecord>;
  /** clusters by name (INACTIVE ones stay, as ECS keeps showing them for a while) */
  clusters: Record<string, ClusterRecord>;
  /** EC2 instances by instance id (terminated ones stay, as EC2 shows them for a while) */
  ec2Instances: Record<string, Ec2InstanceRecord>;
  /** container instances by ARN (INACTIVE ones stay, describable for an hour) */
  containerInstances: Record<string, ContainerInstanceRecord>;
  /** EC2-side bookkeeping: AZ round-robin, default VPC and subnets */
  infra: InfraBook;
  /** task definitions by family, each with its revisions (deregistered and deleting ones stay) */
  taskDefinitions: Record<string, TaskDefinitionFamilyRecord>;
  /** tasks by ARN (STOPPED ones stay for an hour, as ECS shows them) */
  tasks: Record<string, TaskRecord>;
  /** images `sim.faults.makeImageUnpullable` marked */
  unpullableImages: string[];
  /** images each container instance has pulled before (canonical references), by container-instance ARN */
  pulledImages: Record<string, string[]>;
  /** RunTask clientToken → the request it answered (idempotency) */
  runTaskTokens: Record<string, { request: string; taskArns: string[]; failures: string }>;
  /** services by ARN (DRAINING and INACTIVE ones stay describable) */
  services: Record<string, ServiceRecord>;
  /** virtual times of the service scheduler's booked reconciles, by cluster name */
  schedulerWakeups: Record<string, number[]>;
  /** capacity providers, Auto Scaling groups, tasks waiting for capacity, cost ledger (capacity/records.ts) */
  capacity: CapacityState;
  /** load balancers, listeners, rules, target groups and the simulated request stream (elb/records.ts) */
  elb: ElbState;
  /** what each simulated deployment lifecycle hook Lambda answers, by function ARN (sim.faults.setHookAnswer) */
  hookAnswers: Record<string, 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS'>;
  /** Service Auto Scaling: load profiles, metric datapoints, alarms, scalable targets, activities (autoscaling/records.ts) */
  autoscaling: AutoscalingState;
  /** CodeDeploy applications, deployment groups and deployments (codedeploy/records.ts); created on first use */
  codedeploy?: CodeDeployState;
}

export interface StateOptions {
  seed?: number;
  region?: string;
  accountId?: string;
  epochMs?: number;
  timingProfile?: TimingProfileName;
}

export function createState(options: StateOptions = {}): SimState {
  const seed = options.seed ?? 1;
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    seed,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    epochMs: options.epochMs ?? DEFAULT_EPOCH_MS,
    now: 0,
    rng: createRng(seed),
    queueSeq: 0,
    queue: [],
    firedCount: 0,
    events: [],
    journal: [],
    timingProfile: options.timingProfile ?? 'realistic',
    actors: {},
    clusters: {},
    ec2Instances: {},
    containerInstances: {},
    infra: { nextAzIndex: 0, nextIp: 10 },
    taskDefinitions: {},
    tasks: {},
    unpullableImages: [],
    pulledImages: {},
    runTaskTokens: {},
    services: {},
    schedulerWakeups: {},
    capacity: createCapacityState(),
    elb: createElbState(),
    hookAnswers: {},
    autoscaling: createAutoscalingState(),
  };
}
