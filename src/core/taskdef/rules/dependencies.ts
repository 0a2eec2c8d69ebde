/** References between containers and volumes: dependsOn (incl. cycles), links, volumesFrom, mountPoints. */
import { ContainerMessages } from '../messages';
import type { RuleInput } from './context';

export function checkDependsOn(r: RuleInput): void {
  for (const { c, i } of r.containers) {
    (c.dependsOn ?? []).forEach((d, j) => {
      if (!d?.containerName) return;
      const segs = ['containerDefinitions', i, 'dependsOn', j];
      const target = r.byName.get(d.containerName);
      if (!target) {
        r.error([...segs, 'containerName'], ContainerMessages.dependsOnMissing(d.containerName));
        return;
      }
      if ((d.condition === 'COMPLETE' || d.condition === 'SUCCESS') && target.c.essential !== false) {
        r.error([...segs, 'condition'], ContainerMessages.dependsOnEssential);
      }
      if (d.condition === 'HEALTHY' && !target.c.healthCheck && !r.isBad(['containerDefinitions', target.i, 'healthCheck'])) {
        r.error([...segs, 'condition'], ContainerMessages.dependsOnHealthy(d.containerName));
      }
    });
  }
  checkCycles(r);
}

/** Depth-first search over dependsOn edges; reports each cycle once, at the edge that closes it. */
function checkCycles(r: RuleInput): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'visiting');
    stack.push(name);
    const entry = r.byName.get(name);
    (entry?.c.dependsOn ?? []).forEach((d, j) => {
      const next = d?.containerName;
      if (!next || !r.byName.has(next)) return;
      const s = state.get(next);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        r.error(['containerDefinitions', entry!.i, 'dependsOn', j, 'containerName'], ContainerMessages.dependsOnCycle(cycle));
      } else if (s === undefined) visit(next);
    });
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of r.byName.keys()) if (!state.has(name)) visit(name);
}

export function checkReferences(r: RuleInput): void {
  const volumes = new Set((r.req.volumes ?? []).map((v) => v?.name).filter((n): n is string => n !== undefined));
  for (const { c, i } of r.containers) {
    (c.links ?? []).forEach((link, j) => {
      if (typeof link !== 'string') return;
      const target = link.split(':')[0];
      if (!r.byName.has(target)) r.error(['containerDefinitions', i, 'links', j], ContainerMessages.linkMissing(target));
    });
    (c.volumesFrom ?? []).forEach((v, j) => {
      if (v?.sourceContainer !== undefined && !r.byName.has(v.sourceContainer)) {
        r.error(['containerDefinitions', i, 'volumesFrom', j, 'sourceContainer'], ContainerMessages.volumesFromMissing(v.sourceContainer));
      }
    });
    (c.mountPoints ?? []).forEach((m, j) => {
      if (m?.sourceVolume !== undefined && !volumes.has(m.sourceVolume)) {
        r.error(['containerDefinitions', i, 'mountPoints', j, 'sourceVolume'], ContainerMessages.mountMissingVolume(m.sourceVolume));
      }
    });
  }
}
