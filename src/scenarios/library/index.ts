/**
 * The built-in library, in the order the picker shows it. Exercises form a short course; demos sit
 * next to the exercise they illustrate. Every scenario here runs on the current core (see
 * docs/scenarios.md for the ones waiting for features).
 */
import type { Scenario, Text } from '../types';
import { firstFargateService } from './firstFargateService';

export const builtInScenarios: readonly Scenario[] = [firstFargateService];

export interface ScenarioListing {
  id: string;
  kind: Scenario['kind'];
  title: Text;
  order: number;
  tags: string[];
}

/** Ids, titles and order for the picker. */
export function listScenarios(): ScenarioListing[] {
  return builtInScenarios.map((s, i) => ({ id: s.id, kind: s.kind, title: s.title, order: i + 1, tags: s.tags ?? [] }));
}

export function getScenario(id: string): Scenario | undefined {
  return builtInScenarios.find((s) => s.id === id);
}
