/**
 * The cost meter: what runs now costs per hour, and what everything cost so far, per cluster, service
 * and capacity provider (pricing.ts has the rates and billing rules). Pure: it reads the state.
 *
 * Every billed thing is a line with a start, an end (none while it runs) and a rate:
 *   Fargate task  — from its image pull start to STOPPED; provider FARGATE or FARGATE_SPOT.
 *   EC2 instance  — from `running` to `shutting-down`; provider = its Auto Scaling group's capacity
 *                   provider, else "EC2". Tasks on EC2 cost nothing of their own.
 * Tasks leave the state an hour after they stop; their lines are kept in the ledger (tasks/handlers.ts
 * books them on expiry), so "so far" never drops.
 */
import type { SimState } from '../engine/state';
import type { TaskRecord } from '../tasks/record';
import { groupOfInstance } from './autoScalingGroups';
import { billedSeconds, ec2UsdPerHour, fargateUsdPerHour, PRICE_REGION, PRICES_AS_OF } from './pricing';
import { providerOfGroup } from './providerLookup';
import { capacityOf, type CostLedgerLine } from './records';

export type CostLine = CostLedgerLine;

export interface CostFigures {
  usdPerHour: number;
  usdSoFar: number;
}

export interface CostReport {
  /** virtual ms the report is for */
  at: number;
  priceRegion: string;
  pricesAsOf: string;
  total: CostFigures;
  byCluster: Record<string, CostFigures>;
  /** key `<cluster>/<service>`; Fargate tasks of services only (EC2 tasks ride on their instance) */
  byService: Record<string, CostFigures>;
  /** FARGATE, FARGATE_SPOT, an Auto Scaling group provider's name, or EC2 for instances outside one */
  byCapacityProvider: Record<string, CostFigures>;
  lines: CostLine[];
}

/** The billing line of a Fargate task, or undefined when it was never billed (no pull started). */
export function taskLine(t: TaskRecord): CostLine | undefined {
  if (t.launchType !== 'FARGATE' || t.pullStartedAt === undefined) return undefined;
  const line: CostLine = {
    kind: 'task',
    id: t.taskArn,
    clusterName: t.clusterName,
    capacityProvider: t.capacityProviderName ?? 'FARGATE',
    start: t.pullStartedAt,
    usdPerHour: fargateUsdPerHour({
      cpu: Number(t.cpu ?? 0),
      memory: Number(t.memory ?? 0),
      architecture: t.cpuArchitecture === 'arm64' ? 'arm64' : 'x86_64',
      spot: t.capacityProviderName === 'FARGATE_SPOT',
      ephemeralStorageGiB: t.ephemeralStorage?.sizeInGiB,
    }),
  };
  if (t.group.startsWith('service:')) line.service = t.group.slice('service:'.length);
  if (t.stoppedAt !== undefined) line.end = t.stoppedAt;
  return line;
}

type InstanceTimes = Map<string, { running?: number; stopped?: number }>;

/**
 * Reading the event log is incremental: the log only grows, so what was read of it is kept per log
 * (a cache beside the state, never part of it; a new or shortened log is read from the start).
 */
const timesRead = new WeakMap<object, { upTo: number; times: InstanceTimes }>();

/** When each instance started and stopped being billed, from the event log. */
function instanceTimes(state: SimState): InstanceTimes {
  const events = state.events;
  let read = timesRead.get(events);
  if (!read || read.upTo > events.length) {
    read = { upTo: 0, times: new Map() };
    timesRead.set(events, read);
  }
  for (let i = read.upTo; i < events.length; i++) {
    const e = events[i];
    if (e.type !== 'ec2.running' && e.type !== 'ec2.terminating') continue;
    const id = e.resource ?? '';
    const entry = read.times.get(id) ?? {};
    if (e.type === 'ec2.running') entry.running ??= e.time;
    else entry.stopped ??= e.time;
    read.times.set(id, entry);
  }
  read.upTo = events.length;
  return read.times;
}

/** Every billing line: the ledger, live and recently stopped Fargate tasks, EC2 instances. */
export function costLines(state: SimState): CostLine[] {
  const lines: CostLine[] = [...capacityOf(state).ledger];
  for (const t of Object.values(state.tasks)) {
    const l = taskLine(t);
    if (l) lines.push(l);
  }
  const times = instanceTimes(state);
  for (const ec2 of Object.values(state.ec2Instances)) {
    const tm = times.get(ec2.instanceId);
    if (tm?.running === undefined) continue;
    const g = groupOfInstanceEver(state, ec2.instanceId);
    const provider = g ? providerOfGroup(state, g)?.name : undefined;
    const line: CostLine = {
      kind: 'instance',
      id: ec2.instanceId,
      clusterName: ec2.clusterName,
      capacityProvider: provider ?? 'EC2',
      start: tm.running,
      usdPerHour: ec2UsdPerHour(ec2.instanceType),
    };
    if (tm.stopped !== undefined) line.end = tm.stopped;
    lines.push(line);
  }
  return lines;
}

function groupOfInstanceEver(state: SimState, instanceId: string) {
  return groupOfInstance(state, instanceId) ?? Object.values(capacityOf(state).autoScalingGroups).find((g) => g.launched?.includes(instanceId));
}

/** A line's figures at virtual time `at`. */
export function lineFigures(line: CostLine, at: number): CostFigures {
  if (at <= line.start) return { usdPerHour: 0, usdSoFar: 0 };
  const running = line.end === undefined || at < line.end;
  const end = line.end === undefined ? at : Math.min(at, line.end);
  return { usdPerHour: running ? line.usdPerHour : 0, usdSoFar: (line.usdPerHour * billedSeconds(end - line.start)) / 3600 };
}

function add(into: Record<string, CostFigures>, key: string, f: CostFigures): void {
  const e = (into[key] ??= { usdPerHour: 0, usdSoFar: 0 });
  e.usdPerHour += f.usdPerHour;
  e.usdSoFar += f.usdSoFar;
}

function reportAt(lines: readonly CostLine[], at: number): Omit<CostReport, 'lines' | 'priceRegion' | 'pricesAsOf'> {
  const total: CostFigures = { usdPerHour: 0, usdSoFar: 0 };
  const byCluster: Record<string, CostFigures> = {};
  const byService: Record<string, CostFigures> = {};
  const byCapacityProvider: Record<string, CostFigures> = {};
  for (const l of lines) {
    const f = lineFigures(l, at);
    if (f.usdPerHour === 0 && f.usdSoFar === 0) continue;
    total.usdPerHour += f.usdPerHour;
    total.usdSoFar += f.usdSoFar;
    add(byCluster, l.clusterName, f);
    if (l.service !== undefined) add(byService, `${l.clusterName}/${l.service}`, f);
    add(byCapacityProvider, l.capacityProvider, f);
  }
  return { at, total, byCluster, byService, byCapacityProvider };
}

/** Cost per hour now and cost so far, per cluster, service and capacity provider. */
export function costReport(state: SimState): CostReport {
  const lines = costLines(state);
  return { ...reportAt(lines, state.now), priceRegion: PRICE_REGION, pricesAsOf: PRICES_AS_OF, lines };
}

export interface CostSample {
  at: number;
  usdPerHour: number;
  usdSoFar: number;
}

/** The total cost per hour and so far at every `everyMs` from 0 to now (for a plot). */
export function costSeries(state: SimState, options: { everyMs?: number } = {}): CostSample[] {
  const every = Math.max(1000, Math.round(options.everyMs ?? 60_000));
  const lines = costLines(state);
  const out: CostSample[] = [];
  for (let at = 0; ; at = Math.min(at + every, state.now)) {
    const r = reportAt(lines, at);
    out.push({ at, usdPerHour: r.total.usdPerHour, usdSoFar: r.total.usdSoFar });
    if (at >= state.now) break;
  }
  return out;
}

/** Keeps an expiring task's line (tasks/handlers.ts calls this before it forgets a STOPPED task). */
export function bookExpiredTask(state: SimState, t: TaskRecord): void {
  const l = taskLine(t);
  if (l) capacityOf(state).ledger.push(l);
}
