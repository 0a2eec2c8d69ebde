/** Goals about services as DescribeServices and DescribeTasks show them now. */
import type { Simulation } from '../../core/index';
import type { Goal } from '../types';
import { compare, wanted } from './compare';
import { pick, revisionOf, serviceOf, tasksOf } from './read';
import type { Verdict } from './verdict';

type G<T extends Goal['type']> = Extract<Goal, { type: T }>;

const missing = (service: string): Verdict => ({ pass: false, evidence: `Service ${service} does not exist.`, evidenceKo: `service ${service}: 존재하지 않습니다.` });

export function serviceTasks(sim: Simulation, g: G<'serviceTasks'>): Verdict {
  if (!serviceOf(sim, g.cluster, g.service)) return missing(g.service);
  const status = g.lastStatus ?? 'RUNNING';
  const tasks = tasksOf(sim, g.cluster, g.service).filter(
    (t) =>
      t.lastStatus === status &&
      (status === 'STOPPED' || t.desiredStatus === 'RUNNING') &&
      (g.revision === undefined || revisionOf(t.taskDefinitionArn) === g.revision) &&
      (g.launchType === undefined || t.launchType === g.launchType) &&
      (g.capacityProvider === undefined || t.capacityProviderName === g.capacityProvider),
  );
  const what = [g.revision !== undefined ? `revision ${g.revision}` : '', g.launchType ?? '', g.capacityProvider ?? ''].filter(Boolean).join(', ');
  const w = wanted(g, '개');
  const n = tasks.length;
  return {
    pass: compare(n, g),
    evidence: `Service ${g.service} has ${n} ${status} task${n === 1 ? '' : 's'}${what ? ` (${what})` : ''}; wanted ${w.en}.`,
    evidenceKo: `service ${g.service}의 ${status} task는 ${n}개${what ? ` (${what})` : ''}입니다. 목표: ${w.ko}.`,
  };
}

export function serviceField(sim: Simulation, g: G<'serviceField'>): Verdict {
  const svc = serviceOf(sim, g.cluster, g.service);
  if (!svc) return missing(g.service);
  const v = pick(svc, g.pointer);
  const shown = v === undefined ? 'not set' : JSON.stringify(v);
  const shownKo = v === undefined ? '설정되지 않음' : JSON.stringify(v);
  if (g.is !== undefined) {
    return {
      pass: v === g.is,
      evidence: `Service ${g.service} ${g.pointer} is ${shown}; wanted ${JSON.stringify(g.is)}.`,
      evidenceKo: `service ${g.service}의 ${g.pointer} 값은 ${shownKo}입니다. 목표: ${JSON.stringify(g.is)}.`,
    };
  }
  const w = wanted(g);
  return {
    pass: typeof v === 'number' && compare(v, g),
    evidence: `Service ${g.service} ${g.pointer} is ${shown}; wanted ${w.en}.`,
    evidenceKo: `service ${g.service}의 ${g.pointer} 값은 ${shownKo}입니다. 목표: ${w.ko}.`,
  };
}

export function deploymentCompleted(sim: Simulation, g: G<'deploymentCompleted'>): Verdict {
  const svc = serviceOf(sim, g.cluster, g.service);
  if (!svc) return missing(g.service);
  const deps = svc.deployments ?? [];
  const primary = deps.find((d) => d.status === 'PRIMARY');
  const rev = revisionOf(primary?.taskDefinition);
  const ok = !!primary && primary.rolloutState === 'COMPLETED' && deps.length === 1 && (g.revision === undefined || rev === g.revision);
  const want = g.revision !== undefined ? ` on revision ${g.revision}` : '';
  const wantKo = g.revision !== undefined ? ` (revision ${g.revision})` : '';
  return {
    pass: ok,
    evidence: primary
      ? `Service ${g.service}: PRIMARY deployment on revision ${rev} is ${primary.rolloutState}, ${deps.length} deployment${deps.length === 1 ? '' : 's'} listed; wanted one COMPLETED deployment${want}.`
      : `Service ${g.service} has no PRIMARY deployment.`,
    evidenceKo: primary
      ? `service ${g.service}: PRIMARY deployment(revision ${rev})는 ${primary.rolloutState}, deployment ${deps.length}개. 목표: COMPLETED 상태의 deployment 하나${wantKo}.`
      : `service ${g.service}에 PRIMARY deployment가 없습니다.`,
  };
}

export function daemonOnEveryInstance(sim: Simulation, g: G<'daemonOnEveryInstance'>): Verdict {
  const svc = serviceOf(sim, g.cluster, g.service);
  if (!svc) return missing(g.service);
  const arns = sim.ecs.listContainerInstances({ cluster: g.cluster, status: 'ACTIVE', maxResults: 100 }).containerInstanceArns ?? [];
  const running = tasksOf(sim, g.cluster, g.service).filter((t) => t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING');
  const covered = arns.filter((a) => running.some((t) => t.containerInstanceArn === a)).length;
  return {
    pass: svc.schedulingStrategy === 'DAEMON' && arns.length > 0 && covered === arns.length,
    evidence: `Service ${g.service} (${svc.schedulingStrategy}) runs a task on ${covered} of ${arns.length} ACTIVE container instances.`,
    evidenceKo: `service ${g.service}(${svc.schedulingStrategy})는 ACTIVE container instance ${arns.length}대 중 ${covered}대에서 task를 실행 중입니다.`,
  };
}
