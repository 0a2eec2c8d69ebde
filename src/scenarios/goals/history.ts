/**
 * Goals about what happened, read from the event log (sim.events) rather than the final state:
 * the lowest RUNNING count of a service over time, rollbacks, service events, stopped tasks.
 */
import type { SimEvent, Simulation } from '../../core/index';
import type { Goal } from '../types';
import { compare, wanted } from './compare';
import { clock } from './read';
import type { Verdict } from './verdict';

type G<T extends Goal['type']> = Extract<Goal, { type: T }>;

const inCluster = (e: SimEvent, cluster: string) => {
  const d = e.data ?? {};
  return d.clusterName === cluster || (typeof d.clusterArn === 'string' && d.clusterArn.endsWith(`:cluster/${cluster}`));
};

/**
 * Replays the service's task state changes and tracks how many tasks were RUNNING (and not being
 * stopped) after each instant. Watching starts `afterMs` or, by default, once the count first
 * reaches `min`. (The log has no task health transitions, so this counts RUNNING, not healthy.)
 */
export function runningNeverBelow(sim: Simulation, g: G<'runningNeverBelow'>, startMs: number): Verdict {
  const group = `service:${g.service}`;
  const up = new Set<string>();
  const from = g.afterSeconds !== undefined ? startMs + g.afterSeconds * 1000 : undefined;
  let watching = false;
  let lowest = Number.POSITIVE_INFINITY;
  let lowestAt = 0;
  const events = sim.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.type === 'task.stateChange' && e.data?.group === group && inCluster(e, g.cluster)) {
      const arn = String(e.data.taskArn);
      if (e.data.lastStatus === 'RUNNING' && e.data.desiredStatus === 'RUNNING') up.add(arn);
      else up.delete(arn);
    }
    const endOfInstant = i === events.length - 1 || events[i + 1].time !== e.time;
    if (!endOfInstant) continue;
    if (!watching) watching = from !== undefined ? e.time >= from : up.size >= g.min;
    if (watching && up.size < lowest) {
      lowest = up.size;
      lowestAt = e.time;
    }
  }
  if (!watching) {
    return {
      pass: false,
      evidence: `Service ${g.service} never had ${g.min} RUNNING tasks to start from.`,
      evidenceKo: `service ${g.service}의 RUNNING task가 ${g.min}개에 도달한 적이 없습니다.`,
    };
  }
  if (lowest === Number.POSITIVE_INFINITY) lowest = up.size;
  return {
    pass: lowest >= g.min,
    evidence: `Lowest number of RUNNING tasks of service ${g.service}: ${lowest} (at ${clock(lowestAt)}); wanted never below ${g.min}.`,
    evidenceKo: `service ${g.service}의 RUNNING task 최저치: ${lowest}개 (${clock(lowestAt)}). 목표: ${g.min}개 미만으로 내려가지 않기.`,
  };
}

function serviceEvents(sim: Simulation, cluster: string, service: string): SimEvent[] {
  return sim.events.filter((e) => e.type === 'service.event' && e.data?.serviceName === service && inCluster(e, cluster));
}

export function rollbackHappened(sim: Simulation, g: G<'rollbackHappened'>): Verdict {
  const hit = serviceEvents(sim, g.cluster, g.service).find((e) => e.message.includes(' rolling back to deployment '));
  return hit
    ? { pass: true, evidence: `At ${clock(hit.time)}: "${hit.message}"`, evidenceKo: `${clock(hit.time)}에 rollback이 일어났습니다: "${hit.message}"` }
    : { pass: false, evidence: `Service ${g.service} never rolled back.`, evidenceKo: `service ${g.service}에서 rollback이 일어나지 않았습니다.` };
}

export function serviceEventSeen(sim: Simulation, g: G<'serviceEventSeen'>): Verdict {
  const hit = serviceEvents(sim, g.cluster, g.service).find((e) => e.message.includes(g.contains));
  return hit
    ? { pass: true, evidence: `At ${clock(hit.time)}: "${hit.message}"`, evidenceKo: `${clock(hit.time)}의 service event: "${hit.message}"` }
    : {
        pass: false,
        evidence: `No event of service ${g.service} contains "${g.contains}".`,
        evidenceKo: `service ${g.service}의 event 중 "${g.contains}"를 포함한 것이 없습니다.`,
      };
}

export function tasksStopped(sim: Simulation, g: G<'tasksStopped'>): Verdict {
  const seen = new Set<string>();
  let example = '';
  for (const e of sim.events) {
    const d = e.data;
    if (e.type !== 'task.stateChange' || d?.lastStatus !== 'STOPPED' || !inCluster(e, g.cluster)) continue;
    if (g.group !== undefined && d.group !== g.group) continue;
    if (g.stopCode !== undefined && d.stopCode !== g.stopCode) continue;
    if (g.reasonContains !== undefined && !String(d.stoppedReason ?? '').includes(g.reasonContains)) continue;
    seen.add(String(d.taskArn));
    example ||= `${String(d.stopCode ?? '')}: ${String(d.stoppedReason ?? '')}`;
  }
  const n = seen.size;
  const w = wanted(g, '개');
  const filter = [g.group, g.stopCode, g.reasonContains && `"${g.reasonContains}"`].filter(Boolean).join(', ');
  return {
    pass: compare(n, g),
    evidence: `${n} task${n === 1 ? '' : 's'} stopped${filter ? ` (${filter})` : ''}${example ? `, e.g. ${example}` : ''}; wanted ${w.en}.`,
    evidenceKo: `멈춘 task ${n}개${filter ? ` (${filter})` : ''}${example ? `, 예: ${example}` : ''}. 목표: ${w.ko}.`,
  };
}
