/**
 * A CodeDeploy blue/green deployment of an ECS service (reference §9): one state per lifecycle event
 * in execution order. The five hookable events wait for their Lambda hook (HOOK_SUCCEEDED /
 * HOOK_FAILED) when the AppSpec names one, else pass at once; Install waits until the replacement
 * task set is at STEADY_STATE; AllowTraffic shifts production traffic step by step as the deployment
 * configuration says. A `Ready` wait (deploymentReadyOption) sits between AfterAllowTestTraffic and
 * BeforeAllowTraffic, the termination wait (terminateBlueInstancesOnDeploymentSuccess) after
 * AfterAllowTraffic. Effects: codedeploy/effects.ts. Actor id = `codedeploy:<deployment id>`.
 */
import { assign, setup } from 'xstate';
import { Priority } from '../engine/kernel';
import { codeDeployEffects } from '../codedeploy/effects';
import type { LifecycleEventName } from '../codedeploy/records';
import type { MachineSpec } from './driver';

export interface CodeDeployMachineInput {
  deploymentId: string;
  /** events with a hook in the AppSpec */
  hookEvents: LifecycleEventName[];
  /** [minute after AllowTraffic began, percent on the replacement] for every production shift */
  steps: [number, number][];
  /** a Ready wait before production traffic: how long, and whether its end continues (else stops) */
  readyWaitMs: number;
  readyWait: boolean;
  readyContinues: boolean;
  terminationWaitMs: number;
  keepAlive: boolean;
}

export interface CodeDeployMachineContext extends CodeDeployMachineInput {
  stepIndex: number;
}

export type CodeDeployMachineEvent =
  | { type: 'HOOK_SUCCEEDED' }
  | { type: 'HOOK_FAILED' }
  | { type: 'REPLACEMENT_STEADY' }
  | { type: 'CONTINUE_READY' }
  | { type: 'CONTINUE_TERMINATION' }
  | { type: 'STOP' };

const begin = (event: LifecycleEventName) => ({ type: 'begin' as const, params: { event } });
const done = (event: LifecycleEventName) => ({ type: 'done' as const, params: { event } });

/** A hookable event: waits for its hook when the AppSpec has one. */
function hooked(event: LifecycleEventName, next: string) {
  return {
    entry: begin(event),
    always: { guard: { type: 'noHook' as const, params: { event } }, target: next, actions: done(event) },
    on: { HOOK_SUCCEEDED: { target: next, actions: done(event) }, HOOK_FAILED: '#codedeploy.Failed' },
  };
}

export const codeDeployDeploymentMachine = setup({
  types: {
    context: {} as CodeDeployMachineContext,
    input: {} as CodeDeployMachineInput,
    events: {} as CodeDeployMachineEvent,
  },
  actions: {
    begin: (_args, _params: { event: LifecycleEventName }) => {},
    done: (_args, _params: { event: LifecycleEventName }) => {},
    testTraffic: () => {},
    shift: (_args, _params: { percent: number }) => {},
    nextStep: assign({ stepIndex: ({ context }) => context.stepIndex + 1 }),
    ready: () => {},
    resume: () => {},
    awaitTermination: () => {},
    succeed: () => {},
    fail: () => {},
    stop: () => {},
    readyTimedOut: () => {},
  },
  guards: {
    noHook: ({ context }, params: { event: LifecycleEventName }) => !context.hookEvents.includes(params.event),
    lastStep: ({ context }) => context.stepIndex >= context.steps.length - 1,
    readyWait: ({ context }) => context.readyWait,
    readyContinues: ({ context }) => context.readyContinues,
    keepAlive: ({ context }) => context.keepAlive,
  },
  delays: {
    stepWait: ({ context }) => Math.max(0, ((context.steps[context.stepIndex + 1]?.[0] ?? 0) - (context.steps[context.stepIndex]?.[0] ?? 0)) * 60_000),
    readyWait: ({ context }) => context.readyWaitMs,
    terminationWait: ({ context }) => context.terminationWaitMs,
  },
}).createMachine({
  id: 'codedeploy',
  context: ({ input }) => ({ ...input, stepIndex: 0 }),
  initial: 'InProgress',
  states: {
    InProgress: {
      initial: 'BeforeInstall',
      on: { STOP: '#codedeploy.Stopped' },
      states: {
        BeforeInstall: hooked('BeforeInstall', 'Install'),
        Install: { entry: begin('Install'), on: { REPLACEMENT_STEADY: { target: 'AfterInstall', actions: done('Install') } } },
        AfterInstall: hooked('AfterInstall', 'AllowTestTraffic'),
        AllowTestTraffic: {
          entry: [begin('AllowTestTraffic'), 'testTraffic'],
          always: { target: 'AfterAllowTestTraffic', actions: done('AllowTestTraffic') },
        },
        AfterAllowTestTraffic: hooked('AfterAllowTestTraffic', 'ReadyCheck'),
        ReadyCheck: { always: [{ guard: 'readyWait', target: 'Ready' }, { target: 'BeforeAllowTraffic' }] },
        Ready: {
          entry: 'ready',
          on: { CONTINUE_READY: { target: 'BeforeAllowTraffic', actions: 'resume' } },
          after: { readyWait: [{ guard: 'readyContinues', target: 'BeforeAllowTraffic', actions: 'resume' }, { target: '#codedeploy.ReadyTimedOut' }] },
        },
        BeforeAllowTraffic: hooked('BeforeAllowTraffic', 'AllowTraffic'),
        AllowTraffic: {
          entry: begin('AllowTraffic'),
          initial: 'Step',
          states: {
            Step: {
              entry: { type: 'shift', params: ({ context }) => ({ percent: context.steps[context.stepIndex]?.[1] ?? 100 }) },
              always: { guard: 'lastStep', target: 'Shifted' },
              after: { stepWait: 'Next' },
            },
            Next: { entry: 'nextStep', always: 'Step' },
            Shifted: { type: 'final' },
          },
          onDone: { target: 'AfterAllowTraffic', actions: done('AllowTraffic') },
        },
        AfterAllowTraffic: hooked('AfterAllowTraffic', 'TerminationWait'),
        TerminationWait: {
          entry: 'awaitTermination',
          always: { guard: 'keepAlive', target: '#codedeploy.Succeeded' },
          after: { terminationWait: '#codedeploy.Succeeded' },
          on: { CONTINUE_TERMINATION: '#codedeploy.Succeeded' },
        },
      },
    },
    Succeeded: { type: 'final', entry: 'succeed' },
    Failed: { type: 'final', entry: 'fail' },
    Stopped: { type: 'final', entry: 'stop' },
    ReadyTimedOut: { type: 'final', entry: 'readyTimedOut' },
  },
});

export const codeDeployDeploymentSpec: MachineSpec = {
  machine: codeDeployDeploymentMachine,
  effects: codeDeployEffects,
  priority: Priority.scheduler,
};
