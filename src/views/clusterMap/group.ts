/**
 * How the cluster map splits into boxes: by Availability Zone (the default, as the ECS console and
 * placement think), by service, or by instance type. Pure.
 *
 * Grouping by service: an instance goes under the service holding most of its reserved CPU (ties:
 * the first by name), since a card can only be drawn once; idle instances go to a box of their own.
 * Fargate tasks go under their own service. Grouping by instance type: Fargate tasks go under their
 * capacity provider (FARGATE or FARGATE_SPOT), which is what they run on.
 */
import type { ClusterMapModel, MapInstance, MapTask } from './model';

export type MapGroupBy = 'az' | 'service' | 'instanceType';

export const GROUP_BYS: readonly MapGroupBy[] = ['az', 'service', 'instanceType'];

export interface MapColumn {
  /** AZ name, task group or instance type; '' for the idle-instances box */
  key: string;
  instances: MapInstance[];
  fargate: MapTask[];
}

/** The task group an instance is filed under when grouping by service ('' when it runs nothing). */
export function dominantGroup(instance: MapInstance): string {
  const cpu = new Map<string, number>();
  for (const t of instance.tasks) cpu.set(t.group, (cpu.get(t.group) ?? 0) + Math.max(1, t.cpu));
  let best = '';
  let most = -1;
  for (const [group, amount] of [...cpu].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (amount > most) {
      best = group;
      most = amount;
    }
  }
  return best;
}

function fargateKey(task: MapTask, by: MapGroupBy, fallbackAz: string): string {
  if (by === 'service') return task.group;
  if (by === 'instanceType') return task.capacityProviderName ?? 'FARGATE';
  return task.availabilityZone ?? fallbackAz;
}

function instanceKey(instance: MapInstance, by: MapGroupBy): string {
  if (by === 'service') return dominantGroup(instance);
  if (by === 'instanceType') return instance.instanceType;
  return instance.availabilityZone;
}

/** The boxes of the map in display order; AZ boxes include AZs with nothing in them yet. */
export function groupClusterMap(model: ClusterMapModel, by: MapGroupBy): MapColumn[] {
  const columns = new Map<string, MapColumn>();
  const column = (key: string) => {
    let c = columns.get(key);
    if (!c) columns.set(key, (c = { key, instances: [], fargate: [] }));
    return c;
  };
  if (by === 'az') for (const az of model.availabilityZones) column(az);
  for (const i of model.instances) column(instanceKey(i, by)).instances.push(i);
  const fallbackAz = model.availabilityZones[0] ?? '';
  for (const t of model.fargate) column(fargateKey(t, by, fallbackAz)).fargate.push(t);
  // idle instances ('' key) last
  return [...columns.values()].sort((a, b) => (a.key === '') !== (b.key === '') ? (a.key === '' ? 1 : -1) : a.key.localeCompare(b.key));
}
