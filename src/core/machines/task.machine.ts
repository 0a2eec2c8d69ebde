/**
 * One ECS task. The state values ARE the ECS lastStatus strings and only ever move forward:
 *
 *   PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED
 *
 * with the shortcuts ECS takes when a task stops before it runs (reference §2.1b):
 *   PROVISIONING/PENDING → STOPPED (→ DEPROVISIONING first when an ENI was being attached),
 *   ACTIVATING → STOPPING (containers running) or → DEPROVISIONING (none ever started),
 *   any → STOPPED when the host is lost.
 *
 * The containers underneath live in the context and change only through `agentStep` (tasks/containers.ts).
 * Custom actions are effects run by the engine (tasks/effects.ts): `enter` publishes a status, `flush`
 * turns the reducer's work into queue entries and copies container facts to the task record.
 */
import { and, assign, not, setup } from 'xstate';
import { Priority } from '../engine/kernel';
import { enterStatus, flushWork } from '../tasks/effects';
import type { MachineSpec } from './driver';
import { agentStep, allStarted, allStopped, anyRunning, type AgentContainer, type AgentEvent, type StopRequest, type Work } from '../tasks/containers';
import type { TaskStatus } from '../tasks/record';

export interface TaskPhaseDelays {
  provisioningMs: number;
  pendingMs: number;
  deactivatingMs: number;
  deprovisioningMs: number;
}

export interface TaskMachineInput {
  taskArn: string;
  awsvpc: boolean;
  delays: TaskPhaseDelays;
  containers: AgentContainer[];
  /**
   * A capacity-provider task no instance could take yet: it holds in PROVISIONING until the capacity
   * area places it and sends CAPACITY_PROVISIONED (capacity/waiting.ts).
   */
  awaitingCapacity?: boolean;
  /**
   * A service task behind a load balancer: it registers targets in ACTIVATING and waits in
   * DEACTIVATING until they have drained (TARGETS_DRAINED, elb/taskTargets.ts).
   */
  loadBalanced?: boolean;
}

export interface TaskMachineContext extends TaskMachineInput {
  stop: StopRequest | null;
  stopping: boolean;
  /** work asked for by the last reducer step; `flush` schedules it */
  work: Work[];
}

/** Host lost: containers are gone with it, the task is STOPPED at once. */
export type HostLostEvent = { type: 'HOST_LOST'; stopCode: string; stoppedReason: string };
/** The capacity area placed a task that waited for capacity; PROVISIONING is done. */
export type CapacityProvisionedEvent = { type: 'CAPACITY_PROVISIONED' };
/** The load balancer's deregistration delay for the task's targets ran out. */
export type TargetsDrainedEvent = { type: 'TARGETS_DRAINED' };
export type TaskMachineEvent = AgentEvent | HostLostEvent | CapacityProvisionedEvent | TargetsDrainedEvent;

function apply(context: TaskMachineContext, event: AgentEvent): Partial<TaskMachineContext> {
  const r = agentStep(context, event);
  return { containers: r.containers, stop: r.stop, stopping: r.stopping, work: r.work };
}

const step = (event: AgentEvent) => ({ type: 'agent' as const, params: { event } });

const flush = { type: 'flush' as const, params: ({ context }: { context: TaskMachineContext }) => ({ work: context.work }) };

const enter = (status: TaskStatus) => ({ type: 'enter' as const, params: { status } });

export const taskMachine = setup({
  types: {
    context: {} as TaskMachineContext,
    input: {} as TaskMachineInput,
    events: {} as TaskMachineEvent,
  },
  actions: {
    enter: (_args, _params: { status: TaskStatus }) => {},
    flush: (_args, _params: { work: Work[] }) => {},
    /** feeds the triggering event to the containers */
    reduce: assign(({ context, event }) =>
      event.type === 'CAPACITY_PROVISIONED' || event.type === 'TARGETS_DRAINED'
        ? {}
        : apply(context, event.type === 'HOST_LOST' ? { type: 'STOP', stopCode: event.stopCode, stoppedReason: event.stoppedReason } : event),
    ),
    /** feeds a machine-made event (BEGIN, SIGTERM_ALL, KILL_ALL) to the containers */
    agent: assign(({ context }, params: { event: AgentEvent }) => apply(context, params.event)),
  },
  guards: {
    stopRequested: ({ context }) => context.stop !== null,
    awsvpc: ({ context }) => context.awsvpc,
    awaitingCapacity: ({ context }) => context.awaitingCapacity === true,
    loadBalanced: ({ context }) => context.loadBalanced === true,
    allStarted: ({ context }) => allStarted(context),
    anyRunning: ({ context }) => anyRunning(context),
    allStopped: ({ context }) => allStopped(context),
  },
  delays: {
    provisioning: ({ context }) => context.delays.provisioningMs,
    pending: ({ context }) => context.delays.pendingMs,
    deactivating: ({ context }) => context.delays.deactivatingMs,
    deprovisioning: ({ context }) => context.delays.deprovisioningMs,
  },
}).createMachine({
  id: 'task',
  context: ({ input }) => ({ ...input, stop: null, stopping: false, work: [] }),
  initial: 'PROVISIONING',
  on: {
    // Agent reports and stop requests update the containers in every state; the states below react.
    '*': { actions: ['reduce', flush] },
    HOST_LOST: { target: '#task.STOPPED', actions: ['reduce', step({ type: 'KILL_ALL', exitCode: null }), flush] },
  },
  states: {
    PROVISIONING: {
      entry: enter('PROVISIONING'),
      after: { provisioning: { guard: not('awaitingCapacity'), target: 'PENDING' } },
      on: { CAPACITY_PROVISIONED: 'PENDING' },
      always: [
        { guard: and(['stopRequested', 'awsvpc']), target: 'DEPROVISIONING' },
        { guard: 'stopRequested', target: 'STOPPED' },
      ],
    },
    PENDING: {
      entry: enter('PENDING'),
      after: { pending: 'ACTIVATING' },
      always: [
        { guard: and(['stopRequested', 'awsvpc']), target: 'DEPROVISIONING' },
        { guard: 'stopRequested', target: 'STOPPED' },
      ],
    },
    ACTIVATING: {
      entry: [enter('ACTIVATING'), step({ type: 'BEGIN' }), flush],
      always: [
        { guard: and(['stopRequested', 'anyRunning']), target: 'STOPPING' },
        { guard: 'stopRequested', target: 'DEPROVISIONING' },
        { guard: 'allStarted', target: 'RUNNING' },
      ],
    },
    RUNNING: {
      entry: enter('RUNNING'),
      // The stop request is acknowledged a moment later (StopTask still answers lastStatus RUNNING).
      on: { STOP_ACK: { target: 'DEACTIVATING', actions: ['reduce', flush] } },
    },
    DEACTIVATING: {
      entry: enter('DEACTIVATING'),
      after: { deactivating: { guard: not('loadBalanced'), target: 'STOPPING' } },
      on: { TARGETS_DRAINED: 'STOPPING' },
    },
    STOPPING: {
      entry: [enter('STOPPING'), step({ type: 'SIGTERM_ALL' }), flush],
      always: { guard: 'allStopped', target: 'DEPROVISIONING' },
    },
    DEPROVISIONING: {
      entry: enter('DEPROVISIONING'),
      after: { deprovisioning: 'STOPPED' },
    },
    STOPPED: {
      type: 'final',
      entry: enter('STOPPED'),
    },
  },
});

export const taskSpec: MachineSpec = {
  machine: taskMachine,
  effects: { enter: enterStatus, flush: flushWork },
  priority: Priority.task,
};
