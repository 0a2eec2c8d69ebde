/**
 * One rolling deployment of an ECS service (deployment controller ECS, strategy ROLLING); actor id
 * = `deployment:<service ARN>:<deployment id>`. The machine owns the rollout state and the circuit
 * breaker (reference §7.3, §7.4); the scheduler (scheduler/reconcile.ts) owns the tasks and tells the
 * machine what happened to them.
 *
 *   IN_PROGRESS --STEADY--> COMPLETED --ROLLBACK_TARGET--> IN_PROGRESS   (rolled back to)
 *   IN_PROGRESS --TASK_FAILED [count reaches threshold, breaker on]--> FAILED
 *   IN_PROGRESS --ABORT--> FAILED                                         (StopServiceDeployment ABORT)
 *
 * Circuit breaker: stage 1 counts tasks that stop before RUNNING; the first task that reaches RUNNING
 * moves it to stage 2, which counts tasks replaced for failing health checks. With resetOnHealthyTask
 * (the default) a healthy task resets the count. The threshold comes with each TASK_FAILED, computed
 * from the service's latest desired count (scheduler/circuitBreaker.ts).
 */
import { assign, setup } from 'xstate';
import { Priority } from '../engine/kernel';
import { deploymentEffects, type DeploymentActorContext } from '../scheduler/deploymentEffects';
import type { MachineSpec } from './driver';

export interface RollingDeploymentInput {
  serviceArn: string;
  deploymentId: string;
  resetOnHealthyTask: boolean;
  /** start already COMPLETED (the first deployment of a service created at desired 0 is not) */
  completed?: boolean;
}

export type RollingDeploymentEvent =
  | { type: 'TASK_RUNNING' }
  | { type: 'TASK_HEALTHY' }
  | { type: 'TASK_FAILED'; stage: 1 | 2; threshold: number; breaker: boolean }
  | { type: 'STEADY' }
  | { type: 'ROLLBACK_TARGET' }
  | { type: 'ABORT' };

const counts = ({ context, event }: { context: DeploymentActorContext; event: RollingDeploymentEvent }) =>
  event.type === 'TASK_FAILED' && event.stage === context.stage;

export const rollingDeploymentMachine = setup({
  types: {
    context: {} as DeploymentActorContext,
    input: {} as RollingDeploymentInput,
    events: {} as RollingDeploymentEvent,
  },
  actions: {
    publish: () => {},
    rollout: (_args, _params: { rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' }) => {},
    toStage2: assign({ stage: 2 as const }),
    countFailure: assign({ failures: ({ context }) => context.failures + 1 }),
    resetFailures: assign({ failures: 0 }),
    restart: assign({ failures: 0, stage: 1 as const }),
  },
  guards: {
    counts,
    trips: ({ context, event }) =>
      counts({ context, event }) && event.type === 'TASK_FAILED' && event.breaker && context.failures + 1 >= event.threshold,
    resets: ({ context }) => context.resetOnHealthyTask && context.failures > 0,
    inStage1: ({ context }) => context.stage === 1,
    startsCompleted: ({ context }) => context.completed === true,
  },
}).createMachine({
  id: 'rollingDeployment',
  context: ({ input }) => ({
    serviceArn: input.serviceArn,
    deploymentId: input.deploymentId,
    failures: 0,
    stage: 1,
    resetOnHealthyTask: input.resetOnHealthyTask,
    completed: input.completed === true,
    aborted: false,
  }),
  initial: 'IN_PROGRESS',
  states: {
    IN_PROGRESS: {
      always: { guard: 'startsCompleted', target: 'COMPLETED', actions: assign({ completed: false }) },
      on: {
        TASK_RUNNING: { guard: 'inStage1', actions: ['toStage2', 'publish'] },
        TASK_HEALTHY: { guard: 'resets', actions: ['resetFailures', 'publish'] },
        TASK_FAILED: [
          { guard: 'trips', target: 'FAILED', actions: ['countFailure'] },
          { guard: 'counts', actions: ['countFailure', 'publish'] },
        ],
        STEADY: { target: 'COMPLETED' },
        ABORT: { target: 'FAILED', actions: assign({ aborted: true }) },
      },
    },
    COMPLETED: {
      entry: { type: 'rollout', params: { rolloutState: 'COMPLETED' } },
      on: {
        ROLLBACK_TARGET: { target: 'IN_PROGRESS', actions: ['restart', { type: 'rollout', params: { rolloutState: 'IN_PROGRESS' } }] },
      },
    },
    FAILED: {
      entry: { type: 'rollout', params: { rolloutState: 'FAILED' } },
    },
  },
});

export const rollingDeploymentSpec: MachineSpec = {
  machine: rollingDeploymentMachine,
  effects: deploymentEffects,
  priority: Priority.scheduler,
};
