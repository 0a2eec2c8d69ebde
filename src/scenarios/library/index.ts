/**
 * The built-in library, in the order the picker shows it. Exercises form a short course; demos sit
 * next to the exercise they illustrate. Every scenario here runs on the current core (see
 * docs/scenarios.md for the ones waiting for features).
 */
import type { Scenario, Text } from '../types';
import { agentDisconnect } from './agentDisconnect';
import { autoScalingSpike } from './autoScalingSpike';
import { binpackExercise } from './binpackExercise';
import { blueGreenCanaryHook } from './blueGreenCanaryHook';
import { circuitBreaker } from './circuitBreaker';
import { codeDeployCanary } from './codeDeployCanary';
import { daemonVsReplica } from './daemonVsReplica';
import { drainingDuringDeployment } from './drainingDuringDeployment';
import { ec2VsFargate } from './ec2VsFargate';
import { fargateSpot } from './fargateSpot';
import { firstFargateService } from './firstFargateService';
import { managedScaling } from './managedScaling';
import { placementConstraints } from './placementConstraints';
import { placementStrategiesCompared } from './placementStrategiesCompared';
import { rollingUpdateTable } from './rollingUpdateTable';
import { stuckRollingUpdate } from './stuckRollingUpdate';
import { taskDefinitionAnatomy } from './taskDefinitionAnatomy';

export const builtInScenarios: readonly Scenario[] = [
  firstFargateService,
  ec2VsFargate,
  taskDefinitionAnatomy,
  placementStrategiesCompared,
  binpackExercise,
  placementConstraints,
  daemonVsReplica,
  rollingUpdateTable,
  stuckRollingUpdate,
  circuitBreaker,
  blueGreenCanaryHook,
  codeDeployCanary,
  agentDisconnect,
  drainingDuringDeployment,
  fargateSpot,
  managedScaling,
  autoScalingSpike,
];

export interface ScenarioListing {
  id: string;
  kind: Scenario['kind'];
  title: Text;
  order: number;
  /** position in the course of exercises (1 = first exercise); absent for demos */
  exercise?: number;
  tags: string[];
}

/** Ids, titles and order for the picker. */
export function listScenarios(): ScenarioListing[] {
  let exercise = 0;
  return builtInScenarios.map((s, i) => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    order: i + 1,
    ...(s.kind === 'exercise' ? { exercise: ++exercise } : {}),
    tags: s.tags ?? [],
  }));
}

export function getScenario(id: string): Scenario | undefined {
  return builtInScenarios.find((s) => s.id === id);
}
