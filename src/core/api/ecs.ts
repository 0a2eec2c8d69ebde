/**
 * The ECS API facade: one method per ECS operation, lowerCamelCase, taking and returning the AWS
 * request and response shapes. Each area of the core contributes its operations here.
 */
import type { SimState } from '../engine/state';
import { bindOperations, type Bound, type CallRecorder } from './bind';
import { attributeOperations } from './attributes';
import { clusterOperations } from './clusters';
import { containerInstanceOperations } from './containerInstances';
import { taggingOperations } from './tagging';
import { taskDefinitionOperations } from './taskDefinitions';
import { taskOperations } from './tasks';
import { serviceOperations } from './services';
import { serviceDeploymentOperations } from './serviceDeployments';
import { continueServiceDeployment } from './continueServiceDeployment';
import { capacityProviderOperations } from '../capacity/providers';
import { taskSetOperations } from '../tasksets/api';

export const ecsOperations = {
  ...clusterOperations,
  ...containerInstanceOperations,
  ...attributeOperations,
  ...taggingOperations,
  ...taskDefinitionOperations,
  ...taskOperations,
  ...serviceOperations,
  ...serviceDeploymentOperations,
  continueServiceDeployment,
  ...capacityProviderOperations,
  ...taskSetOperations,
};

export type EcsApi = Bound<typeof ecsOperations>;
export type EcsOperationName = keyof EcsApi;

/** Describe*, List* and Get* calls only read; they are left out of the journal. */
export const isReadOperation = (name: string): boolean => /^(describe|list|get)[A-Z]/.test(name);

export function createEcsApi(getState: () => SimState, record?: CallRecorder): EcsApi {
  return bindOperations(ecsOperations, getState, record, isReadOperation);
}
