/**
 * Starting a blue/green, linear or canary deployment: which target group the new revision uses (the
 * one the old revision does not: `targetGroupArn` or `advancedConfiguration.alternateTargetGroupArn`,
 * swapping every deployment), its production steps, which stages have hooks, and its machine.
 */
import type { JsonObject } from '../engine/json';
import type { SimState } from '../engine/state';
import { startActor } from '../machines/driver';
import { machines } from '../machines/registry';
import type { ShiftDeploymentInput } from '../machines/trafficShift';
import type { BlueGreenRecord, LifecycleStage, ShiftStrategy } from './blueGreenRecord';
import type { DeploymentRecord, ServiceRecord } from './serviceRecord';
import { productionSteps, stepBakeMinutes } from './shiftConfig';

const MACHINE: Record<ShiftStrategy, string> = { BLUE_GREEN: 'blueGreenDeployment', LINEAR: 'linearDeployment', CANARY: 'canaryDeployment' };

interface LbEntry {
  targetGroupArn?: string;
  advancedConfiguration?: { alternateTargetGroupArn?: string };
}

export function isShiftStrategy(s: string): s is ShiftStrategy {
  return s === 'BLUE_GREEN' || s === 'LINEAR' || s === 'CANARY';
}

/** `dep` is already the service's PRIMARY; the deployment before it (if any) is the blue one. */
export function startShiftDeployment(state: SimState, svc: ServiceRecord, dep: DeploymentRecord): void {
  const config = svc.deploymentConfiguration;
  const kind = config.strategy as ShiftStrategy;
  const blue = svc.deployments.find((d) => d !== dep && d.status !== 'INACTIVE');
  const entries = dep.revision.loadBalancers as LbEntry[];
  const blueTgs = entries.map((e, i) => {
    if (!blue) return e.advancedConfiguration?.alternateTargetGroupArn ?? '';
    return blue.bg?.targetGroupArns[i] ?? (blue.revision.loadBalancers[i] as LbEntry | undefined)?.targetGroupArn ?? '';
  });
  const greenTgs = entries.map((e, i) => {
    const primary = e.targetGroupArn ?? '';
    const alternate = e.advancedConfiguration?.alternateTargetGroupArn;
    if (!blue || !alternate) return primary;
    return blueTgs[i] === primary ? alternate : primary;
  });
  const bg: BlueGreenRecord = {
    strategy: kind,
    targetGroupArns: greenTgs,
    blueTargetGroupArns: blueTgs,
    stages: [],
    productionPercent: 0,
    testPercent: 0,
    hooks: [],
  };
  if (blue) bg.blueDeploymentId = blue.id;
  dep.bg = bg;
  const hookStages = new Set<LifecycleStage>();
  for (const h of config.lifecycleHooks ?? []) for (const s of h.lifecycleStages) hookStages.add(s);
  const input: ShiftDeploymentInput = {
    serviceArn: svc.serviceArn,
    deploymentId: dep.id,
    // The first revision of a service has nothing to shift from: all production traffic at once.
    steps: blue ? productionSteps(config) : [100],
    stepBakeMs: stepBakeMinutes(config) * 60_000,
    bakeMs: (config.bakeTimeInMinutes ?? 0) * 60_000,
    hookStages: [...hookStages],
    reconcile: svc.deployments.filter((d) => d !== dep).length > 1,
    resetOnHealthyTask: config.deploymentCircuitBreaker.resetOnHealthyTask ?? true,
  };
  startActor(state, machines, MACHINE[kind], dep.actorId, input as unknown as JsonObject);
}
