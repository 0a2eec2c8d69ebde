/**
 * Filtering the cluster map by service (task group), task status (lastStatus) and Availability Zone.
 * Pure: the toolbar's counts and the dimmed/hidden parts of the map come from here.
 *
 * Tasks that do not match stay where they are, dimmed: on an EC2 instance they still hold their
 * reservation, so hiding them would misdraw what is free. An AZ filter hides the other zones.
 */
import type { ClusterMapModel, MapInstance, MapTask } from './model';

export interface MapFilter {
  /** a task group (`service:web`, `family:batch`), or '' for all */
  group: string;
  /** a task lastStatus, or '' for all */
  status: string;
  /** an Availability Zone, or '' for all */
  az: string;
}

export const NO_FILTER: MapFilter = { group: '', status: '', az: '' };

export interface FacetCount {
  value: string;
  count: number;
}

export interface MapFacets {
  groups: FacetCount[];
  statuses: FacetCount[];
  /** tasks per AZ (instances without tasks still list their AZ, with 0) */
  zones: FacetCount[];
  tasks: number;
}

/** ECS order of task statuses, so the status filter reads like the lifecycle. */
export const STATUS_ORDER = ['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING', 'DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED'];

export function isFiltered(filter: MapFilter): boolean {
  return filter.group !== '' || filter.status !== '' || filter.az !== '';
}

export function allTasks(model: ClusterMapModel): MapTask[] {
  const out: MapTask[] = [];
  for (const i of model.instances) for (const t of i.tasks) out.push(t);
  for (const t of model.fargate) out.push(t);
  return out;
}

function taskAz(task: MapTask, instance?: MapInstance): string | undefined {
  return instance?.availabilityZone ?? task.availabilityZone;
}

function tally(values: Iterable<string>, seed: Iterable<string> = []): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of seed) counts.set(v, 0);
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** How many tasks each service, status and AZ has, over the whole cluster (not narrowed by the filter). */
export function mapFacets(model: ClusterMapModel): MapFacets {
  const groups: string[] = [];
  const statuses: string[] = [];
  const zones: string[] = [];
  const visit = (task: MapTask, instance?: MapInstance) => {
    groups.push(task.group);
    statuses.push(task.lastStatus);
    const az = taskAz(task, instance);
    if (az) zones.push(az);
  };
  for (const i of model.instances) for (const t of i.tasks) visit(t, i);
  for (const t of model.fargate) visit(t);
  const list = (m: Map<string, number>, order: (a: string, b: string) => number) =>
    [...m].map(([value, count]) => ({ value, count })).sort((a, b) => order(a.value, b.value));
  const rank = (s: string) => {
    const i = STATUS_ORDER.indexOf(s);
    return i < 0 ? STATUS_ORDER.length : i;
  };
  return {
    groups: list(tally(groups), (a, b) => a.localeCompare(b)),
    statuses: list(tally(statuses), (a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    zones: list(tally(zones, model.availabilityZones), (a, b) => a.localeCompare(b)),
    tasks: groups.length,
  };
}

/** Does the task match the service and status parts of the filter? */
export function taskMatches(task: MapTask, filter: MapFilter): boolean {
  return (filter.group === '' || task.group === filter.group) && (filter.status === '' || task.lastStatus === filter.status);
}

export interface FilteredMap {
  model: ClusterMapModel;
  /** task ARNs that do not match (drawn dimmed) */
  dimmed: ReadonlySet<string>;
  /** tasks in the shown zones that match */
  matching: number;
}

/**
 * The model the map draws under `filter`: zones other than the chosen AZ left out, and the set of
 * tasks to dim. Returns the same model object when nothing is filtered, so memoised layouts hold.
 */
export function filterClusterMap(model: ClusterMapModel, filter: MapFilter): FilteredMap {
  const dimmed = new Set<string>();
  if (!isFiltered(filter)) return { model, dimmed, matching: allTasks(model).length };
  const inZone = (az: string | undefined) => filter.az === '' || az === filter.az;
  const instances = model.instances.filter((i) => inZone(i.availabilityZone));
  const fargate = model.fargate.filter((t) => inZone(t.availabilityZone ?? model.availabilityZones[0]));
  let matching = 0;
  const mark = (t: MapTask) => {
    if (taskMatches(t, filter)) matching++;
    else dimmed.add(t.taskArn);
  };
  for (const i of instances) for (const t of i.tasks) mark(t);
  for (const t of fargate) mark(t);
  return {
    model: {
      ...model,
      availabilityZones: model.availabilityZones.filter(inZone),
      instances,
      fargate,
    },
    dimmed,
    matching,
  };
}
