/**
 * How the learner looks at the cluster map: group-by and the service/status/AZ filter, kept per
 * cluster so switching clusters does not carry a filter that means nothing there.
 */
import { isFiltered, NO_FILTER, type MapFilter } from '../../views/clusterMap/filter';
import { GROUP_BYS, type MapGroupBy } from '../../views/clusterMap/group';

export class MapView {
  groupBy = $state<MapGroupBy>('az');
  #filters = $state<Record<string, MapFilter>>({});

  filterOf(cluster: string): MapFilter {
    return this.#filters[cluster] ?? NO_FILTER;
  }

  /** Changes part of a cluster's filter; '' means all. */
  setFilter(cluster: string, part: Partial<MapFilter>): void {
    this.#filters = { ...this.#filters, [cluster]: { ...this.filterOf(cluster), ...part } };
  }

  clear(cluster: string): void {
    const rest = { ...this.#filters };
    delete rest[cluster];
    this.#filters = rest;
  }

  isFiltered(cluster: string): boolean {
    return isFiltered(this.filterOf(cluster));
  }

  setGroupBy(value: string): void {
    if ((GROUP_BYS as readonly string[]).includes(value)) this.groupBy = value as MapGroupBy;
  }
}
