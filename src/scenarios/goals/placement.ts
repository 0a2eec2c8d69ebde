/** Goals about where tasks run: distinct instances, attribute membership, spread, instances used. */
import type { ContainerInstance, Task } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../core/index';
import type { Goal } from '../types';
import { compare, wanted } from './compare';
import { tasksOf, shortId } from './read';
import type { Verdict } from './verdict';

type G<T extends Goal['type']> = Extract<Goal, { type: T }>;

/** RUNNING tasks of a group (desired RUNNING), with their container instances. */
function placed(sim: Simulation, cluster: string, group?: string): { tasks: Task[]; instances: Map<string, ContainerInstance> } {
  const tasks = tasksOf(sim, cluster).filter((t) => t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING' && (group === undefined || t.group === group));
  const arns = [...new Set(tasks.map((t) => t.containerInstanceArn).filter((a): a is string => !!a))];
  const instances = new Map<string, ContainerInstance>();
  for (let i = 0; i < arns.length; i += 100) {
    for (const ci of sim.ecs.describeContainerInstances({ cluster, containerInstances: arns.slice(i, i + 100) }).containerInstances ?? []) {
      instances.set(ci.containerInstanceArn!, ci);
    }
  }
  return { tasks, instances };
}

function attributeOf(ci: ContainerInstance | undefined, name: string): string | undefined {
  if (!ci) return undefined;
  if (name === 'instanceId' || name === 'host') return ci.ec2InstanceId;
  return ci.attributes?.find((a) => a.name === name)?.value;
}

export function distinctInstances(sim: Simulation, g: G<'distinctInstances'>): Verdict {
  const { tasks } = placed(sim, g.cluster, g.group);
  const byInstance = new Map<string, number>();
  for (const t of tasks) if (t.containerInstanceArn) byInstance.set(t.containerInstanceArn, (byInstance.get(t.containerInstanceArn) ?? 0) + 1);
  const shared = [...byInstance.entries()].filter(([, n]) => n > 1);
  const pass = tasks.length > 0 && shared.length === 0;
  return {
    pass,
    evidence:
      tasks.length === 0
        ? `No RUNNING task of group ${g.group}.`
        : shared.length === 0
          ? `${tasks.length} RUNNING tasks of ${g.group} on ${byInstance.size} different instances.`
          : `Instance ${shortId(shared[0][0])} runs ${shared[0][1]} tasks of ${g.group} (${shared.length} instance${shared.length === 1 ? '' : 's'} shared).`,
    evidenceKo:
      tasks.length === 0
        ? `group ${g.group}의 RUNNING task가 없습니다.`
        : shared.length === 0
          ? `${g.group}의 RUNNING task ${tasks.length}개가 서로 다른 instance ${byInstance.size}대에서 실행 중입니다.`
          : `instance ${shortId(shared[0][0])}에서 ${g.group}의 task ${shared[0][1]}개가 함께 실행 중입니다 (공유된 instance ${shared.length}대).`,
  };
}

export function tasksOnAttribute(sim: Simulation, g: G<'tasksOnAttribute'>): Verdict {
  const { tasks, instances } = placed(sim, g.cluster, g.group);
  const off = tasks.filter((t) => !g.in.includes(attributeOf(instances.get(t.containerInstanceArn ?? ''), g.attribute) ?? ''));
  const list = g.in.join(', ');
  return {
    pass: tasks.length > 0 && off.length === 0,
    evidence:
      tasks.length === 0
        ? `No RUNNING task of group ${g.group}.`
        : `${tasks.length - off.length} of ${tasks.length} RUNNING tasks of ${g.group} run where ${g.attribute} is one of [${list}].`,
    evidenceKo:
      tasks.length === 0
        ? `group ${g.group}의 RUNNING task가 없습니다.`
        : `${g.group}의 RUNNING task ${tasks.length}개 중 ${tasks.length - off.length}개가 ${g.attribute} 값이 [${list}]인 instance에서 실행 중입니다.`,
  };
}

export function spread(sim: Simulation, g: G<'spread'>): Verdict {
  const { tasks, instances } = placed(sim, g.cluster, g.group);
  // every value the cluster's registered instances offer counts, so an empty AZ shows as 0
  const values = new Set<string>();
  const arns = sim.ecs.listContainerInstances({ cluster: g.cluster, status: 'ACTIVE', maxResults: 100 }).containerInstanceArns ?? [];
  const all = arns.length ? sim.ecs.describeContainerInstances({ cluster: g.cluster, containerInstances: arns }).containerInstances ?? [] : [];
  for (const ci of all) {
    const v = attributeOf(ci, g.attribute);
    if (v !== undefined) values.add(v);
  }
  const counts = new Map<string, number>([...values].map((v) => [v, 0]));
  for (const t of tasks) {
    const v = attributeOf(instances.get(t.containerInstanceArn ?? ''), g.attribute) ?? '?';
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const ns = [...counts.values()];
  const diff = ns.length ? Math.max(...ns) - Math.min(...ns) : 0;
  const shown = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([v, n]) => `${v}: ${n}`).join(', ');
  return {
    pass: tasks.length > 0 && diff <= g.maxDifference,
    evidence: `RUNNING tasks of ${g.group} by ${g.attribute}: ${shown || 'none'}; largest difference ${diff}, allowed ${g.maxDifference}.`,
    evidenceKo: `${g.attribute}별 ${g.group}의 RUNNING task: ${shown || '없음'}. 최대 차이 ${diff}, 허용 ${g.maxDifference}.`,
  };
}

export function instancesUsed(sim: Simulation, g: G<'instancesUsed'>): Verdict {
  const { tasks } = placed(sim, g.cluster, g.group);
  const used = new Set(tasks.map((t) => t.containerInstanceArn).filter(Boolean)).size;
  const w = wanted(g, '대');
  const who = g.group ? `tasks of ${g.group}` : 'tasks';
  return {
    pass: tasks.length > 0 && compare(used, g),
    evidence: `${tasks.length} RUNNING ${who} use ${used} container instance${used === 1 ? '' : 's'}; wanted ${w.en}.`,
    evidenceKo: `RUNNING ${g.group ? `${g.group}의 ` : ''}task ${tasks.length}개가 container instance ${used}대를 사용합니다. 목표: ${w.ko}.`,
  };
}
