/**
 * The ECS agent's connection to the control plane, one actor per container instance (id = the
 * container-instance ARN). Started when the agent registers, so it begins CONNECTED.
 *
 *   CONNECTED --DISCONNECT--> DISCONNECTED.retrying --(backoff, network back)--> CONNECTED
 *   DISCONNECTED --RECONNECT--> CONNECTED          (fault lifted by hand: the agent is back at once)
 *   any --STOP--> STOPPED                           (instance terminated or deregistered)
 *
 * While the network is down every reconnect attempt fails and the next one waits longer: 250 ms,
 * ×1.5 each time, at most 2 min, ±20 % jitter (the agent's ACS backoff, reference §3.2). A timed
 * disconnect (`forMs`) restores the network after that long; the agent notices at its next attempt.
 * Jitter comes from a small PRNG word kept in the context (seeded from the simulation's PRNG), so
 * the machine stays pure and replays exactly.
 */
import { assign, cancel, raise, setup } from 'xstate';
import { nextFloat } from '../engine/rng';
import { Priority } from '../engine/kernel';
import type { MachineSpec } from './driver';
import { agentEffects } from '../infra/agentEffects';

export const AGENT_BACKOFF = { initialMs: 250, maxMs: 120_000, multiplier: 1.5, jitter: 0.2 } as const;

export interface AgentContext {
  ec2InstanceId: string;
  containerInstanceArn: string;
  /** reconnect attempts made in the current disconnection */
  attempt: number;
  /** true while the (simulated) network path to ECS is broken */
  networkDown: boolean;
  /** PRNG word for backoff jitter */
  rng: number;
}

export interface AgentInput {
  ec2InstanceId: string;
  containerInstanceArn: string;
  rngSeed: number;
}

export type AgentEvent =
  | { type: 'DISCONNECT'; forMs?: number }
  | { type: 'NETWORK_RESTORED' }
  | { type: 'RECONNECT' }
  | { type: 'STOP' };

/** Delay before reconnect attempt number `attempt` (0-based), jittered by the PRNG word. */
export function backoffDelay(attempt: number, rngWord: number): number {
  const base = Math.min(AGENT_BACKOFF.initialMs * AGENT_BACKOFF.multiplier ** attempt, AGENT_BACKOFF.maxMs);
  const u = nextFloat({ s: rngWord });
  return Math.round(base * (1 - AGENT_BACKOFF.jitter + 2 * AGENT_BACKOFF.jitter * u));
}

/** The PRNG word after one draw. */
export function advanceWord(word: number): number {
  const rng = { s: word };
  nextFloat(rng);
  return rng.s;
}

const NETWORK_RESTORE = 'networkRestore';

export const agentMachine = setup({
  types: {
    context: {} as AgentContext,
    input: {} as AgentInput,
    events: {} as AgentEvent,
  },
  actions: {
    markConnected: () => {},
    markDisconnected: (_args, _params: { forMs: number | null }) => {},
    markStopped: () => {},
  },
  guards: {
    timed: ({ event }) => event.type === 'DISCONNECT' && typeof event.forMs === 'number',
    networkDown: ({ context }) => context.networkDown,
  },
  delays: {
    reconnect: ({ context }) => backoffDelay(context.attempt, context.rng),
  },
}).createMachine({
  id: 'agent',
  context: ({ input }) => ({
    ec2InstanceId: input.ec2InstanceId,
    containerInstanceArn: input.containerInstanceArn,
    attempt: 0,
    networkDown: false,
    rng: input.rngSeed >>> 0,
  }),
  initial: 'CONNECTED',
  states: {
    CONNECTED: {
      on: {
        DISCONNECT: [
          {
            guard: 'timed',
            target: 'DISCONNECTED',
            actions: [
              assign({ networkDown: true, attempt: 0 }),
              { type: 'markDisconnected', params: ({ event }) => ({ forMs: (event as { forMs: number }).forMs }) },
              raise({ type: 'NETWORK_RESTORED' }, { id: NETWORK_RESTORE, delay: ({ event }) => (event as { forMs: number }).forMs }),
            ],
          },
          {
            target: 'DISCONNECTED',
            actions: [assign({ networkDown: true, attempt: 0 }), { type: 'markDisconnected', params: { forMs: null } }],
          },
        ],
        STOP: 'STOPPED',
      },
    },
    DISCONNECTED: {
      initial: 'retrying',
      exit: cancel(NETWORK_RESTORE),
      states: {
        retrying: {
          after: {
            reconnect: [
              {
                guard: 'networkDown',
                target: 'retrying',
                reenter: true,
                actions: assign({ attempt: ({ context }) => context.attempt + 1, rng: ({ context }) => advanceWord(context.rng) }),
              },
              { target: '#agent.CONNECTED', actions: 'markConnected' },
            ],
          },
        },
      },
      on: {
        NETWORK_RESTORED: { actions: assign({ networkDown: false }) },
        RECONNECT: { target: 'CONNECTED', actions: [assign({ networkDown: false }), 'markConnected'] },
        DISCONNECT: [
          {
            // a new timed fault while down: the network stays down until the new window ends
            guard: 'timed',
            actions: [
              cancel(NETWORK_RESTORE),
              assign({ networkDown: true }),
              raise({ type: 'NETWORK_RESTORED' }, { id: NETWORK_RESTORE, delay: ({ event }) => (event as { forMs: number }).forMs }),
            ],
          },
          { actions: [cancel(NETWORK_RESTORE), assign({ networkDown: true })] },
        ],
        STOP: 'STOPPED',
      },
    },
    STOPPED: { type: 'final', entry: 'markStopped' },
  },
});

export const agentSpec: MachineSpec = {
  machine: agentMachine,
  effects: agentEffects,
  priority: Priority.infra,
};
