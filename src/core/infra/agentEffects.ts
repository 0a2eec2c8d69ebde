/** What the agent machine's actions do to the container-instance record and the event log. */
import { emit } from '../engine/kernel';
import type { SimState } from '../engine/state';
import type { Effect } from '../machines/driver';

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
    emit(state, 'containerInstance.agentConnected', `Agent on ${ci.ec2InstanceId} reconnected to the cluster ${ci.clusterName}.`, {
      resource: arn,
      data: { ec2InstanceId: ci.ec2InstanceId, clusterName: ci.clusterName },
    });
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
      `Agent on ${ci.ec2InstanceId} disconnected from the cluster ${ci.clusterName}; its tasks keep running, no new tasks are placed on it.`,
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
