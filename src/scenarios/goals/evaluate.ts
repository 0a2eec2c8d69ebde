/**
 * One evaluator per goal type (types.ts lists the vocabulary), plus `not`, `allOf` and `anyOf`.
 * Evaluators only read the simulation (describe/list calls and the event log) and never throw:
 * whatever goes wrong becomes a failed goal with the reason as evidence.
 */
import type { Simulation } from '../../core/index';
import type { InstanceRefs } from '../refs';
import type { Goal } from '../types';
import { costPerHour } from './cost';
import { runningNeverBelow, rollbackHappened, serviceEventSeen, tasksStopped } from './history';
import { distinctInstances, instancesUsed, spread, tasksOnAttribute } from './placement';
import { containerInstance, taskDefinitionField } from './resources';
import { daemonOnEveryInstance, deploymentCompleted, serviceField, serviceTasks } from './services';
import type { Verdict } from './verdict';

export interface GoalContext {
  sim: Simulation;
  refs: InstanceRefs;
  /** virtual ms at which the learner took over (end of the warm-up) */
  startMs: number;
}

const MAX_NESTING = 8;

export function evaluateGoal(goal: Goal, ctx: GoalContext, depth = 0): Verdict {
  try {
    return evaluate(goal, ctx, depth);
  } catch (e) {
    const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { pass: false, evidence: `Could not check: ${msg}`, evidenceKo: `확인할 수 없습니다: ${msg}` };
  }
}

function evaluate(goal: Goal, ctx: GoalContext, depth: number): Verdict {
  const { sim } = ctx;
  if (depth > MAX_NESTING) return { pass: false, evidence: 'Goals nest too deeply.', evidenceKo: '목표가 너무 깊게 중첩되어 있습니다.' };
  switch (goal.type) {
    case 'serviceTasks':
      return serviceTasks(sim, goal);
    case 'serviceField':
      return serviceField(sim, goal);
    case 'deploymentCompleted':
      return deploymentCompleted(sim, goal);
    case 'daemonOnEveryInstance':
      return daemonOnEveryInstance(sim, goal);
    case 'distinctInstances':
      return distinctInstances(sim, goal);
    case 'tasksOnAttribute':
      return tasksOnAttribute(sim, goal);
    case 'spread':
      return spread(sim, goal);
    case 'instancesUsed':
      return instancesUsed(sim, goal);
    case 'taskDefinitionField':
      return taskDefinitionField(sim, goal);
    case 'containerInstance':
      return containerInstance(sim, goal, ctx.refs);
    case 'runningNeverBelow':
      return runningNeverBelow(sim, goal, ctx.startMs);
    case 'rollbackHappened':
      return rollbackHappened(sim, goal);
    case 'serviceEventSeen':
      return serviceEventSeen(sim, goal);
    case 'tasksStopped':
      return tasksStopped(sim, goal);
    case 'costPerHour':
      return costPerHour(sim, goal);
    case 'not': {
      const inner = evaluateGoal(goal.goal, ctx, depth + 1);
      return { pass: !inner.pass, evidence: `Not wanted: ${inner.evidence}`, evidenceKo: `이렇게 되면 안 됩니다: ${inner.evidenceKo ?? inner.evidence}` };
    }
    case 'allOf':
    case 'anyOf': {
      const parts = goal.goals.map((g) => evaluateGoal(g, ctx, depth + 1));
      const pass = goal.type === 'allOf' ? parts.every((p) => p.pass) : parts.some((p) => p.pass);
      const mark = (p: Verdict) => (p.pass ? '✓' : '✗');
      return {
        pass,
        evidence: parts.map((p) => `${mark(p)} ${p.evidence}`).join(' '),
        evidenceKo: parts.map((p) => `${mark(p)} ${p.evidenceKo ?? p.evidence}`).join(' '),
      };
    }
    default:
      return { pass: false, evidence: `Unknown goal type ${JSON.stringify((goal as { type?: unknown }).type)}.`, evidenceKo: '알 수 없는 목표 유형입니다.' };
  }
}
