/** Reading the simulation for goal checks, through the public read API only (nothing is journaled). */
import type { Simulation } from '../../core/index';
import type { Task } from '@aws-sdk/client-ecs';

/** Every task of a cluster ECS still shows (desired RUNNING and STOPPED), optionally one service's. */
export function tasksOf(sim: Simulation, cluster: string, serviceName?: string): Task[] {
  const arns: string[] = [];
  for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
    let nextToken: string | undefined;
    do {
      const page = sim.ecs.listTasks({ cluster, desiredStatus, maxResults: 100, ...(serviceName ? { serviceName } : {}), ...(nextToken ? { nextToken } : {}) });
      arns.push(...(page.taskArns ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
  }
  const out: Task[] = [];
  for (let i = 0; i < arns.length; i += 100) out.push(...(sim.ecs.describeTasks({ cluster, tasks: arns.slice(i, i + 100) }).tasks ?? []));
  return out;
}

export function serviceOf(sim: Simulation, cluster: string, service: string) {
  return sim.ecs.describeServices({ cluster, services: [service] }).services?.[0];
}

/** Registered container instances of a cluster (ACTIVE and DRAINING), described. */
export function instancesOf(sim: Simulation, cluster: string) {
  const arns = sim.ecs.listContainerInstances({ cluster, maxResults: 100 }).containerInstanceArns ?? [];
  return arns.length ? sim.ecs.describeContainerInstances({ cluster, containerInstances: arns }).containerInstances ?? [] : [];
}

/** Revision number from a task definition ARN (`…:web:3` → 3). */
export function revisionOf(taskDefinitionArn: string | undefined): number | undefined {
  const m = /:(\d+)$/.exec(taskDefinitionArn ?? '');
  return m ? Number(m[1]) : undefined;
}

export function shortId(arn: string | undefined): string {
  return (arn ?? '').split('/').pop() ?? '';
}

/** Follows a JSON pointer; an array segment may be `[name=web]` to pick the element whose `name` is web. */
export function pick(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let cur: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur instanceof Date) cur = cur.toISOString();
    if (Array.isArray(cur)) {
      const named = /^\[(\w+)=(.*)\]$/.exec(seg);
      if (named) cur = cur.find((x) => x && typeof x === 'object' && String((x as Record<string, unknown>)[named[1]]) === named[2]);
      else cur = /^\d+$/.test(seg) ? cur[Number(seg)] : undefined;
    } else if (cur && typeof cur === 'object') {
      cur = Object.prototype.hasOwnProperty.call(cur, seg) ? (cur as Record<string, unknown>)[seg] : undefined;
    } else return undefined;
  }
  return cur instanceof Date ? cur.toISOString() : cur;
}

/** Virtual ms as m:ss (or h:mm:ss), for evidence. */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
