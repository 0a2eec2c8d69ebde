/**
 * Queue handlers of the task area: deliver the agent's reports to task actors (adding the facts only
 * known when they fire, like a health check's result) and forget STOPPED tasks after an hour.
 */
import type { HandlerTable } from '../engine/kernel';
import type { SimState } from '../engine/state';
import { sendToActor } from '../machines/driver';
import { machines } from '../machines/registry';
import { rememberPull } from './images';
import { bookExpiredTask } from '../capacity/cost';
import { STOPPED_TASK_VISIBLE_MS, TASK_AGENT_EVENT, TASK_EXPIRE, type AgentEventPayload } from './effects';

/** Whether a `failHealthCheck` fault is in force for the container now. */
export function healthCheckFailing(state: SimState, taskArn: string, containerName: string): boolean {
  const until = state.tasks[taskArn]?.healthFailUntil[containerName];
  return until !== undefined && (until === -1 || until > state.now);
}

export const taskHandlers: HandlerTable = {
  [TASK_AGENT_EVENT]: (state, payload: AgentEventPayload) => {
    const event = { ...payload.event, at: state.now } as { type: string; name?: string; ok?: boolean; at: number };
    if (event.type === 'HEALTH_CHECK' && event.name !== undefined) event.ok = !healthCheckFailing(state, payload.taskArn, event.name);
    if (event.type === 'PULL_DONE' && event.ok) {
      const t = state.tasks[payload.taskArn];
      const image = t?.containers.find((c) => c.name === event.name)?.image;
      if (t?.containerInstanceArn && image && t.lastStatus === 'ACTIVATING') rememberPull(state, t.containerInstanceArn, image);
    }
    sendToActor(state, machines, payload.taskArn, event);
  },
  [TASK_EXPIRE]: (state, payload: { taskArn: string }) => {
    const t = state.tasks[payload.taskArn];
    if (t && t.lastStatus === 'STOPPED' && t.stoppedAt !== undefined && state.now - t.stoppedAt >= STOPPED_TASK_VISIBLE_MS) {
      // Its cost stays in the meter's ledger (capacity/cost.ts).
      bookExpiredTask(state, t);
      delete state.tasks[payload.taskArn];
    }
  },
};
