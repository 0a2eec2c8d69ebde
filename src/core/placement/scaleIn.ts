/**
 * Which tasks to stop when a service scales in: the placement strategies applied in reverse
 * (reference §5.2, §5.3), one task at a time, each choice seeing the earlier ones.
 *
 * - spread(field): stop a task in the bucket (AZ, instance, attribute value) with the MOST tasks of
 *   the group, so the rest stay balanced;
 * - binpack(field): stop the task on the instance that will have the MOST of the resource free
 *   after the stop, emptying the least-used instances first;
 * - random: any task;
 * - no strategy (service default): the AZ with the most tasks of the service, then the instance
 *   with the most tasks of the service.
 * A tie after every strategy is settled by a draw from state.rng ("within an AZ pick at random").
 */
import { nextInt } from '../engine/rng';
import type { SimState } from '../engine/state';
import { SERVICE_DEFAULT_STRATEGIES } from './defaults';
import { memoOf } from './facts';
import { ExplainMessages, ScaleInMessages } from './messages';
import type { PlacementStrategy } from './types';
import { checkStrategies, strategyShape, type PreparedStrategy } from './validate';

export interface ScaleInRequest {
  /** the tasks to choose from (a service's tasks that are not stopping yet) */
  taskArns: string[];
  count: number;
  /** the service's strategies; empty or absent = the service default */
  strategies?: PlacementStrategy[];
}

export interface ScaleInStep {
  taskArn: string;
  containerInstanceArn: string;
  /** per strategy, why this task was among the best to stop */
  reasons: string[];
  /** how many tasks were still tied after every strategy (a draw settled it) */
  tied: number;
}

export interface ScaleInResult {
  /** in the order they should stop */
  taskArns: string[];
  steps: ScaleInStep[];
  strategies: PlacementStrategy[];
  error?: string;
}

interface Candidate {
  taskArn: string;
  ciArn: string;
  cpu: number;
  memory: number;
}

export function chooseTasksToStop(state: SimState, request: ScaleInRequest): ScaleInResult {
  const checked = checkStrategies(request.strategies);
  if (!checked.ok) return { taskArns: [], steps: [], strategies: [], error: checked.message };
  const strategies: readonly PreparedStrategy[] = checked.value.length > 0 ? checked.value : SERVICE_DEFAULT_STRATEGIES;
  const pool: Candidate[] = [];
  for (const taskArn of request.taskArns) {
    const ciArn = state.tasks[taskArn]?.containerInstanceArn;
    if (!ciArn || !state.containerInstances[ciArn]) continue;
    const r = state.containerInstances[ciArn].reservations[taskArn];
    pool.push({ taskArn, ciArn, cpu: r?.cpu ?? 0, memory: r?.memory ?? 0 });
  }
  // free resources per instance as the stops so far leave them
  const free = new Map<string, { cpu: number; memory: number }>();
  const steps: ScaleInStep[] = [];

  while (steps.length < request.count && pool.length > 0) {
    let running = pool.map((_, i) => i);
    const reasons: string[][] = pool.map(() => []);
    for (const s of strategies) {
      if (running.length <= 1) break;
      if (s.type === 'random') {
        running = [running[nextInt(state.rng, 0, running.length - 1)]];
        reasons[running[0]].push(ScaleInMessages.random);
        break;
      }
      const value = new Map<number, number>();
      if (s.type === 'spread') {
        const keyOf = (c: Candidate) => (s.field === 'instanceId' ? c.ciArn : memoOf(state, state.containerInstances[c.ciArn]).attributes.get(s.attribute) ?? null);
        const counts = new Map<string | null, number>();
        for (const c of pool) counts.set(keyOf(c), (counts.get(keyOf(c)) ?? 0) + 1);
        for (const i of running) {
          const key = keyOf(pool[i]);
          value.set(i, counts.get(key)!);
          const label = s.field === 'instanceId' ? state.containerInstances[pool[i].ciArn].ec2InstanceId : key ?? ExplainMessages.missingAttribute(s.attribute);
          reasons[i].push(ScaleInMessages.spread(label, counts.get(key)!));
        }
      } else {
        for (const i of running) {
          const c = pool[i];
          const ci = state.containerInstances[c.ciArn];
          const f = free.get(c.ciArn) ?? { cpu: ci.remaining.cpu, memory: ci.remaining.memory };
          const after = s.field === 'cpu' ? f.cpu + c.cpu : f.memory + c.memory;
          value.set(i, after);
          reasons[i].push(ScaleInMessages.binpack(s.field, after));
        }
      }
      const best = Math.max(...running.map((i) => value.get(i)!));
      running = running.filter((i) => value.get(i) === best);
    }
    const tied = running.length;
    const pick = tied === 1 ? running[0] : running[nextInt(state.rng, 0, tied - 1)];
    const c = pool[pick];
    steps.push({ taskArn: c.taskArn, containerInstanceArn: c.ciArn, reasons: reasons[pick], tied });
    const ci = state.containerInstances[c.ciArn];
    const f = free.get(c.ciArn) ?? { cpu: ci.remaining.cpu, memory: ci.remaining.memory };
    free.set(c.ciArn, { cpu: f.cpu + c.cpu, memory: f.memory + c.memory });
    pool.splice(pick, 1);
  }
  return { taskArns: steps.map((s) => s.taskArn), steps, strategies: strategies.map(strategyShape) };
}
