/**
 * Scenarios and exercises (pure): the format and its JSON Schema, the loader with located errors,
 * starting a scenario on a fresh simulation, goal checks with evidence, the solution, and the built-in
 * library. See docs/scenarios.md.
 */
export type { Scenario, ScenarioKind, ScenarioSetup, InstanceGroup, Action, ScriptedAction, SolutionStep, Goal, ScenarioGoal, GoalResult, Text, Comparison, ScenarioTaskSelector } from './types';
export { SCENARIO_FORMAT, SCENARIO_VERSION } from './types';
export { scenarioJsonSchema, GOAL_TYPES } from './schema';
export { loadScenario } from './load';
export type { LoadResult } from './load';
export { startScenario, runToEnd, scenarioEndMs, scenarioStartMs } from './start';
export type { StartOptions } from './start';
export { checkGoals } from './check';
export { solve } from './solve';
export { ScenarioError } from './errors';
export { builtInScenarios, listScenarios, getScenario } from './library/index';
export type { ScenarioListing } from './library/index';
