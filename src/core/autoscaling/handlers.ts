/** Queue handlers of the Service Auto Scaling area. */
import type { HandlerTable } from '../engine/kernel';
import { LOAD_STEP, loadStep } from './drive';
import { AUTOSCALING_TICK, tick } from './tick';

export const autoscalingHandlers: HandlerTable = {
  [AUTOSCALING_TICK]: (state) => tick(state),
  [LOAD_STEP]: (state) => loadStep(state),
};
