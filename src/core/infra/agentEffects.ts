/** What the agent machine's actions do to the container-instance record and the event log. */
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { clusterInstancesChanged } from '../scheduler/notify';
import type { Effect } from '../machines/driver';
import { InstanceEvents } from './eventMessages';

function record(state: SimState, arn: string) {
  return state.containerInstances[arn];
}

export const agentEffects: Record<string, Effect> = {
  markConnected: (state, arn) => {
    const ci = record(state, arn);
    if (!ci) return;
    ci.agentConnected = true;
    ci.connectivityChangedAt = state.now;
    ci.version++;
    emit(state, 'containerInstance.agentConnected', InstanceEvents.agentConnected(ci.ec2InstanceId, ci.clusterName), {
      resource: arn,
      data: { ec2InstanceId: ci.ec2InstanceId, clusterName: ci.clusterName },
    });
    clusterInstancesChanged(state, ci.clusterName);
  },
  markDisconnected: (state, arn, params: { forMs: number | null }) => {
    const ci = record(state, arn);
    if (!ci) return;
    ci.agentConnected = false;
    ci.connectivityChangedAt = state.now;
    ci.version++;
    emit(
      state,
      'containerInstance.agentDisconnected',
      InstanceEvents.agentDisconnected(ci.ec2InstanceId, ci.clusterName),
      { resource: arn, data: { ec2InstanceId: ci.ec2InstanceId, clusterName: ci.clusterName, forMs: params.forMs } },
    );
  },
  markStopped: (state, arn) => {
    const ci = record(state, arn);
    if (!ci || !ci.agentConnected) return;
    ci.agentConnected = false;
    ci.connectivityChangedAt = state.now;
    ci.version++;
  },
};
