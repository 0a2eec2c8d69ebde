/**
 * Documented defaults (reference §5.3): RunTask places at random; a service without strategies
 * balances its tasks across Availability Zones, then onto the instance with the fewest tasks of the
 * service. Task groups: `family:<name>` unless given, `service:<name>` for service tasks.
 */
import type { PreparedStrategy } from './validate';

export const RUN_TASK_DEFAULT_STRATEGIES: readonly PreparedStrategy[] = [{ type: 'random' }];

export const SERVICE_DEFAULT_STRATEGIES: readonly PreparedStrategy[] = [
  { type: 'spread', field: 'attribute', attribute: 'ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

/** The group of a standalone task when RunTask names none. */
export function familyGroup(family: string): string {
  return `family:${family}`;
}

/** The group every task of a service is in. */
export function serviceGroup(serviceName: string): string {
  return `service:${serviceName}`;
}
