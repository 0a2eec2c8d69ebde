/**
 * The public API of the ECS Playground core. Scripts, autograders, the UI and the tests all go
 * through this module; see docs/architecture.md.
 */
export { createSimulation, Simulation, SimulationError } from './engine/simulation';
export type { SimulationOptions, SimulationSnapshot, RunUntilOptions } from './engine/simulation';
export type { SimEvent } from './engine/events';
export { readSafeJson, toSafeJson } from './engine/safeJson';
export type { SafeJsonOptions, SafeJsonResult, SafeJsonError } from './engine/safeJson';
export type { SimState } from './engine/state';
export { EcsError, isEcsError } from './api/errors';
export type { EcsErrorCode } from './api/errors';
export type { EcsApi, EcsOperationName } from './api/ecs';
export { InfraError } from './infra/errors';
export type { InfraErrorCode } from './infra/errors';
export { INSTANCE_TYPES, findInstanceType, registeredCpu, registeredMemory } from './infra/instanceTypes';
export type { InstanceType } from './infra/instanceTypes';
export { validateTaskDefinition, validateRegisterRequest } from './taskdef/validate';
export type { ValidationResult, ObjectValidationResult } from './taskdef/validate';
export type { Issue } from './taskdef/issues';
export { taskDefinitionJsonSchema } from './taskdef/schema';
export { taskDefinitionSnippets } from './taskdef/snippets';
export type { TaskDefinitionSnippet } from './taskdef/snippets';
export { resolveTaskDefinition, findTaskDefinition } from './taskdef/resolve';
export type { TaskDefinitionRecord, TaskDefinitionFamilyRecord, TaskDefinitionStatus } from './taskdef/record';
export { handleAwsJsonRequest, TARGET_PREFIX, AWS_JSON_CONTENT_TYPE } from './api/wire/awsJson';
export type { AwsJsonRequest, AwsJsonResponse } from './api/wire/awsJson';
export { createEcsClient } from './sdk/createEcsClient';
export type { EcsClientOptions } from './sdk/createEcsClient';
export { costReport, costSeries } from './capacity/cost';
export type { CostReport, CostFigures, CostLine, CostSample } from './capacity/cost';
export { FARGATE_PRICES, FARGATE_SPOT_FACTOR, PRICE_REGION, PRICES_AS_OF, fargateUsdPerHour, ec2UsdPerHour } from './capacity/pricing';
export { reservationMetric } from './capacity/managedScaling';
export { serviceMetrics } from './autoscaling/metrics';
export type { ServiceMetrics } from './autoscaling/metrics';
export type { LoadProfile, MetricPoint } from './autoscaling/records';
export { AutoScalingError } from './autoscaling/errors';
export { recipeOf, replay, RECIPE_FORMAT, RECIPE_VERSION } from './engine/replay';
export type { SimulationRecipe, RecipeOptions, ReplayOptions } from './engine/replay';
export type { JournalEntry, JournalApi } from './engine/journal';
export { ScriptError } from './script/errors';
export { isScriptOperation } from './script/operations';
export type { ScriptStep, ScriptApi, ScheduleStepsRequest, ScheduleStepsResponse } from './script/steps';
export type { TaskSelector } from './script/resolve';
