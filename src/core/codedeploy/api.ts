/**
 * `sim.codedeploy`: the CodeDeploy operations the playground simulates for the ECS compute platform,
 * named like the API (lowerCamelCase) with the SDK's request and response members. Get*, List* and
 * BatchGet* calls only read and stay out of the journal. docs/codedeploy.md.
 */
import { createApplication, createDeploymentConfig, createDeploymentGroup, getApplication, getDeploymentConfig, getDeploymentGroup } from './groups';
import {
  batchGetDeployments,
  continueDeployment,
  createDeployment,
  getDeployment,
  getDeploymentTarget,
  listDeploymentTargets,
  listDeployments,
  putLifecycleEventHookExecutionStatus,
  stopDeployment,
} from './deployments';

export const codeDeployOperations = {
  createApplication,
  getApplication,
  createDeploymentGroup,
  getDeploymentGroup,
  createDeploymentConfig,
  getDeploymentConfig,
  createDeployment,
  getDeployment,
  batchGetDeployments,
  listDeployments,
  listDeploymentTargets,
  getDeploymentTarget,
  stopDeployment,
  continueDeployment,
  putLifecycleEventHookExecutionStatus,
};

export const isCodeDeployRead = (name: string): boolean => /^(get|list|batchGet)[A-Z]/.test(name);
