/**
 * The ECS waiters of the AWS CLI (`aws ecs wait ...`): the describe call each repeats, the delay
 * between attempts and the attempt limit, and the acceptors that end the wait. Delays and limits
 * are the CLI's; the playground spends them in virtual time.
 */
export type WaiterOutcome =
  | { state: 'success' }
  | { state: 'failure'; expression: string; expected: string; all: boolean }
  | { state: 'retry' };

export interface Waiter {
  /** PascalCase, as the CLI names it in messages */
  name: string;
  /** the command whose options the waiter takes */
  command: string;
  delaySeconds: number;
  maxAttempts: number;
  check(response: Record<string, unknown>): WaiterOutcome;
}

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const failure = (expression: string, expected: string, all = false): WaiterOutcome => ({ state: 'failure', expression, expected, all });

function failureMissing(r: Obj): WaiterOutcome | undefined {
  return list(r.failures).some((f) => f.reason === 'MISSING') ? failure('failures[].reason', 'MISSING') : undefined;
}

export const WAITERS: Readonly<Record<string, Waiter>> = {
  'services-stable': {
    name: 'ServicesStable',
    command: 'describe-services',
    delaySeconds: 15,
    maxAttempts: 40,
    check(r) {
      const services = list(r.services);
      const missing = failureMissing(r);
      if (missing) return missing;
      if (services.some((s) => s.status === 'DRAINING')) return failure('services[].status', 'DRAINING');
      if (services.some((s) => s.status === 'INACTIVE')) return failure('services[].status', 'INACTIVE');
      const stable = services.every((s) => list(s.deployments).length === 1 && s.runningCount === s.desiredCount);
      return stable ? { state: 'success' } : { state: 'retry' };
    },
  },
  'services-inactive': {
    name: 'ServicesInactive',
    command: 'describe-services',
    delaySeconds: 15,
    maxAttempts: 40,
    check(r) {
      const missing = failureMissing(r);
      if (missing) return missing;
      return list(r.services).some((s) => s.status === 'INACTIVE') ? { state: 'success' } : { state: 'retry' };
    },
  },
  'tasks-running': {
    name: 'TasksRunning',
    command: 'describe-tasks',
    delaySeconds: 6,
    maxAttempts: 100,
    check(r) {
      const tasks = list(r.tasks);
      if (tasks.some((t) => t.lastStatus === 'STOPPED')) return failure('tasks[].lastStatus', 'STOPPED');
      const missing = failureMissing(r);
      if (missing) return missing;
      return tasks.length > 0 && tasks.every((t) => t.lastStatus === 'RUNNING') ? { state: 'success' } : { state: 'retry' };
    },
  },
  'tasks-stopped': {
    name: 'TasksStopped',
    command: 'describe-tasks',
    delaySeconds: 6,
    maxAttempts: 100,
    check(r) {
      const tasks = list(r.tasks);
      return tasks.length > 0 && tasks.every((t) => t.lastStatus === 'STOPPED') ? { state: 'success' } : { state: 'retry' };
    },
  },
};
