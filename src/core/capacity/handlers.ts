/** Queue handlers of the capacity area: the minute tick (groups, waiting tasks, managed scaling) and placement retries. */
import type { HandlerTable } from '../engine/kernel';
import { reconcileGroup } from './autoScalingGroups';
import { evaluateProvider } from './managedScaling';
import { providerOfGroup } from './providerLookup';
import { capacityOf } from './records';
import { CAPACITY_PLACE, CAPACITY_TICK, ensureCapacityTick } from './tick';
import { placeWaitingTasks, waitingInCluster } from './waiting';

export const capacityHandlers: HandlerTable = {
  [CAPACITY_TICK]: (state, payload: { clusterName: string }) => {
    const book = capacityOf(state);
    const clusterName = payload.clusterName;
    book.ticking[clusterName] = false;
    const cluster = state.clusters[clusterName];
    const groups = Object.values(book.autoScalingGroups).filter((g) => g.clusterName === clusterName);
    // Groups replace instances that went away; waiting tasks take what is free; then managed scaling.
    for (const g of groups) reconcileGroup(state, g);
    placeWaitingTasks(state, clusterName);
    for (const g of groups) {
      const p = providerOfGroup(state, g);
      if (!p || p.managedScaling.status !== 'ENABLED' || !cluster || cluster.status !== 'ACTIVE') continue;
      if (!cluster.capacityProviders.includes(p.name)) continue;
      evaluateProvider(state, p, g);
    }
    if (cluster?.status === 'ACTIVE' && (groups.length > 0 || waitingInCluster(state, clusterName).length > 0)) ensureCapacityTick(state, clusterName);
  },
  [CAPACITY_PLACE]: (state, payload: { clusterName: string }) => {
    placeWaitingTasks(state, payload.clusterName);
  },
};
