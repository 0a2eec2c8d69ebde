/**
 * Which record an ARN's tags live on, by ARN resource kind. TagResource, UntagResource and
 * ListTagsForResource go through this table; an area that adds a taggable resource (services,
 * capacity providers, task sets ...) adds one entry here.
 */
import type { SimState } from '../engine/state';
import type { Tag } from './tags';

export interface TagHolder {
  tags: Tag[];
}

/** What a resolver finds: the holder, or why there is none. */
export type TagLookup = { holder: TagHolder } | { missing: 'cluster' | 'resource' };

/** `path` is the ARN's resource part split on `/` after the kind, e.g. ['demo', '<id>'] for a task. */
export type TagTargetResolver = (state: SimState, path: string[], arn: string) => TagLookup;

function inActiveCluster(state: SimState, clusterName: string | undefined, find: () => TagHolder | undefined): TagLookup {
  const cluster = clusterName === undefined ? undefined : state.clusters[clusterName];
  if (!cluster || cluster.status !== 'ACTIVE') return { missing: 'cluster' };
  const holder = find();
  return holder ? { holder } : { missing: 'resource' };
}

export const tagTargets: Record<string, TagTargetResolver> = {
  cluster: (state, [name]) => {
    const c = state.clusters[name];
    return c && c.status === 'ACTIVE' ? { holder: c } : { missing: 'cluster' };
  },
  'container-instance': (state, [clusterName], arn) =>
    inActiveCluster(state, clusterName, () => {
      const ci = state.containerInstances[arn];
      return ci && ci.status !== 'INACTIVE' ? ci : undefined;
    }),
  'task-definition': (state, [familyRevision]) => {
    const [family, revision] = (familyRevision ?? '').split(':');
    const td = state.taskDefinitions?.[family]?.revisions.find((r) => String(r.revision) === revision);
    return td ? { holder: td } : { missing: 'resource' };
  },
  task: (state, [clusterName], arn) => inActiveCluster(state, clusterName, () => state.tasks?.[arn]),
  service: (state, [clusterName], arn) =>
    inActiveCluster(state, clusterName, () => {
      const svc = state.services?.[arn];
      return svc && svc.status !== 'INACTIVE' ? svc : undefined;
    }),
  'capacity-provider': (state, [name]) => {
    const p = state.capacity?.providers[name];
    return p && p.status === 'ACTIVE' ? { holder: p } : { missing: 'resource' };
  },
};
