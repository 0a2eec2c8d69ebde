/**
 * The statechart shared by the ECS-native blue/green, linear and canary deployments (reference §8):
 * one state per lifecycle stage of §8.2, in order, entered through `stage` effects that publish the
 * stage, shift traffic and start the stage's lifecycle hooks (scheduler/shiftEffects.ts). A hookable
 * stage with hooks waits for HOOKS_SUCCEEDED (next stage) or HOOKS_FAILED (roll back); without hooks
 * it passes at once. SCALE_UP waits for the scheduler's GREEN_READY, CLEAN_UP for BLUE_GONE.
 *
 * Linear and canary shift production traffic in steps: PRE_PRODUCTION_TRAFFIC_SHIFT →
 * PRODUCTION_TRAFFIC_SHIFT → STEP_BAKE (the step bake time) → … until 100 %; blue/green in one step.
 * The deployment circuit breaker counts the green revision's failed tasks (TASK_FAILED from the
 * scheduler, stages as in rollingDeployment.machine.ts); reaching the threshold ends in FAILED, and the
 * scheduler rolls back (or stalls) as for a rolling update.
 * COMPLETED is not final: like a completed rolling deployment it can become the target of a rollback
 * (ROLLBACK_TARGET → REINSTATED → STEADY → COMPLETED).
 */
import { and, assign, setup, type AnyStateMachine } from 'xstate';
import type { LifecycleStage, ShiftStrategy } from '../scheduler/blueGreenRecord';

export interface ShiftDeploymentInput {
  serviceArn: string;
  deploymentId: string;
  /** production percent on green after each step: [100] for blue/green */
  steps: number[];
  stepBakeMs: number;
  bakeMs: number;
  /** stages with at least one lifecycle hook */
  hookStages: LifecycleStage[];
  /** more than one service revision was active when the deployment started */
  reconcile: boolean;
  /** the circuit breaker's resetOnHealthyTask (default true) */
  resetOnHealthyTask?: boolean;
}

export interface ShiftDeploymentContext extends ShiftDeploymentInput {
  stepIndex: number;
  /** for the shared rollout effect (deploymentEffects.ts) */
  failures: number;
  stage: 1 | 2;
  resetOnHealthyTask: boolean;
  aborted: boolean;
}

export type ShiftDeploymentEvent =
  | { type: 'GREEN_READY' }
  | { type: 'BLUE_GONE' }
  | { type: 'HOOKS_SUCCEEDED' }
  | { type: 'HOOKS_FAILED' }
  | { type: 'ABORT' }
  | { type: 'ROLLBACK_TARGET' }
  | { type: 'STEADY' }
  | { type: 'TASK_RUNNING' }
  | { type: 'TASK_HEALTHY' }
  | { type: 'TASK_FAILED'; stage: 1 | 2; threshold: number; breaker: boolean };

const stage = (s: LifecycleStage) => ({
  type: 'stage' as const,
  params: ({ context }: { context: ShiftDeploymentContext }) => ({ stage: s, percent: context.steps[context.stepIndex] ?? 100 }),
});
const noHooks = (s: LifecycleStage) => ({ type: 'noHooks' as const, params: { stage: s } });

/** A hookable stage: waits for its hooks when it has any. */
function hookable(s: LifecycleStage, next: string) {
  return {
    entry: stage(s),
    always: { guard: noHooks(s), target: next },
    on: { HOOKS_SUCCEEDED: next, HOOKS_FAILED: ROLLED_BACK },
  };
}

/** Targets outside the IN_PROGRESS parent, by id. */
const ROLLED_BACK = '#shift.ROLLED_BACK';

export function buildShiftMachine(kind: ShiftStrategy): AnyStateMachine {
  const stepped = kind !== 'BLUE_GREEN';
  const production = stepped
    ? {
        entry: stage('PRODUCTION_TRAFFIC_SHIFT'),
        always: [
          { guard: and([noHooks('PRODUCTION_TRAFFIC_SHIFT'), 'moreSteps']), target: 'STEP_BAKE' },
          { guard: noHooks('PRODUCTION_TRAFFIC_SHIFT'), target: 'POST_PRODUCTION_TRAFFIC_SHIFT' },
        ],
        on: {
          HOOKS_SUCCEEDED: [{ guard: 'moreSteps', target: 'STEP_BAKE' }, { target: 'POST_PRODUCTION_TRAFFIC_SHIFT' }],
          HOOKS_FAILED: ROLLED_BACK,
        },
      }
    : hookable('PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT');
  return setup({
    types: {
      context: {} as ShiftDeploymentContext,
      input: {} as ShiftDeploymentInput,
      events: {} as ShiftDeploymentEvent,
    },
    actions: {
      stage: (_args, _params: { stage: LifecycleStage; percent: number }) => {},
      rollout: (_args, _params: { rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' }) => {},
      finish: () => {},
      rollBack: () => {},
      aborted: () => {},
      publish: () => {},
      breakerTripped: () => {},
      toStage2: assign({ stage: 2 as const }),
      countFailure: assign({ failures: ({ context }) => context.failures + 1 }),
      resetFailures: assign({ failures: 0 }),
      nextStep: assign({ stepIndex: ({ context }) => context.stepIndex + 1 }),
    },
    guards: {
      noHooks: ({ context }, params: { stage: LifecycleStage }) => !context.hookStages.includes(params.stage),
      moreSteps: ({ context }) => context.stepIndex < context.steps.length - 1,
      reconcile: ({ context }) => context.reconcile,
      counts: ({ context, event }) => event.type === 'TASK_FAILED' && event.stage === context.stage,
      trips: ({ context, event }) =>
        event.type === 'TASK_FAILED' && event.stage === context.stage && event.breaker && context.failures + 1 >= event.threshold,
      resets: ({ context }) => context.resetOnHealthyTask && context.failures > 0,
      inStage1: ({ context }) => context.stage === 1,
    },
    delays: {
      stepBake: ({ context }) => context.stepBakeMs,
      bake: ({ context }) => context.bakeMs,
    },
  }).createMachine({
    id: 'shift',
    context: ({ input }) => ({ ...input, stepIndex: 0, failures: 0, stage: 1 as const, resetOnHealthyTask: input.resetOnHealthyTask ?? true, aborted: false }),
    initial: 'IN_PROGRESS',
    states: {
      IN_PROGRESS: {
        initial: 'START',
        on: {
          ABORT: '#shift.ABORTED',
          // The circuit breaker watches the new (green) revision's tasks, as in a rolling update.
          TASK_RUNNING: { guard: 'inStage1', actions: ['toStage2', 'publish'] },
          TASK_HEALTHY: { guard: 'resets', actions: ['resetFailures', 'publish'] },
          TASK_FAILED: [
            { guard: 'trips', target: '#shift.FAILED', actions: ['countFailure'] },
            { guard: 'counts', actions: ['countFailure', 'publish'] },
          ],
        },
        states: {
          START: { always: [{ guard: 'reconcile', target: 'RECONCILE_SERVICE' }, { target: 'PRE_SCALE_UP' }] },
          RECONCILE_SERVICE: hookable('RECONCILE_SERVICE', 'PRE_SCALE_UP'),
          PRE_SCALE_UP: hookable('PRE_SCALE_UP', 'SCALE_UP'),
          SCALE_UP: { entry: stage('SCALE_UP'), on: { GREEN_READY: 'POST_SCALE_UP' } },
          POST_SCALE_UP: hookable('POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT'),
          TEST_TRAFFIC_SHIFT: hookable('TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT'),
          POST_TEST_TRAFFIC_SHIFT: hookable('POST_TEST_TRAFFIC_SHIFT', 'PRE_PRODUCTION_TRAFFIC_SHIFT'),
          PRE_PRODUCTION_TRAFFIC_SHIFT: hookable('PRE_PRODUCTION_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'),
          PRODUCTION_TRAFFIC_SHIFT: production as never,
          ...(stepped ? { STEP_BAKE: { entry: 'nextStep', after: { stepBake: 'PRE_PRODUCTION_TRAFFIC_SHIFT' } } } : {}),
          POST_PRODUCTION_TRAFFIC_SHIFT: hookable('POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME'),
          BAKE_TIME: { entry: stage('BAKE_TIME'), after: { bake: 'CLEAN_UP' } },
          CLEAN_UP: { entry: stage('CLEAN_UP'), on: { BLUE_GONE: '#shift.COMPLETED' } },
        },
      },
      COMPLETED: {
        entry: ['finish'],
        on: { ROLLBACK_TARGET: { target: 'REINSTATED', actions: { type: 'rollout', params: { rolloutState: 'IN_PROGRESS' } } } },
      },
      REINSTATED: { on: { STEADY: { target: 'COMPLETED' } } },
      ROLLED_BACK: { type: 'final', entry: 'rollBack' },
      FAILED: { type: 'final', entry: 'breakerTripped' },
      ABORTED: { type: 'final', entry: 'aborted' },
    },
  });
}
