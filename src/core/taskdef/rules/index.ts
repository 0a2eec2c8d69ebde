/** Runs every ECS rule on a request that passed the catalogue checks, in a fixed order. */
import type { RegisterTaskDefinitionRequest } from '@aws-sdk/client-ecs';
import type { CheckContext } from '../schemaCheck';
import { buildRuleInput } from './context';
import { checkContainerNetworkingFields, checkEssential, checkMemory, checkNamesAndImages, checkSums } from './containers';
import { checkDependsOn, checkReferences } from './dependencies';
import { checkFargateContainers } from './fargateContainers';
import { checkHealthChecks } from './health';
import { checkAwslogsOptions, checkExecutionRole, checkFirelens, checkLoggingPresence } from './logging';
import { checkPorts } from './ports';
import { checkResourceRequirements } from './resources';
import { checkProxy, checkRoles, checkTags, checkTaskNetworkAndLaunchType, checkTaskSize, checkVolumes } from './task';
import { checkPlaceholders } from './warnings';
import { checkWindows } from './windows';

export function runRules(req: RegisterTaskDefinitionRequest, ctx: CheckContext): void {
  const r = buildRuleInput(req, ctx);
  checkRoles(r);
  checkTaskNetworkAndLaunchType(r);
  checkTaskSize(r);
  checkNamesAndImages(r);
  checkMemory(r);
  checkSums(r);
  checkEssential(r);
  checkContainerNetworkingFields(r);
  checkPorts(r);
  checkDependsOn(r);
  checkReferences(r);
  checkHealthChecks(r);
  checkResourceRequirements(r);
  checkFargateContainers(r);
  checkExecutionRole(r);
  checkAwslogsOptions(r);
  checkFirelens(r);
  checkVolumes(r);
  checkProxy(r);
  checkTags(r);
  checkLoggingPresence(r);
  checkWindows(r);
  checkPlaceholders(r);
}
