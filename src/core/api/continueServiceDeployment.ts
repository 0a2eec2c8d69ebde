/**
 * ContinueServiceDeployment: answers a PAUSE lifecycle hook of a blue/green, linear or canary
 * deployment (reference §8.3): CONTINUE (default) moves to the next stage, ROLLBACK rolls back.
 */
import type { ContinueServiceDeploymentRequest, ContinueServiceDeploymentResponse } from '@aws-sdk/client-ecs';
import { arns, parseArn } from '../engine/arn';
import type { SimState } from '../engine/state';
import { ShiftConfigMessages } from '../scheduler/eventMessages';
import { continueHook } from '../scheduler/shiftHooks';
import { EcsError } from './errors';
import { Messages } from './messages';
import { asRequest, optEnum, reqString } from './request';

export function continueServiceDeployment(state: SimState, input: ContinueServiceDeploymentRequest): ContinueServiceDeploymentResponse {
  const req = asRequest(input);
  const arn = reqString(req, 'serviceDeploymentArn');
  const hookId = reqString(req, 'hookId');
  const action = optEnum(req, 'action', ['CONTINUE', 'ROLLBACK'] as const) ?? 'CONTINUE';
  const parsed = parseArn(arn);
  const [clusterName, serviceName] = parsed?.resource.startsWith('service-deployment/') ? parsed.resource.slice('service-deployment/'.length).split('/') : [];
  const svc = clusterName && serviceName ? state.services?.[arns.service(state, clusterName, serviceName)] : undefined;
  const dep = svc && [...svc.deployments, ...svc.pastDeployments].find((d) => d.serviceDeploymentArn === arn);
  if (!svc || !dep) throw new EcsError('ServiceDeploymentNotFoundException', Messages.serviceDeploymentNotFound);
  if (!dep.bg) throw new EcsError('InvalidParameterException', ShiftConfigMessages.notShiftDeployment);
  const run = dep.bg.hooks.find((h) => h.hookId === hookId);
  if (!run) throw new EcsError('InvalidParameterException', ShiftConfigMessages.hookNotFound(hookId));
  if (run.status !== 'AWAITING_ACTION') throw new EcsError('InvalidParameterException', ShiftConfigMessages.hookNotAwaiting(hookId));
  continueHook(state, svc, dep, run, action);
  return { serviceDeploymentArn: arn };
}
