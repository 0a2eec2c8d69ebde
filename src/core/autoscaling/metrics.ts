/**
 * The 1-minute datapoints, CloudWatch style: at every whole minute each watched service gets one point
 * for the minute that just ended. Requests come from the service's load profile (there is no load
 * balancer request counter to read yet) and are spread evenly over the service's RUNNING tasks;
 * CPUUtilization and MemoryUtilization are the service's used ÷ reserved over those tasks (the
 * AWS/ECS service metrics' definition), so tasks of different sizes weigh by their size.
 */
import type { SimState } from '../engine/state';
import type { ServiceRecord } from '../scheduler/serviceRecord';
import { requestsInMinute } from './load';
import { autoscalingOf, SERIES_KEPT, type MetricPoint } from './records';
import { cpuUsed, memoryUsed, taskCpuUnits, taskMemoryMiB } from './utilisation';

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The datapoint of the minute ending now. */
export function measure(state: SimState, svc: ServiceRecord): MetricPoint {
  const load = autoscalingOf(state).loads[svc.serviceArn];
  const requestCount = load ? round(requestsInMinute(load.profile, state.now - load.since)) : 0;
  const running = [];
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (t && t.lastStatus === 'RUNNING') running.push(t);
  }
  const point: MetricPoint = { at: state.now, cpu: null, memory: null, requestCount, requestCountPerTarget: null, desired: svc.desiredCount, running: running.length };
  if (running.length === 0) return point;
  const rpsPerTask = requestCount / 60 / running.length;
  let cpuReserved = 0;
  let cpuUse = 0;
  let memReserved = 0;
  let memUse = 0;
  for (const t of running) {
    const cpu = taskCpuUnits(t);
    const mem = taskMemoryMiB(t);
    cpuReserved += cpu;
    memReserved += mem;
    cpuUse += cpuUsed(rpsPerTask, cpu);
    memUse += memoryUsed(rpsPerTask, mem);
  }
  point.cpu = round((cpuUse / cpuReserved) * 100);
  point.memory = round((memUse / memReserved) * 100);
  point.requestCountPerTarget = round(requestCount / running.length);
  return point;
}

/** Appends the minute's datapoint to the service's series. */
export function record(state: SimState, svc: ServiceRecord): MetricPoint {
  const book = autoscalingOf(state);
  const point = measure(state, svc);
  const series = (book.series[svc.serviceArn] ??= []);
  series.push(point);
  if (series.length > SERIES_KEPT) series.splice(0, series.length - SERIES_KEPT);
  return point;
}

export interface ServiceMetrics {
  serviceArn: string;
  /** oldest first, one per minute */
  points: MetricPoint[];
}

/** The datapoints of a service, for charts (a copy; empty when the service is not watched). */
export function serviceMetrics(state: SimState, serviceArn: string): ServiceMetrics {
  const series = state.autoscaling?.series[serviceArn] ?? [];
  return { serviceArn, points: series.map((p) => ({ ...p })) };
}
