/**
 * The ECS API facade: one method per ECS operation, lowerCamelCase, taking and returning the AWS
 * request and response shapes. Each area of the core contributes its operations here.
 */
import type { SimState } from '../engine/state';
import { bindOperations, type Bound } from './bind';
import { attributeOperations } from './attributes';
import { clusterOperations } from './clusters';
import { containerInstanceOperations } from './containerInstances';
import { taggingOperations } from './tagging';
import { taskDefinitionOperations } from './taskDefinitions';
import { taskOperations } from './tasks';
import { serviceOperations } from './services';
import { serviceDeploymentOperations } from './serviceDeployments';

export const ecsOperations = {
  ...clusterOperations,
  ...containerInstanceOperations,
  ...attributeOperations,
  ...taggingOperations,
  ...taskDefinitionOperations,
  ...taskOperations,
  ...serviceOperations,
  ...serviceDeploymentOperations,
};

export type EcsApi = Bound<typeof ecsOperations>;
export type EcsOperationName = keyof EcsApi;

export function createEcsApi(getState: () => SimState): EcsApi {
  return bindOperations(ecsOperations, getState);
}
