/**
 * The 1-minute datapoints, CloudWatch style: at every whole minute each watched service gets one point
 * for the minute that just ended. One traffic source (drive.ts): a service behind a load balancer of
 * the model gets its requests from the load balancer's counters (elbRequests.ts) — RequestCount is what
 * its target groups received, RequestCountPerTarget that over the healthy targets, and each task serves
 * what its own targets received (a task whose target is not yet healthy serves nothing). A service
 * without one receives its load profile directly, spread evenly over its RUNNING tasks, and has no
 * RequestCountPerTarget (there is no ALB metric). CPUUtilization and MemoryUtilization are the
 * service's used ÷ reserved over its RUNNING tasks (the AWS/ECS service metrics' definition), so tasks
 * of different sizes weigh by their size.
 */
import type { SimState } from '../engine/state';
import type { ServiceRecord } from '../scheduler/serviceRecord';
import type { TaskRecord } from '../tasks/record';
import { markRequests, serviceRequests } from './elbRequests';
import { requestsInMinute } from './load';
import { autoscalingOf, SERIES_KEPT, type MetricPoint } from './records';
import { cpuUsed, memoryUsed, taskCpuUnits, taskMemoryMiB } from './utilisation';

const round = (n: number) => Math.round(n * 1000) / 1000;

function runningTasks(state: SimState, svc: ServiceRecord): TaskRecord[] {
  const out: TaskRecord[] = [];
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (t && t.lastStatus === 'RUNNING') out.push(t);
  }
  return out;
}

/** The datapoint of the minute ending now, and the load balancer counters to mark (if any). */
function measureWithMark(state: SimState, svc: ServiceRecord): { point: MetricPoint; counters?: Record<string, number> } {
  const running = runningTasks(state, svc);
  const lb = serviceRequests(state, svc);
  const load = autoscalingOf(state).loads[svc.serviceArn];
  const requestCount = round(lb ? lb.total : load ? requestsInMinute(load.profile, state.now - load.since) : 0);
  const point: MetricPoint = { at: state.now, cpu: null, memory: null, requestCount, requestCountPerTarget: null, desired: svc.desiredCount, running: running.length };
  if (lb && lb.healthyTargets > 0) point.requestCountPerTarget = round(lb.total / lb.healthyTargets);
  if (running.length === 0) return { point, counters: lb?.counters };
  const evenly = requestCount / 60 / running.length;
  let cpuReserved = 0;
  let cpuUse = 0;
  let memReserved = 0;
  let memUse = 0;
  for (const t of running) {
    const rps = lb ? (lb.perTask.get(t.taskArn) ?? 0) / 60 : evenly;
    const cpu = taskCpuUnits(t);
    const mem = taskMemoryMiB(t);
    cpuReserved += cpu;
    memReserved += mem;
    cpuUse += cpuUsed(rps, cpu);
    memUse += memoryUsed(rps, mem);
  }
  point.cpu = round((cpuUse / cpuReserved) * 100);
  point.memory = round((memUse / memReserved) * 100);
  return { point, counters: lb?.counters };
}

/** The datapoint of the minute ending now (reads the state, changes nothing). */
export function measure(state: SimState, svc: ServiceRecord): MetricPoint {
  return measureWithMark(state, svc).point;
}

/** Appends the minute's datapoint to the service's series. */
export function record(state: SimState, svc: ServiceRecord): MetricPoint {
  const book = autoscalingOf(state);
  const { point, counters } = measureWithMark(state, svc);
  if (counters) markRequests(state, svc, counters);
  else if (book.requestMarks?.[svc.serviceArn]) delete book.requestMarks[svc.serviceArn];
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
