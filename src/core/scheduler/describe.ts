/**
 * Services, deployments and service deployments as the ECS API returns them (the SDK's `Service`,
 * `Deployment`, `ServiceDeployment` and `ServiceDeploymentBrief` shapes; Dates via toDate). Counts
 * are derived from the task records here, so they always agree with DescribeTasks.
 */
import type { Deployment, DeploymentConfiguration, Service, ServiceDeployment, ServiceDeploymentBrief, ServiceRevision } from '@aws-sdk/client-ecs';
import { findTaskDefinition } from '../taskdef/resolve';
import { toDate } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { circuitBreakerThreshold } from './circuitBreaker';
import { deploymentCounts } from './deployments';
import type { DeploymentConfigurationRecord, DeploymentRecord, RevisionRecord, ServiceRecord } from './serviceRecord';
import { isPending } from './taskView';
import { withTaskSets } from '../tasksets/describe';

function configurationShape(c: DeploymentConfigurationRecord): DeploymentConfiguration {
  const cb = c.deploymentCircuitBreaker;
  const out: DeploymentConfiguration = {
    deploymentCircuitBreaker: { enable: cb.enable, rollback: cb.rollback },
    maximumPercent: c.maximumPercent,
    minimumHealthyPercent: c.minimumHealthyPercent,
    strategy: c.strategy,
  };
  if (cb.resetOnHealthyTask !== undefined) out.deploymentCircuitBreaker!.resetOnHealthyTask = cb.resetOnHealthyTask;
  if (cb.thresholdConfiguration) out.deploymentCircuitBreaker!.thresholdConfiguration = { ...cb.thresholdConfiguration };
  if (c.alarms) out.alarms = { alarmNames: [...c.alarms.alarmNames], enable: c.alarms.enable, rollback: c.alarms.rollback };
  if (c.bakeTimeInMinutes !== undefined) out.bakeTimeInMinutes = c.bakeTimeInMinutes;
  if (c.linearConfiguration) out.linearConfiguration = { ...c.linearConfiguration };
  if (c.canaryConfiguration) out.canaryConfiguration = { ...c.canaryConfiguration };
  if (c.lifecycleHooks) out.lifecycleHooks = structuredClone(c.lifecycleHooks) as DeploymentConfiguration['lifecycleHooks'];
  return out;
}

function revisionPlacement(r: RevisionRecord) {
  return {
    placementConstraints: r.placementConstraints.map((c) => ({ ...c })),
    placementStrategy: r.placementStrategy.map((s) => ({ ...s })),
  };
}

function launchShape(r: RevisionRecord): Pick<Deployment, 'launchType' | 'capacityProviderStrategy' | 'platformVersion' | 'platformFamily' | 'networkConfiguration'> {
  const out: Pick<Deployment, 'launchType' | 'capacityProviderStrategy' | 'platformVersion' | 'platformFamily' | 'networkConfiguration'> = {};
  if (r.capacityProviderStrategy) out.capacityProviderStrategy = r.capacityProviderStrategy.map((s) => ({ ...s }));
  else if (r.launchType) out.launchType = r.launchType;
  if (r.platformVersion) out.platformVersion = r.platformVersion;
  if (r.platformFamily) out.platformFamily = r.platformFamily;
  if (r.networkConfiguration) out.networkConfiguration = structuredClone(r.networkConfiguration);
  return out;
}

export function describeDeployment(state: SimState, d: DeploymentRecord, counts: { running: number; pending: number }): Deployment {
  return {
    id: d.id,
    status: d.status,
    taskDefinition: d.revision.taskDefinition,
    desiredCount: d.desiredCount,
    pendingCount: counts.pending,
    runningCount: counts.running,
    failedTasks: d.failedTasks,
    createdAt: toDate(state, d.createdAt),
    updatedAt: toDate(state, d.updatedAt),
    ...launchShape(d.revision),
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  };
}

/** runningCount (lastStatus RUNNING) and pendingCount (PROVISIONING, PENDING, ACTIVATING) of the service. */
export function serviceCounts(state: SimState, svc: ServiceRecord): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const arn in svc.tasks) {
    const t = state.tasks[arn];
    if (!t) continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (isPending(t)) pending++;
  }
  return { running, pending };
}

export function describeService(state: SimState, svc: ServiceRecord, include: readonly string[] = []): Service {
  const counts = serviceCounts(state, svc);
  const perDeployment = deploymentCounts(state, svc);
  const primary = svc.deployments[0];
  const out: Service = {
    serviceArn: svc.serviceArn,
    serviceName: svc.serviceName,
    clusterArn: svc.clusterArn,
    loadBalancers: svc.revision.loadBalancers.map((l) => ({ ...l })),
    serviceRegistries: svc.revision.serviceRegistries.map((r) => ({ ...r })),
    status: svc.status,
    desiredCount: svc.desiredCount,
    runningCount: counts.running,
    pendingCount: counts.pending,
    ...launchShape(svc.revision),
    taskDefinition: svc.revision.taskDefinition,
    deploymentConfiguration: configurationShape(svc.deploymentConfiguration),
    deployments: svc.deployments.map((d) => describeDeployment(state, d, perDeployment.get(d.id) ?? { running: 0, pending: 0 })),
    events: svc.events.map((e) => ({ id: e.id, createdAt: toDate(state, e.createdAt), message: e.message })),
    createdAt: toDate(state, svc.createdAt),
    ...revisionPlacement(svc.revision),
    schedulingStrategy: svc.schedulingStrategy,
    deploymentController: { type: svc.deploymentController },
    createdBy: svc.createdBy,
    enableECSManagedTags: svc.enableECSManagedTags,
    propagateTags: svc.propagateTags,
    enableExecuteCommand: svc.enableExecuteCommand,
    availabilityZoneRebalancing: svc.availabilityZoneRebalancing,
  };
  if (svc.healthCheckGracePeriodSeconds !== undefined) out.healthCheckGracePeriodSeconds = svc.healthCheckGracePeriodSeconds;
  if (svc.roleArn) out.roleArn = svc.roleArn;
  if (primary && svc.status === 'ACTIVE' && svc.deploymentController === 'ECS') {
    out.currentServiceDeployment = primary.serviceDeploymentArn;
    out.currentServiceRevisions = svc.deployments.map((d) => {
      const c = perDeployment.get(d.id) ?? { running: 0, pending: 0 };
      return { arn: d.serviceRevisionArn, requestedTaskCount: d.desiredCount, runningTaskCount: c.running, pendingTaskCount: c.pending };
    });
  }
  if (svc.deploymentController !== 'ECS') withTaskSets(state, svc, out);
  if (include.includes('TAGS')) out.tags = svc.tags.map((t) => ({ ...t }));
  return out;
}

function allDeployments(svc: ServiceRecord): DeploymentRecord[] {
  return [...svc.deployments, ...svc.pastDeployments];
}

export function serviceDeploymentsOf(svc: ServiceRecord): DeploymentRecord[] {
  return allDeployments(svc).filter((d) => !d.taskSet).sort((a, b) => b.createdAt - a.createdAt);
}

export function describeServiceDeployment(state: SimState, svc: ServiceRecord, d: DeploymentRecord): ServiceDeployment {
  const counts = deploymentCounts(state, svc).get(d.id) ?? { running: 0, pending: 0, live: 0 };
  const cb = d.sd.deploymentConfiguration.deploymentCircuitBreaker;
  const out: ServiceDeployment = {
    serviceDeploymentArn: d.serviceDeploymentArn,
    serviceArn: svc.serviceArn,
    clusterArn: svc.clusterArn,
    createdAt: toDate(state, d.createdAt),
    startedAt: toDate(state, d.sd.startedAt),
    updatedAt: toDate(state, d.sd.updatedAt),
    sourceServiceRevisions: d.sd.sources.map((s) => ({ arn: s.arn, requestedTaskCount: s.requested, runningTaskCount: s.running, pendingTaskCount: s.pending })),
    targetServiceRevision: { arn: d.serviceRevisionArn, requestedTaskCount: d.desiredCount, runningTaskCount: counts.running, pendingTaskCount: counts.pending },
    status: d.sd.status,
    deploymentConfiguration: configurationShape(d.sd.deploymentConfiguration),
    deploymentCircuitBreaker: {
      status: d.sd.cbStatus,
      failureCount: d.failedTasks,
      threshold: circuitBreakerThreshold(cb, svc.desiredCount),
    },
    alarms: { status: 'DISABLED' },
  };
  if (d.sd.statusReason) out.statusReason = d.sd.statusReason;
  if (d.bg?.lifecycleStage) out.lifecycleStage = d.bg.lifecycleStage as ServiceDeployment['lifecycleStage'];
  if (d.sd.finishedAt !== undefined) out.finishedAt = toDate(state, d.sd.finishedAt);
  if (d.sd.stoppedAt !== undefined) out.stoppedAt = toDate(state, d.sd.stoppedAt);
  if (d.sd.rollback) {
    out.rollback = { reason: d.sd.rollback.reason, startedAt: toDate(state, d.sd.rollback.startedAt), serviceRevisionArn: d.sd.rollback.serviceRevisionArn };
  }
  return out;
}

export function briefServiceDeployment(state: SimState, svc: ServiceRecord, d: DeploymentRecord): ServiceDeploymentBrief {
  const out: ServiceDeploymentBrief = {
    serviceDeploymentArn: d.serviceDeploymentArn,
    serviceArn: svc.serviceArn,
    clusterArn: svc.clusterArn,
    startedAt: toDate(state, d.sd.startedAt),
    createdAt: toDate(state, d.createdAt),
    targetServiceRevisionArn: d.serviceRevisionArn,
    status: d.sd.status,
  };
  if (d.sd.finishedAt !== undefined) out.finishedAt = toDate(state, d.sd.finishedAt);
  if (d.sd.statusReason) out.statusReason = d.sd.statusReason;
  return out;
}

/** The service revision a deployment runs (DescribeServiceRevisions). */
export function describeServiceRevision(state: SimState, svc: ServiceRecord, d: DeploymentRecord): ServiceRevision {
  const td = findTaskDefinition(state, d.revision.taskDefinition);
  const out: ServiceRevision = {
    serviceRevisionArn: d.serviceRevisionArn,
    serviceArn: svc.serviceArn,
    clusterArn: svc.clusterArn,
    taskDefinition: d.revision.taskDefinition,
    ...launchShape(d.revision),
    loadBalancers: d.revision.loadBalancers.map((l) => ({ ...l })),
    serviceRegistries: d.revision.serviceRegistries.map((r) => ({ ...r })),
    containerImages: (td?.body.containerDefinitions ?? []).map((c) => ({ containerName: c.name, image: c.image })),
    guardDutyEnabled: false,
    createdAt: toDate(state, d.createdAt),
  };
  return out;
}
