/**
 * The public API of the ECS Playground core. Scripts, autograders, the UI and the tests all go
 * through this module; see docs/architecture.md.
 */
export { createSimulation, Simulation, SimulationError } from './engine/simulation';
export type { SimulationOptions, SimulationSnapshot, RunUntilOptions } from './engine/simulation';
export type { SimEvent } from './engine/events';
export type { SimState } from './engine/state';
export { EcsError, isEcsError } from './api/errors';
export type { EcsErrorCode } from './api/errors';
export type { EcsApi, EcsOperationName } from './api/ecs';
export { validateTaskDefinition, validateRegisterRequest } from './taskdef/validate';
export type { ValidationResult, ObjectValidationResult } from './taskdef/validate';
export type { Issue } from './taskdef/issues';
export { handleAwsJsonRequest, TARGET_PREFIX, AWS_JSON_CONTENT_TYPE } from './api/wire/awsJson';
export type { AwsJsonRequest, AwsJsonResponse } from './api/wire/awsJson';
export { createEcsClient } from './sdk/createEcsClient';
export type { EcsClientOptions } from './sdk/createEcsClient';
