/**
 * `sim.faults.setLoad({ cluster?, service, profile })`: the traffic a service receives, which drives
 * its load balancer's request stream (drive.ts) and its CPU, memory and request-count metrics. `profile: null` clears it (no requests). Journaled like
 * every fault, so recipes, scripts and share links replay it.
 */
import { findService } from '../api/services';
import { resolveCluster } from '../api/clusters';
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { AutoScalingError } from './errors';
import { checkProfile } from './load';
import { AutoscalingEvents, describeProfile, LoadMessages } from './messages';
import { autoscalingOf, type LoadProfile } from './records';
import { ensureTick } from './tick';
import { driveLoads } from './drive';

export interface SetLoadRequest {
  cluster?: string;
  /** service name or ARN */
  service: string;
  profile: LoadProfile | null;
}

export function setLoad(state: SimState, input: SetLoadRequest): { serviceArn: string } {
  const cluster = resolveCluster(state, typeof input?.cluster === 'string' ? input.cluster : undefined);
  const ref = input?.service;
  const svc = typeof ref === 'string' ? findService(state, cluster, ref) : undefined;
  if (!svc || svc.status === 'INACTIVE') throw new AutoScalingError('ValidationException', LoadMessages.service(String(ref)));
  const book = autoscalingOf(state);
  if (input.profile === null) {
    delete book.loads[svc.serviceArn];
    emit(state, 'load.cleared', AutoscalingEvents.loadCleared(svc.serviceName), { resource: svc.serviceArn, data: { serviceName: svc.serviceName } });
    driveLoads(state);
    return { serviceArn: svc.serviceArn };
  }
  const profile = checkProfile(input.profile);
  book.loads[svc.serviceArn] = { profile, since: state.now };
  emit(state, 'load.set', AutoscalingEvents.loadSet(svc.serviceName, describeProfile(profile)), {
    resource: svc.serviceArn,
    data: { serviceName: svc.serviceName, profile: { ...profile } },
  });
  ensureTick(state);
  driveLoads(state);
  return { serviceArn: svc.serviceArn };
}

export const loadFaultOperations = { setLoad };
