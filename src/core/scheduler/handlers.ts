/** Queue handlers of the service scheduler. */
import type { HandlerTable } from '../engine/kernel';
import { RECONCILE } from './notify';
import { reconcileCluster } from './reconcile';
import { hookHandlers } from './shiftHooks';

export const schedulerHandlers: HandlerTable = {
  [RECONCILE]: (state, payload: { clusterName: string }) => reconcileCluster(state, payload.clusterName),
  ...hookHandlers,
};
