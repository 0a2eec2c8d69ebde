/**
 * Where ECS tasks meet the load balancer: a service task registers its targets when it enters
 * ACTIVATING and deregisters them when it enters DEACTIVATING; the task then waits in DEACTIVATING
 * until the deregistration delay has run out (the task machine's TARGETS_DRAINED). awsvpc tasks
 * register their ENI's IP and the container port (target type ip); bridge and host tasks the EC2
 * instance and the host port (target type instance).
 */
import { arns } from '../engine/arn';
import type { SimState } from '../engine/state';
import { ServiceEventMessages } from '../scheduler/eventMessages';
import { logServiceEvent } from '../scheduler/serviceEvents';
import type { DeploymentRecord, ServiceRecord } from '../scheduler/serviceRecord';
import type { TaskRecord } from '../tasks/record';
import { targetKey, type TargetRecord } from './records';
import { addTarget, drainTarget, elbOf, rearmTargets, targetsOfTask } from './targets';

export interface ServiceLoadBalancer {
  targetGroupArn: string;
  containerName: string;
  containerPort: number;
}

/**
 * Service ARNs by cluster and task group, per state (region and account never change in one), so the
 * per-task lookup below builds no ARN string; only saves work.
 */
const serviceArns = new WeakMap<SimState, Map<string, Map<string, string>>>();

function serviceArnOf(state: SimState, clusterName: string, group: string): string {
  let byCluster = serviceArns.get(state);
  if (!byCluster) serviceArns.set(state, (byCluster = new Map()));
  let byGroup = byCluster.get(clusterName);
  if (!byGroup) byCluster.set(clusterName, (byGroup = new Map()));
  let arn = byGroup.get(group);
  if (arn === undefined) byGroup.set(group, (arn = arns.service(state, clusterName, group.slice('service:'.length))));
  return arn;
}

/** The service and deployment that launched a task, if a service did. */
export function ownerOf(state: SimState, task: Pick<TaskRecord, 'group' | 'clusterName' | 'startedBy'>): { svc: ServiceRecord; dep: DeploymentRecord } | undefined {
  if (!task.group.startsWith('service:') || !task.startedBy) return undefined;
  const svc = state.services?.[serviceArnOf(state, task.clusterName, task.group)];
  // runs for every task on every reconcile: two finds, no merged copy of the lists
  const dep = svc && (svc.deployments.find((d) => d.id === task.startedBy) ?? svc.pastDeployments.find((d) => d.id === task.startedBy));
  return svc && dep ? { svc, dep } : undefined;
}

/** The target groups a deployment's tasks register in (blue/green: the group assigned to that revision). */
export function deploymentLoadBalancers(dep: DeploymentRecord): ServiceLoadBalancer[] {
  const out: ServiceLoadBalancer[] = [];
  dep.revision.loadBalancers.forEach((raw, i) => {
    const lb = raw as { targetGroupArn?: string; containerName?: string; containerPort?: number };
    const tg = dep.bg?.targetGroupArns[i] ?? lb.targetGroupArn;
    if (tg && lb.containerName && lb.containerPort !== undefined) out.push({ targetGroupArn: tg, containerName: lb.containerName, containerPort: lb.containerPort });
  });
  return out;
}

/** Whether tasks of this launch will register targets (then they wait for draining in DEACTIVATING). */
export function launchRegistersTargets(state: SimState, launch: { group: string; cluster: { clusterName: string }; startedBy?: string }): boolean {
  const owner = ownerOf(state, { group: launch.group, clusterName: launch.cluster.clusterName, startedBy: launch.startedBy });
  return owner !== undefined && deploymentLoadBalancers(owner.dep).some((l) => elbOf(state).targetGroups[l.targetGroupArn]);
}

function targetFor(state: SimState, task: TaskRecord, lb: ServiceLoadBalancer): { id: string; port: number } | undefined {
  const tg = elbOf(state).targetGroups[lb.targetGroupArn];
  if (!tg) return undefined;
  const container = task.containers.find((c) => c.name === lb.containerName);
  if (task.networkMode === 'awsvpc') {
    const ip = task.attachments[0]?.details.find((d) => d.name === 'privateIPv4Address')?.value ?? container?.networkInterfaces[0]?.privateIpv4Address;
    return ip ? { id: ip, port: lb.containerPort } : undefined;
  }
  const ci = task.containerInstanceArn ? state.containerInstances[task.containerInstanceArn] : undefined;
  const binding = container?.plannedBindings.find((b) => b.containerPort === lb.containerPort);
  if (!ci) return undefined;
  return { id: ci.ec2InstanceId, port: binding?.hostPort ?? lb.containerPort };
}

/** ACTIVATING: the task's targets go into their target groups. */
export function registerTaskTargets(state: SimState, taskArn: string): void {
  const task = state.tasks[taskArn];
  const owner = task && ownerOf(state, task);
  if (!task || !owner) return;
  for (const lb of deploymentLoadBalancers(owner.dep)) {
    const target = targetFor(state, task, lb);
    if (!target) continue;
    const tg = elbOf(state).targetGroups[lb.targetGroupArn];
    addTarget(state, tg, { ...target, taskArn, availabilityZone: task.availabilityZone });
    logServiceEvent(state, owner.svc, ServiceEventMessages.registeredTargets(owner.svc.serviceName, 1, tg.targetGroupArn));
  }
}

/**
 * The task leaves RUNNING (DEACTIVATING) or vanishes: its targets start draining. Returns whether any
 * target is draining for it (then the task waits for TARGETS_DRAINED).
 */
export function deregisterTaskTargets(state: SimState, taskArn: string): boolean {
  const task = state.tasks[taskArn];
  const owner = task && ownerOf(state, task);
  let draining = false;
  let drained = 0;
  for (const { tg, t } of targetsOfTask(state, taskArn)) {
    if (t.state === 'draining') {
      draining = true;
      continue;
    }
    drainTarget(state, tg, t);
    draining = true;
    drained++;
    if (owner) logServiceEvent(state, owner.svc, ServiceEventMessages.deregisteredTargets(owner.svc.serviceName, 1, tg.targetGroupArn));
  }
  if (owner && drained > 0) logServiceEvent(state, owner.svc, ServiceEventMessages.drainingConnections(owner.svc.serviceName, owner.dep.id, 1));
  return draining;
}

/** A task changed status or a fault changed what its checks see: checks resume. */
export function taskTargetsNeedCheck(state: SimState, taskArn: string): void {
  if (state.elb) rearmTargets(state, taskArn);
}

export type TaskTargetHealth = { kind: 'none' } | { kind: 'healthy' } | { kind: 'pending' } | { kind: 'unhealthy'; targetGroupArn: string; target: TargetRecord };

/** What the task's targets say: healthy only when every target is healthy. */
export function taskTargetHealth(state: SimState, task: TaskRecord): TaskTargetHealth {
  if (!state.elb || !task.startedBy?.startsWith('ecs-svc/')) return { kind: 'none' };
  const owner = ownerOf(state, task);
  if (!owner || owner.dep.revision.loadBalancers.length === 0) return { kind: 'none' };
  const lbs = deploymentLoadBalancers(owner.dep).filter((l) => state.elb!.targetGroups[l.targetGroupArn]);
  if (lbs.length === 0) return { kind: 'none' };
  // Direct lookups by the task's own target key: this runs for every task on every reconcile.
  let pending = false;
  for (const lb of lbs) {
    const tg = state.elb.targetGroups[lb.targetGroupArn];
    const target = targetFor(state, task, lb);
    const t = target ? tg.targets[targetKey(target.id, target.port)] : undefined;
    if (!t || t.taskArn !== task.taskArn) {
      pending = true;
      continue;
    }
    if (t.state === 'unhealthy') return { kind: 'unhealthy', targetGroupArn: tg.targetGroupArn, target: t };
    if (t.state !== 'healthy') pending = true;
  }
  return pending ? { kind: 'pending' } : { kind: 'healthy' };
}

export { targetKey };
