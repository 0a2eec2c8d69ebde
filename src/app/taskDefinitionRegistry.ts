/**
 * The task definition editor's view of the simulation, through the ECS API only. Reads go through
 * `playground.sim`, so a $derived that calls them follows every change to the simulation.
 */
import type { TaskDefinition } from '@aws-sdk/client-ecs';
import type { Playground } from './playground.svelte';
import type { TaskDefinitionRegistry } from './taskDefinitionEditor.svelte';

function allPages(fetch: (nextToken: string | undefined) => { items: string[]; nextToken?: string }): string[] {
  const out: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < 1_000; page++) {
    const { items, nextToken } = fetch(token);
    out.push(...items);
    if (!nextToken) break;
    token = nextToken;
  }
  return out;
}

export function playgroundRegistry(playground: Playground): TaskDefinitionRegistry {
  // Views re-read on every clock frame; describing every revision each time is wasted work when the
  // list of revisions (and their statuses) has not changed. Keyed by the state object, which Reset
  // and snapshot restores replace.
  const described = new WeakMap<object, Map<string, { key: string; list: TaskDefinition[] }>>();
  return {
    register: (request) =>
      playground.act(() => {
        const td = playground.call('registerTaskDefinition', request).taskDefinition;
        if (!td) throw new Error('RegisterTaskDefinition returned no task definition');
        return td;
      }),

    families: () => {
      const sim = playground.sim;
      return allPages((nextToken) => {
        const r = sim.ecs.listTaskDefinitionFamilies({ status: 'ALL', nextToken });
        return { items: r.families ?? [], nextToken: r.nextToken };
      });
    },

    revisions: (family) => {
      const sim = playground.sim;
      const listed = (['ACTIVE', 'INACTIVE'] as const).map((status) =>
        allPages((nextToken) => {
          const r = sim.ecs.listTaskDefinitions({ familyPrefix: family, status, nextToken });
          return { items: r.taskDefinitionArns ?? [], nextToken: r.nextToken };
        }),
      );
      const arns = listed.flat();
      const key = listed.map((list) => list.join(' ')).join('|');
      let byFamily = described.get(sim.state);
      if (!byFamily) described.set(sim.state, (byFamily = new Map()));
      const cached = byFamily.get(family);
      if (cached && cached.key === key) return cached.list;
      const out: TaskDefinition[] = [];
      for (const arn of arns) {
        try {
          const td = sim.ecs.describeTaskDefinition({ taskDefinition: arn }).taskDefinition;
          if (td) out.push(td);
        } catch {
          // a revision that can no longer be described is left out of the picker
        }
      }
      out.sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
      byFamily.set(family, { key, list: out });
      return out;
    },
  };
}
