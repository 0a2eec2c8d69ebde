/**
 * What CreateService and UpdateService do differently for services whose deployment controller is
 * CODE_DEPLOY or EXTERNAL (reference §9): the controller type is checked, an EXTERNAL service may
 * come without a task definition, and UpdateService may not change what the tasks run (CodeDeploy
 * or the external controller deploys that through task sets).
 */
import { EcsError } from '../api/errors';
import { Messages } from '../api/messages';
import type { Req } from '../api/request';
import type { RevisionRecord, ServiceRecord } from '../scheduler/serviceRecord';
import { TaskSetMessages } from './messages';

export type DeploymentControllerType = ServiceRecord['deploymentController'];
const TYPES: readonly DeploymentControllerType[] = ['ECS', 'CODE_DEPLOY', 'EXTERNAL'];

/** `deploymentController.type` of a CreateService request (default ECS). */
export function controllerOf(req: Req): DeploymentControllerType {
  const dc = req.deploymentController as { type?: unknown } | undefined | null;
  if (dc === undefined || dc === null) return 'ECS';
  if (typeof dc !== 'object' || Array.isArray(dc)) throw new EcsError('InvalidParameterException', Messages.wrongType('deploymentController', 'DeploymentController'));
  if (dc.type === undefined) return 'ECS';
  if (typeof dc.type !== 'string' || !TYPES.includes(dc.type as DeploymentControllerType)) {
    throw new EcsError('InvalidParameterException', Messages.invalidEnum('deploymentController.type', String(dc.type), TYPES));
  }
  return dc.type as DeploymentControllerType;
}

/** Members UpdateService may not change on a CODE_DEPLOY or EXTERNAL service, with the words ECS uses for them. */
const REVISION_MEMBERS: readonly [string, string][] = [
  ['taskDefinition', 'task definition'],
  ['launchType', 'launch type'],
  ['capacityProviderStrategy', 'capacity provider strategy'],
  ['platformVersion', 'platform version'],
  ['networkConfiguration', 'network configuration'],
  ['loadBalancers', 'load balancers'],
  ['serviceRegistries', 'service registries'],
  ['placementConstraints', 'placement constraints'],
  ['placementStrategy', 'placement strategy'],
  ['forceNewDeployment', 'force new deployment'],
];

export function checkControllerUpdate(req: Req, svc: ServiceRecord): void {
  if (req.deploymentController !== undefined && req.deploymentController !== null) {
    if (controllerOf(req) !== svc.deploymentController) throw new EcsError('InvalidParameterException', TaskSetMessages.controllerChange);
  }
  if (svc.deploymentController === 'ECS') return;
  for (const [member, words] of REVISION_MEMBERS) {
    const v = req[member];
    if (v === undefined || v === null || v === false) continue;
    if (member === 'taskDefinition' && svc.deploymentController === 'CODE_DEPLOY') throw new EcsError('InvalidParameterException', TaskSetMessages.codeDeployUpdate);
    throw new EcsError('InvalidParameterException', TaskSetMessages.controllerUpdate(words, svc.deploymentController));
  }
}

/** The service-level revision of an EXTERNAL service created without a task definition. */
export function externalRevision(): RevisionRecord {
  return { taskDefinition: '', placementConstraints: [], placementStrategy: [], loadBalancers: [], serviceRegistries: [] };
}
