/**
 * Every event-log line and service event of the capacity area, in one place (the UI and the docs read
 * the wording from here). Event `type`s are listed beside their text.
 */
export const CapacityEvents = {
  /** asg.created */
  asgCreated: (name: string, type: string, min: number, max: number, desired: number) =>
    `Auto Scaling group ${name} (${type}) created: min ${min}, max ${max}, desired ${desired}.`,
  /** asg.desiredCapacity */
  asgDesired: (name: string, from: number, to: number, cause: string) => `Auto Scaling group ${name}: desired capacity ${from} → ${to} (${cause}).`,
  /** asg.launch */
  asgLaunch: (name: string, ids: readonly string[]) => `Auto Scaling group ${name} launching ${ids.length} instance(s): ${ids.join(', ')}.`,
  /** asg.terminate */
  asgTerminate: (name: string, ids: readonly string[]) => `Auto Scaling group ${name} terminating ${ids.length} instance(s): ${ids.join(', ')}.`,
  /** asg.protection */
  asgProtection: (name: string, id: string, on: boolean) =>
    `Auto Scaling group ${name}: scale-in protection ${on ? 'set on' : 'removed from'} ${id} (managed termination protection).`,
  /** capacityProvider.created / updated / deleted */
  providerCreated: (name: string) => `Capacity provider ${name} created.`,
  providerUpdated: (name: string) => `Capacity provider ${name} updated.`,
  providerDeleted: (name: string) => `Capacity provider ${name} deleted.`,
  /** cluster.capacityProviders */
  clusterProviders: (cluster: string, names: readonly string[]) =>
    `Cluster ${cluster} capacity providers: ${names.length > 0 ? names.join(', ') : '(none)'}.`,
  /** capacityProvider.reservation */
  reservation: (name: string, m: number, n: number, metric: number, target: number) =>
    `CapacityProviderReservation of ${name}: ${round1(metric)} % (M ${m} / N ${n}; target ${target} %).`,
  /** capacityProvider.scaleOut */
  scaleOut: (name: string, from: number, to: number) => `Managed scaling of ${name}: scale out ${from} → ${to} instance(s).`,
  /** capacityProvider.scaleIn */
  scaleIn: (name: string, from: number, to: number) => `Managed scaling of ${name}: scale in ${from} → ${to} instance(s) after 15 minutes below target.`,
  /** task.waitingForCapacity */
  waiting: (taskId: string, provider: string) => `Task ${taskId} waits in PROVISIONING for capacity from ${provider}.`,
  /** task.capacityPlaced */
  placed: (taskId: string, provider: string, ec2Id: string) => `Task ${taskId} placed on ${ec2Id} of ${provider} after waiting for capacity.`,
  /** service.taskPlacementFailure (EventBridge ECS Service Action SERVICE_TASK_PLACEMENT_FAILURE) */
  placementFailure: (svc: string, reason: string) => `Service ${svc}: SERVICE_TASK_PLACEMENT_FAILURE (${reason}).`,
  /** fault.fargateSpotCapacity */
  spotCapacity: (available: boolean) =>
    available ? 'Fault lifted: Fargate Spot capacity is available again.' : 'Fault: Fargate Spot has no spare capacity; FARGATE_SPOT tasks cannot be launched.',
} as const;

function round1(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/** Service events (DescribeServices events[]) and task failure reasons of the capacity area. */
export const CapacityServiceMessages = {
  // Reference §12.1 E21: Fargate (Spot) capacity shortage.
  capacityUnavailable: (svc: string) =>
    `(service ${svc}) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.`,
  // Reference §12.1 E23.
  noInstancesInProvider: (svc: string) => `(service ${svc}) was unable to reach steady state. Reason: No Container Instances were found in your capacity provider.`,
} as const;

/** RunTask failure reason when Fargate (Spot) has no capacity (reference §5.6). */
export const CAPACITY_UNAVAILABLE_REASON = 'Capacity is unavailable at this time. Please try again later or in a different availability zone.';
