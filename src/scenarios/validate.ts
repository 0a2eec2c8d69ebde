/**
 * What the schema cannot say about a scenario: exercises need goals, hints and a solution; ids are
 * unique; every instance ref names a setup instance; actions name one operation with what it needs;
 * ECS operations exist and write; task definitions pass the same checks RegisterTaskDefinition makes.
 */
import { isScriptOperation, validateRegisterRequest } from '../core/index';
import { declaredRefs, refExists } from './refs';
import { elbRefIssues } from './elbRefs';
import type { SchemaIssue } from './schemaCheck';
import type { Action, Goal, Scenario } from './types';

const NEEDS: Record<string, (keyof Action)[]> = {
  launchInstances: ['input'],
  setDesiredCapacity: ['input'],
  updateAutoScalingGroup: ['input'],
  terminateInstance: ['instance'],
  disconnectAgent: ['instance'],
  reconnectAgent: ['instance'],
  crashContainer: ['task', 'container'],
  failHealthCheck: ['task', 'container'],
  interruptSpot: ['task'],
  makeImageUnpullable: ['image'],
  makeImagePullable: ['image'],
  setLoad: ['input'],
  setHookAnswer: ['input'],
};

export function validateScenario(s: Scenario): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const refs = declaredRefs(s);
  const checkRef = (ref: unknown, path: string) => {
    if (typeof ref === 'string' && !refExists(refs, ref)) out.push({ path, message: `No setup instance is named "${ref}" (known: ${[...refs.keys()].join(', ') || 'none'}).` });
  };
  /** `$instance` / `$containerInstance` / `$task.instance` placeholders anywhere in a request. */
  const scanPlaceholders = (v: unknown, path: string, depth = 0) => {
    if (depth > 64 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x, i) => scanPlaceholders(x, `${path}/${i}`, depth + 1));
    const o = v as Record<string, unknown>;
    for (const k of ['$instance', '$containerInstance'] as const) if (k in o) checkRef(o[k], `${path}/${k}`);
    if (o.$task && typeof o.$task === 'object') checkRef((o.$task as Record<string, unknown>).instance, `${path}/$task/instance`);
    for (const [k, x] of Object.entries(o)) scanPlaceholders(x, `${path}/${k}`, depth + 1);
  };
  const checkAction = (a: Action, path: string) => {
    const named = (['ecs', 'infra', 'fault', 'applicationAutoScaling', 'codedeploy'] as const).filter((k) => a[k] !== undefined);
    if (named.length !== 1) {
      out.push({
        path,
        message: named.length === 0 ? 'An action needs one of "ecs", "infra", "fault", "applicationAutoScaling" or "codedeploy".' : `An action names one operation; this one has ${named.join(' and ')}.`,
      });
      return;
    }
    if (a.ecs !== undefined && !isScriptOperation('ecs', a.ecs)) out.push({ path: `${path}/ecs`, message: `"${a.ecs}" is not an ECS operation that changes something.` });
    if (a.applicationAutoScaling !== undefined && !isScriptOperation('applicationAutoScaling', a.applicationAutoScaling)) {
      out.push({ path: `${path}/applicationAutoScaling`, message: `"${a.applicationAutoScaling}" is not an Application Auto Scaling operation that changes something.` });
    }
    if (a.applicationAutoScaling !== undefined && a.input === undefined) out.push({ path, message: `${a.applicationAutoScaling} needs "input".` });
    if (a.codedeploy !== undefined && !isScriptOperation('codedeploy', a.codedeploy)) {
      out.push({ path: `${path}/codedeploy`, message: `"${a.codedeploy}" is not a CodeDeploy operation that changes something.` });
    }
    if (a.codedeploy !== undefined && a.input === undefined) out.push({ path, message: `${a.codedeploy} needs "input".` });
    const op = a.infra ?? a.fault;
    for (const need of op ? NEEDS[op] ?? [] : []) if (a[need] === undefined) out.push({ path, message: `${op} needs "${need}".` });
    checkRef(a.instance, `${path}/instance`);
    checkRef(a.task?.instance, `${path}/task/instance`);
    scanPlaceholders(a.input, `${path}/input`);
  };
  const checkGoal = (g: Goal, path: string, depth = 0) => {
    if (depth > 16) return;
    if (g.type === 'containerInstance') checkRef(g.instance, `${path}/instance`);
    if (g.type === 'not') checkGoal(g.goal, `${path}/goal`, depth + 1);
    if (g.type === 'allOf' || g.type === 'anyOf') g.goals.forEach((x, i) => checkGoal(x, `${path}/goals/${i}`, depth + 1));
    if ('equals' in g || 'atLeast' in g || 'atMost' in g || !['serviceTasks', 'instancesUsed', 'tasksStopped'].includes(g.type)) return;
    out.push({ path, message: `A ${g.type} goal needs "equals", "atLeast" or "atMost".` });
  };

  if (s.kind === 'exercise') {
    if (!s.goals?.length) out.push({ path: '/kind', message: 'An exercise needs at least one goal.' });
    if (!s.hints?.length) out.push({ path: '/kind', message: 'An exercise needs at least one hint.' });
    if (!s.solution) out.push({ path: '/kind', message: 'An exercise needs a solution.' });
  }
  const ids = new Set<string>();
  (s.goals ?? []).forEach((g, i) => {
    if (ids.has(g.id)) out.push({ path: `/goals/${i}/id`, message: `Goal id "${g.id}" is used twice.` });
    ids.add(g.id);
    checkGoal(g.check, `/goals/${i}/check`);
  });
  const refNames = new Set<string>();
  (s.setup.instances ?? []).forEach((g, i) => {
    if (g.ref && refNames.has(g.ref)) out.push({ path: `/setup/instances/${i}/ref`, message: `Instance ref "${g.ref}" is used twice.` });
    if (g.ref) refNames.add(g.ref);
  });
  (s.setup.taskDefinitions ?? []).forEach((td, i) => {
    for (const e of validateRegisterRequest(td).errors) out.push({ path: `/setup/taskDefinitions/${i}${e.path}`, message: e.message, ...(e.at ? { at: e.at } : {}) });
  });
  const groups = new Set((s.setup.autoScalingGroups ?? []).map((g) => g.autoScalingGroupName));
  (s.setup.capacityProviders ?? []).forEach((p, i) => {
    const arn = (p.autoScalingGroupProvider as Record<string, unknown> | undefined)?.autoScalingGroupArn as Record<string, unknown> | undefined;
    if (arn && typeof arn === 'object' && '$autoScalingGroupArn' in arn && !groups.has(arn.$autoScalingGroupArn)) {
      out.push({ path: `/setup/capacityProviders/${i}/autoScalingGroupProvider/autoScalingGroupArn/$autoScalingGroupArn`, message: `No setup Auto Scaling group is named "${String(arn.$autoScalingGroupArn)}".` });
    }
  });
  for (const issue of elbRefIssues(s)) out.push(issue);
  (s.setup.services ?? []).forEach((v, i) => scanPlaceholders(v, `/setup/services/${i}`));
  (s.setup.tasks ?? []).forEach((v, i) => scanPlaceholders(v, `/setup/tasks/${i}`));
  (s.script ?? []).forEach((a, i) => {
    checkAction(a, `/script/${i}`);
    if (a.at > s.durationSeconds) out.push({ path: `/script/${i}/at`, message: `At ${a.at} s this action comes after the scenario ends (durationSeconds ${s.durationSeconds}).` });
  });
  (s.solution?.steps ?? []).forEach((a, i) => checkAction(a, `/solution/steps/${i}`));
  return out;
}
